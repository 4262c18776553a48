"""SQL <-> domain objects for users and sessions; nothing else lives here."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from types import MappingProxyType

import aiosqlite

from bot.domain import Origin, Outcome, OwnWin, Pending, Session, Status, Step, UserKey
from bot.errors import ConflictError
from bot.storage.db import from_db, to_db


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A stored user: settings, and the newest session if any."""

    ref: int
    key: UserKey
    timezone: str | None
    quiet_start: str | None
    quiet_end: str | None
    locale: str | None
    session: Session | None
    platform_timezone: str | None = None
    country: str | None = None


SESSION_COLUMNS = (
    "s.number, s.step, s.status, s.state, s.revisit_at, s.outcome,"
    " s.started_at, s.updated_at, s.version, s.outcome_at, s.win, s.win_at"
)


def _state_json(session: Session) -> str:
    return json.dumps(
        {
            "answers": dict(session.answers),
            "history": [at.value for at in session.history],
            "pending": session.pending.value if session.pending else None,
            "pending_data": session.pending_data,
            "channel": session.origin.channel_id,
            "recent": list(session.recent),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def session_from_row(row: sqlite3.Row, user: UserKey) -> Session:
    """A session rebuilt from its row."""
    state = json.loads(row["state"])
    return Session(
        user=user,
        number=row["number"],
        step=Step(row["step"]),
        status=Status(row["status"]),
        answers=MappingProxyType(dict(state.get("answers", {}))),
        history=tuple(Step(at) for at in state.get("history", [])),
        pending=Pending(state["pending"]) if state.get("pending") else None,
        pending_data=state.get("pending_data"),
        recent=tuple(state.get("recent", ())),
        origin=Origin(state.get("channel")),
        revisit_at=from_db(row["revisit_at"]) if row["revisit_at"] else None,
        outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        outcome_at=from_db(row["outcome_at"]) if row["outcome_at"] else None,
        own_win=OwnWin(row["win"]) if row["win"] else None,
        own_win_at=from_db(row["win_at"]) if row["win_at"] else None,
        started_at=from_db(row["started_at"]),
        updated_at=from_db(row["updated_at"]),
        version=row["version"],
    )


async def load_user(conn: aiosqlite.Connection, *, user: UserKey) -> UserRecord | None:
    """The user's settings and newest session in one query; None for a stranger."""
    query = (
        "SELECT u.id, u.timezone, u.quiet_start, u.quiet_end, u.locale, u.platform_timezone,"
        " u.country, "
        f"{SESSION_COLUMNS} FROM users u "
        "LEFT JOIN sessions s ON s.user_ref = u.id AND s.number = "
        "(SELECT MAX(number) FROM sessions WHERE user_ref = u.id) "
        "WHERE u.platform = ? AND u.workspace = ? AND u.user_id = ?"
    )
    rows = await conn.execute_fetchall(query, (user.platform, user.workspace, user.user_id))
    row = next(iter(rows), None)
    if row is None:
        return None
    session = session_from_row(row, user) if row["number"] is not None else None
    return UserRecord(
        ref=row["id"],
        key=user,
        timezone=row["timezone"],
        quiet_start=row["quiet_start"],
        quiet_end=row["quiet_end"],
        locale=row["locale"],
        session=session,
        platform_timezone=row["platform_timezone"],
        country=row["country"],
    )


async def ensure_user(
    conn: aiosqlite.Connection, *, user: UserKey, now: datetime, timezone: str | None = None
) -> int:
    """The user's row id, creating the row on first contact."""
    await conn.execute(
        "INSERT INTO users (platform, workspace, user_id, timezone, created_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, workspace, user_id) DO NOTHING",
        (user.platform, user.workspace, user.user_id, timezone, to_db(now)),
    )
    async with conn.execute(
        "SELECT id FROM users WHERE platform = ? AND workspace = ? AND user_id = ?",
        (user.platform, user.workspace, user.user_id),
    ) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def save_session(
    conn: aiosqlite.Connection, *, user_ref: int, session: Session, expected_version: int | None
) -> Session:
    """Write a session if nobody else did since it was read; raise ConflictError otherwise.

    expected_version is None for a session that is new (a number not yet stored).
    """
    values = (
        session.step.value,
        session.status.value,
        _state_json(session),
        to_db(session.revisit_at) if session.revisit_at else None,
        session.outcome.value if session.outcome else None,
        to_db(session.updated_at or session.started_at or datetime.min),
        to_db(session.outcome_at) if session.outcome_at else None,
        session.own_win.value if session.own_win else None,
        to_db(session.own_win_at) if session.own_win_at else None,
    )
    if expected_version is None:
        try:
            await conn.execute(
                "INSERT INTO sessions (step, status, state, revisit_at, outcome, updated_at,"
                " outcome_at, win, win_at, user_ref, number, started_at, version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                (
                    *values,
                    user_ref,
                    session.number,
                    to_db(session.started_at or session.updated_at or datetime.min),
                ),
            )
        except sqlite3.IntegrityError as error:
            raise ConflictError(f"session {session.number} was created elsewhere") from error
        # Only the newest conversation stays open.
        await conn.execute(
            "UPDATE sessions SET status = ?, version = version + 1 WHERE user_ref = ?"
            " AND number < ? AND status IN (?, ?)",
            (
                Status.CANCELLED.value,
                user_ref,
                session.number,
                Status.ACTIVE.value,
                Status.PAUSED.value,
            ),
        )
        return replace(session, version=1)
    cursor = await conn.execute(
        "UPDATE sessions SET step = ?, status = ?, state = ?, revisit_at = ?, outcome = ?,"
        " updated_at = ?, outcome_at = ?, win = ?, win_at = ?, version = version + 1"
        " WHERE user_ref = ? AND number = ? AND version = ?",
        (*values, user_ref, session.number, expected_version),
    )
    if cursor.rowcount != 1:
        raise ConflictError(f"session {session.number} changed since version {expected_version}")
    return replace(session, version=expected_version + 1)


async def load_session(
    conn: aiosqlite.Connection, *, user_ref: int, user: UserKey, number: int
) -> Session | None:
    """One session of a user by its number."""
    async with conn.execute(
        f"SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.user_ref = ? AND s.number = ?",
        (user_ref, number),
    ) as cursor:
        row = await cursor.fetchone()
    return session_from_row(row, user) if row is not None else None


async def list_sessions(
    conn: aiosqlite.Connection, *, user_ref: int, user: UserKey
) -> list[Session]:
    """Every session of a user, newest first."""
    async with conn.execute(
        f"SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.user_ref = ? ORDER BY s.number DESC",
        (user_ref,),
    ) as cursor:
        return [session_from_row(row, user) async for row in cursor]


async def set_timezone(conn: aiosqlite.Connection, *, user_ref: int, zone: str) -> None:
    """Store the user's time zone."""
    await conn.execute("UPDATE users SET timezone = ? WHERE id = ?", (zone, user_ref))


async def set_quiet_hours(
    conn: aiosqlite.Connection, *, user_ref: int, start: str, end: str
) -> None:
    """Store the user's quiet hours."""
    await conn.execute(
        "UPDATE users SET quiet_start = ?, quiet_end = ? WHERE id = ?", (start, end, user_ref)
    )


async def set_locale(conn: aiosqlite.Connection, *, user_ref: int, locale: str) -> None:
    """Store the locale the platform reports for the user."""
    await conn.execute("UPDATE users SET locale = ? WHERE id = ?", (locale, user_ref))


async def set_country(conn: aiosqlite.Connection, *, user_ref: int, country: str) -> None:
    """Store the country the user named for their crisis lines (ISO code, or "ZZ")."""
    await conn.execute("UPDATE users SET country = ? WHERE id = ?", (country, user_ref))


async def set_platform_timezone(conn: aiosqlite.Connection, *, user_ref: int, zone: str) -> None:
    """Store the zone the platform reports for the user."""
    await conn.execute("UPDATE users SET platform_timezone = ? WHERE id = ?", (zone, user_ref))


async def remember_event(
    conn: aiosqlite.Connection, *, event_id: str, user: UserKey, now: datetime
) -> bool:
    """Record a platform event as handled; False when it was handled before (a retry)."""
    cursor = await conn.execute(
        "INSERT INTO processed_events (event_id, platform, workspace, user_id, seen_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
        (event_id, user.platform, user.workspace, user.user_id, to_db(now)),
    )
    return cursor.rowcount == 1


async def forget_old_events(conn: aiosqlite.Connection, *, before: datetime) -> int:
    """Drop event ids older than any retry could be; return how many."""
    cursor = await conn.execute("DELETE FROM processed_events WHERE seen_at < ?", (to_db(before),))
    return cursor.rowcount


async def delete_user(conn: aiosqlite.Connection, *, user: UserKey, user_ref: int | None) -> None:
    """Delete every row about the user: sessions and reminders go with the user row (CASCADE)."""
    await conn.execute(
        "DELETE FROM processed_events WHERE platform = ? AND workspace = ? AND user_id = ?",
        (user.platform, user.workspace, user.user_id),
    )
    if user_ref is not None:
        await conn.execute("DELETE FROM users WHERE id = ?", (user_ref,))


PURGE_SQL = (
    "UPDATE sessions SET state = json_set(state, '$.answers', json('{}'),"
    " '$.pending_data', NULL, '$.recent', json('[]'), '$.purged', json('true')), purged_at = ?,"
    " version = version + 1"
    " WHERE id IN (SELECT s.id FROM sessions s INDEXED BY sessions_to_purge"
    # These literals match the partial index sessions_to_purge, so the planner uses it.
    " WHERE s.purged_at IS NULL AND s.status IN ('finished', 'cancelled')"
    " AND s.updated_at < ? AND (s.updated_at, s.id) > (?, ?)"
    " AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.user_ref = s.user_ref"
    " AND r.session_number = s.number AND r.status = 'pending')"
    " ORDER BY s.updated_at, s.id LIMIT ?)"
    " RETURNING updated_at, id"
)


async def purge_answers(
    conn: aiosqlite.Connection,
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
    rows = await conn.execute_fetchall(
        PURGE_SQL, (to_db(now), to_db(before), after[0], after[1], limit)
    )
    positions = [(str(row[0]), int(row[1])) for row in rows]
    if not positions:
        return 0, None
    return len(positions), max(positions)


async def delete_workspace(conn: aiosqlite.Connection, *, platform: str, workspace: str) -> int:
    """Delete every user of a workspace with all their rows (CASCADE); return how many users."""
    await conn.execute(
        "DELETE FROM processed_events WHERE platform = ? AND workspace = ?", (platform, workspace)
    )
    cursor = await conn.execute(
        "DELETE FROM users WHERE platform = ? AND workspace = ?", (platform, workspace)
    )
    return cursor.rowcount
