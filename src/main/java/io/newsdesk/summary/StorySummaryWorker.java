package io.newsdesk.summary;

import io.newsdesk.api.DatabaseUnavailable;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Keeps story summaries current: claims the due stories and refreshes their summaries, one at a time. */
@ApplicationScoped
class StorySummaryWorker {

    private static final Logger LOG = Logger.getLogger(StorySummaryWorker.class);

    private final StorySummaryQueue queue;
    private final StorySummaryService summaries;
    private final SummaryConfig config;

    StorySummaryWorker(StorySummaryQueue queue, StorySummaryService summaries, SummaryConfig config) {
        this.queue = queue;
        this.summaries = summaries;
        this.config = config;
    }

    // One story at a time: an offline story summary embeds up to 500 sentences on the worker pool, which POSTs share.
    @Scheduled(every = "${newsdesk.summary.queue.poll-interval}", delayed = "${newsdesk.summary.queue.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> drain() {
        return queue.claimDue(config.queue().batchSize(), config.queue().lease())
                .onItem().transformToMulti(claimed -> Multi.createFrom().iterable(claimed))
                .onItem().transformToUniAndConcatenate(claimed -> summaries.refresh(claimed)
                        .onFailure(failure -> !DatabaseUnavailable.isCause(failure)).recoverWithUni(failure -> {
                            // Its lease runs out and it comes due again.
                            LOG.warnf(failure, "Summary of story %d not refreshed", claimed.storyId());
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last()
                .replaceWithVoid()
                .onFailure(DatabaseUnavailable::isCause).recoverWithUni(failure -> {
                    LOG.warnf("Story summary queue not polled, database unavailable: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
