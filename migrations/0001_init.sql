-- Users and their reframe sessions.
-- Times are ISO-8601 UTC text with microseconds, so they sort as text.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    workspace TEXT NOT NULL,
    user_id TEXT NOT NULL,
    timezone TEXT,
    quiet_start TEXT,
    quiet_end TEXT,
    locale TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (platform, workspace, user_id)
);

-- One row per conversation. `state` is JSON: answers, history, pending question, origin.
-- `version` grows with every write: a writer whose version is stale must recompute.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    user_ref INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    step TEXT NOT NULL,
    status TEXT NOT NULL,
    state TEXT NOT NULL,
    revisit_at TEXT,
    outcome TEXT,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (user_ref, number)
);

CREATE INDEX sessions_by_status ON sessions (status, updated_at);
