"""The scheduler's side of a reminder: its statuses, the lease on due ones, and what becomes
of a claimed one (deferred out of quiet hours, given up, or its nudge queued in the outbox)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain import Session, UserKey
from bot.storage import dialect
from bot.storage.db import from_db, to_db
from bot.storage.repos import SESSION_COLUMNS, session_from_row
from bot.storage.store import Conn
from bot.storage.user_keys import user_params

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


async def queue(conn: Conn, *, reminder_id: int, owner: str) -> bool:
    """A claimed reminder's nudge went into the outbox: hand the delivery over to it."""
    changed = await conn.execute(
        "UPDATE reminders SET status = :queued, lease_owner = NULL, lease_until = NULL"
        " WHERE id = :id AND lease_owner = :owner AND status = :pending",
        {"queued": QUEUED, "id": reminder_id, "owner": owner, "pending": PENDING},
    )
    return changed == 1
