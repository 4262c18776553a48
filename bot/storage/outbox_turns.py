"""What a turn asks of its user's replies in the outbox: were they seen, did one fail, which
question was the last (the pipeline's "the question you missed", an undone share)."""

from __future__ import annotations

from datetime import datetime

from bot.domain import UserKey
from bot.storage.db import to_db
from bot.storage.outbox_rows import COLUMNS, OutboxRow, row_from_db
from bot.storage.store import Conn
from bot.storage.user_keys import user_params


async def unseen_replies(conn: Conn, *, user: UserKey, since: datetime) -> bool:
    """Whether a reply to this user was undelivered at `since` (a message's arrival): still
    pending now, or delivered only after it."""
    found = await conn.fetch_value(
        "SELECT 1 FROM outbox WHERE platform = :platform AND workspace = :workspace"
        " AND user_id = :user_id AND kind = 'reply'"
        " AND (status = 'pending' OR (status = 'sent' AND sent_at > :since)) LIMIT 1",
        {**user_params(user), "since": to_db(since)},
    )
    return found is not None


async def turn_failed(conn: Conn, *, user: UserKey, turn: str) -> bool:
    """Whether a message of this turn was given up (refused for good, or retried too long)."""
    found = await conn.fetch_value(
        "SELECT 1 FROM outbox WHERE platform = :platform AND workspace = :workspace"
        " AND user_id = :user_id AND turn = :turn AND status = 'failed' LIMIT 1",
        {**user_params(user), "turn": turn},
    )
    return found is not None


async def last_turn(conn: Conn, *, user: UserKey) -> list[OutboxRow]:
    """The replies of the user's latest turn, in order (the question they may have missed);
    not its share note nor its note where it was asked."""
    rows = await conn.fetch_all(
        f"SELECT {COLUMNS}, NULL AS reminder_status FROM outbox o"
        " WHERE o.platform = :platform AND o.workspace = :workspace AND o.user_id = :user_id"
        " AND o.kind = 'reply' AND o.turn = (SELECT turn FROM outbox WHERE platform = :platform"
        " AND workspace = :workspace AND user_id = :user_id AND kind = 'reply'"
        " ORDER BY id DESC LIMIT 1) ORDER BY o.id",
        user_params(user),
    )
    return [row_from_db(row) for row in rows]


async def drop_pending_replies(
    conn: Conn, *, user: UserKey, now: datetime, turn: str | None = None
) -> int:
    """Drop undelivered replies nobody is posting now (all, or one turn's); how many."""
    one_turn = " AND turn = :turn" if turn is not None else ""
    return await conn.execute(
        "UPDATE outbox SET status = 'dropped', sent_at = :now WHERE platform = :platform"
        " AND workspace = :workspace AND user_id = :user_id AND kind = 'reply'"
        " AND status = 'pending' AND (lease_until IS NULL OR lease_until < :now)" + one_turn,
        {**user_params(user), "now": to_db(now), **({"turn": turn} if turn is not None else {})},
    )
