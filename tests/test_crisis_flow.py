"""The safety flow through the real service and database: ask, reply, keep listening, lines."""

from __future__ import annotations

import json

import pytest

from bench.crisis_answers import SETS, confusion, recall, risk_kept
from bot.clock import ManualClock
from bot.crisis_lines import LineBook
from bot.domain import Inbound, InboundKind, Message, Status, UserKey
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import ALICE, FULL_DIALOGUE, say

# Measured on the blind follow-ups (tests/data/blind): the aim is every danger
# message; README reports the gap. Raise as reading improves; never lower.
# The blind sets crisis_followups_3 and risk_answers_3 (blind7, 2026-12-01) were measured once,
# by the integrator, after tuning froze (05:51 UTC): after a crisis reply, danger read as danger
# 65.6 % (40 of 61; 18 asked whether they are safe, and 3 taken for a word of safety), safe 78 %,
# stop 63 %, other 100 %; to the direct question, yes or not sure read as either 74.4 % (64 of 86:
# 21 asked again, one read as a no), a no 81 %. The floors sit just under those figures. Danger
# taken for safety must come down to none: the issue allows no way back to coaching without
# the person's own word that they are safe.
BLIND_DANGER_FLOOR: float | None = 0.65
BLIND_RISK_KEPT_FLOOR: float | None = 0.74
# Danger read as safe when measured (see above); lower it as reading improves, never raise it.
BLIND_DANGER_TAKEN_FOR_SAFE = 3
AUTOMATED = ("automated coach", "no person reads", "can't contact anyone")


async def stored(db: Database, user: UserKey = ALICE) -> repos.UserRecord:
    """The user's row and newest session."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=user)
    assert record is not None
    return record


def press(message: Message, choice: str, user: UserKey = ALICE) -> Inbound:
    """Pressing one of a message's buttons."""
    assert choice in [button.id for button in message.buttons], [b.id for b in message.buttons]
    return Inbound(
        user,
        InboundKind.BUTTON,
        choice=choice,
        session_number=message.session_number,
        button_step=message.step,
    )


async def to_question(service: CoachService, answered: int = 3) -> Message:
    """Walk a dialogue to its fourth question; return the question."""
    result = None
    for line in FULL_DIALOGUE[:answered]:
        result = await service.handle(say(line))
    assert result is not None
    return result.messages[-1]


async def test_a_clear_crisis_gets_the_reply_at_once_and_is_kept(
    service: CoachService, db: Database
) -> None:
    """A clear crisis gets lines at once, pauses the talk, and the message is kept and exported."""
    await to_question(service)
    reply = await service.handle(say("I've written letters to my kids explaining why"))
    text = reply.messages[0].text
    assert "findahelpline.com" in text
    assert all(words in text for words in AUTOMATED)
    session = (await stored(db)).session
    assert session is not None and session.status is Status.PAUSED
    export = await service.handle(say("export"))
    attachment = export.messages[-1].attachment
    assert attachment is not None
    assert "letters to my kids" in attachment.content.decode()


async def test_a_possible_risk_asks_directly_and_no_goes_on_where_it_was(
    service: CoachService, db: Database
) -> None:
    """A possible risk gets the direct question; "no" returns to the same question."""
    question = await to_question(service)
    asked = await service.handle(say("honestly I can't see any way out"))
    assert "ending your life" in asked.messages[0].text
    assert [b.id for b in asked.messages[0].buttons] == ["yes", "no", "unsure"]
    back = await service.handle(say("no, not at all"))
    assert back.messages[-1].text == question.text
    session = (await stored(db)).session
    assert session is not None and session.status is Status.ACTIVE and session.pending is None


@pytest.mark.parametrize("answer", ["not sure", "no sé", "yes", "kind of"])
async def test_yes_or_not_sure_typed_gets_the_crisis_reply(
    service: CoachService, answer: str
) -> None:
    """A typed yes or not sure (in any language) to the direct question gets the lines."""
    await to_question(service)
    await service.handle(say("I want to disappear"))
    reply = await service.handle(say(answer))
    assert "findahelpline.com" in reply.messages[0].text


