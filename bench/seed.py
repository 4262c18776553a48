"""Fast bulk seeding of a benchmark database with plain sqlite3 (the schema is the real one)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage.db import to_db

ROOT = Path(__file__).resolve().parents[1]
BASE = datetime(2026, 1, 1, tzinfo=UTC)
FINISHED_STATE = json.dumps(
    {
        "answers": {
            "setback": "My manager said no to the promotion this quarter",
            "ask": "A promotion to senior engineer",
            "boundary": "soft",
            "offer": "I lead the platform migration and mentor two juniors",
            "option": "timeline",
            "option_detail": "Ask again in March with a written growth plan",
            "question": "What would you need to see from me by March?",
            "success": "Clear criteria for the next review",
        },
        "history": [],
        "pending": None,
        "pending_data": None,
        "channel": None,
    }
)


def migrated(path: Path) -> sqlite3.Connection:
    """A new database file with every migration applied, tuned for bulk loading."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for migration in sorted((ROOT / "migrations").glob("*.sql")):
        conn.executescript(migration.read_text())
    return conn


def seed_users(conn: sqlite3.Connection, users: int, *, platform: str = "bench") -> None:
    """`users` users, each with one finished session."""
    stamp = to_db(BASE)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO users (id, platform, workspace, user_id, timezone, created_at)"
        " VALUES (?, ?, 'w', ?, 'UTC', ?)",
        ((i + 1, platform, f"stored{i}", stamp) for i in range(users)),
    )
    conn.executemany(
        "INSERT INTO sessions (user_ref, number, step, status, state, started_at, updated_at)"
        " VALUES (?, 1, 'summary', 'finished', ?, ?, ?)",
        ((i + 1, FINISHED_STATE, stamp, stamp) for i in range(users)),
    )
    conn.execute("COMMIT")


def seed_reminders(
    conn: sqlite3.Connection,
    total: int,
    due: int,
    *,
    users: int,
    now: datetime,
    platform: str = "bench",
) -> None:
    """`total` pending reminders spread over `users` users, `due` of them due before now."""
    conn.execute("BEGIN")
    rows = []
    for i in range(total):
        when = now - timedelta(minutes=1 + i % 60) if i < due else now + timedelta(days=1 + i % 300)
        stamp = to_db(when)
        rows.append((i % users + 1, platform, stamp, stamp, to_db(BASE)))
        if len(rows) == 50_000:
            conn.executemany(
                "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
                " created_at) VALUES (?, ?, 1, ?, ?, ?)",
                rows,
            )
            rows.clear()
    if rows:
        conn.executemany(
            "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
            " created_at) VALUES (?, ?, 1, ?, ?, ?)",
            rows,
        )
    conn.execute("COMMIT")
