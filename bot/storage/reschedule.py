"""Moving a user's revisits when their zone or quiet hours change (local wall time kept)."""

from __future__ import annotations

import json
from datetime import datetime

from bot.domain import Status
from bot.preferences import Preferences, delivery_time
from bot.storage.db import from_db, to_db
from bot.storage.reminders import PENDING
from bot.storage.store import Conn
from bot.timeparse import same_wall_time


async def reschedule(
    conn: Conn, *, user_ref: int, before: Preferences, after: Preferences
) -> list[datetime]:
    """Move the user's pending reminders to new settings; return their new due times (UTC).

    A new zone keeps each reminder at the local wall time it had; new quiet hours move
    only when it is sent. The session's revisit date follows (and its version, so a turn
    holding the old copy recomputes), and so does a revisit picked in a conversation still open.
    """
    rows = await conn.fetch_all(
        "SELECT id, session_number, due_at FROM reminders WHERE user_ref = :user_ref"
        " AND status = :pending ORDER BY due_at, id",
        {"user_ref": user_ref, "pending": PENDING},
    )
    moved: list[datetime] = []
    for row in rows:
        due = same_wall_time(from_db(row["due_at"]), before.timezone, after.timezone)
        await conn.execute(
            "UPDATE reminders SET due_at = :due_at, send_after = :send_after WHERE id = :id",
            {
                "due_at": to_db(due),
                "send_after": to_db(delivery_time(due, after)),
                "id": row["id"],
            },
        )
        await conn.execute(
            "UPDATE sessions SET revisit_at = :due_at, version = version + 1"
            " WHERE user_ref = :user_ref AND number = :number",
            {"due_at": to_db(due), "user_ref": user_ref, "number": row["session_number"]},
        )
        moved.append(due)
    return moved + await _move_unscheduled(conn, user_ref, before.timezone, after.timezone)


async def _move_unscheduled(
    conn: Conn, user_ref: int, old_zone: str, new_zone: str
) -> list[datetime]:
    """An open conversation's revisit (scheduled only when its plan is finished) keeps the
    local wall time the user chose, as scheduled ones do; return its new time (UTC)."""
    rows = await conn.fetch_all(
        "SELECT number, revisit_at, state FROM sessions WHERE user_ref = :user_ref"
        " AND status IN (:active, :paused) AND revisit_at IS NOT NULL",
        {"user_ref": user_ref, "active": Status.ACTIVE.value, "paused": Status.PAUSED.value},
    )
    moved: list[datetime] = []
    for row in rows:
        due = same_wall_time(from_db(row["revisit_at"]), old_zone, new_zone)
        # The state's JSON is edited here rather than in SQL: the same on both engines.
        state = json.loads(row["state"])
        state.setdefault("answers", {})["revisit"] = due.isoformat()
        await conn.execute(
            "UPDATE sessions SET revisit_at = :due_at, version = version + 1, state = :state"
            " WHERE user_ref = :user_ref AND number = :number",
            {
                "due_at": to_db(due),
                "state": json.dumps(state, ensure_ascii=False, separators=(",", ":")),
                "user_ref": user_ref,
                "number": row["number"],
            },
        )
        moved.append(due)
    return moved
