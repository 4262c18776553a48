"""A new reframe begun by mistake right after a plan, taken back with `undo` (pure).

"thanks! oh and my landlord said no too" after the plan starts the next reframe at once; if
that was not meant, `undo` (or "bring my plan back", "didn't mean to") drops the new one and
the finished plan is the newest again, its answers, card and check-in as they were. The new
reframe must still be at its start (at most its no and one more answer), within UNDO_WINDOW.
"""

from __future__ import annotations

from datetime import datetime

from bot.commands import CommandName
from bot.domain import DropSession, Session, ShowData, Transition
from bot.undo_cancel import UNDO_WINDOW

# `pending_data` of a reframe begun with its no told right after a finished plan (no side
# question open): the plan before it may come back.
AFTER_PLAN_MARK = "after_plan"
# How many answers the new reframe may hold and still be taken back as a mistake.
MOST_ANSWERS = 2


def says_undo(text: str) -> bool:
    """Whether a command word is `undo` itself (`back` goes back a question as ever)."""
    return text.strip().lower().lstrip("/").startswith(("undo", "un-do"))


def undoable(session: Session, now: datetime) -> bool:
    """Whether this reframe was begun right after a plan and is still at its start."""
    return (
        session.is_open
        and session.number > 1
        and session.pending is None
        and session.pending_data == AFTER_PLAN_MARK
        and len(session.history) <= MOST_ANSWERS
        and session.revisit_at is None
        and session.started_at is not None
        and now - session.started_at <= UNDO_WINDOW
    )


def drop(session: Session) -> Transition:
    """The new reframe dropped (its reply said by the effect), and the plan before it shown."""
    return Transition(session, (), (DropSession(), ShowData(CommandName.PLAN.value)))
