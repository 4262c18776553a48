"""Taking back a `cancel` typed a moment ago: the reframe comes back where it was (pure).

Only a cancel the user typed themselves leaves the mark that allows it; a stop after a crisis
never does (crisis_flow clears `pending_data`), so a crisis never revives a conversation.
Messages in between ("hello", `status`) leave the chance open for UNDO_WINDOW after the cancel;
a new reframe (a new conversation) or a side question answered ends it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot import coming_back, corrections
from bot.dialogue import QUESTIONS
from bot.domain import Reply, Session, Status, Transition
from bot.steps import continue_asking, touch
from bot.wording import normalise, words

# `pending_data` of a conversation the user cancelled themselves (no side question is open),
# followed by "@" and when (UTC, ISO 8601): the window counts from the cancel, not the last word.
UNDO_MARK = "cancelled"
# How long after a cancel "undo" may still bring the reframe back.
UNDO_WINDOW = timedelta(hours=1)

_UNDO = re.compile(
    r"^\W*(?:(?:oh|oops|wait|sorry|no|actually|ok|okay)\W+)*"
    r"(?:continue|resume|carry on|keep going|uncancel|un-cancel)\W*(?:please|pls)?\W*$"
    r"|\bdid(?:n't|n’t| not) (?:mean|want) to (?:cancel|stop|quit|end)\b"
)
# The same said loosely, read on the normal form ("didnt" is "didn't" there): misspelt
# ("dint", "didnt mean that"), "wasn't supposed to", "bring it back", "get my old one back".
_UNDO_LOOSE = re.compile(
    r"\b(?:didn't|did not|dint|din't|dnt|dident|didint|wasn't|was not|wasnt)"
    r" (?:really |even )?(?:mean|meant|want|wanna|supposed|intend)\b"
    r"|\b(?:bring|get|give|want|put)(?: me)? (?:it|that|them|this|(?:my|the) (?:old |previous |"
    r"last |cancell?ed )?(?:one|plan|reframe|answers|stuff|conversation|progress|session))"
    r" back\b|\bback (?:the|my) (?:old|previous|last|cancell?ed)\b"
    r"|\b(?:cancell?ed|pressed|typed|hit|said) (?:it |that )?"
    r"(?:by (?:accident|mistake)|accidentally)\b"
    r"|\b(?:that|it) was (?:an accident|a mistake)\b|\bun-?do (?:that|it|the cancel)\b"
)
# Longer messages tell something new (a new no may mention wanting something back).
_UNDO_WORDS = 12


def mark(now: datetime) -> str:
    """The `pending_data` a cancel typed at `now` leaves."""
    return f"{UNDO_MARK}@{now.isoformat()}"


def cancelled_at(session: Session) -> datetime | None:
    """When the user cancelled this reframe themselves at a question; None if they did not."""
    # The invitations said since the cancel are counted after the mark (coming_back.py).
    data = coming_back.without_count(session.pending_data) or ""
    if (
        session.status is not Status.CANCELLED
        or session.pending is not None
        or session.step not in QUESTIONS
        or data.partition("@")[0] != UNDO_MARK
    ):
        return None
    # A mark without its time (written before it had one) counts from the last change.
    stamp = data.partition("@")[2]
    return datetime.fromisoformat(stamp) if stamp else session.updated_at


def undoable(session: Session, now: datetime) -> bool:
    """Whether the user cancelled this reframe themselves, within UNDO_WINDOW, at a question."""
    at = cancelled_at(session)
    return at is not None and now - at <= UNDO_WINDOW


def too_late(session: Session, now: datetime) -> bool:
    """Whether a cancel the user typed could have been taken back, but the hour has gone."""
    at = cancelled_at(session)
    return at is not None and now - at > UNDO_WINDOW


def wants_undo(text: str) -> bool:
    """Whether words take the cancel back ("undo", "continue", "I didn't mean to cancel")."""
    lowered = text.strip().lower()
    taken_back = corrections.read(lowered)
    loose = len(words(lowered)) <= _UNDO_WORDS and bool(_UNDO_LOOSE.search(normalise(lowered)))
    return bool(_UNDO.search(lowered)) or loose or (taken_back is not None and not taken_back.new)


def revive(session: Session, now: datetime) -> Transition:
    """The cancelled reframe open again at its question, answers and revisit date intact."""
    revived = touch(session, now, status=Status.ACTIVE, pending_data=None)
    return Transition(revived, (Reply("cancel.undone"), *continue_asking(revived)))
