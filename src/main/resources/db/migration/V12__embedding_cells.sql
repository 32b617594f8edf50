-- In a dense window (100,000 articles a day put 600,000 in +-3 days) ranking every code of the window costs in
-- proportion to its population. Each story embedding now keeps its cell (io.newsdesk.embedding.EmbeddingCells: the
-- number of its nearest fixed centroid, an inverted-file index), and the scan reads the window's rows cell by cell,
-- the new article's nearest cells first, up to a row limit: the whole window while it is small, the nearest cells of
-- a dense one. Cell 0 is "no cell" (rows stored before this migration, another embedding model's), read first.
ALTER TABLE article_embedding ADD COLUMN cell SMALLINT NOT NULL DEFAULT 0;
DROP INDEX article_embedding_window_idx;
CREATE INDEX article_embedding_window_idx ON article_embedding (cell, published_at) INCLUDE (article_id, code)
    WHERE code IS NOT NULL;
