package io.newsdesk.store;

import java.time.Instant;

/** Filters and position of one page of the article list. */
public record ArticleQuery(int limit, PageCursor after, String source, Instant since, Instant until) {
}
