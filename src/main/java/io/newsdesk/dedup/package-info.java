/**
 * Story deduplication: the algorithmic core, free of I/O.
 *
 * <p>Per article: {@link io.newsdesk.dedup.TextFingerprint#of(String)} on the cleaned text (normalised-text hash,
 * word 5-shingle hashes, 128-value {@link io.newsdesk.dedup.MinHashSignature}, 64 LSH band hashes of 2 rows) and a
 * {@link io.newsdesk.dedup.StoryEmbedder} vector (title + lead, 384-d). Candidates: earlier articles with the same
 * exact hash, sharing any {@code (band_no, band_hash)} row, or among the nearest story embeddings within the
 * SAME_STORY window. Each candidate is judged by {@link io.newsdesk.dedup.DuplicateJudge} (pure), and the article
 * joins the story of its strongest verdict.
 *
 * <p>Stored format: shingle, MinHash and band hashes are deterministic across processes (fixed hash family and
 * seeds, pinned by tests); changing {@link io.newsdesk.dedup.Shingles#DEFAULT} or
 * {@link io.newsdesk.dedup.LshBands#DEFAULT} requires re-fingerprinting every stored article.
 */
package io.newsdesk.dedup;
