package io.newsdesk.summary;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The durable summary queue: the PENDING articles in PostgreSQL. Claiming pushes an article's next attempt time
 * forward (a lease), so a crashed worker's articles come due again and several instances never ask twice at once.
 */
@ApplicationScoped
public class SummaryQueue {

    /**
     * Claims up to {@code batch} due articles for {@code lease}; returns their ids. Articles whose story is not decided
     * yet, and copies whose original's summary is still pending (they will get that one), are not due.
     */
    @WithTransaction
    public Uni<List<Long>> claimDue(int batch, Duration lease) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        UPDATE article SET summary_next_attempt_at = now() + make_interval(secs => :leaseSeconds)
                        WHERE id IN (SELECT a.id FROM article a
                                     WHERE a.summary_status = 'PENDING' AND a.summary_next_attempt_at <= now()
                                       AND a.story_id IS NOT NULL
                                       AND NOT EXISTS (SELECT 1 FROM article o
                                                       WHERE o.id = a.duplicate_of AND o.summary_status = 'PENDING'
                                                         AND a.duplicate_kind IN ('EXACT', 'NEAR_VERBATIM'))
                                     ORDER BY a.summary_next_attempt_at
                                     LIMIT :batch
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING id""", Long.class)
                .setParameter("leaseSeconds", (double) lease.toMillis() / 1000)
                .setParameter("batch", batch)
                .getResultList());
    }

    /**
     * Records the summary, for the article and for its copies waiting for it; a no-op if another worker completed the
     * article first.
     */
    @WithTransaction
    public Uni<Void> complete(long articleId, Summary summary) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        UPDATE article SET summary = :summary, summary_status = 'READY', summarizer = :summarizer,
                                           summarized_at = :summarizedAt, summary_error = NULL,
                                           summary_attempts = summary_attempts + CASE WHEN id = :id THEN 1 ELSE 0 END
                        WHERE summary_status = 'PENDING'
                          AND (id = :id OR (duplicate_of = :id AND duplicate_kind IN ('EXACT', 'NEAR_VERBATIM')))""")
                .setParameter("summary", summary.text())
                .setParameter("summarizer", summary.summarizer())
                .setParameter("summarizedAt", summary.summarizedAt())
                .setParameter("id", articleId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Counts a failed attempt: the article comes due again at {@code nextAttempt}, or becomes FAILED with the reason
     * once it has had {@code maxAttempts}.
     */
    @WithTransaction
    public Uni<Void> failed(long articleId, String reason, Instant nextAttempt, int maxAttempts) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        UPDATE article SET summary_attempts = summary_attempts + 1,
                                           summary_error = :reason,
                                           summary_next_attempt_at = :nextAttempt,
                                           summary_status = CASE WHEN summary_attempts + 1 >= :maxAttempts
                                                                 THEN 'FAILED' ELSE 'PENDING' END
                        WHERE id = :id AND summary_status = 'PENDING'""")
                .setParameter("reason", reason)
                .setParameter("nextAttempt", nextAttempt)
                .setParameter("maxAttempts", maxAttempts)
                .setParameter("id", articleId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Moves a PENDING article's next attempt to {@code nextAttempt} without counting an attempt: the LLM was not
     * asked. The reason is kept for operators.
     */
    @WithTransaction
    public Uni<Void> postpone(long articleId, String reason, Instant nextAttempt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        UPDATE article SET summary_error = :reason, summary_next_attempt_at = :nextAttempt
                        WHERE id = :id AND summary_status = 'PENDING'""")
                .setParameter("reason", reason)
                .setParameter("nextAttempt", nextAttempt)
                .setParameter("id", articleId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Articles waiting for a summary. */
    @WithSession
    public Uni<Long> depth() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT count(*) FROM article WHERE summary_status = 'PENDING'", Long.class)
                .getSingleResult());
    }
}
