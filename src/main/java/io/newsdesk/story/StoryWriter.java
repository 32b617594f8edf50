package io.newsdesk.story;

import io.newsdesk.fingerprint.ArticleFingerprints;
import io.newsdesk.store.DuplicateKind;
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
 * Writes one decision inside the assignment transaction: the article's story and duplicate fields and fingerprints,
 * its embedding and telling names, the story's counts, span and representative, the story's next update number,
 * for a copy the original's summary, and for any other article the story summary's next version.
 */
final class StoryWriter {

    /** Update numbers are taken under this lock, right before commit, so they become visible in order. */
    private static final long FEED_ORDER_LOCK = 0x6E65_7773_6465_736BL;

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

    static Uni<Assignment> write(SqlConnection connection, ArticleToAssign article, Decision decision,
            RepresentativeRule rule) {
        Uni<Long> story = decision.matched() != null
                ? Uni.createFrom().item(decision.matched().storyId())
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
                .chain(() -> nextUpdate(connection, storyId))
                .chain(() -> decision.isCopy() ? Uni.createFrom().voidItem()
                        : StorySummaryQueue.distinctArticleJoined(connection, storyId))
                .chain(() -> summaryOfOriginal(connection, article.id(), decision))
                .map(reused -> new Assignment(storyId, decision.duplicateOf(), decision.kind(),
                        decision.similarity(), decision.reason(), reused.summary(), reused.waits())));
    }

    private static Uni<Void> updateArticle(SqlConnection connection, ArticleToAssign article, Decision decision,
            long storyId) {
        ArticleFingerprints fingerprints = article.fingerprints();
        return connection.preparedQuery("""
                        UPDATE article SET story_id = $2, duplicate_of = $3, duplicate_kind = $4, similarity = $5,
                                           duplicate_reason = $6, exact_hash = $7, lsh_bands = $8
                        WHERE id = $1""")
                .execute(Tuple.from(Arrays.asList(article.id(), storyId, decision.duplicateOf(),
                        decision.kind() == null ? null : decision.kind().name(),
                        decision.similarity(), decision.reason(),
                        fingerprints.text().exactHash(), DuplicateCandidates.box(fingerprints.text().bandHashes()))))
                .replaceWithVoid();
    }

    private static Uni<Void> storeEmbedding(SqlConnection connection, ArticleToAssign article) {
        float[] embedding = article.fingerprints().embedding();
        if (embedding == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        INSERT INTO article_embedding (article_id, published_at, sim_hash)
                        VALUES ($1, $2, $3) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(article.id(), article.publishedAt().atOffset(ZoneOffset.UTC),
                        article.fingerprints().simHash()))
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

    private static Uni<Void> nextUpdate(SqlConnection connection, long storyId) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(FEED_ORDER_LOCK))
                .chain(() -> connection.preparedQuery("""
                                WITH n AS (SELECT nextval('story_update_seq') AS seq),
                                     logged AS (INSERT INTO story_update (seq, story_id) SELECT seq, $1 FROM n)
                                UPDATE story SET update_seq = (SELECT seq FROM n) WHERE id = $1""")
                        .execute(Tuple.of(storyId)))
                .replaceWithVoid();
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
