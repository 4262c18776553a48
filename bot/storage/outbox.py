"""SQL for the one outbox: replies, nudges and share notes, one row per rendered message.

A turn enqueues its replies inside its own transaction; the scheduler enqueues a due nudge
and marks its reminder 'queued'. Rows are leased per user in id order (a user's row waits
while an older one of theirs is undelivered), then settled: sent, retried later, failed
(given up) or dropped (a nudge answered or cancelled meanwhile, a reply superseded).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

from bot.domain import Message, UserKey
from bot.storage import dialect
from bot.storage.db import to_db
from bot.storage.message_json import dump_message
from bot.storage.outbox_rows import COLUMNS, OutboxRow, row_from_db
from bot.storage.outbox_turns import drop_pending_replies, last_turn, turn_failed, unseen_replies
from bot.storage.store import Conn
from bot.storage.user_keys import user_params

REPLY = "reply"
NUDGE = "nudge"
# The note a user chose to share, posted to a channel before the turn's replies.
SHARE = "share"
# A word after a turn's replies, where it was asked, on where they went ("I've sent you a
# DM"): never re-sent as part of the turn, never what a message may have crossed.
NOTE = "note"
PENDING = "pending"
# OutboxRow and the turns' questions are still read as outbox.X, as before their modules.
__all__ = [
    "DROP",
    "LOST",
    "NOTE",
    "NUDGE",
    "PENDING",
    "POST",
    "REPLY",
    "SHARE",
    "WAIT",
    "OutboxRow",
    "claim_due",
    "claim_user",
    "delete_user",
    "delete_workspace",
    "drop_pending_replies",
    "enqueue",
    "expire_owner",
    "forget_settled",
    "give_back",
    "last_turn",
    "lease_owners",
    "nudge_look",
    "retry_at",
    "settle",
    "turn_failed",
    "unseen_replies",
]

# A user's head row: pending, due, not leased now, with no older pending row of that user
# (and, for a nudge, no inbound event of that user still to handle).
# PostgreSQL skips rows another worker is claiming at this moment (dialect.claim_sql).
_HEADS = (
    "SELECT o.id AS picked_id FROM outbox o WHERE o.status = 'pending' AND o.send_after <= :now"
    " AND (o.lease_until IS NULL OR o.lease_until < :now) {filter}"
    " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.platform = o.platform"
    " AND p.workspace = o.workspace AND p.user_id = o.user_id AND p.status = 'pending'"
    " AND p.id < o.id)"
    # A nudge waits while its user has an event not yet handled: a press on it that came
    # in first (say, just after a restart) answers it, and the nudge is then dropped.
    " AND (o.kind <> 'nudge' OR NOT EXISTS (SELECT 1 FROM inbox i WHERE"
    " i.platform = o.platform AND i.workspace = o.workspace AND i.user_id = o.user_id"
    " AND i.status = 'pending'))"
    " ORDER BY o.send_after, o.id LIMIT :limit"
)
# A lease that ran out with its owner still set was cut short (a killed process): counted.
_LEASE = (
    "lease_owner = :owner, lease_until = :lease_until, attempts = attempts + 1,"
    " interrupted = interrupted + CASE WHEN lease_owner IS NULL THEN 0 ELSE 1 END"
)


def _claim_sql(conn: Conn, where: str) -> str:
    pick = _HEADS.format(filter=where)
    return dialect.claim_sql(conn.dialect, "outbox", _LEASE, pick, "id")


async def enqueue(
    conn: Conn,
    *,
    user: UserKey,
    kind: str,
    turn: str,
    route: Mapping[str, str],
    messages: Sequence[Message],
    now: datetime,
    reminder_id: int | None = None,
) -> None:
    """Add messages to deliver to the user, in order, due now."""
    for message in messages:
        await conn.execute(
            "INSERT INTO outbox (platform, workspace, user_id, kind, turn, route, message,"
            " reminder_id, send_after, created_at) VALUES (:platform, :workspace, :user_id,"
            " :kind, :turn, :route, :message, :reminder_id, :now, :now)",
            {
                **user_params(user),
                "kind": kind,
                "turn": turn,
                "route": json.dumps(dict(route), separators=(",", ":")),
                "message": dump_message(message),
                "reminder_id": reminder_id,
                "now": to_db(now),
            },
        )


async def _claimed(conn: Conn, ids: Sequence[int]) -> list[OutboxRow]:
    if not ids:
        return []
    where, params = dialect.in_list(conn.dialect, "o.id", "id", ids)
    rows = await conn.fetch_all(
        f"SELECT {COLUMNS}, r.status AS reminder_status FROM outbox o"
        f" LEFT JOIN reminders r ON r.id = o.reminder_id WHERE {where} ORDER BY o.id",
        params,
    )
    return [row_from_db(row) for row in rows]


async def claim_due(
    conn: Conn,
    *,
    owner: str,
    now: datetime,
    lease_until: datetime,
    platforms: Sequence[str],
    limit: int,
) -> list[OutboxRow]:
    """Lease the due head row of up to `limit` users (the retry pass)."""
    if not platforms or limit <= 0:
        return []
    where, names = dialect.in_list(conn.dialect, "o.platform", "platform", platforms)
    rows = await conn.fetch_all(
        _claim_sql(conn, "AND " + where),
        {
            **names,
            "owner": owner,
            "now": to_db(now),
            "lease_until": to_db(lease_until),
            "limit": limit,
        },
    )
    return await _claimed(conn, [int(row["id"]) for row in rows])


async def claim_user(
    conn: Conn, *, owner: str, user: UserKey, now: datetime, lease_until: datetime
) -> OutboxRow | None:
    """Lease this user's head row if it is due and nobody holds it."""
    rows = await conn.fetch_all(
        _claim_sql(
            conn,
            "AND o.platform = :platform AND o.workspace = :workspace AND o.user_id = :user_id",
        ),
        {
            **user_params(user),
            "owner": owner,
            "now": to_db(now),
            "lease_until": to_db(lease_until),
            "limit": 1,
        },
    )
    found = await _claimed(conn, [int(row["id"]) for row in rows])
    return found[0] if found else None


