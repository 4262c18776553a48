"""Questions and pushback are never kept as answers; taking the offered default keeps it."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, say
from tests.test_crisis_flow import stored
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (Step.OFFER, "offer who?? they rejected me"),
        (Step.GAIN, "gain what? they already said no"),
        (Step.OFFER, "thats not what i meant, i was asking you a question"),
        (Step.DONE, "done what? i dont even remember what we were talking about"),
        (Step.UNSEEN, "what was the question again"),
        (Step.DONE, "no entiendo la pregunta, puedes explicarla en español?"),
        (Step.OFFER, "ich verstehe die frage nicht"),
        (Step.CALM, "je ne comprends pas la question"),
        (Step.GAIN, "não entendi a pergunta"),
        (Step.GAIN, "wie viele fragen noch?"),
        (Step.OFFER, "cuántas preguntas quedan?"),
        (Step.DONE, "combien de questions encore?"),
        (Step.UNSEEN, "i said idk"),
        (Step.GAIN, "like i said, no idea"),
        (Step.QUESTION, "¿qué quieres decir con pregunta aclaratoria?"),
        (Step.QUESTION, "was meinst du mit klärungsfrage?"),
    ],
)
def test_pushback_and_questions_are_never_kept(step: Step, text: str) -> None:
    """A question back, confusion, impatience or "i said idk" keeps nothing and stays put."""
    at = walk_to(step)
    moved = engine.step(at, say(text), START)
    assert moved.session.step is step
    assert step.value not in moved.session.answers
    assert keys(moved)[-1].startswith(step.value) or keys(moved)[-1].startswith("listen")


@pytest.mark.parametrize("accepting", ["ok", "sure use that one", "yes, that one", "vale"])
async def test_taking_the_offered_default_keeps_its_words(
    service: CoachService, db: Database, accepting: str
) -> None:
    """ "ok" right after "A good default: '…' Use it" keeps the default as the question."""
    for line in FULL_DIALOGUE[:12]:
        await service.handle(say(line))
    offered = await service.handle(say("idk"))
    assert 'A good default: "What would make this possible later?"' in offered.messages[-1].text
    await service.handle(say(accepting))
    session = (await stored(db)).session
    assert session is not None
    assert session.answers["question"] == "What would make this possible later?"
    assert session.step is Step.CALM
