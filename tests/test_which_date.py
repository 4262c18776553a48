"""At "which day did you mean?" the user can get out: another date, neither, back (engine)."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Inbound, InboundKind, Pending, Session, Step
from tests.conftest import ALICE, START, say
from tests.test_engine import keys, walk_to


def _asked() -> Session:
    """A conversation at the revisit question that typed "1/2" in en_CA and is asked which day."""
    typed = Inbound(
        ALICE, InboundKind.MESSAGE, text="1/2", timezone_hint="UTC", locale_hint="en_CA"
    )
    session = engine.step(walk_to(Step.REVISIT), typed, START).session
    assert session.pending is Pending.WHICH_DATE
    return session


@pytest.mark.parametrize(
    "typed", ["neither, in 2 minutes", "in 2 minutes", "the 15th", "in 1 week"]
)
def test_another_date_answers_the_revisit_question(typed: str) -> None:
    """A new date typed at "which day?" is the revisit date, and the reframe moves on."""
    transition = engine.step(_asked(), say(typed), START)
    assert transition.session.pending is None
    assert transition.session.step is not Step.REVISIT
    assert transition.session.revisit_at is not None
    assert keys(transition)[0] == "revisit.set"


@pytest.mark.parametrize("typed", ["neither", "none of them", "another day", "a different one"])
def test_neither_drops_the_side_question_and_a_number_then_picks_from_the_menu(typed: str) -> None:
    """ "Neither" re-asks the revisit question, and "1" then means its first choice (in 1 week)."""
    dropped = engine.step(_asked(), say(typed), START)
    assert dropped.session.pending is None and dropped.session.step is Step.REVISIT
    assert keys(dropped)[-1] in ("revisit.ask", "revisit.reprompt")
    picked = engine.step(dropped.session, say("1"), START)
    assert picked.session.revisit_at is not None
    assert (picked.session.revisit_at - START).days == 7


def test_back_returns_to_the_revisit_question_truthfully() -> None:
    """`back` at "which day?" says it goes back to the date question, and "1" is then in 1 week."""
    back = engine.step(_asked(), say("back"), START)
    assert back.session.pending is None and back.session.step is Step.REVISIT
    assert keys(back) == ["back.to_date", "revisit.ask"]
    picked = engine.step(back.session, say("1"), START)
    assert picked.session.revisit_at is not None
    assert (picked.session.revisit_at - START).days == 7


def test_words_that_are_no_date_ask_which_day_again() -> None:
    """Words that are neither a choice, a month, a date nor a refusal ask which day again."""
    transition = engine.step(_asked(), say("hmm"), START)
    assert transition.session.pending is Pending.WHICH_DATE
    assert keys(transition) == ["which_date.reprompt"]


def test_a_new_date_at_that_far_answers_the_revisit_question() -> None:
    """At "That's more than a year away: is that right?", "in 2 weeks" sets that date instead."""
    far = engine.step(walk_to(Step.REVISIT), say("March 3 2029"), START).session
    assert far.pending is Pending.FAR_DATE
    transition = engine.step(far, say("no, in 2 weeks"), START)
    assert transition.session.pending is None and transition.session.revisit_at is not None
    assert (transition.session.revisit_at - START).days == 14