async def test_yes_pressed_gets_the_crisis_reply(service: CoachService) -> None:
    """Pressing "yes" to the direct question gets the crisis reply."""
    await to_question(service)
    asked = await service.handle(say("everyone would be better off without me"))
    reply = await service.handle(press(asked.messages[0], "yes"))
    assert "findahelpline.com" in reply.messages[0].text


async def test_no_after_a_first_message_takes_it_as_the_setback(service: CoachService) -> None:
    """When the first message asked the question, "no" goes on with that message as the setback."""
    await service.handle(say("hi"))
    await service.handle(say("they said no again and I can't do this anymore"))
    reply = await service.handle(say("no"))
    assert "What did you ask for" in reply.messages[-1].text or reply.messages[-1].buttons == ()


@pytest.mark.parametrize(
    ("words", "first"),
    [
        ("I'm not sure I'm safe tonight", "Please call"),
        ("I have them in front of me", "Please call"),
        ("tengo las pastillas aquí", "Por favor, llama ya"),
    ],
)
async def test_danger_after_a_crisis_repeats_the_emergency_line_first(
    service: CoachService, db: Database, words: str, first: str
) -> None:
    """After a crisis reply, words of immediate danger put the emergency number first, in the
    language they are written in."""
    await to_question(service)
    await service.handle(say("I want to kill myself"))
    reply = await service.handle(say(words))
    assert reply.messages[0].text.startswith(first)
    assert (await stored(db)).session.pending is not None  # type: ignore[union-attr]


async def test_coaching_returns_only_on_the_users_own_word_that_they_are_safe(
    service: CoachService, db: Database
) -> None:
    """No button leads back; "ok" asks if they are safe; "I'm safe now" resumes the question."""
    question = await to_question(service)
    crisis = await service.handle(say("I want to kill myself"))
    assert {b.id for b in crisis.messages[0].buttons} == {"lines", "stop"}
    again = await service.handle(press(crisis.messages[0], "lines"))
    assert "findahelpline.com" in again.messages[0].text
    check = await service.handle(say("ok"))
    assert "safe right now" in check.messages[0].text
    assert (await stored(db)).session.status is Status.PAUSED  # type: ignore[union-attr]
    back = await service.handle(say("I'm safe now, I won't do anything"))
    assert back.messages[-1].text == question.text
    assert (await stored(db)).session.status is Status.ACTIVE  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "words",
    [
        "he was joking, I'm not in danger",
        "I'm not suicidal",
        "i wont hurt myself tonight",
        "no estoy en peligro",
        "ich bin nicht in Gefahr",
    ],
)
async def test_a_denial_of_danger_in_their_own_words_is_their_word_of_safety(
    service: CoachService, db: Database, words: str
) -> None:
    """After a crisis reply, "I'm not in danger" and its kin resume coaching, never escalate."""
    question = await to_question(service)
    await service.handle(say("I want to kill myself"))
    back = await service.handle(say(words))
    assert not back.messages[0].text.startswith("Please call")
    assert back.messages[-1].text == question.text


@pytest.mark.parametrize(
    "words",
    [
        "I'm not in danger but the pills are right here",
        "not suicidal, taking them tonight",
        "I'm not going to do it, I already did",
    ],
)
async def test_a_denial_beside_means_or_a_time_is_still_danger(
    service: CoachService, words: str
) -> None:
    """A denial of danger said beside means at hand or a time still gets the emergency line."""
    await to_question(service)
    await service.handle(say("I want to kill myself"))
    reply = await service.handle(say(words))
    assert reply.messages[0].text.startswith("Please call")


async def test_a_hedged_denial_is_asked_about_not_taken_as_safety(
    service: CoachService, db: Database
) -> None:
    """ "Not going to kill myself tonight, but tomorrow" keeps the crisis flow and asks again."""
    await to_question(service)
    await service.handle(say("I want to kill myself"))
    reply = await service.handle(say("not going to kill myself tonight, but tomorrow"))
    assert "safe right now" in reply.messages[0].text
    assert (await stored(db)).session.pending is not None  # type: ignore[union-attr]


