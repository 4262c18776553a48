"""SQL <-> domain objects for revisit reminders: schedule, claim with a lease, settle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.domain import Session, Status, UserKey
from bot.preferences import Preferences, delivery_time
from bot.storage.db import from_db, to_db
from bot.storage.repos import SESSION_COLUMNS, session_from_row
from bot.timeparse import same_wall_time

PENDING = "pending"
SENT = "sent"
FAILED = "failed"
CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Claimed:
    """A reminder this process holds the lease on, with what it needs to deliver it."""

    id: int
    user_ref: int
    user: UserKey
    session_number: int
    due_at: datetime
    attempts: int
    timezone: str | None
    quiet_start: str | None
    quiet_end: str | None
    session: Session | None
    platform_timezone: str | None = None
    send_after: datetime | None = None


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A pending reminder as the user sees it in `reminders`."""

    id: int
    session_number: int
    due_at: datetime


async def schedule(
    conn: aiosqlite.Connection,
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
        " created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (user_ref, platform, session_number, to_db(due_at), to_db(send_after), to_db(now)),
    )


async def cancel_for_session(
    conn: aiosqlite.Connection, *, user_ref: int, session_number: int
) -> int:
    """Cancel the pending reminders of one session; return how many."""
    cursor = await conn.execute(
        "UPDATE reminders SET status = ? WHERE user_ref = ? AND session_number = ? AND status = ?",
        (CANCELLED, user_ref, session_number, PENDING),
    )
    return cursor.rowcount


async def cancel_one(conn: aiosqlite.Connection, *, user_ref: int, reminder_id: int) -> bool:
    """Cancel one pending reminder of this user (never another user's)."""
    cursor = await conn.execute(
        "UPDATE reminders SET status = ? WHERE id = ? AND user_ref = ? AND status = ?",
        (CANCELLED, reminder_id, user_ref, PENDING),
    )
    return cursor.rowcount == 1


async def upcoming(conn: aiosqlite.Connection, *, user_ref: int) -> list[Upcoming]:
    """The user's pending reminders, soonest first."""
    async with conn.execute(
        "SELECT id, session_number, due_at FROM reminders WHERE user_ref = ? AND status = ?"
        " ORDER BY due_at, id",
        (user_ref, PENDING),
    ) as cursor:
        return [Upcoming(row[0], row[1], from_db(row[2])) async for row in cursor]


async def has_pending(conn: aiosqlite.Connection, *, user_ref: int, session_number: int) -> bool:
    """Whether a session already has a reminder waiting."""
    async with conn.execute(
        "SELECT 1 FROM reminders WHERE user_ref = ? AND session_number = ? AND status = ? LIMIT 1",
        (user_ref, session_number, PENDING),
    ) as cursor:
        return await cursor.fetchone() is not None


CLAIM_SQL = (
    "UPDATE reminders SET lease_owner = ?, lease_until = ?, attempts = attempts + 1"
    " WHERE id IN ("
    "  SELECT id FROM reminders WHERE status = 'pending' AND send_after <= ?"
    # Index order from where the last batch stopped: the rows this pass leased are not
    # read again, so a batch costs the same with 100,000 due as with 10,000.
    "  AND (send_after, id) > (?, ?)"
    "  AND (lease_until IS NULL OR lease_until < ?) AND platform IN ({platforms})"
    "  {only_user} ORDER BY send_after, id LIMIT ?)"
    " RETURNING id"
)


