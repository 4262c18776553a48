"""SQL for Slack installations (one row per workspace or org) and OAuth `state` values.

Tokens arrive here already encrypted; this module never sees a token in the clear.
An org-wide (Enterprise Grid) install is stored with team_id '' under its enterprise_id,
and a plain workspace with enterprise_id '' unless it belongs to an organization.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from bot.storage.db import to_db
from bot.storage.store import Conn, Row


@dataclass(frozen=True, slots=True)
class InstallRow:
    """One stored installation; *_token fields hold ciphertext, *_expires_at Unix seconds."""

    enterprise_id: str
    team_id: str
    is_enterprise_install: bool
    installed_at: str
    app_id: str | None = None
    enterprise_name: str | None = None
    enterprise_url: str | None = None
    team_name: str | None = None
    bot_id: str | None = None
    bot_user_id: str | None = None
    bot_scopes: str | None = None
    bot_token: str | None = None
    bot_refresh_token: str | None = None
    bot_token_expires_at: int | None = None
    installer_user_id: str | None = None
    user_token: str | None = None
    user_refresh_token: str | None = None
    user_token_expires_at: int | None = None
    user_scopes: str | None = None
    token_type: str | None = None


COLUMNS = tuple(field.name for field in fields(InstallRow))
KEY_COLUMNS = ("enterprise_id", "team_id")
BOT_COLUMNS = (
    "app_id",
    "enterprise_name",
    "team_name",
    "bot_id",
    "bot_user_id",
    "bot_scopes",
    "bot_token",
    "bot_refresh_token",
    "bot_token_expires_at",
)


def key(enterprise_id: str | None, team_id: str | None, org_wide: bool | None) -> tuple[str, str]:
    """The stored key of a workspace, or of an organization for an org-wide install."""
    return (enterprise_id or "", "" if org_wide else (team_id or ""))


def _row(row: Row) -> InstallRow:
    values = {name: row[name] for name in COLUMNS}
    values["is_enterprise_install"] = bool(values["is_enterprise_install"])
    return InstallRow(**values)


def _upsert_sql(columns: tuple[str, ...]) -> str:
    marks = ", ".join(f":{c}" for c in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in KEY_COLUMNS)
    return (
        f"INSERT INTO slack_installations ({', '.join(columns)}) VALUES ({marks})"
        f" ON CONFLICT (enterprise_id, team_id) DO UPDATE SET {updates}"
    )


def _values(row: InstallRow, columns: tuple[str, ...]) -> dict[str, object]:
    """The row's values for the named columns; the flag as the 0/1 the schema stores."""
    values = {c: getattr(row, c) for c in columns}
    values["is_enterprise_install"] = int(row.is_enterprise_install)
    return values


async def save(conn: Conn, *, row: InstallRow) -> None:
    """Store an installation, replacing the one the workspace (or org) had."""
    await conn.execute(_upsert_sql(COLUMNS), _values(row, COLUMNS))


async def save_bot(conn: Conn, *, row: InstallRow) -> None:
    """Store only the bot part (a refreshed token), keeping the installer's part."""
    columns = (*KEY_COLUMNS, "is_enterprise_install", "installed_at", *BOT_COLUMNS)
    await conn.execute(_upsert_sql(columns), _values(row, columns))


async def find(conn: Conn, *, enterprise_id: str, team_id: str) -> InstallRow | None:
    """The installation stored under exactly this key."""
    row = await conn.fetch_one(
        f"SELECT {', '.join(COLUMNS)} FROM slack_installations"
        " WHERE enterprise_id = :enterprise_id AND team_id = :team_id",
        {"enterprise_id": enterprise_id, "team_id": team_id},
    )
    return _row(row) if row is not None else None


async def find_for_workspace(conn: Conn, *, workspace: str) -> InstallRow | None:
    """The installation serving a user's workspace id (UserKey.workspace).

    A team id finds that workspace's own install. An enterprise id finds the organization's
    org-wide install, else the newest install of one of its workspaces.
    """
    row = await conn.fetch_one(
        f"SELECT {', '.join(COLUMNS)} FROM slack_installations"
        " WHERE (team_id = :workspace AND team_id != '')"
        " OR (enterprise_id = :workspace AND enterprise_id != '')"
        " ORDER BY team_id = :workspace DESC, team_id = '' DESC, installed_at DESC LIMIT 1",
        {"workspace": workspace},
    )
    return _row(row) if row is not None else None


