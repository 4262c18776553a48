"""Replies and documents built from a user's stored data: wins, reminders, the export."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from bot.domain import Outcome, Reply, Session, Status, UserKey
from bot.storage import reminders

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def wins_reply(sessions: Sequence[Session]) -> Reply:
    """The wins journal: how many noes turned into a maybe or a yes, and which, newest first."""
    reframed = [s for s in sessions if s.status is Status.FINISHED]
    turned = [s for s in reframed if s.outcome in (Outcome.YES, Outcome.MAYBE)]
    if not turned:
        return Reply("wins.none")
    newest_first = sorted(turned, key=lambda s: s.updated_at or _EPOCH, reverse=True)
    entries = tuple(
        Reply(
            "wins.entry" if s.answers.get("ask") else "wins.entry_purged",
            {"ask": s.answers.get("ask", "")},
            labels={"outcome": f"wins.{s.outcome.value if s.outcome else 'maybe'}"},
            dates={"day": (s.updated_at or _EPOCH).isoformat()},
        )
        for s in newest_first
    )
    return Reply(
        "wins.summary", {"turned": str(len(turned)), "total": str(len(reframed))}, items=entries
    )


def reminders_reply(sessions: Sequence[Session], upcoming: Sequence[reminders.Upcoming]) -> Reply:
    """The upcoming revisits, numbered for `reminders cancel N`."""
    if not upcoming:
        return Reply("reminders.none")
    asks = {s.number: s.answers.get("ask", "") for s in sessions}
    entries = tuple(
        Reply(
            "reminders.entry",
            {"number": str(index), "ask": asks.get(item.session_number, "")},
            dates={"revisit_at": item.due_at.isoformat()},
        )
        for index, item in enumerate(upcoming, 1)
    )
    return Reply("reminders.header", items=(*entries, Reply("reminders.footer")))


def export_json(
    user: UserKey, zone: str, sessions: Sequence[Session], upcoming: Sequence[reminders.Upcoming]
) -> bytes:
    """Everything stored about one user, as readable JSON."""
    document = {
        "user": {"platform": user.platform, "workspace": user.workspace, "user_id": user.user_id},
        "timezone": zone,
        "sessions": [
            {
                "number": s.number,
                "status": s.status.value,
                "step": s.step.value,
                "answers": dict(s.answers),
                "revisit_at": s.revisit_at.isoformat() if s.revisit_at else None,
                "outcome": s.outcome.value if s.outcome else None,
                "started_at": s.started_at.isoformat() if s.started_at else None,
                "updated_at": s.updated_at.isoformat() if s.updated_at else None,
            }
            for s in sessions
        ],
        "reminders": [
            {"session": item.session_number, "due_at": item.due_at.isoformat()} for item in upcoming
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
