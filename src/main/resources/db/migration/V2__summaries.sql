-- Each article carries its summary and the state of the durable summary queue. A PENDING article whose
-- summary_next_attempt_at has passed is due; workers claim due rows with FOR UPDATE SKIP LOCKED and push
-- summary_next_attempt_at forward as a lease, so several instances share the queue without double calls.
ALTER TABLE article
    ADD COLUMN summary                 TEXT,
    ADD COLUMN summary_status          TEXT        NOT NULL DEFAULT 'PENDING'
        CHECK (summary_status IN ('PENDING', 'READY', 'FAILED')),
    ADD COLUMN summarizer              TEXT,
    ADD COLUMN summarized_at           TIMESTAMPTZ,
    ADD COLUMN summary_attempts        INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN summary_next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN summary_error           TEXT;

CREATE INDEX article_summary_due_idx ON article (summary_next_attempt_at) WHERE summary_status = 'PENDING';
