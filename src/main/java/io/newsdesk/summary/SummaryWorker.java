package io.newsdesk.summary;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.api.DatabaseUnavailable;
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
    private final SummaryConfig config;
    private final AtomicLong depth = new AtomicLong();

    SummaryWorker(SummaryQueue queue, SummaryService summaries, SummaryConfig config, MeterRegistry registry) {
        this.queue = queue;
        this.summaries = summaries;
        this.config = config;
        registry.gauge("newsdesk.summary.queue.depth", depth);
    }

    @Scheduled(every = "${newsdesk.summary.queue.poll-interval}", delayed = "${newsdesk.summary.queue.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> drain() {
        return queue.claimDue(config.queue().batchSize(), config.queue().lease())
                .onItem().transformToMulti(claimed -> Multi.createFrom().iterable(claimed))
                .onItem().transformToUniAndMerge(this::summarize)
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

    private Uni<Void> summarize(SummaryQueue.Claimed claimed) {
        return claimed.originalSummary() != null
                ? queue.complete(claimed.articleId(), claimed.originalSummary())
                : summaries.summarizeQueued(claimed.articleId(), claimed.request(), claimed.attempts());
    }
}
