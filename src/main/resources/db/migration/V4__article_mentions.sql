-- The telling names of each article (MentionKeys: hashes of name words that are not common news vocabulary), for
-- SAME_STORY candidates that share a name but no wording with the new article: a wire brief, another outlet's
-- write-up. Read by name and publication-time window; the primary key is the index.
CREATE TABLE article_mention (
    mention_hash BIGINT      NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    article_id   BIGINT      NOT NULL REFERENCES article (id),
    PRIMARY KEY (mention_hash, published_at, article_id)
);
