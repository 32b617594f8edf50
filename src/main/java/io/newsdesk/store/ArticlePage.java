package io.newsdesk.store;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of articles; {@code nextCursor} is null on the last page. */
public record ArticlePage(List<ArticleView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page")
        String nextCursor) {
}
