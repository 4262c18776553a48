"""The plan card names the boundary however it was chosen: pressed, by number or by word."""

from __future__ import annotations

import pytest

from bot.domain import Inbound
from bot.service import CoachService
from tests.conftest import FULL_DIALOGUE, press, say

# Where the boundary is answered in FULL_DIALOGUE.
_BOUNDARY_AT = FULL_DIALOGUE.index("soft")


@pytest.mark.parametrize(
    ("chosen", "note"),
    [
        (press("soft", "boundary", 1), None),
        (say("2"), None),
        (say("soft"), None),
        (say("Soft boundary"), None),
        (say("2 budget frozen till Q2"), "budget frozen till Q2"),
        (say("soft, budget frozen till Q2"), "budget frozen till Q2"),
    ],
)
async def test_the_card_shows_the_boundary_on_every_choice_path(
    service: CoachService, chosen: Inbound, note: str | None
) -> None:
    """A soft boundary pressed, numbered or named, with or without a note, is on the card."""
    replies: list[str] = []
    for at, line in enumerate(FULL_DIALOGUE):
        result = await service.handle(chosen if at == _BOUNDARY_AT else say(line))
        replies = [message.text for message in result.messages]
    card = next(text for text in replies if "The no:" in text)
    line = next((row for row in card.splitlines() if row.startswith("Their boundary:")), "")
    assert "Soft boundary" in line
    assert (note in line) if note else line.strip().endswith("Soft boundary")
