-- Retention purge over an index of closed sessions not yet purged: a purged row leaves the
-- index, so it is never read again. Sessions purged before this file are marked from their state.

ALTER TABLE sessions ADD COLUMN purged_at TEXT;

UPDATE sessions SET purged_at = updated_at WHERE json_extract(state, '$.purged') IS NOT NULL;

CREATE INDEX sessions_to_purge ON sessions (updated_at)
    WHERE purged_at IS NULL AND status IN ('finished', 'cancelled');
