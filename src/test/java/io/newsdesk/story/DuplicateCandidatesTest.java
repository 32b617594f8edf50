package io.newsdesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.fingerprint.ArticleFingerprinter;
import io.newsdesk.fingerprint.ArticleFingerprints;
import io.newsdesk.fingerprint.TextFingerprint;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The candidate queries of story assignment, against the real database and its indexes. */
@QuarkusTest
class DuplicateCandidatesTest {

    private static final Duration WINDOW = Duration.ofDays(3);
    private static final Instant NOON = Instant.parse("2019-03-10T12:00:00Z");
    /** Not stored: the new article's id only has to differ from the stored ones. */
    private static final long NEW_ARTICLE = -1;

    @Inject
    Pool pool;
    @Inject
    ArticleFingerprinter fingerprinter;
    @Inject
    Database database;

    @BeforeEach
    void emptyStore() {
        database.deleteAllArticles();
    }

    @Test
    void copySharingLshBandsIsFoundAndAnUnrelatedTextIsNot() {
        String original = Texts.article(20);
        long stored = store("Original", original, NOON);
        long unrelated = store("Unrelated", Texts.article(21), NOON);
        TextFingerprint copy = TextFingerprint.of(Texts.lightlyEdited(Texts.cutShort(original, 0.8), 3));
        assertThat(copy.exactHash()).isNotEqualTo(TextFingerprint.of(original).exactHash());

        // Without an embedding only the text path runs: LSH bands and the exact hash.
        List<Long> found = candidates(new ArticleFingerprints(copy, null, new long[0], new long[0], 0), NOON);

        assertThat(found).contains(stored).doesNotContain(unrelated);
    }

    @Test
    void embeddingWithinTheWindowIsFoundAndOneOutsideItIsNot() {
        String text = Texts.article(22);
        long stored = store("Story", text, NOON);
        // Another text (no shared band), the very same embedding: only the time window decides.
        ArticleFingerprints retelling = sameEmbeddingOtherText("Story", text, Texts.article(23));

        assertThat(candidates(retelling, NOON.plus(Duration.ofDays(2)))).containsExactly(stored);
        assertThat(candidates(retelling, NOON.minus(Duration.ofDays(2)))).containsExactly(stored);
        assertThat(candidates(retelling, NOON.plus(Duration.ofDays(4)))).isEmpty();
    }

    @Test
    void anEmbeddingStoredBeforeItsOneByteCopyExistedIsStillFoundByItsFullVector() {
        store("Story", Texts.article(24), NOON);
        long older = store("Older story", Texts.article(25), NOON);
        // Stored before V9: neither the one-byte copy nor the long code (V10) exists.
        database.rows("UPDATE article_embedding SET vector_i8 = NULL, code = NULL WHERE article_id = $1", older);
        ArticleFingerprints retelling = sameEmbeddingOtherText("Older story", Texts.article(25), Texts.article(26));

        assertThat(database.count("SELECT count(*) FROM article_embedding WHERE vector_i8 IS NOT NULL")).isOne();
        assertThat(candidates(retelling, NOON.plus(Duration.ofHours(5)))).contains(older);
    }

    @Test
    void anEmbeddingStoredBeforeItsLongCodeExistedIsStillFoundByItsSixtyFourBitHash() {
        long coded = store("Story", Texts.article(27), NOON);
        long older = store("Older story", Texts.article(28), NOON);
        database.rows("UPDATE article_embedding SET code = NULL WHERE article_id = $1", older);
        ArticleFingerprints retelling = sameEmbeddingOtherText("Older story", Texts.article(28), Texts.article(29));

        assertThat(database.count("SELECT count(*) FROM article_embedding WHERE code IS NULL")).isOne();
        assertThat(candidates(retelling, NOON.plus(Duration.ofHours(5)))).contains(older).doesNotContain(coded);
    }

    /** The fingerprints of {@code otherText} with the story embedding of {@code title} and {@code text}. */
    private ArticleFingerprints sameEmbeddingOtherText(String title, String text, String otherText) {
        ArticleFingerprints same = fingerprinter.fingerprint(title, text);
        return new ArticleFingerprints(TextFingerprint.of(otherText), same.embedding(), same.simHash(), new long[0], 0);
    }

    private List<Long> candidates(ArticleFingerprints fingerprints, Instant publishedAt) {
        ArticleToAssign incoming = new ArticleToAssign(NEW_ARTICLE, "New", "New.", publishedAt, fingerprints);
        return pool.withTransaction(connection -> DuplicateCandidates.find(connection, incoming, WINDOW, 0.5, 50))
                .await().indefinitely()
                .stream().map(StoredCandidate::id).toList();
    }

    /** An article stored and assigned a story of its own by the story writer, with its fingerprints. */
    private long store(String title, String text, Instant publishedAt) {
        long id = database.count("""
                INSERT INTO article (title, published_at, received_at, language, raw_format, raw_content, text,
                                     content_hash)
                VALUES ($1, $2, now(), 'en', 'text', $3, $3, md5($3)) RETURNING id""",
                title, publishedAt.atOffset(ZoneOffset.UTC), text);
        ArticleToAssign article = new ArticleToAssign(id, title, text, publishedAt,
                fingerprinter.fingerprint(title, text));
        pool.withTransaction(connection -> StoryWriter.write(connection, article, Decision.NEW_STORY,
                RepresentativeRule.EARLIEST)).await().indefinitely();
        return id;
    }
}