async def test_a_no_that_explains_earlier_words_goes_on_with_the_reframe(
    service: CoachService,
) -> None:
    """ "No, I just meant it's hopeless with her" answers the direct question with a no."""
    question = await to_question(service)
    await service.handle(say("honestly it all feels hopeless"))
    back = await service.handle(say("no, i just meant its hopeless with her"))
    assert "findahelpline.com" not in back.messages[0].text
    assert back.messages[-1].text == question.text


async def test_stop_repeats_the_lines_before_it_ends(service: CoachService, db: Database) -> None:
    """ "stop" after a crisis reply gives the lines once more, then ends the conversation."""
    await to_question(service)
    await service.handle(say("my husband hits me"))
    reply = await service.handle(say("stop"))
    assert "findahelpline.com" in reply.messages[0].text
    session = (await stored(db)).session
    assert session is not None and session.status is Status.CANCELLED and session.pending is None


async def test_a_crisis_never_revives_a_cancelled_conversation(
    service: CoachService, db: Database
) -> None:
    """After cancel, a crisis and then "I'm safe" leave the conversation cancelled, not resumed."""
    await to_question(service)
    await service.handle(say("cancel"))
    await service.handle(say("I don't want to live anymore"))
    reply = await service.handle(say("I'm safe right now"))
    assert "stays closed" in reply.messages[0].text
    session = (await stored(db)).session
    assert session is not None and session.status is Status.CANCELLED
    assert "want to live anymore" in json.dumps(dict(session.answers))


async def test_a_crisis_keeps_the_nudge_of_a_finished_plan(
    service: CoachService, db: Database
) -> None:
    """A crisis after a plan was made keeps its reminder pending, and the plan stays finished."""
    for line in FULL_DIALOGUE:
        await service.handle(say(line))
    await service.handle(say("my partner hits me when I ask for anything"))
    async with db.autocommit() as conn:
        pending = await conn.fetch_value("SELECT COUNT(*) FROM reminders WHERE status='pending'")
    assert pending == 1
    assert (await stored(db)).session.status is Status.FINISHED  # type: ignore[union-attr]


def test_every_crisis_text_says_it_is_automated_and_gives_hope(catalog: Catalog) -> None:
    """Each crisis reply says no person reads it and it cannot send help, and has a line of hope."""
    for concern in ("suicide", "self_harm", "danger"):
        text = catalog.text(f"crisis.{concern}")
        assert "automated coach" in text and "no person reads" in text
        assert "can't contact anyone or send help" in text
        assert any(hope in text for hope in ("can ease", "other ways through", "help to be safe"))
    assert "Others may be able to read this device" in catalog.text("crisis.danger")


async def test_the_country_is_asked_once_and_remembered(
    service: CoachService, db: Database
) -> None:
    """With no signal, the directory is shown and the country asked; the answer is kept."""
    crisis = await service.handle(say("I want to die", zone=None))
    assert "findahelpline.com" in crisis.messages[0].text
    asked = crisis.messages[1]
    assert "country" in asked.text and "CA" in [b.id for b in asked.buttons]
    lines = await service.handle(press(asked, "CA"))
    assert "686868" in lines.messages[0].text
    assert (await stored(db)).country == "CA"
    await service.handle(say("stop"))
    later = await service.handle(say("I want to die", zone=None))
    assert len(later.messages) == 1 and "9-8-8" in later.messages[0].text


async def test_a_typed_country_name_is_understood(service: CoachService, db: Database) -> None:
    """Typing the country's name after the question gives its lines."""
    await service.handle(say("quiero morir", zone=None))
    reply = await service.handle(say("España"))
    assert "024" in reply.messages[0].text
    assert (await stored(db)).country == "ES"


