package io.newsdesk.summary;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** newsdesk.summary.*: summary length, how long POST waits, and the retry policy of the queue. */
@ConfigMapping(prefix = "newsdesk.summary")
public interface SummaryConfig {

    @WithDefault("3")
    int maxSentences();

    @WithDefault("80")
    int maxWords();

    /**
     * How long POST waits for the summary before answering 202 with the summary still PENDING. With the extractive
     * fallback, the LLM gets this long minus the time the fallback needs.
     */
    @WithDefault("20s")
    Duration inlineTimeout();

    /**
     * With an LLM configured: when it fails or is slower than the inline timeout, answer with the extractive summary
     * at once instead of 202 and a queued retry.
     */
    @WithDefault("false")
    boolean fallbackToExtractive();

    /** Attempts before an article's summary is FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one, up to {@link #retryBackoffMax()}. */
    @WithDefault("10s")
    Duration retryBackoff();

    @WithDefault("10m")
    Duration retryBackoffMax();

    Queue queue();

    interface Queue {

        /** How often a worker looks for due summaries. */
        @WithDefault("2s")
        Duration pollInterval();

        /** Summaries one worker claims per poll. */
        @WithDefault("16")
        int batchSize();

        /** How long a claim holds before the article comes due again (a crashed worker's claims expire). */
        @WithDefault("120s")
        Duration lease();
    }

    default SummaryLimits limits() {
        return new SummaryLimits(maxSentences(), maxWords());
    }

    /** The wait before attempt number {@code attempt + 1}, after {@code attempt} failures. */
    default Duration backoffAfter(int attempt) {
        Duration wait = retryBackoff().multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(retryBackoffMax()) > 0 ? retryBackoffMax() : wait;
    }
}
