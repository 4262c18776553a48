"""After `restart`, "same as before" at the new setback question reuses the previous no."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Session, Step
from tests.conftest import START, say
from tests.test_engine import ANSWERS, keys, walk_to


def _restarted() -> Session:
    """A reframe restarted from its third question, confirmed."""
    asked = engine.step(walk_to(Step.TIMING), say("restart"), START).session
    return engine.step(asked, say("yes"), START).session


@pytest.mark.parametrize("typed", ["same as before", "same no as before", "the same one"])
def test_same_as_before_after_restart_reuses_the_previous_no(typed: str) -> None:
    """ "same as before" after `restart` keeps the previous no as this one's and moves on."""
    fresh = _restarted()
    assert fresh.step is Step.SETBACK and "setback" not in fresh.answers
    moved = engine.step(fresh, say(typed), START)
    assert moved.session.answers["setback"] == ANSWERS[Step.SETBACK]
    assert moved.session.step is Step.ASK
    assert keys(moved)[0] == "listen.reused"
    assert moved.session.pending_data is None


def test_a_new_no_after_restart_is_kept_as_told() -> None:
    """A new no told after `restart` is kept, and "same as before" later reuses nothing of old."""
    moved = engine.step(_restarted(), say("my sister said no to hosting"), START)
    assert moved.session.answers["setback"] == "my sister said no to hosting"
    assert moved.session.pending_data is None
