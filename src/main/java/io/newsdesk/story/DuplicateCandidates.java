package io.newsdesk.story;

import io.newsdesk.fingerprint.ArticleFingerprints;
import io.newsdesk.embedding.SimHash;
import io.newsdesk.embedding.Vectors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the earlier articles worth judging, through indexes only: the normalised-text hash (btree) and shared LSH band
 * hashes (GIN on the band array) for copies, ranked by the number of shared bands; and, for SAME_STORY, the story
 * embeddings published within the window (the narrow table's time index, whose SimHash column screens out vectors
 * too far away; only the survivors' vectors are read, by key, from the wide table), ranked by cosine.
 */
public final class DuplicateCandidates {

    /**
     * PostgreSQL has no element statistics for unique random band hashes, so it estimates an overlap with 64 of them
     * at about a quarter of the table and would rather scan it all than use the GIN index, which answers in well under
     * a millisecond. Candidate lookups therefore run with sequential scans off (for this transaction only).
     */
    public static final String USE_INDEXES = "SET LOCAL enable_seqscan = off";

    /** $1 the new article's id, $2 its text hash, $3 its band hashes, $4 the most candidates. */
    public static final String COPIES = """
            SELECT a.id FROM article a
            WHERE a.story_id IS NOT NULL AND a.id <> $1 AND (a.exact_hash = $2 OR a.lsh_bands && $3)
            ORDER BY a.exact_hash = $2 DESC,
                     (SELECT count(*) FROM unnest(a.lsh_bands) AS b WHERE b = ANY($3)) DESC, a.id
            LIMIT $4""";
    /** $1, $2 the window, $3 the new article's id, $4 its SimHash, $5 the largest Hamming distance. */
    public static final String IN_WINDOW = """
            SELECT v.article_id, v.vector FROM article_vector v
            WHERE v.article_id IN (SELECT w.article_id FROM article_embedding w
                                   WHERE w.published_at BETWEEN $1 AND $2 AND w.article_id <> $3
                                     AND bit_count((w.sim_hash # $4)::bit(64)) <= $5)""";
    private static final String DETAILS = """
            SELECT id, story_id, title, text, published_at FROM article WHERE id = ANY($1) AND story_id IS NOT NULL""";

    private DuplicateCandidates() {
    }

    /** Up to {@code max} candidates of each kind; embeddings only for those found through the window. */
    static Uni<List<StoredCandidate>> find(SqlConnection connection, ArticleToAssign article, Duration window,
            double minCosine, int max) {
        ArticleFingerprints fingerprints = article.fingerprints();
        Long[] bands = box(fingerprints.text().bandHashes());
        Uni<List<Long>> copies = connection.query(USE_INDEXES).execute().chain(() -> connection.preparedQuery(COPIES)
                .execute(Tuple.of(article.id(), fingerprints.text().exactHash(), bands, max)))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
        return copies.flatMap(copyIds -> near(connection, article, window, minCosine, max).flatMap(near -> {
            Set<Long> ids = new LinkedHashSet<>(copyIds);
            ids.addAll(near.keySet());
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<StoredCandidate>of());
            }
            return connection.preparedQuery(DETAILS).execute(Tuple.of((Object) ids.toArray(Long[]::new)))
                    .map(rows -> {
                        List<StoredCandidate> found = new ArrayList<>();
                        for (Row row : rows) {
                            long id = row.getLong("id");
                            found.add(new StoredCandidate(id, row.getLong("story_id"), row.getString("title"),
                                    row.getString("text"), row.getOffsetDateTime("published_at").toInstant(),
                                    near.get(id)));
                        }
                        return found;
                    });
        }));
    }

    /** The most similar embeddings within the window, at least {@code minCosine}, by cosine descending. */
    private static Uni<Map<Long, float[]>> near(SqlConnection connection, ArticleToAssign article, Duration window,
            double minCosine, int max) {
        float[] embedding = article.fingerprints().embedding();
        if (embedding == null) {
            return Uni.createFrom().item(Map.of());
        }
        OffsetDateTime published = article.publishedAt().atOffset(ZoneOffset.UTC);
        return connection.preparedQuery(IN_WINDOW)
                .execute(Tuple.of(published.minus(window), published.plus(window), article.id(),
                        article.fingerprints().simHash(), SimHash.maxDistanceFor(minCosine)))
                .map(rows -> {
                    record Near(long id, float[] vector, double cosine) {
                    }
                    List<Near> near = new ArrayList<>();
                    for (Row row : rows) {
                        float[] vector = Vectors.fromBytes(row.getBuffer("vector").getBytes());
                        double cosine = Vectors.dot(embedding, vector);
                        if (cosine >= minCosine) {
                            near.add(new Near(row.getLong("article_id"), vector, cosine));
                        }
                    }
                    near.sort(Comparator.comparingDouble(Near::cosine).reversed());
                    Map<Long, float[]> nearest = new HashMap<>();
                    near.stream().limit(max).forEach(n -> nearest.put(n.id(), n.vector()));
                    return nearest;
                });
    }

    static Long[] box(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
