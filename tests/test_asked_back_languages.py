"""A question about the coach's question, asked in another language, is answered in it."""

from __future__ import annotations

import pytest

from bot import engine
from bot.domain import Step
from bot.prompts import Catalog
from tests.conftest import START, say
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("o que você quer dizer?", "pt"),
        ("o que quer dizer com isso?", "pt"),
        ("não entendi a pergunta", "pt"),
        ("¿qué quieres decir?", "es"),
        ("no entiendo la pregunta", "es"),
        ("was meinst du?", "de"),
        ("ich verstehe die Frage nicht", "de"),
        ("qu'est-ce que tu veux dire ?", "fr"),
        ("je comprends pas la question", "fr"),
    ],
)
@pytest.mark.parametrize("at", [Step.ASK, Step.BOUNDARY, Step.UNSEEN, Step.OPTION, Step.SUCCESS])
def test_a_question_back_in_another_language_is_explained_in_it(
    typed: str, code: str, at: Step
) -> None:
    """The explanation comes in the asker's language (and the note, if any, is in it too)."""
    session = walk_to(at)
    moved = engine.step(session, say(typed), START)
    said = keys(moved)
    assert said[-1] == f"{at.value}.explain_{code}"
    assert all(key.endswith(f"_{code}") for key in said)
    assert moved.session.answers == session.answers
    assert moved.session.step is at


def test_portuguese_is_not_told_the_spanish_note() -> None:
    """ "o que você quer dizer?" is read as Portuguese: its note is the Portuguese one."""
    moved = engine.step(walk_to(Step.ASK), say("o que você quer dizer?"), START)
    assert keys(moved) == ["language.english_pt", "ask.explain_pt"]


def test_every_question_has_its_explanation_in_each_language(catalog: Catalog) -> None:
    """Every question's explanation exists in es, de, fr and pt, each different from English."""
    for at in engine.QUESTIONS:
        english = catalog.text(f"{at.value}.explain")
        for code in ("es", "de", "fr", "pt"):
            assert catalog.text(f"{at.value}.explain_{code}") not in ("", english)


def test_a_question_back_in_english_stays_english() -> None:
    """ "what do you mean?" keeps the English explanation."""
    moved = engine.step(walk_to(Step.BOUNDARY), say("what do you mean?"), START)
    assert keys(moved) == ["boundary.explain"]
