"""Two choices named in five languages or per part are asked about; "1 other x" is choice 1."""

from __future__ import annotations

import pytest

from bot import dialogue, engine
from bot.domain import Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, say
from tests.test_crisis_flow import stored
from tests.test_engine import walk_to


@pytest.mark.parametrize(
    ("answered", "text", "step"),
    [
        (3, "hard for the retainer but soft for the campaign? is that allowed", Step.BOUNDARY),
        (3, "Hard boundary for the retainer, but soft for the campaign", Step.BOUNDARY),
        (9, "vielleicht 2 … oder eher 1, hmm", Step.OPTION),
        (9, "1 ou 2, não sei", Step.OPTION),
        (11, "2 ou 3, não sei", Step.REVISIT),
        (11, "quizás 2 o 3", Step.REVISIT),
    ],
)
async def test_two_choices_named_are_asked_about(
    service: CoachService, db: Database, answered: int, text: str, step: Step
) -> None:
    """ "3 ou 5, não sei" or "hard for X but soft for Y" asks which one; nothing is kept."""
    for line in FULL_DIALOGUE[:answered]:
        await service.handle(say(line))
    asked = await service.handle(say(text))
    assert any(m.text.startswith("You named two") for m in asked.messages)
    session = (await stored(db)).session
    assert session is not None and session.step is step
    assert step.value not in session.answers


def test_a_number_then_words_at_a_menu_is_the_choice_and_its_note() -> None:
    """ "1 other fintechs" at the third option is choice 1 with the note, not the text "1 …"."""
    at = walk_to(Step.OPTION)
    moved = engine.step(at, say("1 other fintechs"), START).session
    first = dialogue.choices(Step.OPTION, at.answers)[0]
    assert moved.answers["option"] == first
    assert moved.answers["option_note"] == "other fintechs"
