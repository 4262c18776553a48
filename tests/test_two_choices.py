"""Two choices named at once are asked about, never one of them taken silently."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Step
from bot.intents import Intent
from bot.nudge_words import nudge
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, say
from tests.test_engine import keys, walk_to
from tests.test_service import run, stored


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (Step.OPTION, "3 or 5 idk"),
        (Step.OPTION, "either 2 or 4"),
        (Step.OPTION, "2, maybe 3"),
        (Step.BOUNDARY, "1 or 2"),
        (Step.BOUNDARY, "hard or soft idk"),
        (Step.TIMING, "yes or maybe"),
        (Step.REVISIT, "1 or 2"),
    ],
)
def test_two_choices_at_once_ask_which_one(step: Step, text: str) -> None:
    """ "3 or 5 idk" keeps nothing and asks which of the two, with the list again."""
    session = walk_to(step)
    moved = engine.step(session, say(text), START)
    assert keys(moved) == ["choice.which"]
    assert moved.session.answers == session.answers and moved.session.step is step
    assert moved.replies[0].choices


@pytest.mark.parametrize("text", ["2 and maybe write notes first", "3", "3 or so"])
def test_one_choice_with_a_note_is_still_taken(text: str) -> None:
    """One number with words after it is that choice, as before."""
    moved = engine.step(walk_to(Step.OPTION), say(text), START)
    assert "option" in moved.session.answers


async def test_the_question_names_both_choices(
    service: CoachService, db: Database, catalog: Catalog
) -> None:
    """Through the service the reply names both options by their labels."""
    await run(service, FULL_DIALOGUE[:3])
    texts = await run(service, ["hard or soft idk"])
    first = catalog.text("boundary.choice.hard")
    second = catalog.text("boundary.choice.soft")
    assert f"{first} or {second}" in texts[0]
    record = await stored(db)
    assert record.session is not None and "boundary" not in record.session.answers


@pytest.mark.parametrize("text", ["yes or maybe", "maybe or no?", "a yes or a maybe"])
def test_two_outcomes_at_the_revisit_are_not_guessed(text: str) -> None:
    """ "yes or maybe" at "How did it go?" is unclear (the buttons again), not a maybe."""
    assert nudge(text) is Intent.UNCLEAR
