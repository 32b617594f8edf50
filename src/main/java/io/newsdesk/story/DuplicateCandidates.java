package io.newsdesk.story;

import io.newsdesk.fingerprint.ArticleFingerprints;
import io.newsdesk.embedding.EmbeddingCells;
import io.newsdesk.embedding.SimHash;
import io.newsdesk.embedding.Vectors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the earlier articles worth judging, through indexes only: the normalised-text hash (btree) and shared LSH band
 * hashes (GIN on the band array) for copies, ranked by the number of shared bands; and, for SAME_STORY, the story
 * embeddings published within the window (PostgreSQL ranks the window by the distance of their SimHash codes, held in
 * the narrow table's time index, and only the nearest one-byte vectors are read, by key, and ranked exactly by
 * cosine), and the articles within the window sharing telling names ({@code article_mention}, keyed by name and
 * time), ranked by the number shared: a brief or another outlet's write-up often shares names and figures but little
 * wording.
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
    /**
     * How many embeddings of the window the scan reads per candidate it keeps: the nearest by SimHash code, which the
     * service ranks exactly. At 16 per candidate (800 for 50, about 11 % of a 7,000-article window) the 512-bit code
     * keeps about 0.98 of the exact nearest 50 and 0.996 of true brief-article pairs ({@code WindowRankingRecall},
     * docs/quality.md).
     */
    static final int READ_PER_CANDIDATE = 16;
    /**
     * The most embeddings of the window the scan reads: past it, a dense window is read by cells, the new article's
     * nearest first ({@link EmbeddingCells}). 16,000 codes are ranked in about 10 ms; a window of 2,000 articles a
     * day (about 12,000) is read whole. With 100,000 a day (600,000) it reads the nearest 2.7 %, which in a
     * scaled-down model holds about two thirds of the brief-article pairs an exhaustive scan ranks in its top 50
     * ({@code WindowRankingRecall}, docs/quality.md "Dense windows"); copies and shared names are found regardless.
     */
    static final int WINDOW_ROWS = 16_000;
    /**
     * $1, $2 the window, $3 the new article's id, $4 its SimHash code as a bit string, $5 how many to read by code,
     * $8 the cells to read in order (cell 0 first: rows without a cell) and $9 the most rows to rank (null: all);
     * rows stored without a code (before V10) are screened by $6, its 64-bit SimHash, within Hamming distance $7.
     * The per-cell LIMIT keeps the lateral subquery from being flattened into a join: once the table is analysed,
     * PostgreSQL would otherwise hash-join it and read the window in table order, not nearest cells first.
     */
    public static final String IN_WINDOW = """
            SELECT w.article_id, w.vector_i8, NULL::bytea AS vector
            FROM article_embedding w
            WHERE w.article_id = ANY (ARRAY(
                SELECT n.article_id FROM (
                    SELECT e.article_id, e.code
                    FROM unnest($8::smallint[]) AS c(cell)
                    CROSS JOIN LATERAL (
                        SELECT e.article_id, e.code FROM article_embedding e
                        WHERE e.cell = c.cell AND e.code IS NOT NULL AND e.published_at BETWEEN $1 AND $2
                          AND e.article_id <> $3
                        LIMIT $9) e
                    LIMIT $9) n
                ORDER BY bit_count(n.code # (SELECT $4::text::bit(512)))
                LIMIT $5))
            UNION ALL
            SELECT w.article_id, w.vector_i8,
                   CASE WHEN w.vector_i8 IS NULL
                        THEN (SELECT v.vector FROM article_vector v WHERE v.article_id = w.article_id) END
            FROM article_embedding w
            WHERE w.code IS NULL AND w.published_at BETWEEN $1 AND $2 AND w.article_id <> $3
              AND bit_count((w.sim_hash # $6)::bit(64)) <= $7""";
    /**
     * The most articles read per name on each side of the new article's publication time: a name that many articles
     * of a dense window share (a head of state's, a big club's) tells little, and reading all of them would make the
     * lookup grow with the window; its nearest in time are read, and every sharer of a rarer name.
     */
    static final int PER_NAME_EACH_SIDE = 200;
    /**
     * $1 the new article's name hashes, $2, $3 the window, $4 its id, $5 the most candidates, $6 its publication
     * time, $7 the most sharers read per name on each side of it.
     */
    public static final String SHARING_NAMES = """
            SELECT s.article_id
            FROM (SELECT DISTINCT unnest($1::bigint[])) AS k(hash)
            CROSS JOIN LATERAL (
                (SELECT m.article_id FROM article_mention m
                 WHERE m.mention_hash = k.hash AND m.published_at BETWEEN $2 AND $6 AND m.article_id <> $4
                 ORDER BY m.published_at DESC LIMIT $7)
                UNION ALL
                (SELECT m.article_id FROM article_mention m
                 WHERE m.mention_hash = k.hash AND m.published_at > $6 AND m.published_at <= $3
                 ORDER BY m.published_at LIMIT $7)) s
            GROUP BY s.article_id ORDER BY count(*) DESC, s.article_id
            LIMIT $5""";
    /**
     * The articles whose assignment transaction is not visible in snapshot $1, so the new article's lookup could not
     * see them (the transaction started at or after the snapshot's xmax, or was in progress, in its xip list: two
     * index lookups, whatever the age of the oldest open transaction), and that any route would have found: $2 the
     * new article's id, $3 its story, $4 its text hash, $5 its band hashes, $6, $7 the window, $8 its name hashes. {@code linked}: found by text hash, bands or a shared name; the
     * others are in the window and are kept by their embedding's cosine.
     */
    static final String ASSIGNED_SINCE = """
            WITH recent AS MATERIALIZED (
                SELECT a.* FROM article a
                WHERE (a.assigned_xid >= pg_snapshot_xmax($1::pg_snapshot)
                       OR a.assigned_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot))))
                  AND a.id <> $2)
            SELECT r.id, r.story_id, r.title, r.text, r.published_at, r.exact_hash, r.word_count, v.vector,
                   (r.exact_hash = $4 OR r.lsh_bands && $5
                    OR (r.published_at BETWEEN $6 AND $7 AND EXISTS (SELECT 1 FROM article_mention m
                            WHERE m.article_id = r.id AND m.mention_hash = ANY($8)))) AS linked
            FROM recent r LEFT JOIN article_vector v ON v.article_id = r.id
            WHERE r.story_id <> $3 AND (r.exact_hash = $4 OR r.lsh_bands && $5 OR r.published_at BETWEEN $6 AND $7)""";
    private static final String DETAILS = """
            SELECT a.id, a.story_id, a.title, a.text, a.published_at, a.exact_hash, a.word_count, v.vector
            FROM article a LEFT JOIN article_vector v ON v.article_id = a.id
            WHERE a.id = ANY($1) AND a.story_id IS NOT NULL""";

    private DuplicateCandidates() {
    }

    /**
     * Up to {@code max} candidates of each route: copies (text hash, LSH bands) at any time, and within the window
     * the nearest story embeddings (cosine at least {@code minCosine}) and the articles sharing the most telling
     * names. Each comes with its story embedding, whichever route found it.
     */
    static Uni<List<StoredCandidate>> find(SqlConnection connection, ArticleToAssign article, Duration window,
            double minCosine, int max) {
        ArticleFingerprints fingerprints = article.fingerprints();
        Set<Long> ids = new LinkedHashSet<>();
        return connection.query(USE_INDEXES).execute()
                .chain(() -> connection.preparedQuery(COPIES).execute(Tuple.of(article.id(),
                        fingerprints.text().exactHash(), box(fingerprints.text().bandHashes()), max)))
                .invoke(rows -> rows.forEach(row -> ids.add(row.getLong(0))))
                .chain(() -> near(connection, article, window, minCosine, max)).invoke(ids::addAll)
                .chain(() -> sharingNames(connection, article, window, max)).invoke(ids::addAll)
                .chain(() -> ids.isEmpty() ? Uni.createFrom().item(List.<StoredCandidate>of())
                        : connection.preparedQuery(DETAILS).execute(Tuple.of((Object) ids.toArray(Long[]::new)))
                                .map(DuplicateCandidates::candidates));
    }

    private static List<StoredCandidate> candidates(Iterable<Row> rows) {
        List<StoredCandidate> found = new ArrayList<>();
        for (Row row : rows) {
            found.add(candidate(row));
        }
        return found;
    }

    private static StoredCandidate candidate(Row row) {
        Buffer vector = row.getBuffer("vector");
        return new StoredCandidate(row.getLong("id"), row.getLong("story_id"), row.getString("title"),
                row.getString("text"), row.getOffsetDateTime("published_at").toInstant(),
                vector == null ? null : Vectors.fromBytes(vector.getBytes()), row.getLong("exact_hash"),
                row.getInteger("word_count"));
    }

    /**
     * The candidates a lookup run under {@code snapshot} could not see, because their assignment committed later:
     * those in another story that the routes of {@link #find} would have returned (without their per-route caps).
     * Few: only articles assigned at the same time.
     */
    static Uni<List<StoredCandidate>> assignedSince(SqlConnection connection, ArticleToAssign article, long storyId,
            String snapshot, Duration window, double minCosine) {
        ArticleFingerprints fingerprints = article.fingerprints();
        OffsetDateTime published = article.publishedAt().atOffset(ZoneOffset.UTC);
        float[] embedding = fingerprints.embedding();
        return connection.preparedQuery(ASSIGNED_SINCE)
                .execute(Tuple.from(new Object[] {snapshot, article.id(), storyId, fingerprints.text().exactHash(),
                        box(fingerprints.text().bandHashes()), published.minus(window), published.plus(window),
                        box(fingerprints.mentions())}))
                .map(rows -> {
                    List<StoredCandidate> found = new ArrayList<>();
                    for (Row row : rows) {
                        StoredCandidate candidate = candidate(row);
                        if (row.getBoolean("linked") || (embedding != null && candidate.embedding() != null
                                && Vectors.dot(embedding, candidate.embedding()) >= minCosine)) {
                            found.add(candidate);
                        }
                    }
                    return found;
                });
    }

    /** The ids of the most similar embeddings within the window, at least {@code minCosine}, most similar first. */
    private static Uni<List<Long>> near(SqlConnection connection, ArticleToAssign article, Duration window,
            double minCosine, int max) {
        float[] embedding = article.fingerprints().embedding();
        if (embedding == null) {
            return Uni.createFrom().item(List.of());
        }
        long[] code = article.fingerprints().simHash();
        int[] cells = article.fingerprints().cells();
        OffsetDateTime published = article.publishedAt().atOffset(ZoneOffset.UTC);
        return connection.preparedQuery(IN_WINDOW)
                .execute(Tuple.from(new Object[] {published.minus(window), published.plus(window), article.id(),
                        SimHash.bitString(code), READ_PER_CANDIDATE * max, code[0], SimHash.maxDistanceFor(minCosine),
                        cellsToRead(cells), cells.length == 0 ? null : WINDOW_ROWS}))
                .map(rows -> {
                    record Near(long id, double cosine) {
                    }
                    List<Near> near = new ArrayList<>();
                    for (Row row : rows) {
                        Buffer int8 = row.getBuffer("vector_i8");
                        double cosine = int8 != null ? Vectors.dotInt8(embedding, int8.getBytes())
                                : Vectors.dot(embedding, Vectors.fromBytes(row.getBuffer("vector").getBytes()));
                        if (cosine >= minCosine) {
                            near.add(new Near(row.getLong("article_id"), cosine));
                        }
                    }
                    return near.stream().sorted(Comparator.comparingDouble(Near::cosine).reversed()).limit(max)
                            .map(Near::id).toList();
                });
    }

    /** The ids of the articles within the window sharing the most telling names with this one. */
    private static Uni<List<Long>> sharingNames(SqlConnection connection, ArticleToAssign article, Duration window,
            int max) {
        long[] mentions = article.fingerprints().mentions();
        if (mentions.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime published = article.publishedAt().atOffset(ZoneOffset.UTC);
        return connection.preparedQuery(SHARING_NAMES)
                .execute(Tuple.from(new Object[] {box(mentions), published.minus(window), published.plus(window),
                        article.id(), max, published, PER_NAME_EACH_SIDE}))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    /** Cell 0 (rows without a cell) first, then the article's cells, nearest first. */
    private static Short[] cellsToRead(int[] nearestFirst) {
        Short[] cells = new Short[nearestFirst.length + 1];
        cells[0] = (short) EmbeddingCells.NONE;
        for (int i = 0; i < nearestFirst.length; i++) {
            cells[i + 1] = (short) nearestFirst[i];
        }
        return cells;
    }

    static Long[] box(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
