-- The revisit's second question: did the win the user named happen (yes, partly, not yet)?
-- Kept in columns beside the outcome, so both outlive the retention purge of the words.
-- outcome_at and win_at date the wins journal's entries (UTC, like every time here).

ALTER TABLE sessions ADD COLUMN outcome_at TEXT;
ALTER TABLE sessions ADD COLUMN win TEXT;
ALTER TABLE sessions ADD COLUMN win_at TEXT;

-- Outcomes recorded before this file were dated by the session's last change.
UPDATE sessions SET outcome_at = updated_at WHERE outcome IS NOT NULL;
