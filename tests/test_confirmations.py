"""Cancelling a side question (a confirmation) cancels that question only (pure engine)."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Inbound, InboundKind, Pending, Session, Status, Step
from tests.conftest import ALICE, START, say
from tests.test_engine import keys, walk_to


def _asked(pending: Pending) -> Session:
    """A conversation at the offer question with the given side question open."""
    session = walk_to(Step.OFFER)
    if pending is Pending.RESTART:
        return engine.step(session, say("restart"), START).session
    if pending is Pending.FORGET:
        return engine.step(session, say("forget me"), START).session
    at_revisit = walk_to(Step.REVISIT)
    if pending is Pending.FAR_DATE:
        return engine.step(at_revisit, say("March 3 2029"), START).session
    if pending is Pending.WHICH_DATE:
        unknown = Inbound(ALICE, InboundKind.MESSAGE, text="1/2", timezone_hint="UTC")
        return engine.step(at_revisit, unknown, START).session
    raise AssertionError(pending)


CONFIRMS = [Pending.RESTART, Pending.FORGET, Pending.FAR_DATE, Pending.WHICH_DATE]


@pytest.mark.parametrize("pending", CONFIRMS)
@pytest.mark.parametrize("typed", ["cancel", "never mind", "/cancel"])
def test_cancel_at_a_confirmation_drops_it_and_keeps_the_reframe(
    pending: Pending, typed: str
) -> None:
    """`cancel` (or "never mind") at a side question closes it; the reframe goes on, unchanged."""
    session = _asked(pending)
    assert session.pending is pending
    transition = engine.step(session, say(typed), START)
    assert transition.session.status is Status.ACTIVE
    assert transition.session.pending is None
    assert transition.session.step is session.step
    assert transition.session.answers == session.answers
    assert keys(transition)[-1] == f"{session.step.value}.ask"


def test_cancel_without_a_side_question_still_ends_the_reframe() -> None:
    """With no side question open, `cancel` ends the conversation as before."""
    transition = engine.step(walk_to(Step.OFFER), say("cancel"), START)
    assert transition.session.status is Status.CANCELLED


@pytest.mark.parametrize("typed", ["cancel that", "forget it", "nah forget it", "cancel please"])
def test_leaving_words_at_start_a_new_reframe_keep_this_one(typed: str) -> None:
    """Words of leaving at "Start a new reframe?" keep the reframe going where it was."""
    session = _asked(Pending.RESTART)
    transition = engine.step(session, say(typed), START)
    assert transition.session.status is Status.ACTIVE and transition.session.pending is None
    assert keys(transition) == ["restart.kept", "offer.ask"]
