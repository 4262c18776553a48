"""A new reframe begun by mistake right after a plan, taken back with `undo` (pure).

"thanks! oh and my landlord said no too" after the plan starts the next reframe at once; if
that was not meant, `undo` (or "bring my plan back", "didn't mean to") drops the new one and
the finished plan is the newest again, its answers, card and check-in as they were. The new
reframe must still be at its start (at most its no and one more answer), at any time: nothing
is lost by taking it back then, however long the person was away. Further in, `undo` is
`back` as ever, and "I didn't mean to start a new one" is told how to set it aside
(`cancel`, its answers kept) rather than dropping those answers on a guess; never kept as
an answer.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.commands import CommandName
from bot.domain import DropSession, Reply, Session, ShowData, Step, Transition
from bot.steps import continue_asking
from bot.wording import normalise

# `pending_data` of a reframe begun with its no told right after a finished plan (no side
# question open): the plan before it may come back.
AFTER_PLAN_MARK = "after_plan"
# How many answers the new reframe may hold and still be taken back as a mistake.
MOST_ANSWERS = 2


def says_undo(text: str) -> bool:
    """Whether a command word is `undo` itself (`back` goes back a question as ever)."""
    return text.strip().lower().lstrip("/").startswith(("undo", "un-do"))


def _begun_after_plan(session: Session) -> bool:
    """Whether this open reframe was begun by a new no typed right after a plan."""
    return (
        session.is_open
        and session.number > 1
        and session.pending is None
        and session.pending_data == AFTER_PLAN_MARK
    )


def _at_start(session: Session) -> bool:
    """Whether a reframe holds at most its no and one more answer, and no revisit date."""
    return len(session.history) <= MOST_ANSWERS and session.revisit_at is None


def undoable(session: Session, now: datetime) -> bool:
    """Whether this reframe was begun right after a plan and is still at its start (at any
    `now`: the plan before it is stored as it was, so no time limit is needed)."""
    return _begun_after_plan(session) and _at_start(session)


# "I didn't mean to start a new one", "bring my old plan back": said plainly, not `undo`.
_PLAINLY = re.compile(
    r"\b(?:(?:didn't|did not|never|dont|don't) (?:mean|meant|want|wanna) (?:to )?(?:start|begin|"
    r"open|do) (?:a |this |another )?(?:new|second|other|another)|"
    r"(?:bring|get|give|put) (?:me )?(?:back )?my (?:old |last |previous |first |other )?plan|"
    r"my (?:old|last|previous|first|other) plan back|not (?:a|another) new (?:one|reframe)|"
    r"(?:do not|don't|dont) (?:want|need) (?:a|another|this|the) new (?:one|reframe))"
)


def too_far(session: Session, text: str) -> bool:
    """Whether words plainly take back a new reframe that is past its start ("I didn't mean
    to start a new one" at its fourth question): told how, never kept as an answer."""
    return (
        _begun_after_plan(session)
        and not _at_start(session)
        and session.step is not Step.SUMMARY
        and _PLAINLY.search(normalise(text)) is not None
    )


def how_to_set_aside(session: Session) -> Transition:
    """Past its start, the new reframe is not dropped on words alone: `cancel` sets it aside
    (its answers kept), the plan before it stands with its check-in; the question again."""
    return Transition(session, (Reply("undo_new.too_far"), *continue_asking(session)))


def drop(session: Session) -> Transition:
    """The new reframe dropped (its reply said by the effect), and the plan before it shown."""
    return Transition(session, (), (DropSession(), ShowData(CommandName.PLAN.value)))
