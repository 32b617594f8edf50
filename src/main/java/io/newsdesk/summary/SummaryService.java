package io.newsdesk.summary;

import io.newsdesk.store.Summary;
import io.newsdesk.llm.LlmFailures;
import io.newsdesk.llm.LlmRateLimit;
import io.newsdesk.llm.LlmUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Summarises stored articles: right away for a POST (bounded by the inline timeout), or later from the queue. Either
 * way the article is already stored, so a slow or failing summarizer never loses it.
 */
@ApplicationScoped
public class SummaryService {

    private static final Logger LOG = Logger.getLogger(SummaryService.class);

    private final Summarizers summarizers;
    private final SummaryQueue queue;
    private final LlmRateLimit rateLimit;
    private final SummaryConfig config;
    private final Clock clock;

    SummaryService(Summarizers summarizers, SummaryQueue queue, LlmRateLimit rateLimit, SummaryConfig config,
            Clock clock) {
        this.summarizers = summarizers;
        this.queue = queue;
        this.rateLimit = rateLimit;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Summarises a freshly stored article within the inline timeout. Emits the summary, already recorded, or empty
     * when the article stays queued (the summarizer failed or was too slow).
     */
    public Uni<Optional<Summary>> summarizeNow(long articleId, SummaryRequest request) {
        Uni<Summary> primary = summarizers.primary().summarize(request);
        Uni<Summary> attempt = summarizers.fallback()
                .map(fallback -> primary.ifNoItem().after(config.inlineTimeout().dividedBy(2)).fail()
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("LLM summary failed (%s); answering with the extractive summary",
                                    LlmFailures.describe(failure));
                            return fallback.summarize(request);
                        }))
                .orElse(primary);
        return attempt
                .ifNoItem().after(config.inlineTimeout()).fail()
                .onItemOrFailure().transformToUni((summary, failure) -> failure == null
                        ? queue.complete(articleId, summary).replaceWith(Optional.of(summary))
                        : recordFailure(articleId, 0, failure).replaceWith(Optional.<Summary>empty()))
                // The article is stored: a failure to record the summary's outcome (the database went away in the
                // meantime) must not turn into an error answer for a stored article. It stays PENDING and the queue
                // takes it up once its inline lease has passed.
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Article %d stored, but its summary could not be recorded (%s); it stays queued",
                            articleId, failure.toString().lines().findFirst().orElse(""));
                    return Optional.empty();
                });
    }

    /** Summarises an article claimed from the queue. */
    public Uni<Void> summarizeQueued(long articleId, SummaryRequest request, int attemptsSoFar) {
        return summarizers.primary().summarize(request)
                .ifNoItem().after(config.queue().lease()).fail()
                .onItemOrFailure().transformToUni((summary, failure) -> failure == null
                        ? queue.complete(articleId, summary)
                        : recordFailure(articleId, attemptsSoFar, failure));
    }

    private Uni<Void> recordFailure(long articleId, int attemptsSoFar, Throwable failure) {
        String reason = LlmFailures.describe(failure);
        if (failure instanceof LlmUnavailableException) {
            // The LLM was not asked (circuit open, or a Retry-After pause): not an attempt. Counting these would
            // turn every summary queued during a long outage FAILED before the LLM is back.
            LOG.debugf("Summary of article %d postponed: %s", articleId, reason);
            return queue.postpone(articleId, reason, nextAttempt(config.backoffAfter(attemptsSoFar)));
        }
        LOG.warnf("Summary of article %d failed (attempt %d): %s", articleId, attemptsSoFar + 1, reason);
        return queue.failed(articleId, reason, nextAttempt(config.backoffAfter(attemptsSoFar + 1)),
                config.maxAttempts());
    }

    private Instant nextAttempt(Duration backoff) {
        Instant afterBackoff = clock.instant().plus(backoff);
        return rateLimit.pausedUntil().isAfter(afterBackoff) ? rateLimit.pausedUntil() : afterBackoff;
    }
}
