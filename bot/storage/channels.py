"""Each user's DM channel id, stored once opened so other workers need not open it again."""

from __future__ import annotations

from bot.domain import UserKey
from bot.storage.store import Conn
from bot.storage.user_keys import user_params


async def dm_channel(conn: Conn, *, user: UserKey) -> str | None:
    """The DM channel id stored for the user (Slack's D…, Discord's snowflake), or None."""
    found = await conn.fetch_value(
        "SELECT dm_channel FROM users WHERE platform = :platform AND workspace = :workspace"
        " AND user_id = :user_id",
        user_params(user),
    )
    return None if found is None else str(found)


async def remember_dm_channel(conn: Conn, *, user: UserKey, channel: str) -> None:
    """Store the user's DM channel id (nothing happens for a user not stored yet)."""
    await conn.execute(
        "UPDATE users SET dm_channel = :channel WHERE platform = :platform"
        " AND workspace = :workspace AND user_id = :user_id",
        {**user_params(user), "channel": channel},
    )
