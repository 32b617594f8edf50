package io.newsdesk.story;

import io.newsdesk.testing.Database;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * POSTs whose story assignments happen at the same moment, so that none sees the others: the lock under which
 * assignments take their update number is held until every one waits on it, so all lookups are done before any
 * commits. Then each finds the others only in its post-commit reconciliation.
 */
final class SimultaneousPosts {

    private SimultaneousPosts() {
    }

    static List<Response> post(Pool pool, Database database, List<Supplier<Response>> posts) {
        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        List<CompletableFuture<Response>> answers;
        try {
            lock(holder, "pg_advisory_lock");
            answers = posts.stream().map(CompletableFuture::supplyAsync).toList();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> database.count(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == posts.size());
        } finally {
            lock(holder, "pg_advisory_unlock");
            holder.closeAndAwait();
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private static void lock(SqlConnection connection, String function) {
        connection.preparedQuery("SELECT " + function + "($1)").execute(Tuple.of(StoryUpdates.NUMBERING_LOCK))
                .await().atMost(Duration.ofSeconds(10));
    }
}
