"""Not knowing, said again and again at one question: a way on, never the same text in a loop.

The first "I don't know" gets the question's gentle text; the second its example (one that
fits the setback, bot/examples.py) and a way on; the third moves on: an optional or
free-text question is left open, a choice takes its most neutral option ("maybe", "something
else"), and the coach says so (`back` brings it back). A form would ask the same thing
forever; a coach does not let someone stay stuck. "hmm" or "..." said twice counts the same.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import default_answer
from bot.dialogue import QUESTIONS
from bot.domain import Reply, Session, Step, Transition
from bot.examples import explained, with_choices
from bot.moving_on import after_answer
from bot.steps import record

# How many earlier messages in a row said nothing to keep before this one moves on.
MOVE_ON_AFTER = 2
# The steps that move on when stuck; the rest have a way of their own (the setback is the
# reframe itself, the boundary takes "Not sure", the date and the clarifying question offer a
# default to take).
MOVES_ON = frozenset(QUESTIONS) - {Step.SETBACK, Step.BOUNDARY, Step.REVISIT, Step.QUESTION}
# A choice question's most neutral option, taken for now when stuck.
FOR_NOW = {Step.TIMING: "maybe", Step.OPTION: "other", Step.CALM: "breathe"}

KEYS = ("listen.left_open", "listen.for_now")


def not_knowing(session: Session, current: Step, now: datetime) -> Transition:
    """The reply to not knowing (or to nothing readable) at the open question."""
    run = default_answer.not_answers_before(session)
    if run >= MOVE_ON_AFTER and current in MOVES_ON:
        return _move_on(session, current, now)
    if default_answer.gentle_said_last(session):
        # The gentle text once was not enough: an example this time, and a way on.
        way_on = "listen.stuck_skip" if QUESTIONS[current].optional else "listen.stuck_draft"
        return Transition(session, (explained(session, current), Reply(way_on)))
    return Transition(session, (with_choices(session, current, "gentle"),))


def again(session: Session) -> bool:
    """Whether the message before this one also said nothing to keep ("hmm", "idk")."""
    return default_answer.not_answers_before(session) >= 1


def _move_on(session: Session, current: Step, now: datetime) -> Transition:
    """Leave the question open (or take its neutral option for now) and go on."""
    value = FOR_NOW.get(current, "")
    moved = record(session, current, value, now)
    if value:
        said = Reply("listen.for_now", labels={"answer": f"{current.value}.choice.{value}"})
    else:
        said = Reply("listen.left_open")
    transition = after_answer(session, moved, current)
    return replace(transition, replies=(said, *transition.replies))
