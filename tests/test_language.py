"""A message in another language is answered, with a note, once, that the coaching is in English."""

from __future__ import annotations

import pytest

from bot import engine, language
from bot.domain import Status, Step, Transition
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
# English messages with a phrase of another language inside (a quote, a clause).
MIXED = [
    "Manager refused my raise. Me dijo que no hay presupuesto este año",
    "my landlord said no, dice que no es su problema, whatever",
    "she said 'lo siento, no es posible por ahora'",
    "we had the meeting, il a dit que ce n'est pas possible pour le moment, then left",
    "The answer was basically 'das ist nicht möglich' and I'm so annoyed about it",
    "basically 'não dá, não tem verba' and she walked out",
    "I want the promo but mi jefa dice que no es el momento",
]


@pytest.mark.parametrize("text", FOREIGN)
def test_a_message_clearly_in_another_language_is_told_apart(text: str) -> None:
    """Spanish, German, French and Portuguese sentences read as foreign."""
    assert language.foreign(text)


@pytest.mark.parametrize("text", ENGLISH)
def test_english_with_a_foreign_word_or_name_is_english(text: str) -> None:
    """English with a place name or a borrowed word in it is not called foreign."""
    assert not language.foreign(text)


@pytest.mark.parametrize("text", MIXED)
def test_a_message_mostly_in_english_with_another_language_inside_is_english(text: str) -> None:
    """A message written in English around a phrase in Spanish, French, German or
    Portuguese is English: no note that the coaching is in English."""
    assert not language.foreign(text)
    moved = engine.step(walk_to(Step.UNSEEN), say(text), START)
    assert note_keys(moved) == []
    assert moved.session.answers["unseen"] == text


def test_a_message_in_another_language_with_many_unknown_words_is_still_foreign() -> None:
    """Words the coach does not know ("solicitud", "presupuestarios") never make a Spanish
    message English."""
    text = "Mi jefe rechazó mi solicitud de aumento salarial por recortes presupuestarios"
    assert language.foreign(text)


def note_keys(transition: Transition) -> list[str]:
    """The keys of the English-only notes among a transition's replies."""
    return [reply.key for reply in transition.replies if reply.key.startswith("language.")]


@pytest.mark.parametrize("text", FOREIGN)
def test_the_english_note_comes_once_before_the_usual_reply(text: str) -> None:
    """The first foreign message gets the note before the usual reply; later ones do not."""
    session = walk_to(Step.OFFER)
    first = engine.step(session, say(text), START)
    assert first.replies[0].key.startswith("language.english")
    assert first.session.answers["offer"] == text
    again = engine.step(first.session, say(text), START)
    assert note_keys(again) == []


def test_the_note_is_said_once_a_conversation_even_with_english_between() -> None:
    """Foreign, then four English answers, then foreign again: the note was said once only."""
    session = walk_to(Step.OFFER)
    said: list[str] = []
    for text in ["mi jefe dijo que no", "I ship fast", "I led it", "more", "3", "un plan nuevo"]:
        moved = engine.step(session, say(text), START)
        said.extend(note_keys(moved))
        session = moved.session
    assert len(said) == 1


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("mi jefe dijo que no al aumento", "es"),
        ("Mein Chef hat nein gesagt", "de"),
        ("mon patron a dit non pour la promotion", "fr"),
        ("meu chefe disse que não vai me promover", "pt"),
    ],
)
def test_the_note_is_in_the_persons_language(text: str, code: str) -> None:
    """Spanish, German, French and Portuguese writers get the note in their own language."""
    moved = engine.step(walk_to(Step.OFFER), say(text), START)
    assert note_keys(moved) == [f"language.english_{code}"]


async def test_the_note_survives_a_reload_and_is_not_said_again(service: CoachService) -> None:
    """Through the service and the database, the Spanish note is shown once in Spanish."""
    texts = await run(service, ["hola", "mi jefe me dijo que no", "un ascenso", "no sé"])
    assert sum("solo puedo hacer el coaching en inglés" in text for text in texts) == 1
    assert not any("I can only coach in English" in text for text in texts)


@pytest.mark.parametrize(
    ("typed", "command"),
    [("ayuda", "help.text"), ("hilfe", "help.text"), ("cancelar", "cancel.done")],
)
def test_commands_in_spanish_or_german_work_and_get_the_note(typed: str, command: str) -> None:
    """ "ayuda", "hilfe", "cancelar", "abbrechen" do what help and cancel do, with the note."""
    session = walk_to(Step.OFFER)
    transition = engine.step(session, say(typed), START)
    keys = [reply.key for reply in transition.replies]
    assert keys[0].startswith("language.english") and keys[1] == command
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
    note = "nur auf Englisch coachen"
    assert note in first[0]
    assert not any(note in text for text in second)


@pytest.mark.parametrize("typed", ["quizás", "vielleicht", "peut-être", "talvez"])
def test_maybe_in_other_languages_answers_how_did_it_go(typed: str) -> None:
    """At the revisit, maybe in Spanish, German, French or Portuguese is "Got a maybe"."""
    from bot.intents import Intent
    from bot.nudge_words import nudge

    assert nudge(typed) is Intent.MAYBE


@pytest.mark.parametrize("typed", ["zurück", "Zurück!", "atrás", "volver", "retour", "voltar"])
def test_back_in_other_languages_goes_back(typed: str) -> None:
    """ "zurück", "atrás", "retour", "voltar" do what `back` does, after the note once."""
    session = walk_to(Step.DONE)
    transition = engine.step(session, say(typed), START)
    keys = [reply.key for reply in transition.replies]
    assert keys[0].startswith("language.english") and keys[1] == "back.showing"
    assert transition.session.step is Step.OFFER


@pytest.mark.parametrize("typed", ["hola", "hallo", "bonjour", "olá"])
def test_a_greeting_in_another_language_is_not_the_setback(typed: str) -> None:
    """ "hola" at "What's the no you ran into?" is a greeting, as "hi" is: nothing is stored."""
    session = walk_to(Step.SETBACK)
    transition = engine.step(session, say(typed), START)
    assert "setback" not in transition.session.answers
    assert transition.session.step is Step.SETBACK
