package io.newsdesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.embedding.EmbeddingCells;
import io.newsdesk.fingerprint.ArticleFingerprinter;
import io.newsdesk.fingerprint.ArticleFingerprints;
import io.newsdesk.fingerprint.TextFingerprint;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
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
    private static final int DIMENSIONS = 384;
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
        List<Long> found = candidates(new ArticleFingerprints(copy, null, new long[0], new int[0], new long[0], null, 0),
                NOON);

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

    @Test
    void aWindowWithinTheRowLimitIsReadWholeEvenInTheFarthestCell() {
        long neighbour = store("Story", Texts.article(30), NOON);
        ArticleFingerprints retelling = sameEmbeddingOtherText("Story", Texts.article(30), Texts.article(31));
        int[] cells = retelling.cells();
        database.rows("UPDATE article_embedding SET cell = $1 WHERE article_id = $2", cells[cells.length - 1],
                neighbour);
        addUnrelatedEmbeddings(DuplicateCandidates.WINDOW_ROWS - 10, cells[0]);

        assertThat(candidates(retelling, NOON.plus(Duration.ofHours(1)))).containsExactly(neighbour);
    }

    @Test
    void aDenseWindowIsReadFromTheNewArticlesNearestCellsUpToTheRowLimit() {
        long inFarCell = store("Story", Texts.article(16), NOON);
        long inNearCell = store("Story", Texts.article(16) + "\n", NOON);
        ArticleFingerprints retelling = sameEmbeddingOtherText("Story", Texts.article(16), Texts.article(17));
        int[] cells = retelling.cells();
        assertThat(cells).hasSize(EmbeddingCells.inProcessModel().count());
        assertThat(database.count("SELECT cell FROM article_embedding WHERE article_id = $1", inNearCell))
                .isEqualTo(cells[0]);
        database.rows("UPDATE article_embedding SET cell = $1 WHERE article_id = $2", cells[cells.length - 1],
                inFarCell);
        // More than the limit in the second-nearest cell: reading stops there, before the farthest cell.
        addUnrelatedEmbeddings(DuplicateCandidates.WINDOW_ROWS, cells[1]);
        // As a store that autovacuum has analysed, its rows in id order: a plan reading the table in its own order
        // instead of cell by cell would meet the far cell's article first.
        database.rows("CLUSTER article_embedding USING article_embedding_pkey");
        database.rows("ANALYZE article_embedding");

        assertThat(candidates(retelling, NOON.plus(Duration.ofHours(1)))).containsExactly(inNearCell);
    }

    @Test
    void aNameSharedByManyArticlesOfTheWindowIsReadForItsNearestInTimeAndARareNameForAll() {
        long common = 1001;
        long rare = 1002;
        long twoDaysBefore = store("Story", Texts.article(18), NOON.minus(Duration.ofDays(2)));
        database.rows("INSERT INTO article_mention (mention_hash, published_at, article_id) VALUES ($1, $3, $4), "
                + "($2, $3, $4)", common, rare, NOON.minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC), twoDaysBefore);
        // More sharers of the common name on the earlier side than are read, all within the hour before.
        database.rows("""
                WITH a AS (
                    INSERT INTO article (title, published_at, received_at, language, raw_format, raw_content, text,
                                         content_hash)
                    SELECT 'Sharer ' || g, $1::timestamptz - g * interval '1 second', now(), 'en', 'text', 'x', 'x',
                           'sharer' || g
                    FROM generate_series(1, $2) AS g RETURNING id, published_at)
                INSERT INTO article_mention (mention_hash, published_at, article_id) SELECT $3, published_at, id FROM a
                """, NOON.atOffset(ZoneOffset.UTC), DuplicateCandidates.PER_NAME_EACH_SIDE, common);

        assertThat(candidates(namesOnly(common), NOON)).doesNotContain(twoDaysBefore);
        assertThat(candidates(namesOnly(common, rare), NOON)).containsExactly(twoDaysBefore);
    }

    private static ArticleFingerprints namesOnly(long... mentions) {
        return new ArticleFingerprints(TextFingerprint.of(Texts.article(19)), null, new long[0], new int[0], mentions,
                null, 0);
    }

    /**
     * {@code count} embeddings published at noon in {@code cell}, each its own article in its own story, whose code
     * is the complement of every real one's neighbourhood (all bits set) and whose vector is orthogonal to any text's.
     */
    private void addUnrelatedEmbeddings(int count, int cell) {
        database.rows("""
                WITH a AS (
                    INSERT INTO article (title, published_at, received_at, language, raw_format, raw_content, text,
                                         content_hash)
                    SELECT 'Background ' || g, $1, now(), 'en', 'text', 'x', 'x', 'bg' || g
                    FROM generate_series(1, $2) AS g RETURNING id, published_at)
                INSERT INTO article_embedding (article_id, published_at, sim_hash, code, vector_i8, cell)
                SELECT id, published_at, -1, ~(0::bit(512)), $3, $4 FROM a""",
                NOON.atOffset(ZoneOffset.UTC), count, Buffer.buffer(new byte[Float.BYTES + DIMENSIONS]), (short) cell);
    }

    /** The fingerprints of {@code otherText} with the story embedding of {@code title} and {@code text}. */
    private ArticleFingerprints sameEmbeddingOtherText(String title, String text, String otherText) {
        ArticleFingerprints same = fingerprinter.fingerprint(title, text);
        return new ArticleFingerprints(TextFingerprint.of(otherText), same.embedding(), same.simHash(), same.cells(),
                new long[0], null, 0);
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