async def claim(
    conn: aiosqlite.Connection,
    *,
    owner: str,
    now: datetime,
    lease_until: datetime,
    platforms: Sequence[str],
    limit: int,
    only_user: UserKey | None = None,
    after: tuple[datetime, int] | None = None,
) -> list[Claimed]:
    """Take the lease on up to `limit` due reminders (call inside a write transaction).

    `after` is the (send_after, id) of the last reminder of the previous batch of this pass;
    the claim continues after it in index order.
    """
    if not platforms:
        return []
    marks = ", ".join("?" for _ in platforms)
    only_user_sql = ""
    since = (to_db(after[0]), after[1]) if after is not None else ("", 0)
    params: list[object] = [owner, to_db(lease_until), to_db(now), *since, to_db(now), *platforms]
    if only_user is not None:
        only_user_sql = (
            "AND user_ref = (SELECT id FROM users WHERE platform = ? AND workspace = ?"
            " AND user_id = ?)"
        )
        params.extend((only_user.platform, only_user.workspace, only_user.user_id))
    params.append(limit)
    sql = CLAIM_SQL.format(platforms=marks, only_user=only_user_sql)
    ids = [row[0] for row in await conn.execute_fetchall(sql, params)]
    if not ids:
        return []
    id_marks = ", ".join("?" for _ in ids)
    # One read brings each reminder with its user and the plan to recap.
    rows = await conn.execute_fetchall(
        "SELECT r.id AS reminder_id, r.user_ref, u.platform, u.workspace, u.user_id,"
        " r.session_number, r.due_at, r.send_after, r.attempts,"
        " u.timezone, u.platform_timezone, u.quiet_start, u.quiet_end,"
        f" {SESSION_COLUMNS}"
        " FROM reminders r JOIN users u ON u.id = r.user_ref"
        " LEFT JOIN sessions s ON s.user_ref = r.user_ref AND s.number = r.session_number"
        f" WHERE r.id IN ({id_marks}) ORDER BY r.send_after, r.id",
        ids,
    )
    claimed: list[Claimed] = []
    for row in rows:
        user = UserKey(row["platform"], row["workspace"], row["user_id"])
        claimed.append(
            Claimed(
                id=row["reminder_id"],
                user_ref=row["user_ref"],
                user=user,
                session_number=row["session_number"],
                due_at=from_db(row["due_at"]),
                send_after=from_db(row["send_after"]),
                attempts=row["attempts"],
                timezone=row["timezone"],
                platform_timezone=row["platform_timezone"],
                quiet_start=row["quiet_start"],
                quiet_end=row["quiet_end"],
                session=session_from_row(row, user) if row["number"] is not None else None,
            )
        )
    return claimed


async def defer(
    conn: aiosqlite.Connection, *, reminder_id: int, owner: str, send_after: datetime
) -> None:
    """Give a claimed reminder back for later (quiet hours); the claim was not an attempt."""
    await conn.execute(
        "UPDATE reminders SET send_after = ?, lease_owner = NULL, lease_until = NULL,"
        " attempts = attempts - 1 WHERE id = ? AND lease_owner = ?",
        (to_db(send_after), reminder_id, owner),
    )


async def mark_sent(
    conn: aiosqlite.Connection, *, reminder_id: int, owner: str, now: datetime
) -> bool:
    """Record a delivery; False when the lease was lost to another process meanwhile."""
    cursor = await conn.execute(
        "UPDATE reminders SET status = ?, sent_at = ?, lease_owner = NULL, lease_until = NULL,"
        " last_error = NULL WHERE id = ? AND lease_owner = ? AND status = ?",
        (SENT, to_db(now), reminder_id, owner, PENDING),
    )
    return cursor.rowcount == 1


async def mark_failed(
    conn: aiosqlite.Connection,
    *,
    reminder_id: int,
    owner: str,
    error: str,
    retry_at: datetime | None,
) -> None:
    """Record a failed attempt: retry at retry_at, or give up when it is None."""
    if retry_at is None:
        await conn.execute(
            "UPDATE reminders SET status = ?, last_error = ?, lease_owner = NULL,"
            " lease_until = NULL WHERE id = ? AND lease_owner = ?",
            (FAILED, error, reminder_id, owner),
        )
        return
    await conn.execute(
        "UPDATE reminders SET send_after = ?, last_error = ?, lease_owner = NULL,"
        " lease_until = NULL WHERE id = ? AND lease_owner = ?",
        (to_db(retry_at), error, reminder_id, owner),
    )


