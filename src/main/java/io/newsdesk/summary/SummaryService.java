package io.newsdesk.summary;

import io.newsdesk.store.SummaryStatus;

import io.newsdesk.store.Article;
import io.newsdesk.llm.LlmFailures;
import io.newsdesk.llm.LlmRateLimit;
import io.newsdesk.llm.LlmUnavailableException;
import io.newsdesk.platform.VertxContexts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
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

    /** Summarises a freshly stored article within the inline timeout; the article shows the outcome. */
    public Uni<Article> summarizeNow(Article article) {
        Executor backOnContext = VertxContexts.current();
        SummaryRequest request = new SummaryRequest(article.title, article.text, article.language);
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
                .emitOn(backOnContext)
                .onItemOrFailure().transformToUni((summary, failure) -> failure == null
                        ? queue.complete(article.id, summary).replaceWith(() -> withSummary(article, summary))
                        : recordFailure(article.id, article.summaryAttempts, failure).replaceWith(article))
                // The article is stored: a failure to record the summary's outcome (the database went away in the
                // meantime) must not turn into an error answer for a stored article. It stays PENDING and the queue
                // takes it up once its inline lease has passed.
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Article %d stored, but its summary could not be recorded (%s); it stays queued",
                            article.id, failure.toString().lines().findFirst().orElse(""));
                    return article;
                });
    }

    /** Summarises an article claimed from the queue. */
    public Uni<Void> summarizeQueued(long articleId, SummaryRequest request, int attemptsSoFar) {
        Executor backOnContext = VertxContexts.current();
        return summarizers.primary().summarize(request)
                .ifNoItem().after(config.queue().lease()).fail()
                .emitOn(backOnContext)
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

    private static Article withSummary(Article article, Summary summary) {
        article.summary = summary.text();
        article.summarizer = summary.summarizer();
        article.summarizedAt = summary.summarizedAt();
        article.summaryStatus = SummaryStatus.READY;
        return article;
    }
}
