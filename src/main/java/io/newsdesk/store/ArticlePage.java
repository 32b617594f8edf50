package io.newsdesk.store;

import java.util.List;

/** One page of articles; {@code nextCursor} is null on the last page. */
public record ArticlePage(List<ArticleView> items, String nextCursor) {
}
