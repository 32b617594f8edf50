-- The window scan ranks the story embeddings published within the window by the Hamming distance of a 512-bit
-- SimHash code to the new article's (bit_count of the XOR, in PostgreSQL, over an index of the time, id and code
-- only), then reads the nearest few hundred one-byte vectors by key, which the service ranks exactly by cosine. The
-- 64-bit sim_hash could only screen by a radius, and at the route's cosine floor that radius kept nearly every row
-- of the window, each read with its vector. The code's first 64 bits are sim_hash. Rows stored before this migration
-- have no code: the scan screens them by sim_hash as before, through their own partial index.
ALTER TABLE article_embedding ADD COLUMN code BIT(512);
DROP INDEX article_embedding_window_idx;
CREATE INDEX article_embedding_window_idx ON article_embedding (published_at) INCLUDE (article_id, code)
    WHERE code IS NOT NULL;
CREATE INDEX article_embedding_uncoded_window_idx ON article_embedding (published_at)
    INCLUDE (sim_hash, article_id, vector_i8) WHERE code IS NULL;
