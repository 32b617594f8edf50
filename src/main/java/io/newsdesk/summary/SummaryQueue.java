package io.newsdesk.summary;

import io.newsdesk.store.Summary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable summary queue: the PENDING articles in PostgreSQL. Claiming pushes an article's next attempt time
 * forward (a lease), so a crashed worker's articles come due again and several instances never ask twice at once.
 */
@ApplicationScoped
public class SummaryQueue {

    /**
     * An article taken from the queue: what to summarise, the attempts it had, and, for a copy whose original is
     * summarised by now, that summary (a copy never costs a summary of its own).
     */
    public record Claimed(long articleId, SummaryRequest request, int attempts, Summary originalSummary) {
    }

    private final Pool pool;

    SummaryQueue(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code batch} due articles for {@code lease}. Articles whose story is not decided yet, and copies
     * whose original's summary is still pending (they will get that one), are not due. One statement: the row locks
     * taken by SKIP LOCKED hold until it commits, so concurrent claims never return the same article.
     */
    public Uni<List<Claimed>> claimDue(int batch, Duration lease) {
        return pool.preparedQuery("""
                        WITH claimed AS (
                            UPDATE article SET summary_next_attempt_at = now() + make_interval(secs => $1)
                            WHERE id IN (SELECT a.id FROM article a
                                         WHERE a.summary_status = 'PENDING' AND a.summary_next_attempt_at <= now()
                                           AND a.story_id IS NOT NULL
                                           AND NOT EXISTS (SELECT 1 FROM article o
                                                           WHERE o.id = a.duplicate_of
                                                             AND o.summary_status = 'PENDING'
                                                             AND a.duplicate_kind IN ('EXACT', 'NEAR_VERBATIM'))
                                         ORDER BY a.summary_next_attempt_at
                                         LIMIT $2
                                         FOR UPDATE SKIP LOCKED)
                            RETURNING id, title, text, language, summary_attempts, duplicate_of, duplicate_kind)
                        SELECT c.id, c.title, c.text, c.language, c.summary_attempts,
                               o.summary, o.summarizer, o.summarized_at
                        FROM claimed c
                        LEFT JOIN article o ON o.id = c.duplicate_of AND o.summary_status = 'READY'
                                           AND c.duplicate_kind IN ('EXACT', 'NEAR_VERBATIM')""")
                .execute(Tuple.of((double) lease.toMillis() / 1000, batch))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>(rows.size());
                    rows.forEach(row -> claimed.add(claimed(row)));
                    return claimed;
                });
    }

    private static Claimed claimed(Row row) {
        Summary original = row.getString("summary") == null ? null : new Summary(row.getString("summary"),
                row.getString("summarizer"), row.getOffsetDateTime("summarized_at").toInstant());
        return new Claimed(row.getLong("id"), new SummaryRequest(row.getString("title"), row.getString("text"),
                row.getString("language")), row.getInteger("summary_attempts"), original);
    }

    /**
     * Records the summary, for the article and for its copies waiting for it; a no-op if another worker completed the
     * article first.
     */
    public Uni<Void> complete(long articleId, Summary summary) {
        return pool.preparedQuery("""
                        UPDATE article SET summary = $2, summary_status = 'READY', summarizer = $3,
                                           summarized_at = $4, summary_error = NULL,
                                           summary_attempts = summary_attempts + CASE WHEN id = $1 THEN 1 ELSE 0 END
                        WHERE summary_status = 'PENDING'
                          AND (id = $1 OR (duplicate_of = $1 AND duplicate_kind IN ('EXACT', 'NEAR_VERBATIM')))""")
                .execute(Tuple.of(articleId, summary.text(), summary.summarizer(),
                        summary.summarizedAt().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /**
     * Counts a failed attempt: the article comes due again at {@code nextAttempt}, or becomes FAILED with the reason
     * once it has had {@code maxAttempts}.
     */
    public Uni<Void> failed(long articleId, String reason, Instant nextAttempt, int maxAttempts) {
        return pool.preparedQuery("""
                        UPDATE article SET summary_attempts = summary_attempts + 1,
                                           summary_error = $2,
                                           summary_next_attempt_at = $3,
                                           summary_status = CASE WHEN summary_attempts + 1 >= $4
                                                                 THEN 'FAILED' ELSE 'PENDING' END
                        WHERE id = $1 AND summary_status = 'PENDING'""")
                .execute(Tuple.of(articleId, reason, nextAttempt.atOffset(ZoneOffset.UTC), maxAttempts))
                .replaceWithVoid();
    }

    /**
     * Moves a PENDING article's next attempt to {@code nextAttempt} without counting an attempt: the LLM was not
     * asked. The reason is kept for operators.
     */
    public Uni<Void> postpone(long articleId, String reason, Instant nextAttempt) {
        return pool.preparedQuery("""
                        UPDATE article SET summary_error = $2, summary_next_attempt_at = $3
                        WHERE id = $1 AND summary_status = 'PENDING'""")
                .execute(Tuple.of(articleId, reason, nextAttempt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Articles waiting for a summary. */
    public Uni<Long> depth() {
        return pool.query("SELECT count(*) FROM article WHERE summary_status = 'PENDING'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
