package io.newsdesk.story;

import io.newsdesk.fingerprint.ArticleFingerprinter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Assigns the stored articles that have no story: those whose assignment failed during ingest (database trouble, a
 * crash between storing and deciding) and those stored before stories existed. Articles younger than the grace
 * period are left to the request that is still deciding them.
 */
@ApplicationScoped
class StorySweeper {

    private static final Logger LOG = Logger.getLogger(StorySweeper.class);
    private static final int BATCH = 50;

    private final Pool pool;
    private final Vertx vertx;
    private final ArticleFingerprinter fingerprinter;
    private final StoryAssigner assigner;
    private final StoryConfig config;

    StorySweeper(Pool pool, Vertx vertx, ArticleFingerprinter fingerprinter, StoryAssigner assigner,
            StoryConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.fingerprinter = fingerprinter;
        this.assigner = assigner;
        this.config = config;
    }

    // Non-blocking, so the scheduler runs it on a safe duplicated context, which story assignment needs.
    @Scheduled(every = "${newsdesk.story.sweep-interval}", delayed = "${newsdesk.story.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return pool.preparedQuery("""
                        SELECT id, title, text, published_at FROM article
                        WHERE story_id IS NULL AND received_at < now() - make_interval(secs => $1)
                        ORDER BY received_at LIMIT $2""")
                .execute(Tuple.of((double) config.sweepGrace().toMillis() / 1000, BATCH))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(this::assign)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Assignment> assign(Row row) {
        long id = row.getLong("id");
        String title = row.getString("title");
        String text = row.getString("text");
        return vertx.executeBlocking(Uni.createFrom().item(() -> fingerprinter.fingerprint(title, text)), false)
                .flatMap(fingerprints -> assigner.assign(new ArticleToAssign(id, title, text,
                        row.getOffsetDateTime("published_at").toInstant(), fingerprints)))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Story of article %d still not decided: %s", id, failure.toString());
                    return null;
                });
    }
}
