package io.newsdesk.summary;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The story summaries and their durable queue (table story_summary, V7): a story is due when a non-copy article
 * joined it since its summary was written, and no sooner than the debounce interval after that summary. Claims push
 * the due time forward as a lease (FOR UPDATE SKIP LOCKED), so instances share the queue and a crashed worker's
 * claims come due again.
 */
@ApplicationScoped
public class StorySummaryQueue {

    /** A story taken from the queue: the version it is summarised for, and what its stored summary covers. */
    record Claimed(long storyId, long version, String articleSet, String summarizer, int llmAttempts) {
    }

    /** Articles that count for a story summary: the first of each text, and other outlets' write-ups. */
    static final String DISTINCT_ARTICLE = "(duplicate_kind IS NULL OR duplicate_kind = 'SAME_STORY')";

    private final Pool pool;

    StorySummaryQueue(Pool pool) {
        this.pool = pool;
    }

    /**
     * Called by story assignment, in its transaction, when an article that is not a copy joins or starts a story: once
     * the story has two distinct articles its summary is due, at once or when the debounce interval since the last
     * one has passed. A row lock until commit; no summarising on the caller's path.
     */
    public static Uni<Void> distinctArticleJoined(SqlConnection connection, long storyId) {
        return connection.preparedQuery("""
                        INSERT INTO story_summary (story_id, version, due_at)
                        SELECT $1, 1, now()
                        WHERE (SELECT count(*) FROM article WHERE story_id = $1 AND %s) >= 2
                        ON CONFLICT (story_id) DO UPDATE
                            SET version = story_summary.version + 1,
                                due_at = least(coalesce(story_summary.due_at, 'infinity'::timestamptz),
                                               greatest(now(), story_summary.not_before))""".formatted(
                        DISTINCT_ARTICLE))
                .execute(Tuple.of(storyId))
                .replaceWithVoid();
    }

    /**
     * Called by story assignment, in its transaction, when a story's articles have moved to another story: the summary
     * of a story with no articles is dropped, and a worker that claimed it finds nothing to write to.
     */
    public static Uni<Void> storyMergedAway(SqlConnection connection, long storyId) {
        return connection.preparedQuery("DELETE FROM story_summary WHERE story_id = $1").execute(Tuple.of(storyId))
                .replaceWithVoid();
    }

