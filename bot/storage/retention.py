"""What is kept and for how long: platform event ids remembered then dropped, the words of
old conversations purged, a user ("forget me") or a whole workspace (uninstalled) deleted."""

from __future__ import annotations

from datetime import datetime

from bot.domain import UserKey
from bot.storage import dialect
from bot.storage.db import to_db
from bot.storage.store import Conn
from bot.storage.user_keys import user_params


async def remember_event(conn: Conn, *, event_id: str, user: UserKey, now: datetime) -> bool:
    """Record a platform event as handled; False when it was handled before (a retry)."""
    inserted = await conn.execute(
        "INSERT INTO processed_events (event_id, platform, workspace, user_id, seen_at)"
        " VALUES (:event_id, :platform, :workspace, :user_id, :now)"
        " ON CONFLICT (event_id) DO NOTHING",
        {"event_id": event_id, **user_params(user), "now": to_db(now)},
    )
    return inserted == 1


async def forget_old_events(conn: Conn, *, before: datetime) -> int:
    """Drop event ids older than any retry could be; return how many."""
    return await conn.execute(
        "DELETE FROM processed_events WHERE seen_at < :before", {"before": to_db(before)}
    )


async def delete_user(conn: Conn, *, user: UserKey, user_ref: int | None) -> None:
    """Delete every row about the user: sessions and reminders go with the user row (CASCADE)."""
    await conn.execute(
        "DELETE FROM processed_events WHERE platform = :platform AND workspace = :workspace"
        " AND user_id = :user_id",
        user_params(user),
    )
    if user_ref is not None:
        await conn.execute("DELETE FROM users WHERE id = :ref", {"ref": user_ref})


async def purge_answers(
    conn: Conn,
    *,
    before: datetime,
    now: datetime,
    limit: int,
    after: tuple[str, int] = ("", 0),
) -> tuple[int, tuple[str, int] | None]:
    """Blank the words of up to `limit` conversations closed before `before`, oldest first.

    Outcomes stay for the journal. A session still waiting for its revisit keeps its words
    until that nudge is settled. Reads only rows not yet purged, after the position `after`
    (updated_at, id) where the previous batch stopped; returns how many were purged and the
    position to continue from (None when nothing was left).
    """
    rows = await conn.fetch_all(
        dialect.PURGE_SQL[conn.dialect],
        {
            "now": to_db(now),
            "before": to_db(before),
            "after_at": after[0],
            "after_id": after[1],
            "limit": limit,
        },
    )
    positions = [(str(row["updated_at"]), int(row["id"])) for row in rows]
    if not positions:
        return 0, None
    return len(positions), max(positions)


async def delete_workspace(conn: Conn, *, platform: str, workspace: str) -> int:
    """Delete every user of a workspace with all their rows (CASCADE); return how many users."""
    where = {"platform": platform, "workspace": workspace}
    await conn.execute(
        "DELETE FROM processed_events WHERE platform = :platform AND workspace = :workspace",
        where,
    )
    return await conn.execute(
        "DELETE FROM users WHERE platform = :platform AND workspace = :workspace", where
    )
