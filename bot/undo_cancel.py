"""Taking back a `cancel` typed a moment ago: the reframe comes back where it was (pure).

Only a cancel the user typed themselves leaves the mark that allows it; a stop after a crisis
never does (crisis_flow clears `pending_data`), so a crisis never revives a conversation.
The next message either takes the cancel back or lets the chance pass for good.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot import corrections
from bot.dialogue import QUESTIONS
from bot.domain import Reply, Session, Status, Transition
from bot.steps import continue_asking, touch

# `pending_data` of a conversation the user cancelled themselves (no side question is open).
UNDO_MARK = "cancelled"
# How long after a cancel "undo" may still bring the reframe back.
UNDO_WINDOW = timedelta(hours=1)

_UNDO = re.compile(
    r"^\W*(?:(?:oh|oops|wait|sorry|no|actually|ok|okay)\W+)*"
    r"(?:continue|resume|carry on|keep going|uncancel|un-cancel)\W*(?:please|pls)?\W*$"
    r"|\bdid(?:n't|n’t| not) (?:mean|want) to (?:cancel|stop|quit|end)\b"
)


def undoable(session: Session, now: datetime) -> bool:
    """Whether the user cancelled this reframe themselves, within UNDO_WINDOW, at a question."""
    return (
        session.status is Status.CANCELLED
        and session.pending is None
        and session.pending_data == UNDO_MARK
        and session.step in QUESTIONS
        and session.updated_at is not None
        and now - session.updated_at <= UNDO_WINDOW
    )


def wants_undo(text: str) -> bool:
    """Whether words take the cancel back ("undo", "continue", "I didn't mean to cancel")."""
    lowered = text.strip().lower()
    taken_back = corrections.read(lowered)
    return bool(_UNDO.search(lowered)) or (taken_back is not None and not taken_back.new)


def revive(session: Session, now: datetime) -> Transition:
    """The cancelled reframe open again at its question, answers and revisit date intact."""
    revived = touch(session, now, status=Status.ACTIVE, pending_data=None)
    return Transition(revived, (Reply("cancel.undone"), *continue_asking(revived)))
