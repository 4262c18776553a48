-- Platform events already handled (Slack retries the same event_id up to three times),
-- and the time zone a platform reports for a user (used until the user sets their own).

CREATE TABLE processed_events (
    event_id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    workspace TEXT NOT NULL,
    user_id TEXT NOT NULL,
    seen_at TEXT NOT NULL
);

CREATE INDEX processed_events_by_user ON processed_events (platform, workspace, user_id);
CREATE INDEX processed_events_by_age ON processed_events (seen_at);

ALTER TABLE users ADD COLUMN platform_timezone TEXT;
