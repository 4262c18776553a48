"""A message in another language is answered, with a note, once, that the coaching is in English."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot import engine, language
from bot.domain import Status, Step
from bot.service import CoachService
from tests.conftest import START, say
from tests.test_engine import walk_to
from tests.test_service import run

FOREIGN = [
    "mi jefe dijo que no al aumento de sueldo",
    "Mein Chef hat nein gesagt, ich bin sehr enttäuscht",
    "mon patron a dit non pour la promotion",
    "meu chefe disse que não vai me promover",
    "no sé qué hacer",
    "Se me negó el ascenso",
    "bitte hilfe",
]
ENGLISH = [
    "my boss said no to the raise",
    "I want to move to Madrid for the job",
    "The CEO in Berlin said no to the plan",
    "la la land is my favourite film and they refused to show it",
    "my son said no to the trip",
    "Mi jefe said no",
    "I am on the de la Cruz team and they said no",
    "El Paso office said no",
]


@pytest.mark.parametrize("text", FOREIGN)
def test_a_message_clearly_in_another_language_is_told_apart(text: str) -> None:
    """Spanish, German, French and Portuguese sentences read as foreign."""
    assert language.foreign(text)


@pytest.mark.parametrize("text", ENGLISH)
def test_english_with_a_foreign_word_or_name_is_english(text: str) -> None:
    """English with a place name or a borrowed word in it is not called foreign."""
    assert not language.foreign(text)


@pytest.mark.parametrize("text", FOREIGN)
def test_the_english_note_comes_once_before_the_usual_reply(text: str) -> None:
    """The first foreign message gets the note before the usual reply; the next one does not."""
    session = walk_to(Step.OFFER)
    first = engine.step(session, say(text), START)
    assert [reply.key for reply in first.replies][:1] == ["language.english"]
    assert first.session.answers["offer"] == text
    later = walk_to(Step.DONE)
    again = engine.step(replace(later, recent=(text,)), say(text), START)
    assert "language.english" not in [reply.key for reply in again.replies]


@pytest.mark.parametrize(
    ("typed", "command"),
    [("ayuda", "help.text"), ("hilfe", "help.text"), ("cancelar", "cancel.done")],
)
def test_commands_in_spanish_or_german_work_and_get_the_note(typed: str, command: str) -> None:
    """ "ayuda", "hilfe", "cancelar", "abbrechen" do what help and cancel do, with the note."""
    session = walk_to(Step.OFFER)
    transition = engine.step(session, say(typed), START)
    keys = [reply.key for reply in transition.replies]
    assert keys[:2] == ["language.english", command]
    if command == "cancel.done":
        assert transition.session.status is Status.CANCELLED


@pytest.mark.parametrize("typed", ["quizás, después del presupuesto", "vielleicht", "peut-être"])
def test_maybe_in_other_languages_answers_a_maybe_question(typed: str) -> None:
    """At the yes/maybe/no question, maybe in Spanish, German or French is the maybe."""
    transition = engine.step(walk_to(Step.TIMING), say(typed), START)
    assert transition.session.answers["timing"] == "maybe"


async def test_the_note_is_said_once_across_turns(service: CoachService) -> None:
    """Through the service, two foreign messages in a row get the note only the first time."""
    await run(service, ["hi"])
    first = await run(service, ["hilfe"])
    second = await run(service, [FOREIGN[1]])
    note = "I can only coach in English"
    assert note in first[0]
    assert not any(note in text for text in second)


@pytest.mark.parametrize("typed", ["quizás", "vielleicht", "peut-être", "talvez"])
def test_maybe_in_other_languages_answers_how_did_it_go(typed: str) -> None:
    """At the revisit, maybe in Spanish, German, French or Portuguese is "Got a maybe"."""
    from bot.intents import Intent
    from bot.nudge_words import nudge

    assert nudge(typed) is Intent.MAYBE
