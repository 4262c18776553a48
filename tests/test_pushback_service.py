"""Through the service (typed words resolved to choices first), pushing back and hedging at a
choice are read as the engine reads them, never as the label they begin with."""

from __future__ import annotations

import pytest

from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE
from tests.test_service import run, stored

TO_BOUNDARY = FULL_DIALOGUE[:3]
TO_TIMING = FULL_DIALOGUE[:4]
TO_OPTION = FULL_DIALOGUE[:9]


@pytest.mark.parametrize(
    ("before", "typed", "step", "kept"),
    [
        (TO_TIMING, "no se... creo que sí", "timing", "yes"),
        (TO_TIMING, "idk maybe? is this gonna take long", "timing", "maybe"),
        (TO_BOUNDARY, "idk, soft i think", "boundary", "soft"),
        (TO_BOUNDARY, "no se... creo que es duro", "boundary", "hard"),
    ],
)
async def test_a_hedged_choice_is_the_choice_it_names(
    service: CoachService, db: Database, before: tuple[str, ...], typed: str, step: str, kept: str
) -> None:
    """ "no se... creo que sí" is a yes, not the "no" it starts with, and is said back."""
    texts = await run(service, [*before, typed])
    record = await stored(db)
    assert record.session is not None and record.session.answers[step] == kept
    assert any(text.startswith("I'll take that as") for text in texts)


@pytest.mark.parametrize(
    ("before", "typed", "step"),
    [
        (TO_TIMING, "sure whatever", "timing"),
        (TO_OPTION, "sure whatever", "option"),
        (TO_TIMING, "no elegí nada", "timing"),
        (TO_BOUNDARY, "hard? how would i even know that lol", "boundary"),
    ],
)
async def test_pushing_back_at_a_choice_keeps_nothing(
    service: CoachService, db: Database, before: tuple[str, ...], typed: str, step: str
) -> None:
    """ "sure whatever" or "no elegí nada" at a menu is no choice: nothing is kept."""
    await run(service, [*before, typed])
    record = await stored(db)
    assert record.session is not None and step not in record.session.answers
    assert record.session.step.value == step