async def answer(
    conn: aiosqlite.Connection, *, user_ref: int, session_number: int, now: datetime
) -> bool:
    """Mark the session's latest delivered nudge answered; False if it already was."""
    cursor = await conn.execute(
        "UPDATE reminders SET answered_at = ? WHERE id = ("
        " SELECT id FROM reminders WHERE user_ref = ? AND session_number = ? AND status = ?"
        " AND answered_at IS NULL ORDER BY id DESC LIMIT 1)",
        (to_db(now), user_ref, session_number, SENT),
    )
    return cursor.rowcount == 1


@dataclass(frozen=True, slots=True)
class LastNudge:
    """The user's most recently delivered nudge: its session, when it went out and any answer."""

    session_number: int
    sent_at: datetime
    answered_at: datetime | None


async def last_sent(conn: aiosqlite.Connection, *, user_ref: int) -> LastNudge | None:
    """The latest nudge delivered to this user, answered or not (None when there was none)."""
    async with conn.execute(
        "SELECT session_number, sent_at, answered_at FROM reminders"
        " WHERE user_ref = ? AND status = ? AND sent_at IS NOT NULL"
        " ORDER BY sent_at DESC, id DESC LIMIT 1",
        (user_ref, SENT),
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return None
    return LastNudge(row[0], from_db(row[1]), from_db(row[2]) if row[2] else None)


async def reschedule(
    conn: aiosqlite.Connection, *, user_ref: int, before: Preferences, after: Preferences
) -> list[datetime]:
    """Move the user's pending reminders to new settings; return their new due times (UTC).

    A new zone keeps each reminder at the local wall time it had; new quiet hours move
    only when it is sent. The session's revisit date follows (and its version, so a turn
    holding the old copy recomputes), and so does a revisit picked in a conversation still open.
    """
    rows = await conn.execute_fetchall(
        "SELECT id, session_number, due_at FROM reminders WHERE user_ref = ? AND status = ?"
        " ORDER BY due_at, id",
        (user_ref, PENDING),
    )
    moved: list[datetime] = []
    for reminder_id, session_number, due_text in rows:
        due = same_wall_time(from_db(due_text), before.timezone, after.timezone)
        await conn.execute(
            "UPDATE reminders SET due_at = ?, send_after = ? WHERE id = ?",
            (to_db(due), to_db(delivery_time(due, after)), reminder_id),
        )
        await conn.execute(
            "UPDATE sessions SET revisit_at = ?, version = version + 1"
            " WHERE user_ref = ? AND number = ?",
            (to_db(due), user_ref, session_number),
        )
        moved.append(due)
    return moved + await _move_unscheduled(conn, user_ref, before.timezone, after.timezone)


async def _move_unscheduled(
    conn: aiosqlite.Connection, user_ref: int, old_zone: str, new_zone: str
) -> list[datetime]:
    """An open conversation's revisit (scheduled only when its plan is finished) keeps the
    local wall time the user chose, as scheduled ones do; return its new time (UTC)."""
    rows = await conn.execute_fetchall(
        "SELECT number, revisit_at FROM sessions WHERE user_ref = ? AND status IN (?, ?)"
        " AND revisit_at IS NOT NULL",
        (user_ref, Status.ACTIVE.value, Status.PAUSED.value),
    )
    moved: list[datetime] = []
    for number, revisit_text in rows:
        due = same_wall_time(from_db(revisit_text), old_zone, new_zone)
        await conn.execute(
            "UPDATE sessions SET revisit_at = ?, version = version + 1,"
            " state = json_set(state, '$.answers.revisit', ?) WHERE user_ref = ? AND number = ?",
            (to_db(due), due.isoformat(), user_ref, number),
        )
        moved.append(due)
    return moved


async def cancel_for_workspace(conn: aiosqlite.Connection, *, platform: str, workspace: str) -> int:
    """Cancel the pending reminders of every user of a workspace; return how many."""
    cursor = await conn.execute(
        "UPDATE reminders SET status = ? WHERE status = ? AND user_ref IN"
        " (SELECT id FROM users WHERE platform = ? AND workspace = ?)",
        (CANCELLED, PENDING, platform, workspace),
    )
    return cursor.rowcount
