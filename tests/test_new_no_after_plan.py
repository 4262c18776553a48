"""A new no told after a finished plan starts the next reframe, in any coaching language."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Session, Step
from tests.conftest import START, say
from tests.test_engine import ANSWERS, keys, walk_to

LETTER = (
    "Dear Alex,\nThank you for your interest in the role. We regret to inform you that the "
    "position has been filled.\nKind regards,\nHR"
)


def _finished() -> Session:
    """A session whose plan was just shown."""
    return engine.step(walk_to(Step.SUCCESS), say(ANSWERS[Step.SUCCESS]), START).session


@pytest.mark.parametrize(
    "typed",
    [
        "otra cosa: o dono do apartamento não quer devolver a caução, disse que não",
        "o meu chefe recusou o aumento",
        "mi casero nunca devolvió la fianza",
        "mein Vermieter will die Kaution nicht zurückgeben",
        "mon propriétaire ne veut pas rendre la caution",
        LETTER,
    ],
)
def test_a_new_no_after_the_plan_starts_a_new_reframe(typed: str) -> None:
    """A no in Portuguese, Spanish, German, French or a pasted letter starts the next reframe."""
    done = _finished()
    moved = engine.step(done, say(typed), START)
    assert moved.session.number == done.number + 1
    assert moved.session.answers["setback"] == typed
    assert "start.prompt" not in keys(moved)


@pytest.mark.parametrize("typed", ["thanks so much, this was helpful", "not sure what to do now"])
def test_thanks_or_musing_after_the_plan_starts_nothing(typed: str) -> None:
    """Thanks or a musing after the plan is not taken for a new no."""
    done = _finished()
    assert engine.step(done, say(typed), START).session.number == done.number
