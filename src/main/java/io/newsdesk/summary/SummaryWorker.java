package io.newsdesk.summary;

import io.newsdesk.store.SummaryStatus;

import io.newsdesk.api.DatabaseUnavailable;
import io.newsdesk.store.Article;
import io.newsdesk.store.ArticleRepository;
import io.newsdesk.platform.VertxContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Completes queued summaries: claims the due articles and summarises them concurrently, then refreshes the queue
 * depth gauge.
 */
@ApplicationScoped
class SummaryWorker {

    private static final Logger LOG = Logger.getLogger(SummaryWorker.class);

    private final SummaryQueue queue;
    private final SummaryService summaries;
    private final ArticleRepository articles;
    private final SummaryConfig config;
    private final AtomicLong depth = new AtomicLong();

    SummaryWorker(SummaryQueue queue, SummaryService summaries, ArticleRepository articles, SummaryConfig config,
            MeterRegistry registry) {
        this.queue = queue;
        this.summaries = summaries;
        this.articles = articles;
        this.config = config;
        registry.gauge("newsdesk.summary.queue.depth", depth);
    }

    @Scheduled(every = "${newsdesk.summary.queue.poll-interval}", delayed = "${newsdesk.summary.queue.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> drain() {
        return queue.claimDue(config.queue().batchSize(), config.queue().lease())
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndMerge(id -> VertxContexts.onOwnContext(() -> summarize(id)))
                .collect().last()
                .chain(queue::depth)
                .invoke(depth::set)
                .replaceWithVoid()
                // The next poll tries again; a stack trace every poll while the database is down says nothing more.
                .onFailure(DatabaseUnavailable::isCause).recoverWithUni(failure -> {
                    LOG.warnf("Summary queue not polled, database unavailable: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private record Claimed(Article article, Summary originalSummary) {
    }

    private Uni<Void> summarize(long articleId) {
        return Panache.withSession(() -> articles.findById(articleId).flatMap(article -> article == null
                        ? Uni.createFrom().<Claimed>nullItem()
                        : originalSummary(article).map(original -> new Claimed(article, original))))
                .flatMap(claimed -> {
                    if (claimed == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (claimed.originalSummary() != null) {
                        return queue.complete(articleId, claimed.originalSummary());
                    }
                    Article article = claimed.article();
                    return summaries.summarizeQueued(articleId,
                            new SummaryRequest(article.title, article.text, article.language), article.summaryAttempts);
                });
    }

    /** For a copy whose original is summarised by now: that summary (a copy never costs an LLM call of its own). */
    private Uni<Summary> originalSummary(Article article) {
        if (article.duplicateOf == null || article.duplicateKind == null || !article.duplicateKind.isCopy()) {
            return Uni.createFrom().nullItem();
        }
        return articles.findById(article.duplicateOf).map(original -> original != null
                && original.summaryStatus == SummaryStatus.READY
                ? new Summary(original.summary, original.summarizer, original.summarizedAt)
                : null);
    }
}
