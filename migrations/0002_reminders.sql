-- Revisit nudges. A row is claimed with a lease, delivered, then marked sent.
-- send_after starts at due_at (moved out of quiet hours) and is pushed back by retries.

CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    user_ref INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    session_number INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    send_after TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    answered_at TEXT
);

-- The claim query reads only pending rows in send_after order.
CREATE INDEX reminders_claim ON reminders (send_after) WHERE status = 'pending';
CREATE INDEX reminders_by_session ON reminders (user_ref, session_number);
