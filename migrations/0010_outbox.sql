-- One outbox for replies and nudges, one row per rendered message. A turn writes its replies
-- here in its own transaction (`turn` groups them); the scheduler writes a due nudge here
-- (and marks its reminder 'queued').
-- Rows are delivered per user in id order with a lease, retried with backoff, and settled:
-- 'sent', 'failed' (given up: permanent, or retried past the window), or 'dropped' (a nudge
-- answered or cancelled before it went out, a reply superseded by "the question you missed").

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    workspace TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    turn TEXT NOT NULL,
    route TEXT NOT NULL,
    message TEXT NOT NULL,
    reminder_id INTEGER REFERENCES reminders (id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    interrupted INTEGER NOT NULL DEFAULT 0,
    send_after TEXT NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);

-- A user's undelivered rows in order, and the due rows across users for the retry pass.
CREATE INDEX outbox_pending ON outbox (platform, workspace, user_id, id) WHERE status = 'pending';
CREATE INDEX outbox_due ON outbox (send_after, id) WHERE status = 'pending';
-- The latest turn's replies of a user (re-sent as "the question you missed").
CREATE INDEX outbox_by_user ON outbox (platform, workspace, user_id, turn);
CREATE INDEX outbox_by_reminder ON outbox (reminder_id);
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE status <> 'pending';
