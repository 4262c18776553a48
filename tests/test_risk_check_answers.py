"""The direct question answered by saying what was meant; an answer that only resembled
distress kept after a "no"; lines not offered anew once shown (found by a fresh user)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bot import risk_check
from bot.crisis_reply import CRISIS_ANSWER, keep_message
from bot.domain import Pending, Session, Step
from bot.safety import worded
from bot.safety.risk_answers import RiskAnswer, risk_answer
from tests.conftest import START, say
from tests.test_engine import walk_to


@pytest.mark.parametrize(
    "text",
    [
        "not like that. i meant in the relationship",
        "pas du tout, je parlais du livre",
        "nicht so gemeint",
        "no, hablaba del trabajo",
        "não, não nesse sentido",
    ],
)
def test_saying_what_was_meant_is_a_no(text: str) -> None:
    """Saying what the earlier words were about answers no, even beside words of risk."""
    assert risk_answer(text) is RiskAnswer.NO
    assert risk_answer(text, risky=True) is RiskAnswer.NO


@pytest.mark.parametrize(
    "text", ["i meant it", "i meant what i said", "je parlais de moi", "i mean... yeah"]
)
def test_meaning_it_or_meaning_oneself_is_not_a_no(text: str) -> None:
    """ "I meant it" or "I was talking about me" is never read as a no."""
    assert risk_answer(text) is not RiskAnswer.NO
    assert risk_answer(text, risky=True) is not RiskAnswer.NO


def _asked(step: Step, held: str) -> Session:
    """A session at an open question, holding `held` at the direct question."""
    session = walk_to(step)
    data = json.dumps({"text": held, "concern": "suicide", "language": "en"})
    return replace(session, pending=Pending.RISK_CHECK, pending_data=data)


def test_an_answer_without_words_of_distress_is_kept_after_a_no() -> None:
    """At an open question, a message with no words of distress is kept as its answer on "no"."""
    held = "je voulais juste qu'ils publient le livre, c'est tout"
    assert not worded(held)
    done = risk_check.answer(_asked(Step.UNSEEN, held), say("no"), None, START, True)
    assert done.session.answers.get(Step.UNSEEN.value) == held
    assert done.session.step is not Step.UNSEEN and done.session.pending is None


def test_words_of_distress_are_not_kept_as_an_answer_after_a_no() -> None:
    """At an open question, words of distress are not kept as its answer on "no"."""
    held = "honestly i feel like a burden to everyone"
    assert worded(held)
    done = risk_check.answer(_asked(Step.UNSEEN, held), say("no"), None, START, True)
    assert Step.UNSEEN.value not in done.session.answers
    assert done.session.step is Step.UNSEEN


def test_a_no_after_lines_were_shown_does_not_offer_them_anew() -> None:
    """Once a crisis reply was given in the conversation, "no" says the lines are still there."""
    first = risk_check.answer(_asked(Step.UNSEEN, "x"), say("no"), None, START, True)
    assert first.replies[0].key == "risk.no"
    shown = keep_message(_asked(Step.UNSEEN, "x"), "earlier words", START)
    assert CRISIS_ANSWER in shown.answers
    again = risk_check.answer(shown, say("no"), None, START, True)
    assert again.replies[0].key == "risk.no_after_lines"
