package io.newsdesk.summary;

/**
 * How long an extractive summary may be.
 *
 * @param maxSentences at most this many sentences (at least 1)
 * @param maxWords     at most this many whitespace-separated words (at least 1)
 */
public record SummaryLimits(int maxSentences, int maxWords) {

    public static final int DEFAULT_MAX_SENTENCES = 3;
    public static final int DEFAULT_MAX_WORDS = 80;
    public static final SummaryLimits DEFAULT = new SummaryLimits(DEFAULT_MAX_SENTENCES, DEFAULT_MAX_WORDS);

    public SummaryLimits {
        if (maxSentences < 1) {
            throw new IllegalArgumentException("maxSentences must be at least 1, was " + maxSentences);
        }
        if (maxWords < 1) {
            throw new IllegalArgumentException("maxWords must be at least 1, was " + maxWords);
        }
    }
}
