"""SQL <-> domain objects for revisit reminders: schedule, claim with a lease, settle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain import Session, UserKey
from bot.storage import dialect
from bot.storage.db import from_db, to_db
from bot.storage.repos import SESSION_COLUMNS, session_from_row, user_params
from bot.storage.store import Conn

PENDING = "pending"
# Its nudge is in the outbox: being delivered, or waiting for a retry.
QUEUED = "queued"
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


async def claim(
    conn: Conn,
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
    platforms_sql, params = dialect.in_list(conn.dialect, "platform", "platform", platforms)
    only_user_sql = ""
    if only_user is not None:
        only_user_sql = (
            "AND user_ref = (SELECT id FROM users WHERE platform = :only_platform"
            " AND workspace = :workspace AND user_id = :user_id)"
        )
        key = user_params(only_user)
        params.update(only_platform=key.pop("platform"), **key)
    params.update(
        owner=owner,
        lease_until=to_db(lease_until),
        now=to_db(now),
        after_at=to_db(after[0]) if after is not None else "",
        after_id=after[1] if after is not None else 0,
        limit=limit,
    )
    sql = dialect.CLAIM_SQL[conn.dialect].format(platforms=platforms_sql, only_user=only_user_sql)
    ids = [row["id"] for row in await conn.fetch_all(sql, params)]
    if not ids:
        return []
    ids_sql, id_params = dialect.in_list(conn.dialect, "r.id", "id", ids)
    # One read brings each reminder with its user and the plan to recap.
    rows = await conn.fetch_all(
        "SELECT r.id AS reminder_id, r.user_ref, u.platform, u.workspace, u.user_id,"
        " r.session_number, r.due_at, r.send_after, r.attempts,"
        " u.timezone, u.platform_timezone, u.quiet_start, u.quiet_end,"
        f" {SESSION_COLUMNS}"
        " FROM reminders r JOIN users u ON u.id = r.user_ref"
        " LEFT JOIN sessions s ON s.user_ref = r.user_ref AND s.number = r.session_number"
        f" WHERE {ids_sql} ORDER BY r.send_after, r.id",
        id_params,
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


async def defer(conn: Conn, *, reminder_id: int, owner: str, send_after: datetime) -> None:
    """Give a claimed reminder back for later (quiet hours); the claim was not an attempt."""
    await conn.execute(
        "UPDATE reminders SET send_after = :send_after, lease_owner = NULL, lease_until = NULL,"
        " attempts = attempts - 1 WHERE id = :id AND lease_owner = :owner",
        {"send_after": to_db(send_after), "id": reminder_id, "owner": owner},
    )


async def mark_sent(conn: Conn, *, reminder_id: int, owner: str, now: datetime) -> bool:
    """Record a delivery; False when the lease was lost to another process meanwhile."""
    changed = await conn.execute(
        "UPDATE reminders SET status = :sent, sent_at = :now, lease_owner = NULL,"
        " lease_until = NULL, last_error = NULL"
        " WHERE id = :id AND lease_owner = :owner AND status = :pending",
        {"sent": SENT, "now": to_db(now), "id": reminder_id, "owner": owner, "pending": PENDING},
    )
    return changed == 1


async def mark_failed(
    conn: Conn, *, reminder_id: int, owner: str, error: str, retry_at: datetime | None
) -> None:
    """Record a failed attempt: retry at retry_at, or give up when it is None."""
    where = {"error": error, "id": reminder_id, "owner": owner}
    if retry_at is None:
        await conn.execute(
            "UPDATE reminders SET status = :failed, last_error = :error, lease_owner = NULL,"
            " lease_until = NULL WHERE id = :id AND lease_owner = :owner",
            {**where, "failed": FAILED},
        )
        return
    await conn.execute(
        "UPDATE reminders SET send_after = :retry_at, last_error = :error, lease_owner = NULL,"
        " lease_until = NULL WHERE id = :id AND lease_owner = :owner",
        {**where, "retry_at": to_db(retry_at)},
    )


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


async def queue(conn: Conn, *, reminder_id: int, owner: str) -> bool:
    """A claimed reminder's nudge went into the outbox: hand the delivery over to it."""
    changed = await conn.execute(
        "UPDATE reminders SET status = :queued, lease_owner = NULL, lease_until = NULL"
        " WHERE id = :id AND lease_owner = :owner AND status = :pending",
        {"queued": QUEUED, "id": reminder_id, "owner": owner, "pending": PENDING},
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
