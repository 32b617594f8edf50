package io.newsdesk.fingerprint;

import io.newsdesk.text.Mentions;

/**
 * What duplicate detection stores of one article.
 *
 * @param text      fingerprint of the cleaned text (exact hash, shingles, LSH bands)
 * @param embedding unit-length story embedding, or null without embeddings
 * @param simHash   {@link io.newsdesk.embedding.SimHash} code of the embedding (its first word is the 64-bit hash);
 *                  empty without one
 * @param cells     the {@link io.newsdesk.embedding.EmbeddingCells} of the embedding's model, nearest to the embedding
 *                  first (its own cell first); empty when the model has none
 * @param mentions  {@link MentionKeys} of title and text
 * @param names     what title and text name, which the keys come from and the same-story model reads when it
 *                  judges this article (not stored); null when not at hand
 * @param words     number of words of the cleaned text ({@link io.newsdesk.text.Words#count}), stored so that
 *                  judging this article as a later one's candidate need not count them again
 */
public record ArticleFingerprints(TextFingerprint text, float[] embedding, long[] simHash, int[] cells, long[] mentions,
        Mentions names, int words) {
}
