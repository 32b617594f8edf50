package io.newsdesk.summary;

import io.newsdesk.embedding.LexicalEmbeddingModel;
import io.newsdesk.store.Summary;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The summarizer that needs no LLM: {@link ExtractiveSummarizer} on {@link LexicalEmbeddingModel lexical sentence
 * vectors}, the same in every build. The neural sentence embeddings it used before scored no better on the summary
 * corpora (docs/quality.md) and took most of the service's CPU per POST (docs/benchmarks.md, section 2). Runs on a
 * worker thread, never on the event loop.
 */
public class OfflineSummarizer implements Summarizer {

    /** The label of its summaries, and of the offline story summaries. */
    public static final String NAME = "extractive";

    private final ExtractiveSummarizer summarizer;
    private final Clock clock;

    public OfflineSummarizer(SummaryLimits limits, Clock clock) {
        this.summarizer = new ExtractiveSummarizer(new LexicalEmbeddingModel(), limits);
        this.clock = clock;
    }

    @Override
    public Uni<Summary> summarize(SummaryRequest request) {
        return Uni.createFrom()
                .item(() -> new Summary(summarizer.summarize(request.text()).text(), NAME,
                        clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
