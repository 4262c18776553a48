"""Holding back at "Delete everything?" is a no: nothing is deleted, and the coach says so."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Pending, Step
from tests.conftest import START, say
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    "typed", ["hmm no wait", "wait", "hold on, not sure", "espera", "warte mal", "attends", "peraí"]
)
def test_hesitation_at_forget_me_keeps_everything(typed: str) -> None:
    """ "hmm no wait" at the forget-me confirmation keeps all and says so, never asks again."""
    asked = engine.step(walk_to(Step.OFFER), say("forget me"), START)
    assert asked.session.pending is Pending.FORGET
    kept = engine.step(asked.session, say(typed), START)
    assert keys(kept)[0] == "forget.kept" and not kept.effects
    assert kept.session.pending is None and kept.session.answers == asked.session.answers


def test_a_plain_yes_at_forget_me_still_deletes() -> None:
    """ "yes" at the forget-me confirmation still deletes everything."""
    asked = engine.step(walk_to(Step.OFFER), say("forget me"), START)
    done = engine.step(asked.session, say("yes"), START)
    assert keys(done) == ["forget.done"] and done.effects
