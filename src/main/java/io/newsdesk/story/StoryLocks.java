package io.newsdesk.story;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.TreeSet;

/**
 * Serialises story assignment across threads and instances with transaction-scoped advisory locks keyed by the
 * article's candidate set: its normalised-text hash and LSH band hashes (any copy it could be matched with shares
 * one), and the publication days its SAME_STORY window covers (any article within the window shares a day). Two
 * articles that could end up in one story therefore never decide at the same time, whichever arrives first; the
 * second sees the first. Keys are taken in ascending order, so lock waits cannot deadlock.
 */
final class StoryLocks {

    private static final long DAY_NAMESPACE = 0x5D0A_7E57_0000_0000L;

    private StoryLocks() {
    }

    static Long[] keys(ArticleToAssign article, Duration window, boolean withWindow) {
        TreeSet<Long> keys = new TreeSet<>();
        keys.add(article.fingerprints().text().exactHash());
        for (long band : article.fingerprints().text().bandHashes()) {
            keys.add(band);
        }
        if (withWindow) {
            long day = article.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
            long days = Math.max(1, (window.toHours() + 23) / 24);
            for (long d = day - days; d <= day + days; d++) {
                keys.add(DAY_NAMESPACE ^ d);
            }
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
