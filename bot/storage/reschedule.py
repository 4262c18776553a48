"""Moving a user's revisits when their zone or quiet hours change (local wall time kept)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import NamedTuple

from bot.domain import Status
from bot.preferences import Preferences, delivery_time
from bot.storage.db import from_db, to_db
from bot.storage.reminders import PENDING
from bot.storage.store import Conn
from bot.timeparse import same_wall_time


class Moved(NamedTuple):
    """A revisit after a change of zone: its due time (UTC), and whether the wall time held."""

    due: datetime
    wall_kept: bool = True


def new_due(old: datetime, old_zone: str, new_zone: str, now: datetime | None) -> Moved:
    """The same wall time in the new zone; the same instant when that wall time is past now."""
    due = same_wall_time(old, old_zone, new_zone)
    if now is not None and due <= now < old:
        # 10:00 in the new zone has gone by already: the revisit stays upcoming, at its instant.
        return Moved(old, wall_kept=False)
    return Moved(due)


async def reschedule(
    conn: Conn,
    *,
    user_ref: int,
    before: Preferences,
    after: Preferences,
    now: datetime | None = None,
) -> list[Moved]:
    """Move the user's pending reminders to new settings; return their new due times (UTC).

    A new zone keeps each reminder at the local wall time it had, unless that time is past
    `now` (then it keeps its instant, never listed upcoming in the past); new quiet hours
    move only when it is sent. The session's revisit date follows (and its version, so a turn
    holding the old copy recomputes), and so does a revisit picked in a conversation still open.
    """
    rows = await conn.fetch_all(
        "SELECT id, session_number, due_at FROM reminders WHERE user_ref = :user_ref"
        " AND status = :pending ORDER BY due_at, id",
        {"user_ref": user_ref, "pending": PENDING},
    )
    moved: list[Moved] = []
    for row in rows:
        kept = new_due(from_db(row["due_at"]), before.timezone, after.timezone, now)
        due = kept.due
        await conn.execute(
            "UPDATE reminders SET due_at = :due_at, send_after = :send_after WHERE id = :id",
            {
                "due_at": to_db(due),
                "send_after": to_db(delivery_time(due, after)),
                "id": row["id"],
            },
        )
        state = await conn.fetch_value(
            "SELECT state FROM sessions WHERE user_ref = :user_ref AND number = :number",
            {"user_ref": user_ref, "number": row["session_number"]},
        )
        old = from_db(row["due_at"])
        await _move_session(conn, user_ref, row["session_number"], str(state or "{}"), old, due)
        moved.append(kept)
    return moved + await _move_unscheduled(conn, user_ref, before.timezone, after.timezone, now)


async def _move_unscheduled(
    conn: Conn, user_ref: int, old_zone: str, new_zone: str, now: datetime | None
) -> list[Moved]:
    """An open conversation's revisit (scheduled only when its plan is finished) keeps the
    local wall time the user chose, as scheduled ones do; return its new time (UTC)."""
    rows = await conn.fetch_all(
        "SELECT number, revisit_at, state FROM sessions WHERE user_ref = :user_ref"
        " AND status IN (:active, :paused) AND revisit_at IS NOT NULL",
        {"user_ref": user_ref, "active": Status.ACTIVE.value, "paused": Status.PAUSED.value},
    )
    moved: list[Moved] = []
    for row in rows:
        old = from_db(row["revisit_at"])
        kept = new_due(old, old_zone, new_zone, now)
        await _move_session(conn, user_ref, row["number"], row["state"], old, kept.due)
        moved.append(kept)
    return moved


async def _move_session(
    conn: Conn, user_ref: int, number: int, state_json: str, old: datetime, due: datetime
) -> None:
    """A session's revisit date moved from `old` to `due`, and the answer that chose it with
    it (the export shows it, `back` offers it again); a date picked before a snooze stays."""
    # The state's JSON is edited here rather than in SQL: the same on both engines.
    state = json.loads(state_json)
    answers = state.setdefault("answers", {})
    if _same_moment(answers.get("revisit"), old):
        answers["revisit"] = due.isoformat()
    await conn.execute(
        "UPDATE sessions SET revisit_at = :due_at, version = version + 1, state = :state"
        " WHERE user_ref = :user_ref AND number = :number",
        {
            "due_at": to_db(due),
            "state": json.dumps(state, ensure_ascii=False, separators=(",", ":")),
            "user_ref": user_ref,
            "number": number,
        },
    )


def _same_moment(answer: object, moment: datetime) -> bool:
    """Whether a stored revisit answer names this moment (not "none", not another date)."""
    try:
        return isinstance(answer, str) and datetime.fromisoformat(answer) == moment
    except ValueError:
        return False
