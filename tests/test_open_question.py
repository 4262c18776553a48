"""The question still open is asked again after a command, whatever the command answered."""

from __future__ import annotations

import pytest

from bot.prompts import Catalog
from bot.service import CoachService
from tests.conftest import ALICE, FULL_DIALOGUE, say

# Commands that answer something and leave the conversation where it was.
ANSWERING = (
    *("help", "status", "plan", "wins", "reminders", "export", "quiet", "quiet 10pm-7am"),
    *("timezone", "timezone London", "timezone Atlantis", "quiet nonsense"),
)


async def last_question(service: CoachService, lines: tuple[str, ...]) -> str:
    """Walk a dialogue and return the last message the coach sent (its open question)."""
    said = ""
    for line in lines:
        said = (await service.handle(say(line, ALICE))).messages[-1].text
    return said


@pytest.mark.parametrize("command", ANSWERING)
async def test_every_answering_command_ends_with_the_open_question(
    service: CoachService, command: str
) -> None:
    """Mid-conversation, a command that answers something ends by asking the open question."""
    question = await last_question(service, FULL_DIALOGUE[:5])
    result = await service.handle(say(command, ALICE))
    assert len(result.messages) >= 2
    assert result.messages[-1].text == question


async def test_a_side_question_is_asked_again_after_a_command(
    service: CoachService, catalog: Catalog
) -> None:
    """At a side question (start a new reframe?), a command ends by asking that question again."""
    await last_question(service, (*FULL_DIALOGUE[:5], "restart"))
    result = await service.handle(say("reminders", ALICE))
    assert result.messages[-1].text == catalog.text("restart.reprompt")
    assert [button.id for button in result.messages[-1].buttons] == ["yes", "no"]
