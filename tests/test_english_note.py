"""After a crisis flow in Spanish, German, French or Portuguese hands back to the English
questions, the person is told once, kindly and in their language, and the coaching goes on."""

from __future__ import annotations

import pytest

from bot.service import CoachService
from tests.conftest import FULL_DIALOGUE, say
from tests.test_crisis_flow import press
from tests.test_crisis_language import CODES, FINE, LANGUAGES, catalog_texts, example

__all__ = ["catalog_texts"]

BOUNDARY = "hard boundary"


async def started(service: CoachService) -> None:
    """A reframe begun in English, standing at the boundary question."""
    for line in FULL_DIALOGUE[:3]:
        await service.handle(say(line))


@pytest.mark.parametrize("code", CODES)
async def test_safe_in_their_language_then_the_note_in_it_then_the_question(
    service: CoachService, catalog_texts: dict[str, str], code: str
) -> None:
    """Back from a crisis reply with their own word of safety: the safe reply, the note that
    coaching is in English (in their language), then the open question, in that order."""
    await started(service)
    await service.handle(say(LANGUAGES[code][0]))
    asked = await service.handle(say(FINE[code]))
    make_sure = catalog_texts[f"crisis.make_sure_{code}"]
    back = await service.handle(say(example(make_sure)))
    texts = [message.text for message in back.messages]
    assert texts[0] == catalog_texts[f"crisis.safe_{code}"], texts
    assert texts[1] == catalog_texts[f"language.after_crisis_{code}"]
    assert BOUNDARY in texts[2]
    assert asked.messages


@pytest.mark.parametrize("code", CODES)
async def test_no_pressed_at_the_direct_question_gets_the_note_in_their_language(
    service: CoachService, catalog_texts: dict[str, str], code: str
) -> None:
    """ "No" pressed at the direct question asked in their language: thanks, the note, the
    question; the language is the one the flow spoke, though a button carries no words."""
    await started(service)
    asked = (await service.handle(say(LANGUAGES[code][1]))).messages[-1]
    back = await service.handle(press(asked, "no"))
    texts = [message.text for message in back.messages]
    assert texts[0] == catalog_texts[f"risk.no_{code}"]
    assert texts[1] == catalog_texts[f"language.after_crisis_{code}"]
    assert BOUNDARY in texts[-1]


async def test_the_note_is_said_once_a_conversation(
    service: CoachService, catalog_texts: dict[str, str]
) -> None:
    """A second crisis flow in the same conversation hands back without the note again."""
    await started(service)
    for _ in range(2):
        asked = (await service.handle(say(LANGUAGES["es"][1]))).messages[-1]
        back = await service.handle(press(asked, "no"))
    texts = [message.text for message in back.messages]
    assert catalog_texts["language.after_crisis_es"] not in texts
    assert catalog_texts["language.english_es"] not in texts
    assert BOUNDARY in texts[-1]


async def test_an_english_crisis_flow_hands_back_without_a_note(
    service: CoachService, catalog_texts: dict[str, str]
) -> None:
    """In English there is nothing to say: the question follows the thanks."""
    await started(service)
    asked = (await service.handle(say("i cant take this anymore"))).messages[-1]
    back = await service.handle(press(asked, "no"))
    assert not any(message.text.startswith("A small note") for message in back.messages)
    assert BOUNDARY in back.messages[-1].text
