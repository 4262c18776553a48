"""SQL for the durable inbox: store an event before the ack, lease it per user, settle it.

A row is written when a platform event arrives (keyed by the platform's id, so a retry is
not stored twice), leased by a worker, and marked done in the same transaction as the
turn that handled it. Only a user's oldest pending row can be leased, and only while none
of that user's rows is leased: one user's events run one at a time and in arrival order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.domain import UserKey
from bot.storage import dialect
from bot.storage.db import from_db, to_db
from bot.storage.store import Conn

PENDING = "pending"
DONE = "done"
FAILED = "failed"

_COLUMNS = "id, platform, workspace, user_id, kind, payload, received_at, attempts"
# A user's head row: pending, not leased now, with no older pending row of the same user.
# PostgreSQL skips rows another worker is claiming at this moment (dialect.claim_sql).
_HEADS = (
    "SELECT i.id AS picked_id FROM inbox i WHERE i.status = 'pending'"
    " AND (i.lease_until IS NULL OR i.lease_until < :now) {filter}"
    " AND NOT EXISTS (SELECT 1 FROM inbox j WHERE j.platform = i.platform"
    " AND j.workspace = i.workspace AND j.user_id = i.user_id AND j.status = 'pending'"
    " AND j.id < i.id)"
    " ORDER BY i.id LIMIT :limit"
)
_LEASE = "lease_owner = :owner, lease_until = :lease_until, attempts = attempts + 1"


def _claim_sql(conn: Conn, where: str) -> str:
    pick = _HEADS.format(filter=where)
    return dialect.claim_sql(conn.dialect, "inbox", _LEASE, pick, _COLUMNS)


@dataclass(frozen=True, slots=True)
class InboxRow:
    """One stored event: whose it is, what kind, the platform's payload and when it arrived."""

    id: int
    user: UserKey
    kind: str
    payload: Mapping[str, Any]
    received_at: datetime
    attempts: int


def _row(row: Any) -> InboxRow:
    return InboxRow(
        id=int(row["id"]),
        user=UserKey(row["platform"], row["workspace"], row["user_id"]),
        kind=str(row["kind"]),
        payload=json.loads(row["payload"] or "{}"),
        received_at=from_db(row["received_at"]),
        attempts=int(row["attempts"]),
    )


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event to store: the platform's id as key, whose it is, its kind, the platform's
    payload and when it arrived (UTC; the flood gate counts by it)."""

    key: str
    user: UserKey
    kind: str
    payload: Mapping[str, Any]
    received_at: datetime


# Rows per INSERT: 7 parameters each stays far below either engine's limit (32,766).
MAX_ROWS = 200
_INSERT = (
    "INSERT INTO inbox (event_key, platform, workspace, user_id, kind, payload, received_at)"
    " VALUES {values} ON CONFLICT (event_key) DO NOTHING RETURNING id, event_key"
)


def _values(index: int, event: NewEvent) -> tuple[str, dict[str, object]]:
    """One row's `(...)` and its parameters, named apart by `index`."""
    names = ("key", "platform", "workspace", "user_id", "kind", "payload", "received_at")
    values = (
        event.key,
        event.user.platform,
        event.user.workspace,
        event.user.user_id,
        event.kind,
        json.dumps(event.payload, ensure_ascii=False, separators=(",", ":")),
        to_db(event.received_at),
    )
    row = "(" + ", ".join(f":{name}{index}" for name in names) + ")"
    return row, {f"{name}{index}": value for name, value in zip(names, values, strict=True)}


async def add_many(conn: Conn, events: Sequence[NewEvent]) -> list[int | None]:
    """Store events in their order; for each, its row id, or None when its key was stored
    before (a retry), also earlier in `events`. Call in a transaction: all or none."""
    first: dict[str, int] = {}
    for position, event in enumerate(events):
        first.setdefault(event.key, position)
    fresh = [events[position] for position in first.values()]
    stored: dict[str, int] = {}
    for start in range(0, len(fresh), MAX_ROWS):
        rows, params = [], {}
        for index, event in enumerate(fresh[start : start + MAX_ROWS]):
            row, named = _values(index, event)
            rows.append(row)
            params.update(named)
        # RETURNING gives rows in no set order: the key says which is which.
        for found in await conn.fetch_all(_INSERT.format(values=", ".join(rows)), params):
            stored[str(found["event_key"])] = int(found["id"])
    return [
        stored.get(event.key) if first[event.key] == position else None
        for position, event in enumerate(events)
    ]


async def add(
    conn: Conn,
    *,
    key: str,
    user: UserKey,
    kind: str,
    payload: Mapping[str, Any],
    received_at: datetime,
) -> int | None:
    """Store an event; its row id, or None when the key was stored before (a retry)."""
    event = NewEvent(key=key, user=user, kind=kind, payload=payload, received_at=received_at)
    return (await add_many(conn, [event]))[0]


