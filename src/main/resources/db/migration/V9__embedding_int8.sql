-- A compact copy of each story embedding for the window scan, which ranks every embedding published within the
-- window by cosine: a little-endian float32 scale, then one signed byte per dimension (the unit vector divided by
-- its largest absolute component, times 127). The scan reads these ~390 bytes per article from the narrow table's
-- index instead of the 1,536-byte float vectors from the wide table; the judge still reads the full vectors of the
-- few candidates it keeps. Rows stored before this migration have none: the scan reads their full vector instead.
ALTER TABLE article_embedding ADD COLUMN vector_i8 BYTEA;
DROP INDEX article_embedding_window_idx;
CREATE INDEX article_embedding_window_idx ON article_embedding (published_at) INCLUDE (sim_hash, article_id, vector_i8);
