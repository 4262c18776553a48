"""After a crisis reply: wanting to go back to the coaching is heard and safety asked again in
other words, and once they are safe, a setback told with the crisis message is not asked for
again."""

from __future__ import annotations

import pytest

from bot.domain import Pending, Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import say
from tests.test_crisis_listening import stored


@pytest.mark.parametrize(
    ("crisis", "safe", "setback"),
    [
        (
            "my boss said no to the promotion and honestly i want to kill myself",
            "im safe, i wont do anything",
            "my boss said no to the promotion",
        ),
        (
            "mi jefa me dijo q no al aumento... y ya no quiero vivir",
            "estoy a salvo, no voy a hacer nada",
            "mi jefa me dijo q no al aumento",
        ),
    ],
)
async def test_a_setback_told_with_the_crisis_is_not_asked_for_again(
    service: CoachService, db: Database, crisis: str, safe: str, setback: str
) -> None:
    """Safe after a crisis message that also told a no (English, Spanish as people type), the
    coach goes on from that no, kept without the words of risk, and never asks for it again."""
    await service.handle(say(crisis))
    reply = await service.handle(say(safe))
    text = "\n".join(message.text for message in reply.messages)
    assert "What's the no you ran into?" not in text
    assert f'"{setback}"' in text
    session = (await stored(db)).session
    assert session is not None and session.step is Step.ASK
    assert session.answers["setback"] == setback


async def test_a_crisis_without_a_setback_asks_for_the_no(
    service: CoachService, db: Database
) -> None:
    """A crisis message that tells no setback: once safe, the coach asks for the no."""
    await service.handle(say("I have the pills saved for tonight"))
    reply = await service.handle(say("I'm safe now and I won't do anything"))
    assert "What's the no you ran into?" in reply.messages[-1].text
    session = (await stored(db)).session
    assert session is not None and "setback" not in session.answers


async def test_wanting_to_go_back_is_heard_and_never_asked_the_same_way_twice(
    service: CoachService, db: Database
) -> None:
    """ "can we just go back to the promotion thing", twice, gets two different replies that
    both acknowledge the wish and ask for their own word that they are safe, with the lines."""
    await service.handle(say("my manager said no. i have the pills saved for tonight"))
    first = (await service.handle(say("can we just go back to the promotion thing"))).messages
    second = (await service.handle(say("can we just go back to the promotion thing"))).messages
    assert first[0].text.startswith("I'd like to get back to it with you")
    assert second[0].text.startswith("I hear you: you'd rather get on with it")
    for said in (first[0].text, second[0].text):
        assert "are you safe right now?" in said or "that you're safe right now" in said
        assert "findahelpline.com" in said
    session = (await stored(db)).session
    assert session is not None and session.pending is Pending.CRISIS


async def test_the_safety_question_is_not_repeated_word_for_word(service: CoachService) -> None:
    """Two messages in a row that say nothing of safety get the question in other words."""
    await service.handle(say("I have the pills saved for tonight"))
    first = (await service.handle(say("ok"))).messages[0].text
    second = (await service.handle(say("hmm"))).messages[0].text
    third = (await service.handle(say("idk"))).messages[0].text
    assert first != second and second != third
    assert "Are you safe right now?" in first and "Are you safe right now?" in second


async def test_wanting_to_go_back_in_spanish_keeps_the_language(
    service: CoachService, db: Database
) -> None:
    """ "podemos volver a lo del aumento" is heard in Spanish, and the count kept beside the
    language does not lose it: the next reply is Spanish too."""
    await service.handle(say("ya tengo las pastillas guardadas para esta noche"))
    first = (await service.handle(say("podemos volver a lo del aumento porfa"))).messages
    second = (await service.handle(say("ok"))).messages
    assert first[0].text.startswith("Me gustaría volver a eso contigo")
    assert "¿Estás a salvo ahora mismo?" in second[0].text
    session = (await stored(db)).session
    assert session is not None and session.pending is Pending.CRISIS