@pytest.mark.parametrize(
    ("typed", "code", "number"),
    [
        ("im in portugal", "PT", "808 24 24 24"),
        ("I live in the UK rn", "GB", "116 123"),
        ("estou no brasil", "BR", "188"),
        ("Japan", "JP", "findahelpline.com"),
    ],
)
async def test_a_country_named_in_a_short_answer_is_understood(
    service: CoachService, db: Database, typed: str, code: str, number: str
) -> None:
    """A short answer that names the country ("im in portugal", "Japan") answers the question:
    its lines, or the directory for a country we have none for; the country is remembered."""
    await service.handle(say("I want to die", zone=None))
    reply = await service.handle(say(typed))
    assert number in reply.messages[0].text
    assert "remember" in reply.messages[0].text
    assert (await stored(db)).country == code


async def test_a_known_country_is_not_changed_by_a_place_of_the_same_name(
    db: Database, catalog: Catalog, clock: ManualClock, lines: LineBook
) -> None:
    """Someone known to be in the US who types "georgia" keeps the US lines."""
    service = CoachService(db, catalog, clock, lines=lines, country="US")
    await service.handle(say("I want to die"))
    reply = await service.handle(say("georgia"))
    assert "remember" not in reply.messages[0].text
    assert (await stored(db)).country is None


async def test_earlier_messages_are_screened_with_the_new_one(service: CoachService) -> None:
    """Means named earlier, then a time, is a crisis even though the time alone is not."""
    await to_question(service)
    await service.handle(say("I've got the pills"))
    await service.handle(say("no"))
    reply = await service.handle(say("tonight's the night"))
    assert "findahelpline.com" in reply.messages[0].text


async def test_opening_the_chat_after_a_crisis_asks_whether_they_are_safe(
    service: CoachService,
) -> None:
    """The greeting inside the flow is the safety check, not the reframe."""
    await service.handle(say("I want to kill myself"))
    greeting = await service.greet(ALICE)
    assert "safe right now" in greeting.messages[0].text


async def test_a_crisis_in_a_slash_start_is_caught_too(service: CoachService) -> None:
    """The text of /reframe is read for safety before the script sees it."""
    result = await service.handle(Inbound(ALICE, InboundKind.START, text="quero me matar"))
    assert "findahelpline.com" in result.messages[0].text


@pytest.mark.parametrize("name", ["followups", "risk_answers"])
def test_follow_ups_and_answers_are_read_on_the_tuning_set(name: str) -> None:
    """Danger after a crisis, and a yes or not sure to the question, are never missed when tuned."""
    said = confusion(name, SETS[name][0])
    if name == "followups":
        assert recall(said, "danger") == 1.0
        assert min(recall(said, label) for label in ("safe", "stop", "other")) >= 0.9
    else:
        assert risk_kept(said) == 1.0
        assert recall(said, "no") >= 0.9


def test_follow_ups_and_answers_hold_their_floor_on_the_blind_sets() -> None:
    """On the blind sets (aggregate figures only), reading stays above its measured floor."""
    if BLIND_DANGER_FLOOR is None or BLIND_RISK_KEPT_FLOOR is None:
        pytest.skip("the blind sets are measured once, by the integrator, after tuning freezes")
    followups = confusion("followups", SETS["followups"][1])
    answers = confusion("risk_answers", SETS["risk_answers"][1])
    print({label: f"{recall(followups, label):.0%}" for label in followups})
    print({label: f"{recall(answers, label):.0%}" for label in answers})
    assert recall(followups, "danger") >= BLIND_DANGER_FLOOR
    # A yes or not sure read as either still gets the crisis lines.
    assert risk_kept(answers) >= BLIND_RISK_KEPT_FLOOR
    # Danger after a crisis is taken for a word of safety no more often than when measured
    # (the aim is never), and a yes or not sure is read as a no at most once (once when measured).
    assert followups["danger"]["safe"] <= BLIND_DANGER_TAKEN_FOR_SAFE
    assert answers["yes"]["no"] + answers["unsure"]["no"] <= 1