async def settle(
    conn: Conn,
    *,
    row_id: int,
    owner: str,
    status: str,
    now: datetime,
    error: str | None = None,
) -> bool:
    """Mark a leased row sent, failed or dropped; False when the lease was lost meanwhile."""
    changed = await conn.execute(
        "UPDATE outbox SET status = :status, sent_at = :now, last_error = :error,"
        " lease_owner = NULL, lease_until = NULL"
        " WHERE id = :id AND lease_owner = :owner AND status = 'pending'",
        {"id": row_id, "owner": owner, "status": status, "now": to_db(now), "error": error},
    )
    return changed == 1


# A leased nudge's last look before its post (nudge_look): post it, let its user's waiting
# event go first, drop it (its reminder was answered or cancelled), or leave it (lease lost).
POST, WAIT, DROP, LOST = "post", "wait", "drop", "lost"


async def nudge_look(conn: Conn, *, row_id: int, owner: str) -> str:
    """What to do with a leased nudge now: POST, WAIT, DROP or LOST (see above)."""
    row = await conn.fetch_one(
        # 'queued': its reminder is neither answered nor cancelled (reminders.QUEUED).
        "SELECT r.status = 'queued' AS due, EXISTS (SELECT 1 FROM inbox i"
        " WHERE i.platform = o.platform AND i.workspace = o.workspace"
        " AND i.user_id = o.user_id AND i.status = 'pending') AS waiting"
        " FROM outbox o LEFT JOIN reminders r ON r.id = o.reminder_id"
        " WHERE o.id = :id AND o.lease_owner = :owner AND o.status = 'pending'",
        {"id": row_id, "owner": owner},
    )
    if row is None:
        return LOST
    if not row["due"]:
        return DROP
    return WAIT if row["waiting"] else POST


async def give_back(conn: Conn, *, row_id: int, owner: str) -> None:
    """Return a leased row untried (its user's event came first): claimable again at once,
    and the claim not counted as an attempt."""
    await conn.execute(
        "UPDATE outbox SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1"
        " WHERE id = :id AND lease_owner = :owner AND status = 'pending'",
        {"id": row_id, "owner": owner},
    )


async def retry_at(conn: Conn, *, row_id: int, owner: str, when: datetime, error: str) -> None:
    """A retryable failure: try again at `when` (the user's later rows wait)."""
    await conn.execute(
        "UPDATE outbox SET send_after = :when, last_error = :error, lease_owner = NULL,"
        " lease_until = NULL WHERE id = :id AND lease_owner = :owner AND status = 'pending'",
        {"id": row_id, "owner": owner, "when": to_db(when), "error": error[:500]},
    )


async def lease_owners(conn: Conn, *, now: datetime) -> list[str]:
    """The owners holding a live lease on some pending row."""
    rows = await conn.fetch_all(
        "SELECT DISTINCT lease_owner FROM outbox WHERE status = 'pending'"
        " AND lease_owner IS NOT NULL AND lease_until >= :now",
        {"now": to_db(now)},
    )
    return [str(row["lease_owner"]) for row in rows]


async def expire_owner(conn: Conn, *, owner: str, now: datetime) -> int:
    """An owner known to be gone (a killed process): its leases run out now; how many.

    The owner stays set, so the next claim counts the row as interrupted.
    """
    return await conn.execute(
        "UPDATE outbox SET lease_until = :now WHERE lease_owner = :owner AND status = 'pending'"
        " AND lease_until > :now",
        {"owner": owner, "now": to_db(now)},
    )


async def forget_settled(conn: Conn, *, before: datetime) -> int:
    """Delete rows settled before `before` (their words are not kept longer); how many."""
    return await conn.execute(
        "DELETE FROM outbox WHERE status <> 'pending' AND sent_at < :before",
        {"before": to_db(before)},
    )


async def delete_user(conn: Conn, *, user: UserKey) -> None:
    """`forget me`: delete every row for the user (the turn's own answer is enqueued after)."""
    await conn.execute(
        "DELETE FROM outbox WHERE platform = :platform AND workspace = :workspace"
        " AND user_id = :user_id",
        user_params(user),
    )


async def delete_workspace(conn: Conn, *, platform: str, workspace: str) -> None:
    """An uninstalled workspace: nothing more goes to its users."""
    await conn.execute(
        "DELETE FROM outbox WHERE platform = :platform AND workspace = :workspace",
        {"platform": platform, "workspace": workspace},
    )
