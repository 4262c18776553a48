"""SQL <-> domain objects for revisit reminders: schedule, cancel, list, answer, settle.

The scheduler's lease on due reminders and their statuses are in reminder_claims.py, and
still read as reminders.X.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.storage.db import from_db, to_db
from bot.storage.reminder_claims import (
    CANCELLED,
    FAILED,
    PENDING,
    QUEUED,
    SENT,
    Claimed,
    claim,
    defer,
    mark_failed,
    queue,
)
from bot.storage.store import Conn

__all__ = [
    "CANCELLED",
    "FAILED",
    "PENDING",
    "QUEUED",
    "SENT",
    "Claimed",
    "LastNudge",
    "Upcoming",
    "answer",
    "cancel_for_session",
    "cancel_for_workspace",
    "cancel_one",
    "claim",
    "defer",
    "give_up",
    "has_pending",
    "last_sent",
    "mark_delivered",
    "mark_failed",
    "queue",
    "schedule",
    "upcoming",
]


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A pending reminder as the user sees it in `reminders`."""

    id: int
    session_number: int
    due_at: datetime


async def schedule(
    conn: Conn,
    *,
    user_ref: int,
    platform: str,
    session_number: int,
    due_at: datetime,
    send_after: datetime,
    now: datetime,
) -> None:
    """Add a pending reminder, replacing any still pending for the same session."""
    await cancel_for_session(conn, user_ref=user_ref, session_number=session_number)
    await conn.execute(
        "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
        " created_at) VALUES (:user_ref, :platform, :number, :due_at, :send_after, :now)",
        {
            "user_ref": user_ref,
            "platform": platform,
            "number": session_number,
            "due_at": to_db(due_at),
            "send_after": to_db(send_after),
            "now": to_db(now),
        },
    )


async def cancel_for_session(conn: Conn, *, user_ref: int, session_number: int) -> int:
    """Cancel the pending (or queued, not yet delivered) reminders of one session; how many."""
    return await conn.execute(
        "UPDATE reminders SET status = :cancelled WHERE user_ref = :user_ref"
        " AND session_number = :number AND status IN (:pending, :queued)",
        {
            "cancelled": CANCELLED,
            "pending": PENDING,
            "queued": QUEUED,
            "user_ref": user_ref,
            "number": session_number,
        },
    )


async def cancel_one(conn: Conn, *, user_ref: int, reminder_id: int) -> bool:
    """Cancel one pending reminder of this user (never another user's)."""
    changed = await conn.execute(
        "UPDATE reminders SET status = :cancelled WHERE id = :id AND user_ref = :user_ref"
        " AND status = :pending",
        {"cancelled": CANCELLED, "pending": PENDING, "id": reminder_id, "user_ref": user_ref},
    )
    return changed == 1


async def upcoming(conn: Conn, *, user_ref: int) -> list[Upcoming]:
    """The user's pending reminders, soonest first."""
    rows = await conn.fetch_all(
        "SELECT id, session_number, due_at FROM reminders WHERE user_ref = :user_ref"
        " AND status = :pending ORDER BY due_at, id",
        {"user_ref": user_ref, "pending": PENDING},
    )
    return [Upcoming(row["id"], row["session_number"], from_db(row["due_at"])) for row in rows]


async def has_pending(conn: Conn, *, user_ref: int, session_number: int) -> bool:
    """Whether a session already has a reminder waiting (or on its way)."""
    found = await conn.fetch_value(
        "SELECT 1 FROM reminders WHERE user_ref = :user_ref AND session_number = :number"
        " AND status IN (:pending, :queued) LIMIT 1",
        {"user_ref": user_ref, "number": session_number, "pending": PENDING, "queued": QUEUED},
    )
    return found is not None


async def answer(conn: Conn, *, user_ref: int, session_number: int, now: datetime) -> bool:
    """Mark the session's latest nudge answered; False if it already was.

    A nudge still 'queued' was pressed, so it reached the user although its delivery was
    never settled (the process stopped mid-post): the answer marks it delivered, and the
    outbox then drops it instead of sending it again.
    """
    changed = await conn.execute(
        "UPDATE reminders SET answered_at = :now, status = :sent,"
        " sent_at = COALESCE(sent_at, :now) WHERE id = ("
        " SELECT id FROM reminders WHERE user_ref = :user_ref AND session_number = :number"
        " AND status IN (:sent, :queued) AND answered_at IS NULL ORDER BY id DESC LIMIT 1)",
        {
            "now": to_db(now),
            "sent": SENT,
            "queued": QUEUED,
            "user_ref": user_ref,
            "number": session_number,
        },
    )
    return changed == 1


async def mark_delivered(conn: Conn, *, reminder_id: int, now: datetime) -> None:
    """The outbox delivered the reminder's nudge."""
    await conn.execute(
        "UPDATE reminders SET status = :sent, sent_at = :now, last_error = NULL"
        " WHERE id = :id AND status = :queued",
        {"sent": SENT, "now": to_db(now), "id": reminder_id, "queued": QUEUED},
    )


async def give_up(conn: Conn, *, reminder_id: int, error: str) -> None:
    """The outbox gave the reminder's nudge up (refused for good, or for too long)."""
    await conn.execute(
        "UPDATE reminders SET status = :failed, last_error = :error"
        " WHERE id = :id AND status = :queued",
        {"failed": FAILED, "error": error[:500], "id": reminder_id, "queued": QUEUED},
    )


@dataclass(frozen=True, slots=True)
class LastNudge:
    """The user's most recently delivered nudge: its session, when it went out and any answer."""

    session_number: int
    sent_at: datetime
    answered_at: datetime | None


async def last_sent(conn: Conn, *, user_ref: int) -> LastNudge | None:
    """The latest nudge delivered to this user, answered or not (None when there was none)."""
    row = await conn.fetch_one(
        "SELECT session_number, sent_at, answered_at FROM reminders"
        " WHERE user_ref = :user_ref AND status = :sent AND sent_at IS NOT NULL"
        " ORDER BY sent_at DESC, id DESC LIMIT 1",
        {"user_ref": user_ref, "sent": SENT},
    )
    if row is None:
        return None
    answered = row["answered_at"]
    return LastNudge(
        row["session_number"], from_db(row["sent_at"]), from_db(answered) if answered else None
    )


async def cancel_for_workspace(conn: Conn, *, platform: str, workspace: str) -> int:
    """Cancel the pending reminders of every user of a workspace; return how many."""
    return await conn.execute(
        "UPDATE reminders SET status = :cancelled WHERE status = :pending AND user_ref IN"
        " (SELECT id FROM users WHERE platform = :platform AND workspace = :workspace)",
        {"cancelled": CANCELLED, "pending": PENDING, "platform": platform, "workspace": workspace},
    )
