package io.newsdesk.story;

import io.newsdesk.fingerprint.ArticleFingerprints;
import io.newsdesk.store.DuplicateKind;
import io.newsdesk.embedding.EmbeddingCells;
import io.newsdesk.embedding.SimHash;
import io.newsdesk.embedding.Vectors;
import io.newsdesk.store.Summary;
import io.newsdesk.summary.StorySummaryQueue;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Writes one decision inside the assignment transaction: the article's story and duplicate fields and fingerprints
 * (and the transaction's id, {@code assigned_xid}), its embedding and telling names, the story's counts, span and
 * representative, the story's next update number, for a copy the original's summary, and for any other article the
 * story summary's next version. Also merges two stories found to be one after both were written.
 */
final class StoryWriter {

    /** How often a merge or a join retries when the stories it locked were merged meanwhile. */
    private static final int MAX_RETRIES = 8;

    private StoryWriter() {
    }

    /** The article's assignment if it already has one (locking its row until commit), else null. */
    static Uni<Assignment> existing(SqlConnection connection, long articleId) {
        return connection.preparedQuery("""
                        SELECT story_id, duplicate_of, duplicate_kind, similarity, duplicate_reason
                        FROM article WHERE id = $1 FOR UPDATE""")
                .execute(Tuple.of(articleId))
                .map(rows -> {
                    Iterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        throw new IllegalStateException("article " + articleId + " is not stored");
                    }
                    Row row = it.next();
                    Long storyId = row.getLong("story_id");
                    if (storyId == null) {
                        return null;
                    }
                    String kind = row.getString("duplicate_kind");
                    return Assignment.existing(storyId, row.getLong("duplicate_of"),
                            kind == null ? null : DuplicateKind.valueOf(kind), row.getDouble("similarity"),
                            row.getString("duplicate_reason"));
                });
    }

    /**
     * The transactions whose work the statements that follow will see at least: PostgreSQL's current snapshot, as
     * text. An article whose {@code assigned_xid} is not visible in it was assigned too late for them.
     */
    static Uni<String> snapshot(SqlConnection connection) {
        return connection.query("SELECT pg_current_snapshot()::text").execute()
                .map(rows -> rows.iterator().next().getString(0));
    }

    static Uni<Assignment> write(SqlConnection connection, ArticleToAssign article, Decision decision,
            RepresentativeRule rule) {
        Uni<Long> story = decision.matched() != null
                ? liveStoryOf(connection, decision.matched().id(), MAX_RETRIES)
                : connection.preparedQuery("""
                                INSERT INTO story (representative_id, article_count, source_count, first_published_at,
                                                   last_published_at, updated_at, update_seq)
                                VALUES ($1, 1, 0, $2, $2, now(), 0) RETURNING id""")
                        .execute(Tuple.of(article.id(), article.publishedAt().atOffset(ZoneOffset.UTC)))
                        .map(rows -> rows.iterator().next().getLong(0));
        return story.flatMap(storyId -> updateArticle(connection, article, decision, storyId)
                .chain(() -> storeEmbedding(connection, article))
                .chain(() -> storeMentions(connection, article))
                .chain(() -> refreshStory(connection, storyId, rule))
                .chain(() -> decision.isCopy() ? Uni.createFrom().voidItem()
                        : StorySummaryQueue.distinctArticleJoined(connection, storyId))
                .chain(() -> summaryOfOriginal(connection, article.id(), decision))
                // Last: the update number's lock is held until commit, and every assignment waits for it.
                .call(() -> StoryUpdates.next(connection, storyId))
                .map(reused -> new Assignment(storyId, decision.duplicateOf(), decision.kind(),
                        decision.similarity(), decision.reason(), reused.summary(), reused.waits())));
    }

    private static Uni<Void> updateArticle(SqlConnection connection, ArticleToAssign article, Decision decision,
            long storyId) {
        ArticleFingerprints fingerprints = article.fingerprints();
        return connection.preparedQuery("""
                        UPDATE article SET story_id = $2, duplicate_of = $3, duplicate_kind = $4, similarity = $5,
                                           duplicate_reason = $6, exact_hash = $7, lsh_bands = $8, word_count = $9,
                                           assigned_xid = pg_current_xact_id()
                        WHERE id = $1""")
                .execute(Tuple.from(Arrays.asList(article.id(), storyId, decision.duplicateOf(),
                        decision.kind() == null ? null : decision.kind().name(),
                        decision.similarity(), decision.reason(),
                        fingerprints.text().exactHash(), DuplicateCandidates.box(fingerprints.text().bandHashes()),
                        fingerprints.words())))
                .replaceWithVoid();
    }

    private static Uni<Void> storeEmbedding(SqlConnection connection, ArticleToAssign article) {
        float[] embedding = article.fingerprints().embedding();
        if (embedding == null) {
            return Uni.createFrom().voidItem();
        }
        long[] code = article.fingerprints().simHash();
        int[] cells = article.fingerprints().cells();
        return connection.preparedQuery("""
                        INSERT INTO article_embedding (article_id, published_at, sim_hash, code, vector_i8, cell)
                        VALUES ($1, $2, $3, $4::text::bit(512), $5, $6) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(article.id(), article.publishedAt().atOffset(ZoneOffset.UTC),
                        code[0], SimHash.bitString(code), Buffer.buffer(Vectors.toInt8(embedding)),
                        (short) (cells.length == 0 ? EmbeddingCells.NONE : cells[0])))
                .chain(() -> connection.preparedQuery("""
                                INSERT INTO article_vector (article_id, vector) VALUES ($1, $2) ON CONFLICT DO NOTHING""")
                        .execute(Tuple.of(article.id(), Buffer.buffer(Vectors.toBytes(embedding)))))
                .replaceWithVoid();
    }

    private static Uni<Void> storeMentions(SqlConnection connection, ArticleToAssign article) {
        long[] mentions = article.fingerprints().mentions();
        if (mentions.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        INSERT INTO article_mention (mention_hash, published_at, article_id)
                        SELECT DISTINCT m, $2::timestamptz, $3::bigint FROM unnest($1::bigint[]) AS m
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(DuplicateCandidates.box(mentions), article.publishedAt().atOffset(ZoneOffset.UTC),
                        article.id()))
                .replaceWithVoid();
    }

    private static Uni<Void> refreshStory(SqlConnection connection, long storyId, RepresentativeRule rule) {
        return connection.preparedQuery("""
                        UPDATE story s SET article_count = x.n, source_count = x.sources,
                                           first_published_at = x.first, last_published_at = x.last,
                                           updated_at = now(),
                                           representative_id = (SELECT a.id FROM article a WHERE a.story_id = s.id
                                                                ORDER BY %s LIMIT 1)
                        FROM (SELECT count(*) AS n, count(DISTINCT source) AS sources,
                                     min(published_at) AS first, max(published_at) AS last
                              FROM article WHERE story_id = $1) AS x
                        WHERE s.id = $1""".formatted(rule.order))
                .execute(Tuple.of(storyId))
                .replaceWithVoid();
    }

    /**
     * The story the article belongs to now, its row locked until commit: a merge committed since the candidate lookup
     * moved the article to the story that took it over.
     */
    private static Uni<Long> liveStoryOf(SqlConnection connection, long articleId, int retries) {
        return connection.preparedQuery("""
                        SELECT s.id, s.merged_into FROM story s
                        WHERE s.id = (SELECT a.story_id FROM article a WHERE a.id = $1) FOR UPDATE""")
                .execute(Tuple.of(articleId))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("merged_into") == null) {
                        return Uni.createFrom().item(row.getLong("id"));
                    }
                    if (retries == 0) {
                        throw new IllegalStateException("story of article " + articleId + " keeps being merged");
                    }
                    return liveStoryOf(connection, articleId, retries - 1);
                });
    }

    /**
     * Merges the stories of {@code article} and {@code other}, found to be one ({@code verdict}) after both were
     * written: the younger story's articles move to the older one (the smaller id), which is refreshed and updated;
     * the younger keeps its id with {@code merged_into} set. The younger story's first article gets the verdict as
     * its duplicate fields, pointing at the article it was matched with, so every story keeps one first article.
     * Returns the article's assignment after the merge (unchanged when the two are already in one story).
     */
    static Uni<Assignment> merge(SqlConnection connection, long article, long other, Verdict verdict,
            RepresentativeRule rule) {
        return merge(connection, article, other, verdict, rule, MAX_RETRIES);
    }

    private static Uni<Assignment> merge(SqlConnection connection, long article, long other, Verdict verdict,
            RepresentativeRule rule, int retries) {
        return storiesOf(connection, article, other).flatMap(stories -> {
            long mine = stories[0];
            long theirs = stories[1];
            if (mine == theirs) {
                return existing(connection, article);
            }
            long survivor = Math.min(mine, theirs);
            long merged = Math.max(mine, theirs);
            return connection.preparedQuery("""
                            SELECT id FROM story WHERE id = ANY($1) AND merged_into IS NULL ORDER BY id FOR UPDATE""")
                    .execute(Tuple.of((Object) new Long[] {survivor, merged}))
                    .flatMap(locked -> storiesOf(connection, article, other).flatMap(now -> {
                        if (locked.size() == 2 && now[0] == mine && now[1] == theirs) {
                            return moveAll(connection, merged, survivor, merged == mine ? other : article, verdict,
                                    rule).chain(() -> existing(connection, article));
                        }
                        if (retries == 0) {
                            throw new IllegalStateException("stories of articles " + article + " and " + other
                                    + " keep being merged");
                        }
                        return merge(connection, article, other, verdict, rule, retries - 1);
                    }));
        });
    }

    /** The current stories of two articles, in that order. */
    private static Uni<long[]> storiesOf(SqlConnection connection, long article, long other) {
        return connection.preparedQuery("SELECT id, story_id FROM article WHERE id = ANY($1)")
                .execute(Tuple.of((Object) new Long[] {article, other}))
                .map(rows -> {
                    long[] stories = new long[2];
                    for (Row row : rows) {
                        stories[row.getLong("id") == article ? 0 : 1] = row.getLong("story_id");
                    }
                    return stories;
                });
    }

    private static Uni<Void> moveAll(SqlConnection connection, long merged, long survivor, long matchedInSurvivor,
            Verdict verdict, RepresentativeRule rule) {
        return connection.preparedQuery("""
                        UPDATE article SET duplicate_of = $2, duplicate_kind = $3, similarity = $4,
                                           duplicate_reason = $5
                        WHERE id = (SELECT id FROM article WHERE story_id = $1 AND duplicate_of IS NULL
                                    ORDER BY published_at, id LIMIT 1)""")
                .execute(Tuple.of(merged, matchedInSurvivor, verdict.kind().name(),
                        Math.round(verdict.similarity() * 1000) / 1000.0,
                        "Story merged after both were written. " + verdict.reason()))
                .chain(() -> connection.preparedQuery("UPDATE article SET story_id = $2 WHERE story_id = $1")
                        .execute(Tuple.of(merged, survivor)))
                .chain(() -> connection.preparedQuery("""
                                UPDATE story SET merged_into = $2, article_count = 0, source_count = 0,
                                                 updated_at = now()
                                WHERE id = $1""")
                        .execute(Tuple.of(merged, survivor)))
                .chain(() -> refreshStory(connection, survivor, rule))
                .chain(() -> StorySummaryQueue.storyMergedAway(connection, merged))
                .chain(() -> StorySummaryQueue.distinctArticleJoined(connection, survivor))
                .chain(() -> StoryUpdates.next(connection, survivor));
    }

    private record Reused(Summary summary, boolean waits) {
    }

    /** A copy takes its original's summary when there is one: copies never cost a summary of their own. */
    private static Uni<Reused> summaryOfOriginal(SqlConnection connection, long articleId, Decision decision) {
        if (!decision.isCopy()) {
            return Uni.createFrom().item(new Reused(null, false));
        }
        return connection.preparedQuery("""
                        UPDATE article c SET summary = o.summary, summarizer = o.summarizer,
                                             summarized_at = o.summarized_at, summary_status = 'READY',
                                             summary_error = NULL
                        FROM article o
                        WHERE c.id = $1 AND o.id = $2 AND o.summary_status = 'READY' AND c.summary_status = 'PENDING'
                        RETURNING c.summary, c.summarizer, c.summarized_at""")
                .execute(Tuple.of(articleId, decision.duplicateOf()))
                .flatMap(rows -> copied(rows) != null
                        ? Uni.createFrom().item(new Reused(copied(rows), false))
                        : waitForOriginal(connection, articleId, decision.duplicateOf()));
    }

    /**
     * While the original's summary is pending the copy waits for it (the queue skips it, the original's completion
     * fills it in), due at once so that the queue takes it as soon as the original's summary exists. An original
     * whose summary FAILED leaves the copy to be summarised on its own.
     */
    private static Uni<Reused> waitForOriginal(SqlConnection connection, long articleId, long originalId) {
        return connection.preparedQuery("""
                        UPDATE article c SET summary_next_attempt_at = now()
                        FROM article o
                        WHERE c.id = $1 AND o.id = $2 AND o.summary_status = 'PENDING'
                        RETURNING c.id""")
                .execute(Tuple.of(articleId, originalId))
                .map(rows -> new Reused(null, rows.size() > 0));
    }

    private static Summary copied(RowSet<Row> rows) {
        Iterator<Row> it = rows.iterator();
        if (!it.hasNext()) {
            return null;
        }
        Row row = it.next();
        return new Summary(row.getString(0), row.getString(1), row.getOffsetDateTime(2).toInstant());
    }
}
