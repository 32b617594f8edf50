package io.newsdesk.store;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The article as clients see it. */
public record ArticleView(
        long id,
        String title,
        @Schema(nullable = true) String url,
        @Schema(nullable = true) String canonicalUrl,
        @Schema(nullable = true) String source,
        Instant publishedAt,
        Instant receivedAt,
        String language,
        @Schema(nullable = true, description = "with html, the page's author unless the request gave one")
        String author,
        @Schema(nullable = true, description = "with html, the page's og:site_name unless the request gave one")
        String siteName,
        String text,
        @Schema(nullable = true, description = "null until the story is decided") Long storyId,
        @Schema(nullable = true) Long duplicateOf,
        @Schema(nullable = true) DuplicateKind duplicateKind,
        @Schema(nullable = true) Double similarity,
        @Schema(nullable = true) String duplicateReason,
        @Schema(nullable = true, description = "null while summaryStatus is PENDING or FAILED") String summary,
        SummaryStatus summaryStatus,
        @Schema(nullable = true) String summarizer,
        @Schema(nullable = true) Instant summarizedAt) {

    public static ArticleView of(Article article) {
        return new ArticleView(article.id, article.title, article.url, article.canonicalUrl, article.source,
                article.publishedAt, article.receivedAt, article.language, article.author, article.siteName, article.text, article.storyId, article.duplicateOf,
                article.duplicateKind, article.similarity, article.duplicateReason, article.summary,
                article.summaryStatus, article.summarizer, article.summarizedAt);
    }
}