async def claim(
    conn: Conn,
    *,
    owner: str,
    now: datetime,
    lease_until: datetime,
    platforms: Sequence[str],
    limit: int,
) -> list[InboxRow]:
    """Lease the oldest pending row of up to `limit` users whose rows nobody holds now."""
    if not platforms or limit <= 0:
        return []
    where, params = dialect.in_list(conn.dialect, "i.platform", "platform", platforms)
    rows = await conn.fetch_all(
        _claim_sql(conn, "AND " + where),
        {
            **params,
            "owner": owner,
            "now": to_db(now),
            "lease_until": to_db(lease_until),
            "limit": limit,
        },
    )
    return sorted((_row(row) for row in rows), key=lambda row: row.id)


async def claim_next(
    conn: Conn, *, owner: str, user: UserKey, now: datetime, lease_until: datetime
) -> InboxRow | None:
    """Lease this user's next pending row (None when there is none, or another holds one)."""
    rows = await conn.fetch_all(
        _claim_sql(
            conn,
            "AND i.platform = :platform AND i.workspace = :workspace AND i.user_id = :user_id",
        ),
        {
            "platform": user.platform,
            "workspace": user.workspace,
            "user_id": user.user_id,
            "owner": owner,
            "now": to_db(now),
            "lease_until": to_db(lease_until),
            "limit": 1,
        },
    )
    found = next(iter(rows), None)
    return _row(found) if found is not None else None


async def finish(conn: Conn, *, row_id: int, outcome: str, now: datetime) -> bool:
    """Mark a row handled (call in the turn's transaction) and blank its payload.

    False when it was handled already (another worker after our lease ran out): the
    caller rolls its turn back, so an event is never handled twice.
    """
    changed = await conn.execute(
        "UPDATE inbox SET status = 'done', outcome = :outcome, processed_at = :now,"
        " payload = '{}', lease_owner = NULL, lease_until = NULL"
        " WHERE id = :id AND status = 'pending'",
        {"id": row_id, "outcome": outcome, "now": to_db(now)},
    )
    return changed == 1


async def retry_later(
    conn: Conn, *, row_id: int, owner: str, retry_at: datetime, error: str
) -> None:
    """A failed attempt: the row (and so its user's later rows) waits until `retry_at`."""
    await conn.execute(
        "UPDATE inbox SET lease_owner = NULL, lease_until = :retry_at, outcome = :error"
        " WHERE id = :id AND lease_owner = :owner AND status = 'pending'",
        {"id": row_id, "owner": owner, "retry_at": to_db(retry_at), "error": error[:200]},
    )


async def give_up(conn: Conn, *, row_id: int, error: str, now: datetime) -> None:
    """Stop trying a row that fails every time (its user's later rows go on)."""
    await conn.execute(
        "UPDATE inbox SET status = 'failed', outcome = :error, processed_at = :now,"
        " payload = '{}', lease_owner = NULL, lease_until = NULL WHERE id = :id",
        {"id": row_id, "error": error[:200], "now": to_db(now)},
    )


async def backlog(conn: Conn) -> int:
    """How many rows wait to be handled, across every platform and process."""
    return int(await conn.fetch_value("SELECT COUNT(*) FROM inbox WHERE status = 'pending'"))


async def lease_owners(conn: Conn, *, now: datetime) -> list[str]:
    """The owners holding a live lease on some pending row."""
    rows = await conn.fetch_all(
        "SELECT DISTINCT lease_owner FROM inbox WHERE status = 'pending'"
        " AND lease_owner IS NOT NULL AND lease_until >= :now",
        {"now": to_db(now)},
    )
    return [str(row["lease_owner"]) for row in rows]


async def release_owner(conn: Conn, *, owner: str) -> int:
    """Hand back every lease of an owner known to be gone (a killed process); how many."""
    return await conn.execute(
        "UPDATE inbox SET lease_owner = NULL, lease_until = NULL"
        " WHERE lease_owner = :owner AND status = 'pending'",
        {"owner": owner},
    )


async def forget_done(conn: Conn, *, before: datetime) -> int:
    """Delete rows handled before `before` (their keys only guarded retries); how many."""
    return await conn.execute(
        "DELETE FROM inbox WHERE status IN ('done', 'failed') AND processed_at < :before",
        {"before": to_db(before)},
    )


async def delete_user(conn: Conn, *, user: UserKey) -> None:
    """`forget me`: delete the user's handled rows (messages sent after it still wait)."""
    await conn.execute(
        "DELETE FROM inbox WHERE platform = :platform AND workspace = :workspace"
        " AND user_id = :user_id AND status <> 'pending'",
        {"platform": user.platform, "workspace": user.workspace, "user_id": user.user_id},
    )


async def delete_workspace(conn: Conn, *, platform: str, workspace: str) -> None:
    """An uninstalled workspace: delete its users' rows that wait or were handled."""
    await conn.execute(
        "DELETE FROM inbox WHERE platform = :platform AND workspace = :workspace AND user_id <> ''",
        {"platform": platform, "workspace": workspace},
    )
