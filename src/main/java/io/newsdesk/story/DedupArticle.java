package io.newsdesk.story;

import io.newsdesk.fingerprint.TextFingerprint;

import java.time.Instant;

/**
 * What the duplicate check knows of one article.
 *
 * @param title       the headline; may be null
 * @param cleanedText the article text without chrome ({@code ArticleCleaner}), not null
 * @param publishedAt publication time; may be null (then SAME_STORY is never decided)
 * @param embedding   story embedding (see {@link StoryEmbedder}), unit length or not; may be null
 * @param fingerprint the fingerprint of {@code cleanedText}
 */
public record DedupArticle(String title, String cleanedText, Instant publishedAt, float[] embedding,
        TextFingerprint fingerprint) {

    public DedupArticle {
        if (cleanedText == null || fingerprint == null) {
            throw new IllegalArgumentException("cleanedText and fingerprint are required");
        }
    }

    /** The article with the fingerprint of its text under the default parameters. */
    public static DedupArticle of(String title, String cleanedText, Instant publishedAt, float[] embedding) {
        return new DedupArticle(title, cleanedText, publishedAt, embedding, TextFingerprint.of(cleanedText));
    }
}
