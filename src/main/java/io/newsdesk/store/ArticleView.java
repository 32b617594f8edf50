package io.newsdesk.store;

import java.time.Instant;

/** The article as clients see it. */
public record ArticleView(
        long id,
        String title,
        String url,
        String canonicalUrl,
        String source,
        Instant publishedAt,
        Instant receivedAt,
        String language,
        String author,
        String siteName,
        String text,
        Long storyId,
        Long duplicateOf,
        DuplicateKind duplicateKind,
        Double similarity,
        String duplicateReason,
        String summary,
        SummaryStatus summaryStatus,
        String summarizer,
        Instant summarizedAt) {

    public static ArticleView of(Article article) {
        return new ArticleView(article.id, article.title, article.url, article.canonicalUrl, article.source,
                article.publishedAt, article.receivedAt, article.language, article.author, article.siteName, article.text, article.storyId, article.duplicateOf,
                article.duplicateKind, article.similarity, article.duplicateReason, article.summary,
                article.summaryStatus, article.summarizer, article.summarizedAt);
    }
}
