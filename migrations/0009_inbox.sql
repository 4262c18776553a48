-- The durable inbox: every event a platform will not send again (Slack events, slash commands
-- and interactions; Discord DMs and interactions) is stored here before it is acknowledged.
-- event_key is the platform's own id ("slack:event:Ev123"): a retried event finds its row and
-- is not stored twice. Workers lease a user's oldest pending row (one user's rows run one at
-- a time, in order); the turn that handles a row marks it done in its own transaction and
-- blanks its payload (the user's words live on in the session, never twice).

CREATE TABLE inbox (
    id INTEGER PRIMARY KEY,
    event_key TEXT NOT NULL UNIQUE,
    platform TEXT NOT NULL,
    workspace TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until TEXT,
    retry_at TEXT,
    outcome TEXT,
    processed_at TEXT
);

-- Claims read only pending rows, per user in arrival order.
CREATE INDEX inbox_pending ON inbox (platform, workspace, user_id, id) WHERE status = 'pending';
-- The retention pass forgets handled rows after a day (their keys only guard retries).
CREATE INDEX inbox_done ON inbox (processed_at) WHERE status = 'done';
