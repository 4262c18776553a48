-- PostgreSQL version of ../0007_purge_and_claim_order.sql: jsonb instead of
-- json_extract; the index holds (updated_at, id), the order the purge reads in.
-- Retention purge over an index of closed sessions not yet purged: a purged row leaves the
-- index, so it is never read again. Sessions purged before this file are marked from their state.

ALTER TABLE sessions ADD COLUMN purged_at TEXT;

UPDATE sessions SET purged_at = updated_at WHERE state::jsonb ->> 'purged' IS NOT NULL;

CREATE INDEX sessions_to_purge ON sessions (updated_at, id)
    WHERE purged_at IS NULL AND status IN ('finished', 'cancelled');
