/**
 * Step 3: what an article is compared by. {@link io.newsdesk.fingerprint.TextFingerprint} (normalised-text hash, word
 * 5-shingles, a 128-value MinHash signature and 64 LSH band hashes, all pure and deterministic across processes) and
 * the story embedding of title and lead ({@link io.newsdesk.fingerprint.StoryEmbedder}).
 * {@link io.newsdesk.fingerprint.ArticleFingerprinter} computes both on a worker thread; the embedding model it calls is
 * the only I/O here (in process, or the provider over HTTP). Nothing in this package reads or writes the database.
 *
 * <p>Stored format: shingle, MinHash and band hashes use a fixed hash family and seeds (pinned by tests); changing
 * {@link io.newsdesk.fingerprint.Shingles#DEFAULT} or {@link io.newsdesk.fingerprint.LshBands#DEFAULT} requires
 * re-fingerprinting every stored article.
 */
package io.newsdesk.fingerprint;
