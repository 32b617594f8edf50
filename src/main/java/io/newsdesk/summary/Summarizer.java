package io.newsdesk.summary;

import io.newsdesk.store.Summary;
import io.smallrye.mutiny.Uni;

/** Writes the summary of one article. The returned Uni may complete on any thread. */
public interface Summarizer {

    Uni<Summary> summarize(SummaryRequest request);
}
