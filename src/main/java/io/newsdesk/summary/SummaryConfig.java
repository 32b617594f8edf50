package io.newsdesk.summary;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** newsdesk.summary.*: summary length, how long POST waits, and the retry policy of the queue. */
@ConfigMapping(prefix = "newsdesk.summary")
public interface SummaryConfig {

    @Description("Sentences per summary at most.")
    @WithDefault("3")
    @Min(1)
    int maxSentences();

    @Description("Words per summary at most.")
    @WithDefault("80")
    @Min(1)
    int maxWords();

    @Description("How long POST waits for the summary before answering 202 with the summary still PENDING. With the "
            + "extractive fallback, the LLM gets this long minus the time the fallback needs.")
    @WithDefault("20s")
    @DurationMin(millis = 1)
    Duration inlineTimeout();

    @Description("With an LLM (needs newsdesk.llm.enabled=true): when it fails or is slower than the inline timeout, "
            + "answer with the extractive summary at once instead of 202 and a queued retry.")
    @WithDefault("false")
    boolean fallbackToExtractive();

    @Description("Attempts before an article's summary is FAILED.")
    @WithDefault("5")
    @Min(1)
    int maxAttempts();

    @Description("Wait after the first failed attempt; doubled after each further one, up to retry-backoff-max.")
    @WithDefault("10s")
    @DurationMin(millis = 0)
    Duration retryBackoff();

    @Description("Longest wait between two attempts; at least retry-backoff.")
    @WithDefault("10m")
    @DurationMin(millis = 0)
    Duration retryBackoffMax();

    Queue queue();

    interface Queue {

        @Description("How often a worker looks for due summaries.")
        @WithDefault("2s")
        @DurationMin(millis = 1)
        Duration pollInterval();

        @Description("Summaries one worker claims per poll.")
        @WithDefault("16")
        @Min(1)
        int batchSize();

        @Description("How long a claim holds before the article comes due again (a crashed worker's claims expire).")
        @WithDefault("120s")
        @DurationMin(millis = 1)
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
