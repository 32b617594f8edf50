package io.newsdesk.story;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.TreeSet;

/**
 * Serialises the story assignment of copies across threads and instances with transaction-scoped advisory locks
 * keyed by the article's normalised-text hash and LSH band hashes: any copy it could be matched with shares one, so
 * copies posted at once are judged one after the other and never start two stories. Only such articles wait for
 * each other; other pairs assigned at the same time are reconciled after commit ({@link StoryAssigner}). Keys are
 * taken in ascending order, so lock waits cannot deadlock.
 */
final class StoryLocks {

    private StoryLocks() {
    }

    static Long[] keys(ArticleToAssign article) {
        TreeSet<Long> keys = new TreeSet<>();
        keys.add(article.fingerprints().text().exactHash());
        for (long band : article.fingerprints().text().bandHashes()) {
            keys.add(band);
        }
        return keys.toArray(Long[]::new);
    }

    /** Waits for every key, in ascending order (unnest keeps the array order); released at commit or rollback. */
    static Uni<Void> acquire(SqlConnection connection, Long[] sortedKeys) {
        return connection.preparedQuery("SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k")
                .execute(Tuple.of(sortedKeys))
                .replaceWithVoid();
    }
}
