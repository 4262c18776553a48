"""Replies and documents built from a user's stored data: wins, reminders, the export."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from bot.domain import Outcome, OwnWin, Reply, Session, Status, UserKey
from bot.plan import card_words
from bot.storage import reminders

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

EXPORT_FILENAME = "reframe-export.json"


def wins_reply(sessions: Sequence[Session]) -> Reply:
    """The wins journal, counting both kinds: noes that became a maybe or a yes, and own wins.

    Entries, newest first: each turned no, and each own win reached (or partly), with its date.
    Both survive the retention purge; only the words are gone then.
    """
    reframed = [s for s in sessions if s.status is Status.FINISHED]
    turned = [s for s in reframed if s.outcome in (Outcome.YES, Outcome.MAYBE)]
    own = [s for s in reframed if s.own_win in (OwnWin.YES, OwnWin.PARTLY)]
    reached = sum(1 for s in own if s.own_win is OwnWin.YES)
    if not turned and not own:
        return Reply("wins.none")
    dated = [
        _entry("wins.entry", "ask", s.answers.get("ask", ""), f"wins.{s.outcome}", s.outcome_at, s)
        for s in turned
    ]
    dated += [
        _entry(
            "wins.own_entry",
            "success",
            card_words(s.answers.get("success", "")),
            f"wins.own_{s.own_win}",
            s.own_win_at,
            s,
        )
        for s in own
    ]
    dated.sort(key=lambda pair: pair[0], reverse=True)
    counts = {"turned": str(len(turned)), "total": str(len(reframed)), "reached": str(reached)}
    # An own win partly reached is neither reached nor "still ahead": said as partly.
    none_yet = "partly" if own else "no_own"
    key = {0: f"wins.summary_{none_yet}", 1: "wins.summary_once"}.get(reached, "wins.summary")
    if len(reframed) == 1:
        # One reframe in all: "your no", not "1 of your 1 no".
        key = f"wins.one_{'turned' if turned else 'not'}_{'once' if reached else none_yet}"
    return Reply(key, counts, items=tuple(entry for _, entry in dated))


def _entry(
    key: str, name: str, words: str, label: str, when: datetime | None, session: Session
) -> tuple[datetime, Reply]:
    """One dated journal line; once purged, the words give way to a note that they are gone."""
    day = when or session.updated_at or _EPOCH
    reply = Reply(
        key if words else "wins.entry_purged",
        {name: words},
        labels={"outcome": label},
        dates={"day": day.isoformat()},
    )
    return day, reply


def reminders_reply(sessions: Sequence[Session], upcoming: Sequence[reminders.Upcoming]) -> Reply:
    """The upcoming revisits by date, soonest first: the scheduled ones numbered for
    `reminders cancel N`, and a revisit picked in the open conversation among them (it is
    scheduled once its plan is finished)."""
    unfinished = [
        (
            s.revisit_at,
            Reply(
                "reminders.unfinished",
                {"ask": s.answers.get("ask", "")},
                dates={"revisit_at": s.revisit_at.isoformat()},
            ),
        )
        for s in sessions
        if s.is_open and s.revisit_at is not None
    ]
    if not upcoming and not unfinished:
        return Reply("reminders.none")
    asks = {s.number: s.answers.get("ask", "") for s in sessions}
    entries = [
        (
            item.due_at,
            Reply(
                "reminders.entry",
                {"number": str(index), "ask": asks.get(item.session_number, "")},
                dates={"revisit_at": item.due_at.isoformat()},
            ),
        )
        for index, item in enumerate(sorted(upcoming, key=lambda item: item.due_at), 1)
    ]
    listed = sorted([*entries, *unfinished], key=lambda pair: pair[0])
    footer = (Reply("reminders.footer"),) if upcoming else ()
    return Reply("reminders.header", items=(*(reply for _, reply in listed), *footer))


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
                "recent_messages": list(s.recent),
                "revisit_at": s.revisit_at.isoformat() if s.revisit_at else None,
                "outcome": s.outcome.value if s.outcome else None,
                "outcome_at": s.outcome_at.isoformat() if s.outcome_at else None,
                "own_win": s.own_win.value if s.own_win else None,
                "own_win_at": s.own_win_at.isoformat() if s.own_win_at else None,
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