async def clear_bot(conn: Conn, *, enterprise_id: str, team_id: str) -> int:
    """Forget the bot token of an installation (revoked); return how many rows changed."""
    return await conn.execute(
        "UPDATE slack_installations SET bot_token = NULL, bot_refresh_token = NULL,"
        " bot_token_expires_at = NULL WHERE enterprise_id = :enterprise_id AND team_id = :team_id",
        {"enterprise_id": enterprise_id, "team_id": team_id},
    )


async def clear_user(conn: Conn, *, enterprise_id: str, team_id: str, user_id: str | None) -> None:
    """Forget the installer's user token (all of them when user_id is None)."""
    await conn.execute(
        "UPDATE slack_installations SET user_token = NULL, user_refresh_token = NULL,"
        " user_token_expires_at = NULL, user_scopes = NULL"
        " WHERE enterprise_id = :enterprise_id AND team_id = :team_id"
        # The CAST tells PostgreSQL the type of a parameter that may be NULL.
        " AND (CAST(:user_id AS TEXT) IS NULL OR installer_user_id = :user_id)",
        {"enterprise_id": enterprise_id, "team_id": team_id, "user_id": user_id},
    )


async def delete(conn: Conn, *, enterprise_id: str, team_id: str) -> int:
    """Delete an installation; return how many rows went."""
    return await conn.execute(
        "DELETE FROM slack_installations WHERE enterprise_id = :enterprise_id"
        " AND team_id = :team_id",
        {"enterprise_id": enterprise_id, "team_id": team_id},
    )


async def any_sealed_token(conn: Conn) -> str | None:
    """One stored bot token, to check at start that the key still opens them."""
    token = await conn.fetch_value(
        "SELECT bot_token FROM slack_installations WHERE bot_token IS NOT NULL LIMIT 1"
    )
    return None if token is None else str(token)


async def add_state(conn: Conn, *, state: str, expires_at: datetime, now: datetime) -> None:
    """Remember a state value until it expires, dropping the ones already expired."""
    await conn.execute(
        "DELETE FROM slack_oauth_states WHERE expires_at <= :now", {"now": to_db(now)}
    )
    await conn.execute(
        "INSERT INTO slack_oauth_states (state, expires_at) VALUES (:state, :expires_at)",
        {"state": state, "expires_at": to_db(expires_at)},
    )


async def take_state(conn: Conn, *, state: str, now: datetime) -> bool:
    """Use a state value up: True only once, and only before it expires."""
    taken = await conn.execute(
        "DELETE FROM slack_oauth_states WHERE state = :state AND expires_at > :now",
        {"state": state, "now": to_db(now)},
    )
    return taken == 1


async def take_refresh(
    conn: Conn,
    *,
    enterprise_id: str,
    team_id: str,
    owner: str,
    now: datetime,
    until: datetime,
) -> bool:
    """Take the right to refresh a workspace's token until `until`; False while another has it."""
    taken = await conn.execute(
        "INSERT INTO slack_token_refreshes (enterprise_id, team_id, owner, until)"
        " VALUES (:enterprise_id, :team_id, :owner, :until)"
        " ON CONFLICT (enterprise_id, team_id) DO UPDATE"
        " SET owner = excluded.owner, until = excluded.until"
        " WHERE slack_token_refreshes.until <= :now",
        {
            "enterprise_id": enterprise_id,
            "team_id": team_id,
            "owner": owner,
            "until": to_db(until),
            "now": to_db(now),
        },
    )
    return taken == 1


async def end_refresh(conn: Conn, *, enterprise_id: str, team_id: str, owner: str) -> None:
    """Give the right to refresh back."""
    await conn.execute(
        "DELETE FROM slack_token_refreshes WHERE enterprise_id = :enterprise_id"
        " AND team_id = :team_id AND owner = :owner",
        {"enterprise_id": enterprise_id, "team_id": team_id, "owner": owner},
    )
