"""Skipping and starting over said in words, in five languages, do what the commands do."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Pending, Step
from tests.conftest import START, say
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    "typed",
    [
        "start over",
        "i want to start over",
        "can we start over?",
        "lets start again",
        "ok i wanna restart",
        "quiero empezar de nuevo",
        "ich will neu anfangen",
        "je veux recommencer",
        "quero recomeçar",
    ],
)
@pytest.mark.parametrize("at", [Step.BOUNDARY, Step.OPTION, Step.OFFER])
def test_starting_over_in_words_asks_to_confirm_a_restart(typed: str, at: Step) -> None:
    """ "i want to start over" at a menu or a question asks to confirm a new reframe."""
    session = walk_to(at)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers == session.answers
    assert moved.session.pending is Pending.RESTART
    assert "restart.confirm" in keys(moved)


@pytest.mark.parametrize("typed", ["passer", "saltar", "überspringen", "pular", "Omitir"])
def test_skip_in_other_languages_skips_an_optional_question(typed: str) -> None:
    """ "passer", "saltar", "überspringen", "pular" skip an optional question, kept empty."""
    moved = engine.step(walk_to(Step.UNSEEN), say(typed), START)
    assert moved.session.step is Step.OFFER
    assert moved.session.answers.get("unseen", "") == ""


@pytest.mark.parametrize("typed", ["start over with a new landlord", "pasar la página"])
def test_answers_holding_those_words_are_kept(typed: str) -> None:
    """An answer that holds such words among its own is kept as the answer."""
    moved = engine.step(walk_to(Step.UNSEEN), say(typed), START)
    assert moved.session.answers["unseen"] == typed
