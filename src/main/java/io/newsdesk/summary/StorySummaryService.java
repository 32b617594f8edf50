package io.newsdesk.summary;

import io.newsdesk.llm.LlmFailures;
import io.newsdesk.llm.LlmRateLimit;
import io.newsdesk.llm.LlmUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Brings a claimed story's summary up to date. The offline summary is written first whenever the set of distinct
 * articles changed; with an LLM, the LLM's summary of that set then replaces it: from the answer cache if the LLM
 * already summarised exactly these articles, else from one call. A failing LLM leaves the offline summary in place
 * and is asked again with the article summaries' backoff, up to their attempt limit.
 */
@ApplicationScoped
class StorySummaryService {

    private static final Logger LOG = Logger.getLogger(StorySummaryService.class);

    private final StorySummaryQueue queue;
    private final Summarizers summarizers;
    private final StorySummaryConfig config;
    private final SummaryConfig retries;
    private final LlmRateLimit rateLimit;
    private final Clock clock;

    StorySummaryService(StorySummaryQueue queue, Summarizers summarizers, StorySummaryConfig config,
            SummaryConfig retries, LlmRateLimit rateLimit, Clock clock) {
        this.queue = queue;
        this.summarizers = summarizers;
        this.config = config;
        this.retries = retries;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    Uni<Void> refresh(StorySummaryQueue.Claimed claimed) {
        return queue.articles(claimed.storyId(), MultiDocumentSummarizer.MAX_ARTICLES).flatMap(articles -> {
            if (articles.size() < 2) {
                return settle(claimed, null, null, null);
            }
            String articleSet = StorySummaryQueue.articleSet(articles);
            boolean sameSet = articleSet.equals(claimed.articleSet());
            Uni<Void> offline = sameSet ? Uni.createFrom().voidItem()
                    : summarizers.storyOffline().summarize(articles).flatMap(summary -> summary.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : queue.write(claimed, summary, summarizers.storyOffline().name(), articleSet));
            // The same set already summarised by the LLM, or given up on after max-attempts: no call.
            return offline.chain(() -> summarizers.storyLlm()
                    .filter(llm -> !(sameSet && (llm.label().equals(claimed.summarizer())
                            || claimed.llmAttempts() >= retries.maxAttempts())))
                    .map(llm -> byLlm(claimed, llm, articles, articleSet, sameSet ? claimed.llmAttempts() : 0))
                    .orElseGet(() -> settle(claimed, null, null, null)));
        });
    }

    private Uni<Void> byLlm(StorySummaryQueue.Claimed claimed, LlmStorySummarizer llm, List<StoryArticle> articles,
            String articleSet, int attemptsSoFar) {
        return queue.cachedAnswer(articleSet, llm.label())
                .flatMap(cached -> cached.isPresent() ? Uni.createFrom().item(cached.get())
                        : llm.summarize(articles)
                                .ifNoItem().after(retries.queue().lease()).fail()
                                .call(summary -> queue.saveAnswer(articleSet, llm.label(), summary)))
                .onItemOrFailure().transformToUni((summary, failure) -> {
                    if (failure == null) {
                        return queue.write(claimed, summary, llm.label(), articleSet)
                                .chain(() -> settle(claimed, null, 0, null));
                    }
                    String reason = LlmFailures.describe(failure);
                    if (failure instanceof LlmUnavailableException) {
                        // Not asked (open circuit, Retry-After pause): no attempt used up.
                        return settle(claimed, retryAt(attemptsSoFar), attemptsSoFar, reason);
                    }
                    int attempts = attemptsSoFar + 1;
                    LOG.warnf("LLM summary of story %d failed (attempt %d), its offline summary stays: %s",
                            claimed.storyId(), attempts, reason);
                    return settle(claimed, attempts < retries.maxAttempts() ? retryAt(attempts) : null, attempts,
                            reason);
                });
    }

    /** {@code llmAttempts} null: the LLM was not asked, its attempts and last error stay as they are. */
    private Uni<Void> settle(StorySummaryQueue.Claimed claimed, Instant retryAt, Integer llmAttempts,
            String llmError) {
        return queue.settle(claimed.storyId(), claimed.version(), config.debounce(), retryAt, llmAttempts, llmError);
    }

    private Instant retryAt(int attempts) {
        Instant afterBackoff = clock.instant().plus(retries.backoffAfter(attempts));
        return rateLimit.pausedUntil().isAfter(afterBackoff) ? rateLimit.pausedUntil() : afterBackoff;
    }
}
