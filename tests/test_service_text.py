"""What users type, kept safely: unusual text round-trips, control characters stripped, a huge
message truncated and said so, a long paste kept whole, a blank message asked again."""

from __future__ import annotations

import pytest

from bot.domain import Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.test_service import run, stored


@pytest.mark.parametrize(
    "text",
    [
        "Ünïcödé àccents",
        "😀🎉 emoji setback",
        "שלום עולם مرحبا",
        "line one\nline two",
        "<!channel> & <@U123>",
    ],
)
async def test_unusual_text_survives_the_round_trip(
    service: CoachService, db: Database, text: str
) -> None:
    """Emoji, right-to-left text, accents and markup are stored exactly as written."""
    await run(service, ["hi", text])
    record = await stored(db)
    assert record.session is not None and record.session.answers["setback"] == text


async def test_control_characters_are_stripped(service: CoachService, db: Database) -> None:
    """Control characters never reach the database."""
    await run(service, ["hi", "bad\x00byte\x1b[31m red\x07"])
    record = await stored(db)
    assert record.session is not None and record.session.answers["setback"] == "badbyte[31m red"


async def test_a_huge_message_is_kept_truncated_with_a_word_saying_so(
    service: CoachService, db: Database
) -> None:
    """Past 20,000 characters the answer is cut there and the user is told the bound."""
    texts = await run(service, ["hi", "x" * 30_000])
    record = await stored(db)
    assert record.session is not None and len(record.session.answers["setback"]) == 20_000
    assert any("20,000" in text for text in texts)


async def test_a_long_paste_is_kept_whole_without_a_word_of_cutting(
    service: CoachService, db: Database
) -> None:
    """A 5,000-character paste is kept whole (export reads it) and nothing says it was cut."""
    pasted = ("My landlord wrote back again about the heating. " * 110)[:5000].strip()
    texts = await run(service, ["hi", pasted])
    record = await stored(db)
    assert record.session is not None and record.session.answers["setback"] == pasted
    assert not any("characters" in text for text in texts)


async def test_blank_messages_get_a_gentle_reask(service: CoachService, db: Database) -> None:
    """An empty message changes nothing and re-asks."""
    await run(service, ["hi"])
    texts = await run(service, ["   \n\t "])
    assert texts[0].startswith("I didn't catch anything")
    record = await stored(db)
    assert record.session is not None and record.session.step is Step.SETBACK