    /** Claims up to {@code batch} due stories for {@code lease}; one statement, so no two claims overlap. */
    Uni<List<Claimed>> claimDue(int batch, Duration lease) {
        return pool.preparedQuery("""
                        UPDATE story_summary SET due_at = now() + make_interval(secs => $1),
                                                 not_before = now() + make_interval(secs => $1)
                        WHERE story_id IN (SELECT story_id FROM story_summary WHERE due_at <= now()
                                           ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                        RETURNING story_id, version, article_set, summarizer, llm_attempts""")
                .execute(Tuple.of(seconds(lease), batch))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(new Claimed(row.getLong("story_id"), row.getLong("version"),
                            row.getString("article_set"), row.getString("summarizer"),
                            row.getInteger("llm_attempts"))));
                    return claimed;
                });
    }

    /** The story's distinct articles (copies left out), earliest first, at most {@code limit}. */
    Uni<List<StoryArticle>> articles(long storyId, int limit) {
        return pool.preparedQuery("""
                        SELECT id, title, text, language, source, published_at FROM article
                        WHERE story_id = $1 AND %s
                        ORDER BY published_at, id LIMIT $2""".formatted(DISTINCT_ARTICLE))
                .execute(Tuple.of(storyId, limit))
                .map(rows -> {
                    List<StoryArticle> articles = new ArrayList<>();
                    rows.forEach(row -> articles.add(new StoryArticle(row.getLong("id"), row.getString("title"),
                            row.getString("text"), row.getString("language"), row.getString("source"),
                            row.getOffsetDateTime("published_at").toInstant())));
                    return articles;
                });
    }

    /**
     * Stores the summary of the article set {@code articleSet}, written by {@code summarizer}: it covers the claimed
     * version (an LLM still to be asked may replace it).
     */
    Uni<Void> write(Claimed claimed, StorySummaryText summary, String summarizer, String articleSet) {
        return pool.preparedQuery("""
                        UPDATE story_summary SET text = $2, sentences = $3, summarizer = $4, article_set = $5,
                                                 updated_at = now(),
                                                 summarized_version = greatest(summarized_version, $6)
                        WHERE story_id = $1""")
                .execute(Tuple.from(List.of(claimed.storyId(), summary.text(), toJson(summary), summarizer,
                        articleSet, claimed.version())))
                .replaceWithVoid();
    }

    /**
     * Ends a claim: the summary now covers {@code claimedVersion}; the next one waits for the debounce interval. The
     * story comes due again then if an article joined meanwhile, or at {@code retryAt} (the LLM to be asked again).
     * {@code llmAttempts} null keeps the LLM attempts and last error as they are.
     */
    Uni<Void> settle(long storyId, long claimedVersion, Duration debounce, Instant retryAt, Integer llmAttempts,
            String llmError) {
        return pool.preparedQuery("""
                        UPDATE story_summary SET summarized_version = greatest(summarized_version, $2),
                            not_before = now() + make_interval(secs => $3),
                            due_at = CASE WHEN version > $2
                                          THEN least(coalesce($4::timestamptz, 'infinity'),
                                                     now() + make_interval(secs => $3))
                                          ELSE $4::timestamptz END,
                            llm_attempts = coalesce($5, llm_attempts),
                            llm_error = CASE WHEN $5::int IS NULL THEN llm_error ELSE $6 END
                        WHERE story_id = $1""")
                .execute(Tuple.from(Arrays.asList(storyId, claimedVersion, seconds(debounce),
                        retryAt == null ? null : retryAt.atOffset(ZoneOffset.UTC), llmAttempts, llmError)))
                .replaceWithVoid();
    }

    /** The LLM's earlier summary of exactly this article set, if it gave one. */
    Uni<Optional<StorySummaryText>> cachedAnswer(String articleSet, String model) {
        return pool.preparedQuery("SELECT sentences FROM story_summary_answer WHERE article_set = $1 AND model = $2")
                .execute(Tuple.of(articleSet, model))
                .map(rows -> rows.size() == 0 ? Optional.<StorySummaryText>empty()
                        : Optional.of(fromJson(rows.iterator().next())));
    }

    Uni<Void> saveAnswer(String articleSet, String model, StorySummaryText summary) {
        return pool.preparedQuery("""
                        INSERT INTO story_summary_answer (article_set, model, sentences, text, decided_at)
                        VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(articleSet, model, toJson(summary), summary.text()))
                .replaceWithVoid();
    }

    /** Names a set of articles: a hash of their ids (an article's text never changes). */
    static String articleSet(List<StoryArticle> articles) {
        String ids = articles.stream().map(a -> Long.toString(a.id())).sorted().collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The JSON form of the sentences, as stored. */
    static JsonArray toJson(StorySummaryText summary) {
        JsonArray sentences = new JsonArray();
        summary.sentences().forEach(sentence -> sentences.add(new JsonObject().put("text", sentence.text())
                .put("sources", new JsonArray(new ArrayList<>(sentence.sources())))));
        return sentences;
    }

    /** The sentences of a row's {@code sentences} column. */
    public static StorySummaryText fromJson(Row row) {
        Object value = row.getValue("sentences");
        JsonArray sentences = value instanceof JsonArray array ? array : new JsonArray(String.valueOf(value));
        List<StorySentence> parsed = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            JsonObject sentence = sentences.getJsonObject(i);
            JsonArray sources = sentence.getJsonArray("sources");
            List<Long> ids = new ArrayList<>();
            for (int j = 0; j < sources.size(); j++) {
                ids.add(sources.getLong(j));
            }
            parsed.add(new StorySentence(sentence.getString("text"), ids));
        }
        return new StorySummaryText(parsed);
    }

    private static double seconds(Duration duration) {
        return (double) duration.toMillis() / 1000;
    }
}
