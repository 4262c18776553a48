"""SQL <-> domain objects for users and sessions; nothing else lives here."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from types import MappingProxyType

from bot.domain import Origin, Outcome, OwnWin, Pending, Session, Status, Step, UserKey
from bot.errors import ConflictError
from bot.storage.db import from_db, to_db
from bot.storage.retention import (
    delete_user,
    delete_workspace,
    forget_old_events,
    purge_answers,
    remember_event,
)
from bot.storage.store import Conn, Row
from bot.storage.user_keys import user_params
from bot.storage.user_settings import (
    set_country,
    set_locale,
    set_platform_timezone,
    set_quiet_hours,
    set_timezone,
)

# Retention, settings and the key's parameters have modules of their own; still repos.X.
__all__ = [
    "SESSION_COLUMNS",
    "UserRecord",
    "delete_session",
    "delete_user",
    "delete_workspace",
    "ensure_user",
    "forget_old_events",
    "list_sessions",
    "load_session",
    "load_user",
    "purge_answers",
    "remember_event",
    "save_session",
    "session_from_row",
    "set_country",
    "set_locale",
    "set_platform_timezone",
    "set_quiet_hours",
    "set_timezone",
    "user_params",
]


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
            "language_noted": session.language_noted,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def session_from_row(row: Row, user: UserKey) -> Session:
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
        language_noted=bool(state.get("language_noted", False)),
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


async def load_user(conn: Conn, *, user: UserKey) -> UserRecord | None:
    """The user's settings and newest session in one query; None for a stranger."""
    query = (
        "SELECT u.id, u.timezone, u.quiet_start, u.quiet_end, u.locale, u.platform_timezone,"
        " u.country, "
        f"{SESSION_COLUMNS} FROM users u "
        "LEFT JOIN sessions s ON s.user_ref = u.id AND s.number = "
        "(SELECT MAX(number) FROM sessions WHERE user_ref = u.id) "
        "WHERE u.platform = :platform AND u.workspace = :workspace AND u.user_id = :user_id"
    )
    row = await conn.fetch_one(query, user_params(user))
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
    conn: Conn, *, user: UserKey, now: datetime, timezone: str | None = None
) -> int:
    """The user's row id, creating the row on first contact."""
    key = user_params(user)
    await conn.execute(
        "INSERT INTO users (platform, workspace, user_id, timezone, created_at)"
        " VALUES (:platform, :workspace, :user_id, :timezone, :now)"
        " ON CONFLICT (platform, workspace, user_id) DO NOTHING",
        {**key, "timezone": timezone, "now": to_db(now)},
    )
    ref = await conn.fetch_value(
        "SELECT id FROM users WHERE platform = :platform AND workspace = :workspace"
        " AND user_id = :user_id",
        key,
    )
    assert ref is not None
    return int(ref)


async def save_session(
    conn: Conn, *, user_ref: int, session: Session, expected_version: int | None
) -> Session:
    """Write a session if nobody else did since it was read; raise ConflictError otherwise.

    expected_version is None for a session that is new (a number not yet stored).
    """
    values: dict[str, object] = {
        "step": session.step.value,
        "status": session.status.value,
        "state": _state_json(session),
        "revisit_at": to_db(session.revisit_at) if session.revisit_at else None,
        "outcome": session.outcome.value if session.outcome else None,
        "updated_at": to_db(session.updated_at or session.started_at or datetime.min),
        "outcome_at": to_db(session.outcome_at) if session.outcome_at else None,
        "win": session.own_win.value if session.own_win else None,
        "win_at": to_db(session.own_win_at) if session.own_win_at else None,
        "user_ref": user_ref,
        "number": session.number,
    }
    if expected_version is None:
        # ON CONFLICT instead of catching the driver's integrity error: the same on both
        # engines, and PostgreSQL's transaction stays usable.
        inserted = await conn.execute(
            "INSERT INTO sessions (step, status, state, revisit_at, outcome, updated_at,"
            " outcome_at, win, win_at, user_ref, number, started_at, version)"
            " VALUES (:step, :status, :state, :revisit_at, :outcome, :updated_at,"
            " :outcome_at, :win, :win_at, :user_ref, :number, :started_at, 1)"
            " ON CONFLICT (user_ref, number) DO NOTHING",
            {
                **values,
                "started_at": to_db(session.started_at or session.updated_at or datetime.min),
            },
        )
        if inserted != 1:
            raise ConflictError(f"session {session.number} was created elsewhere")
        # Only the newest conversation stays open.
        await conn.execute(
            "UPDATE sessions SET status = :cancelled, version = version + 1"
            " WHERE user_ref = :user_ref AND number < :number AND status IN (:active, :paused)",
            {
                "cancelled": Status.CANCELLED.value,
                "user_ref": user_ref,
                "number": session.number,
                "active": Status.ACTIVE.value,
                "paused": Status.PAUSED.value,
            },
        )
        return replace(session, version=1)
    changed = await conn.execute(
        "UPDATE sessions SET step = :step, status = :status, state = :state,"
        " revisit_at = :revisit_at, outcome = :outcome, updated_at = :updated_at,"
        " outcome_at = :outcome_at, win = :win, win_at = :win_at, version = version + 1"
        " WHERE user_ref = :user_ref AND number = :number AND version = :expected",
        {**values, "expected": expected_version},
    )
    if changed != 1:
        raise ConflictError(f"session {session.number} changed since version {expected_version}")
    return replace(session, version=expected_version + 1)


async def load_session(conn: Conn, *, user_ref: int, user: UserKey, number: int) -> Session | None:
    """One session of a user by its number."""
    row = await conn.fetch_one(
        f"SELECT {SESSION_COLUMNS} FROM sessions s"
        " WHERE s.user_ref = :user_ref AND s.number = :number",
        {"user_ref": user_ref, "number": number},
    )
    return session_from_row(row, user) if row is not None else None


async def delete_session(conn: Conn, *, user_ref: int, number: int) -> None:
    """Delete one session of a user by its number (a reframe begun by mistake)."""
    await conn.execute(
        "DELETE FROM sessions WHERE user_ref = :user_ref AND number = :number",
        {"user_ref": user_ref, "number": number},
    )


async def list_sessions(conn: Conn, *, user_ref: int, user: UserKey) -> list[Session]:
    """Every session of a user, newest first."""
    rows = await conn.fetch_all(
        f"SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.user_ref = :user_ref"
        " ORDER BY s.number DESC",
        {"user_ref": user_ref},
    )
    return [session_from_row(row, user) for row in rows]
