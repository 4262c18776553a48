"""After a crisis reply a brushed-off "I'm fine" is asked about once more; nothing is lost."""

from __future__ import annotations

import pytest

from bot.domain import Status
from bot.safety.answers import FollowUp, follow_up
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, say
from tests.test_crisis_flow import stored, to_question


@pytest.mark.parametrize(
    "brushed_off",
    [
        "lol jk im fine",
        "sorry. i'm fine, really. can we just go back to the questions",
        "whatever. i'm ok",
    ],
)
async def test_a_bare_fine_after_the_means_were_named_is_asked_about_again(
    service: CoachService, db: Database, brushed_off: str
) -> None:
    """After "I've got the pills saved up", a bare "I'm fine" keeps the crisis open and asks
    plainly whether they are safe, with the lines and a word on putting the means away."""
    await to_question(service)
    await service.handle(say("doesnt matter, i've got my mom's sleeping pills saved up"))
    reply = await service.handle(say(brushed_off))
    text = reply.messages[0].text
    assert "are you safe right now" in text and "out of reach" in text
    assert "findahelpline.com" in text
    session = (await stored(db)).session
    assert session is not None and session.status is Status.PAUSED


async def test_safety_said_in_so_many_words_then_goes_back_to_coaching(
    service: CoachService, db: Database
) -> None:
    """After the second check, "I'm safe and I won't do anything" resumes the reframe."""
    question = await to_question(service)
    await service.handle(say("anyway it wont matter after tonight"))
    await service.handle(say("lol jk im fine"))
    back = await service.handle(say("ok. i'm safe and i won't do anything"))
    assert "glad you're safe" in back.messages[0].text
    assert back.messages[-1].text == question.text
    session = (await stored(db)).session
    assert session is not None and session.status is Status.ACTIVE


async def test_danger_from_someone_else_gets_its_own_second_check(service: CoachService) -> None:
    """After "he said he'd kill me tonight", "whatever im fine" asks whether they are safe
    from them, not about putting means away."""
    await service.handle(say("my ex said he'd kill me if i left, he's coming over tonight"))
    reply = await service.handle(say("whatever im fine"))
    text = reply.messages[0].text
    assert "safe from them right now" in text and "out of reach" not in text


async def test_the_messages_of_a_crisis_are_kept_in_its_history(
    service: CoachService, db: Database
) -> None:
    """A message of danger after the crisis reply is kept with the first, for export and forget."""
    await to_question(service)
    await service.handle(say("I want to kill myself"))
    await service.handle(say("i have the pills in front of me"))
    session = (await stored(db)).session
    assert session is not None
    kept = session.answers["crisis_message"].splitlines()
    assert kept == ["I want to kill myself", "i have the pills in front of me"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("im ok now", FollowUp.SAFE),
        ("I'm safe now", FollowUp.SAFE),
        ("lol jk im fine", FollowUp.MINIMISING),
        ("he was joking, I'm not in danger", FollowUp.SAFE),
        ("estoy bien, era broma", FollowUp.MINIMISING),
        ("ich bin sicher, ich tue mir nichts an", FollowUp.SAFE),
        ("ich bin jetzt sicher", FollowUp.SAFE),
        ("je suis maintenant en sécurité", FollowUp.SAFE),
        ("ich bin jetzt nicht sicher", FollowUp.DANGER),
    ],
)
def test_a_bare_fine_is_safe_only_when_nothing_was_named_and_nothing_brushed_off(
    words: str, expected: FollowUp
) -> None:
    """With no means or time named earlier, "I'm ok" is safe, also with a word between ("ich bin
    jetzt sicher"); a joke or shrug is asked about; "not safe" stays danger."""
    assert follow_up(words) is expected


def test_after_the_means_were_named_only_safety_in_words_counts() -> None:
    """Once the pills or "tonight" were named, "im ok now" is asked about; "I'm safe" is not."""
    assert follow_up("im ok now", immediate=True) is FollowUp.MINIMISING
    assert follow_up("I'm safe now", immediate=True) is FollowUp.SAFE
    assert follow_up("I won't do anything, I promise", immediate=True) is FollowUp.SAFE


async def test_a_choice_typed_with_words_of_risk_is_kept_after_a_no(
    service: CoachService, db: Database
) -> None:
    """ "soft, ... I can't see any way out" at the boundary asks directly; after "no" the soft
    boundary and its note are kept, and the reframe goes on to the next question."""
    await to_question(service)
    await service.handle(say("soft, he caves if you ask twice. honestly I can't see any way out"))
    reply = await service.handle(say("no, not at all"))
    session = (await stored(db)).session
    assert session is not None and session.answers.get("boundary") == "soft"
    assert "caves" in session.answers.get("boundary_note", "")
    assert "Thank you for answering" in reply.messages[0].text
    assert len(reply.messages) >= 2 and reply.messages[-1].text != reply.messages[0].text


async def test_words_of_risk_at_an_open_question_are_not_kept_as_its_answer(
    service: CoachService, db: Database
) -> None:
    """At an open question, "I can't see any way out" then "no" asks that question again."""
    question = await to_question(service, answered=4)
    await service.handle(say("honestly I can't see any way out"))
    back = await service.handle(say("no"))
    assert back.messages[-1].text == question.text
    session = (await stored(db)).session
    assert session is not None and FULL_DIALOGUE[4] not in session.answers.values()
    assert "honestly I can't see any way out" not in session.answers.values()


@pytest.mark.parametrize(
    "text",
    ["na ich bin ok", "mir gehts gut", "ça va mieux", "je suis ok", "estoy ok", "tô bem"],
)
def test_a_plain_ok_in_the_other_languages_is_read_like_im_fine(text: str) -> None:
    """ "na ich bin ok" is read as "I'm fine" is in English: safe, unless the means or a time
    were named, when it is asked about once more."""
    assert follow_up(text) is FollowUp.SAFE
    assert follow_up(text, immediate=True) is FollowUp.MINIMISING


@pytest.mark.parametrize(
    "text", ["ich bin nicht ok", "mir gehts nicht gut", "je ne suis pas ok", "não tô bem"]
)
def test_not_ok_in_the_other_languages_is_danger(text: str) -> None:
    """Not being okay, in German, French or Portuguese, is read as danger, never as safe."""
    assert follow_up(text) is FollowUp.DANGER


async def test_a_bare_ok_after_a_letter_left_is_asked_about_again(service: CoachService) -> None:
    """After "j'ai laissé une lettre pour mes parents", a bare "ça va mieux" keeps the crisis
    open and asks once more, in French, whether they are safe now and tonight."""
    await service.handle(say("j'ai laissé une lettre pour mes parents"))
    await service.handle(say("france"))
    reply = await service.handle(say("ça va mieux"))
    assert "le seras-tu cette nuit ?" in reply.messages[0].text
    back = await service.handle(say("je suis en sécurité, je ne vais rien faire"))
    assert back.messages[0].text.startswith("Merci de me le dire.")
