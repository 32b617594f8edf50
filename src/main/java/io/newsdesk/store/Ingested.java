package io.newsdesk.store;

/** The outcome of one POST: the stored article, and whether this request created it. */
public record Ingested(Article article, boolean created) {
}
