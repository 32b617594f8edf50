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
 * @param side        what the same-story model sees of it (names, figures, dates, embedding, time)
 */
public record DedupArticle(String title, String cleanedText, Instant publishedAt, float[] embedding,
        TextFingerprint fingerprint, SameStoryFeatures.Side side) {

    public DedupArticle {
        if (cleanedText == null || fingerprint == null || side == null) {
            throw new IllegalArgumentException("cleanedText, fingerprint and side are required");
        }
    }

    /** The article with the fingerprint of its text under the default parameters. */
    public static DedupArticle of(String title, String cleanedText, Instant publishedAt, float[] embedding) {
        return of(title, cleanedText, publishedAt, embedding, TextFingerprint.of(cleanedText));
    }

    /** The article with a fingerprint computed already. */
    public static DedupArticle of(String title, String cleanedText, Instant publishedAt, float[] embedding,
            TextFingerprint fingerprint) {
        return new DedupArticle(title, cleanedText, publishedAt, embedding, fingerprint,
                SameStoryFeatures.Side.of(title, cleanedText, embedding, publishedAt));
    }
}