async def test_typed_menu_numbers_answer_the_last_menu(service: CoachService, db: Database) -> None:
    """In the terminal, "3" answers the country menu, then "2" the stop-for-today choice."""
    await service.handle(say("I want to die", zone=None))
    country = await service.handle(say("3"))
    assert "686868" in country.messages[0].text
    stopped = await service.handle(say("2"))
    assert "686868" in stopped.messages[0].text
    assert (await stored(db)).session.pending is None  # type: ignore[union-attr]


async def test_a_new_kind_of_danger_after_a_crisis_gets_its_own_lines(
    db: Database, catalog: Catalog, clock: ManualClock, lines: LineBook
) -> None:
    """After talk of suicide, "my husband hits me" gets the domestic-violence lines and the
    note that others may read the device."""
    service = CoachService(db, catalog, clock, lines=lines, country="US")
    await service.handle(say("I want to die"))
    reply = await service.handle(say("my husband hits me when he drinks"))
    assert "88788" in reply.messages[0].text
    assert "Others may be able to read this device" in reply.messages[0].text


async def test_a_typed_number_answers_the_direct_question(service: CoachService) -> None:
    """In the terminal, typing "3" (I'm not sure) to the direct question gets the crisis reply."""
    await to_question(service)
    await service.handle(say("I want to disappear"))
    reply = await service.handle(say("3"))
    assert "findahelpline.com" in reply.messages[0].text


@pytest.mark.parametrize(
    ("decline", "respected"),
    [
        ("I don't want to talk about that", "don't have to answer"),
        ("rather not say", "don't have to answer"),
        ("skip", "don't have to answer"),
        ("no quiero hablar de eso", "no tienes que responder"),
    ],
)
async def test_declining_the_direct_question_shows_the_lines_and_lets_the_reframe_go_on(
    service: CoachService, db: Database, decline: str, respected: str
) -> None:
    """Declining to answer the direct question is respected, in the words' language: the lines
    once, then coaching."""
    question = await to_question(service)
    await service.handle(say("honestly I can't see any way out"))
    reply = await service.handle(say(decline))
    assert respected in reply.messages[0].text
    assert "findahelpline.com" in reply.messages[0].text
    session = (await stored(db)).session
    assert session is not None and session.pending is None and session.status is Status.ACTIVE
    assert reply.messages[-1].text == question.text
    await service.handle(say("soft"))
    after = (await stored(db)).session
    assert after is not None and after.answers.get("boundary") == "soft"


@pytest.mark.parametrize("stop", ["cancel", "stop", "leave me alone"])
async def test_stopping_at_the_direct_question_ends_with_the_lines(
    service: CoachService, db: Database, stop: str
) -> None:
    """Stopping at the direct question ends the conversation, with the lines once more."""
    await to_question(service)
    await service.handle(say("I can't do this anymore"))
    reply = await service.handle(say(stop))
    assert "findahelpline.com" in reply.messages[0].text
    session = (await stored(db)).session
    assert session is not None and session.pending is None
    assert session.status is Status.CANCELLED


@pytest.mark.parametrize("command", ["help", "status", "export"])
async def test_a_command_at_the_direct_question_is_done_and_the_question_asked_again(
    service: CoachService, db: Database, command: str
) -> None:
    """help, status or export at the direct question work, and the question follows."""
    await to_question(service)
    await service.handle(say("everyone would be better off without me"))
    reply = await service.handle(say(command))
    assert len(reply.messages) >= 2
    assert "ending your life" in reply.messages[-1].text
    session = (await stored(db)).session
    assert session is not None and session.pending is not None
    assert session.pending.value == "risk_check"


async def test_forget_me_at_the_direct_question_asks_to_confirm(service: CoachService) -> None:
    """forget me at the direct question is not held back: its confirmation comes."""
    await to_question(service)
    await service.handle(say("everyone would be better off without me"))
    reply = await service.handle(say("forget me"))
    assert any(button.id == "yes" for button in reply.messages[-1].buttons)
    assert "ending your life" not in reply.messages[-1].text
