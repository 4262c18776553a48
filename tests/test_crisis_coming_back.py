"""Coming back after a crisis stop, through the real service and database: the first message
back is asked how they are and whether they are safe right now, in their language, and their
answer is read as after a crisis reply before any coaching."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.domain import Pending, Status
from bot.rendered import Message
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import ALICE, say, stored_session

INVITATION = "Tell me about a no you ran into"
# (crisis, stop, message back, the welcome's words, safe, safe's words, other, ask again's words)
LANGUAGES = [
    (
        "I want to kill myself",
        "i just dont want to talk anymore",
        "hey",
        "I'm glad you're back",
        "I'm safe right now",
        "I'm glad you're safe right now",
        "idk",
        "Are you safe right now?",
    ),
    (
        "quiero matarme",
        "para ya",
        "hola",
        "Me alegra que vuelvas",
        "ahora mismo estoy a salvo",
        "Me alegra que ahora mismo estés a salvo",
        "no sé",
        "¿Estás a salvo ahora mismo?",
    ),
    (
        "ich will mich umbringen",
        "für heute aufhören",
        "hallo?",
        "Schön, dass du wieder da bist",
        "ich bin gerade in Sicherheit",
        "froh, dass du gerade in Sicherheit bist",
        "weiß nicht",
        "Bist du gerade in Sicherheit?",
    ),
    (
        "je veux me tuer",
        "arrêter pour aujourd'hui",
        "coucou",
        "Je suis content que tu reviennes",
        "je suis en sécurité maintenant",
        "content que tu sois en sécurité",
        "je sais pas",
        "Est-ce que tu es en sécurité en ce moment ?",
    ),
    (
        "quero me matar",
        "parar por hoje",
        "oi",
        "Que bom que você voltou",
        "estou em segurança agora",
        "Fico feliz que você esteja em segurança",
        "sei lá",
        "Você está em segurança agora?",
    ),
]


def joined(messages: Sequence[Message]) -> str:
    """All the texts of a reply's messages, one per line."""
    return "\n".join(message.text for message in messages)


async def stopped(service: CoachService, crisis: str, stop: str) -> None:
    """A crisis reply, then the person ending it (the lines said once more)."""
    await service.handle(say(crisis))
    ended = await service.handle(say(stop))
    assert "findahelpline.com" in joined(ended.messages)


@pytest.mark.parametrize(
    ("crisis", "stop", "back", "welcome", "safe", "glad", "other", "asked"), LANGUAGES
)
async def test_the_first_message_back_after_a_stop_waits_for_their_word_of_safety(
    service: CoachService,
    db: Database,
    crisis: str,
    stop: str,
    back: str,
    welcome: str,
    safe: str,
    glad: str,
    other: str,
    asked: str,
) -> None:
    """In five languages: "hey" after a crisis stop gets a kind word asking whether they are
    safe, in their language, with the lines and no coaching; "don't know" is asked again, and
    only their word that they are safe brings the invitation to coaching."""
    await stopped(service, crisis, stop)
    greeted = joined((await service.handle(say(back))).messages)
    assert welcome in greeted and "findahelpline.com" in greeted
    assert INVITATION not in greeted
    assert (await stored_session(db, ALICE, 1)).pending is Pending.CRISIS
    again = joined((await service.handle(say(other))).messages)
    assert asked in again and "findahelpline.com" in again and INVITATION not in again
    safe_now = joined((await service.handle(say(safe))).messages)
    assert glad in safe_now
    session = await stored_session(db, ALICE, 1)
    assert session.pending is None and session.status is Status.CANCELLED
    coached = joined((await service.handle(say("hey"))).messages)
    assert welcome not in coached and "a no" in coached


async def test_danger_after_coming_back_gets_the_emergency_line_first(
    service: CoachService, db: Database
) -> None:
    """Danger told in answer to the welcome back puts the emergency number first, then lines."""
    await stopped(service, "I want to kill myself", "stop")
    await service.handle(say("hey"))
    danger = (await service.handle(say("i have the pills right here"))).messages[0].text
    assert danger.startswith("Please call") and "findahelpline.com" in danger
    assert (await stored_session(db, ALICE, 1)).pending is Pending.CRISIS


async def test_stop_after_coming_back_ends_again_with_the_lines(
    service: CoachService, db: Database
) -> None:
    """Stop in answer to the welcome back gives the lines again and ends; the next message
    back is asked again whether they are safe."""
    await stopped(service, "ich will mich umbringen", "für heute aufhören")
    await service.handle(say("hallo?"))
    ended = joined((await service.handle(say("stopp"))).messages)
    assert "wir hören hier auf" in ended and "findahelpline.com" in ended
    assert (await stored_session(db, ALICE, 1)).pending is None
    again = joined((await service.handle(say("hi"))).messages)
    assert "Schön, dass du wieder da bist" in again


async def test_a_new_no_as_the_first_message_back_also_waits_for_safety(
    service: CoachService, db: Database
) -> None:
    """A new setback told first after a stop is met with the safety question, not a new
    reframe: issue 14 allows coaching only after their own word that they are safe, and a
    setback told says nothing about that (once safe, the coach asks them to tell it)."""
    await stopped(service, "I want to kill myself", "stop")
    back = joined((await service.handle(say("my girlfriend broke up with me"))).messages)
    assert "I'm glad you're back" in back and "are you safe right now?" in back
    session = await stored_session(db, ALICE, 1)
    assert session.pending is Pending.CRISIS and session.number == 1
