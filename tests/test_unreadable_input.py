"""Binary junk is answered plainly and never kept; a lone Enter brings the prompt back."""

from __future__ import annotations

import io

import pytest

from bot.adapters.console import PROMPT, ConsoleChat
from bot.adapters.terminal_input import TypedLines
from bot.domain import Step
from bot.service import CoachService
from bot.storage.db import Database
from bot.text import garbled
from tests.conftest import ALICE, FULL_DIALOGUE
from tests.test_service import run, stored
from tests.test_terminal import scripted

JUNK = (
    "\x00\x01\x02\x03abc",
    "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00",
    "\ufffd\ufffd\ufffd\ufffdPNG\ufffd",
)


@pytest.mark.parametrize("junk", JUNK)
def test_binary_is_told_from_words(junk: str) -> None:
    """Control and undecodable characters making up a fifth of a message mark it as junk."""
    assert garbled(junk)


@pytest.mark.parametrize("words", ["my boss said no\x00", "thanks 🙏", "¿qué?", "tab\there"])
def test_words_with_a_stray_control_character_are_words(words: str) -> None:
    """A message of words, with at most a stray control character, is not junk."""
    assert not garbled(words)


@pytest.mark.parametrize("junk", JUNK)
async def test_junk_at_a_question_is_not_kept_and_the_question_stays(
    service: CoachService, db: Database, junk: str
) -> None:
    """Junk at the ask question gets "I couldn't read that", then the same question again."""
    await run(service, FULL_DIALOGUE[:2])
    texts = await run(service, [junk])
    assert "couldn't read that" in texts[0] and "What were you hoping for?" in texts[-1]
    record = await stored(db)
    assert record.session is not None and record.session.step is Step.ASK
    assert "ask" not in record.session.answers


async def test_a_lone_enter_comes_out_as_an_empty_message() -> None:
    """A lone Enter, typed apart from other lines, comes out of the reader as "" (not dropped)."""
    stamps = iter([0.0, 5.0, 10.0])
    typed = TypedLines(scripted(["hi", "", "there"]), clock=lambda: next(stamps))
    got = [m async for m in typed.messages()]
    assert got == ["hi", "", "there"]


async def test_a_lone_enter_shows_the_prompt_again_and_sends_nothing(
    service: CoachService, db: Database
) -> None:
    """An empty Enter at the terminal writes the prompt again and says nothing to the coach."""
    await run(service, FULL_DIALOGUE[:2])
    out = io.StringIO()
    chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=out, interactive=True)
    chat.read_line = scripted(["   "], out)
    await chat.start()
    await chat.run()
    after_question = out.getvalue().split("What were you hoping for?", 1)[1]
    assert after_question.count(PROMPT) == 2
    assert "didn't catch" not in after_question
    record = await stored(db)
    assert record.session is not None and record.session.step is Step.ASK
