-- The summary of a whole story (two or more articles, copies counted once), and the durable queue that keeps it
-- current. Story assignment bumps version when a non-copy article joins a story that then has two or more; the
-- row is due when due_at has passed. A worker claims due rows with FOR UPDATE SKIP LOCKED and pushes due_at forward
-- as a lease; once the summary of version V is written, summarized_version = V and not_before = now + debounce, so a
-- story is summarised at most once per debounce interval however many articles join it.
CREATE TABLE story_summary (
    story_id           BIGINT PRIMARY KEY REFERENCES story (id),
    version            BIGINT      NOT NULL,
    summarized_version BIGINT      NOT NULL DEFAULT 0,
    due_at             TIMESTAMPTZ,
    not_before         TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the summary: its text, its sentences with their sources ([{"text": "...", "sources": [article ids]}])
    text               TEXT,
    sentences          JSONB,
    summarizer         TEXT,
    -- hash of the ids of the distinct articles the summary was written from
    article_set        TEXT,
    updated_at         TIMESTAMPTZ,
    -- LLM attempts on this article set, and why the last one failed (the offline summary stays meanwhile)
    llm_attempts       INTEGER     NOT NULL DEFAULT 0,
    llm_error          TEXT
);
CREATE INDEX story_summary_due_idx ON story_summary (due_at) WHERE due_at IS NOT NULL;

-- LLM story summaries by article set and model: an unchanged set of articles is never sent to the LLM twice.
CREATE TABLE story_summary_answer (
    article_set TEXT        NOT NULL,
    model       TEXT        NOT NULL,
    sentences   JSONB       NOT NULL,
    text        TEXT        NOT NULL,
    decided_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_set, model)
);

-- Stories that already have two or more distinct articles get their summary from the queue.
INSERT INTO story_summary (story_id, version, due_at)
SELECT story_id, 1, now() FROM article
WHERE story_id IS NOT NULL AND (duplicate_kind IS NULL OR duplicate_kind = 'SAME_STORY')
GROUP BY story_id HAVING count(*) >= 2;
