"""After a crisis reply: not wanting to talk keeps the coach listening, the means named by a
pronoun are danger (also after a stop), and a country named in its own language is read."""

from __future__ import annotations

import pytest

from bot.domain import Pending
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import ALICE, say

SPANISH_CRISIS = "ya tengo las pastillas guardadas para esta noche"


async def stored(db: Database) -> repos.UserRecord:
    """Alice's row and newest session."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
    assert record is not None
    return record


async def test_not_wanting_to_talk_keeps_the_coach_listening(
    service: CoachService, db: Database
) -> None:
    """ "no sé, no quiero hablar" is no stop: the lines stay in view, safety is asked once,
    nothing ends, and only the person's word that they are safe leads back."""
    await service.handle(say(SPANISH_CRISIS))
    reply = await service.handle(say("no se, no quiero hablar"))
    text = reply.messages[0].text
    assert "no tienes que hablar" in text
    assert "findahelpline.com" in text and "¿estás a salvo ahora mismo?" in text
    session = (await stored(db)).session
    assert session is not None and session.pending is Pending.CRISIS
    back = await service.handle(say("ahora mismo estoy a salvo y no voy a hacer nada"))
    assert "a salvo" in back.messages[0].text
    session = (await stored(db)).session
    assert session is not None and session.pending is None


async def test_not_wanting_to_talk_in_english_is_answered_in_english(
    service: CoachService, db: Database
) -> None:
    """ "I don't want to talk" after a crisis reply keeps listening, in the person's language."""
    await service.handle(say("I have the pills saved for tonight"))
    reply = await service.handle(say("i dont want to talk"))
    assert reply.messages[0].text.startswith("That's okay, you don't have to talk.")
    session = (await stored(db)).session
    assert session is not None and session.pending is Pending.CRISIS


async def test_stop_still_ends_with_the_lines(service: CoachService, db: Database) -> None:
    """An explicit "stop" after a crisis reply still ends the flow, with the lines once more."""
    await service.handle(say(SPANISH_CRISIS))
    reply = await service.handle(say("parar"))
    assert "findahelpline.com" in reply.messages[0].text
    session = (await stored(db)).session
    assert session is not None and session.pending is None


async def test_the_means_named_by_a_pronoun_are_danger_now(service: CoachService) -> None:
    """ "las tengo aca al lado de la cama" after a crisis reply repeats the emergency line."""
    await service.handle(say(SPANISH_CRISIS))
    reply = await service.handle(say("las tengo aca al lado de la cama"))
    assert reply.messages[0].text.startswith("Por favor, llama ya al número de emergencias")


async def test_the_means_at_hand_after_a_stop_get_the_crisis_reply(
    service: CoachService, db: Database
) -> None:
    """After a stop, the means named beside one are read with the earlier messages: a crisis."""
    await service.handle(say(SPANISH_CRISIS))
    await service.handle(say("parar"))
    reply = await service.handle(say("las tengo aca al lado de la cama"))
    assert "findahelpline.com" in reply.messages[0].text
    assert "Soy un coach automático" in reply.messages[0].text
    session = (await stored(db)).session
    assert session is not None and session.pending is Pending.CRISIS


async def test_a_country_named_in_its_own_language_is_kept(
    service: CoachService, db: Database
) -> None:
    """ "Polonia" answers the country question; with no lines of ours there, the directory is
    given in the person's language."""
    await service.handle(say(SPANISH_CRISIS, zone=None))
    reply = await service.handle(say("Polonia"))
    text = reply.messages[0].text
    assert (await stored(db)).country == "PL"
    assert "el de tu país (112" in text
    assert "your local emergency number" not in text


URGENT = ("Please call", "Bitte ruf jetzt", "Por favor, llama ya", "S'il te plaît, appelle")
URGENT_PT = "Por favor, ligue agora"


@pytest.mark.parametrize(
    ("crisis", "refusal"),
    [
        ("ich will mich heute Nacht umbringen", "ich will jetzt nicht reden"),
        ("je veux me tuer ce soir", "je ne veux pas en parler maintenant"),
        (SPANISH_CRISIS, "no quiero hablar ahora"),
        ("quero me matar hoje", "não quero falar disso agora"),
        ("I want to kill myself tonight", "I don't want to talk right now"),
    ],
)
async def test_a_refusal_to_talk_after_a_crisis_gets_no_urgent_reply(
    service: CoachService, db: Database, crisis: str, refusal: str
) -> None:
    """Not wanting to talk (now) after a crisis reply is respected: no urgent-danger reply, and
    the coach keeps listening."""
    await service.handle(say(crisis))
    reply = await service.handle(say(refusal))
    assert not reply.messages[0].text.startswith((*URGENT, URGENT_PT))
    session = (await stored(db)).session
    assert session is not None and session.pending is Pending.CRISIS


@pytest.mark.parametrize("question", ["ça va?", "are you ok?", "¿estás bien?", "alles ok?"])
async def test_a_question_with_reassuring_words_does_not_resume_coaching(
    service: CoachService, db: Database, question: str
) -> None:
    """ "ça va?" after a crisis reply is asked back about safety, and coaching does not resume."""
    await service.handle(say("I want to kill myself"))
    await service.handle(say(question))
    session = (await stored(db)).session
    assert session is not None and session.pending is Pending.CRISIS


@pytest.mark.parametrize(
    "plan",
    [
        "I'm still going to the interview tomorrow",
        "voy a ir igual a la entrevista hoy",
        "ich gehe heute trotzdem zum Termin",
    ],
)
async def test_going_to_an_ordinary_event_after_a_crisis_is_no_danger(
    service: CoachService, db: Database, plan: str
) -> None:
    """ "I'm still going to the interview" after a crisis reply asks about safety, not danger."""
    await service.handle(say("I want to kill myself"))
    reply = await service.handle(say(plan))
    assert not reply.messages[0].text.startswith((*URGENT, URGENT_PT))
    session = (await stored(db)).session
    assert session is not None and session.pending is Pending.CRISIS
