"""A new revisit date said right after the date was set changes the date, not the next answer."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import engine
from bot.domain import Step
from tests.conftest import START, say
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("actually make it in 3 weeks", 21),
        ("no, in 2 weeks instead", 14),
        ("can we make it in 10 days?", 10),
        ("actually in 4 weeks", 28),
        ("hmm make that 3 weeks", 21),
    ],
)
def test_changing_the_date_just_set_sets_the_new_date(text: str, days: int) -> None:
    """Right after the date, "actually make it in 3 weeks" moves it; the next question waits."""
    session = walk_to(Step.QUESTION)
    moved = engine.step(session, say(text), START)
    assert "question" not in moved.session.answers
    assert moved.session.step is Step.QUESTION
    assert moved.session.revisit_at is not None
    assert moved.session.revisit_at.date() == (START + timedelta(days=days)).date()
    assert keys(moved)[-2:] == ["revisit.set", "question.ask"]


@pytest.mark.parametrize(
    "text", ["How about next month?", "what would make this a yes?", "make it worth their while"]
)
def test_a_clarifying_question_is_not_taken_for_a_new_date(text: str) -> None:
    """A question for them, even one holding a date, is kept as the clarifying question."""
    session = walk_to(Step.QUESTION)
    moved = engine.step(session, say(text), START)
    assert moved.session.answers["question"] == text
    assert moved.session.revisit_at == session.revisit_at


def test_a_new_date_later_on_is_an_answer() -> None:
    """Two questions after the date, "actually in 3 weeks" is that question's answer."""
    session = walk_to(Step.CALM)
    moved = engine.step(session, say("actually in 3 weeks"), START)
    assert moved.session.revisit_at == session.revisit_at


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("ugh sorry, in 3 wks is better", 21 * 24 * 60),
        ("actually make it in 3 minutes, i wanna see how the reminder works", 3),
        ("oops, in 10 days would be better", 10 * 24 * 60),
    ],
)
def test_a_new_date_with_a_lead_in_or_a_reason_changes_the_date(text: str, minutes: int) -> None:
    """A new date after "ugh sorry" or with a reason after it changes the date just set."""
    session = walk_to(Step.QUESTION)
    moved = engine.step(session, say(text), START)
    assert "question" not in moved.session.answers
    assert moved.session.revisit_at is not None
    wanted = START + timedelta(minutes=minutes)
    assert abs(moved.session.revisit_at - wanted) < timedelta(days=1)
    assert keys(moved)[-2:] == ["revisit.set", "question.ask"]
