package io.newsdesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable summary queue's SQL, against the real database, with no scheduled worker claiming alongside. */
@QuarkusTest
@TestProfile(SummaryQueueTest.NoScheduledWork.class)
class SummaryQueueTest {

    public static class NoScheduledWork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    SummaryQueue queue;
    @Inject
    Database database;

    @BeforeEach
    void emptyQueue() {
        database.deleteAllArticles();
    }

    @Test
    void concurrentClaimsNeverGetTheSameArticle() {
        Set<Long> stored = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            stored.add(storeDue(null, null));
        }
        Set<Long> claimedOnce = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            Tuple2<List<SummaryQueue.Claimed>, List<SummaryQueue.Claimed>> both = Uni.combine().all()
                    .unis(queue.claimDue(10, LEASE), queue.claimDue(10, LEASE)).asTuple().await().indefinitely();
            for (SummaryQueue.Claimed claimed : both.getItem1()) {
                assertThat(claimedOnce.add(claimed.articleId())).as("claimed twice: %d", claimed.articleId()).isTrue();
            }
            for (SummaryQueue.Claimed claimed : both.getItem2()) {
                assertThat(claimedOnce.add(claimed.articleId())).as("claimed twice: %d", claimed.articleId()).isTrue();
            }
        }
        assertThat(claimedOnce).hasSize(60).isEqualTo(stored);
    }

    @Test
    void claimedArticleIsNotDueAgainBeforeItsLeaseEnds() throws InterruptedException {
        long id = storeDue(null, null);

        List<SummaryQueue.Claimed> first = claim(Duration.ofMillis(1500));
        assertThat(first).extracting(SummaryQueue.Claimed::articleId).containsExactly(id);
        assertThat(first.get(0).request().title()).isEqualTo("Title " + id);
        assertThat(first.get(0).attempts()).isZero();
        assertThat(claim(Duration.ofMillis(1500))).isEmpty();

        Thread.sleep(1600);
        assertThat(claim(LEASE)).extracting(SummaryQueue.Claimed::articleId).containsExactly(id);
    }

    @Test
    void copyWaitsForItsOriginalsSummaryAndThenTakesIt() {
        long original = storeDue(null, null);
        database.rows("UPDATE article SET summary_next_attempt_at = now() + interval '1 hour' WHERE id = $1", original);
        long copy = storeDue(original, "NEAR_VERBATIM");
        long retelling = storeDue(original, "SAME_STORY");

        // The copy gets its original's summary once there is one; a retelling is summarised on its own.
        assertThat(claim(LEASE)).extracting(SummaryQueue.Claimed::articleId).containsExactly(retelling);

        database.rows("""
                UPDATE article SET summary_status = 'READY', summary = 'The original summary.', summarizer = 'test',
                                   summarized_at = now()
                WHERE id = $1""", original);
        List<SummaryQueue.Claimed> claimed = claim(LEASE);
        assertThat(claimed).extracting(SummaryQueue.Claimed::articleId).containsExactly(copy);
        assertThat(claimed.get(0).originalSummary().text()).isEqualTo("The original summary.");
        assertThat(claimed.get(0).originalSummary().summarizer()).isEqualTo("test");
    }

    @Test
    void articleWithoutAStoryIsNotDue() {
        long id = storeDue(null, null);
        database.rows("UPDATE article SET story_id = NULL WHERE id = $1", id);

        assertThat(claim(LEASE)).isEmpty();
    }

    private List<SummaryQueue.Claimed> claim(Duration lease) {
        return queue.claimDue(100, lease).await().indefinitely();
    }

    /** A PENDING article, due now, in a story of its own; a copy or retelling of {@code original} if given. */
    private long storeDue(Long original, String kind) {
        long id = database.count("""
                INSERT INTO article (title, published_at, received_at, language, raw_format, raw_content, text,
                                     content_hash, summary_status, summary_next_attempt_at, duplicate_of,
                                     duplicate_kind)
                VALUES ('Title', now(), now(), 'en', 'text', 'Body.', 'Body.', $1, 'PENDING', now(), $2, $3)
                RETURNING id""", UUID.randomUUID().toString(), original, kind);
        database.rows("UPDATE article SET title = 'Title ' || id WHERE id = $1", id);
        long story = database.count("""
                INSERT INTO story (representative_id, article_count, source_count, first_published_at,
                                   last_published_at, updated_at, update_seq)
                VALUES ($1, 1, 0, now(), now(), now(), 0) RETURNING id""", id);
        database.rows("UPDATE article SET story_id = $1 WHERE id = $2", story, id);
        return id;
    }
}
