package io.newsdesk.summary;

import io.newsdesk.article.Article;
import io.newsdesk.llm.LlmFailures;
import io.newsdesk.llm.LlmRateLimit;
import io.newsdesk.platform.VertxContexts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
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
                        : recordFailure(article.id, article.summaryAttempts, failure).replaceWith(article));
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
        LOG.warnf("Summary of article %d failed (attempt %d): %s", articleId, attemptsSoFar + 1, reason);
        Instant backoff = clock.instant().plus(config.backoffAfter(attemptsSoFar + 1));
        Instant next = rateLimit.pausedUntil().isAfter(backoff) ? rateLimit.pausedUntil() : backoff;
        return queue.failed(articleId, reason, next, config.maxAttempts());
    }

    private static Article withSummary(Article article, Summary summary) {
        article.summary = summary.text();
        article.summarizer = summary.summarizer();
        article.summarizedAt = summary.summarizedAt();
        article.summaryStatus = SummaryStatus.READY;
        return article;
    }
}
