package io.newsdesk.fingerprint;

/**
 * What duplicate detection stores of one article.
 *
 * @param text      fingerprint of the cleaned text (exact hash, shingles, LSH bands)
 * @param embedding unit-length story embedding, or null without embeddings
 * @param simHash   {@link io.newsdesk.embedding.SimHash} of the embedding; meaningless without one
 * @param mentions  {@link MentionKeys} of title and text
 */
public record ArticleFingerprints(TextFingerprint text, float[] embedding, long simHash, long[] mentions) {
}
