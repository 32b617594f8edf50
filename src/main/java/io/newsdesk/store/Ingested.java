package io.newsdesk.store;

import io.newsdesk.store.Article;

/** The outcome of one POST: the stored article, and whether this request created it. */
public record Ingested(Article article, boolean created) {
}
