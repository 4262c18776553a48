"""A question about a word of the coach's question is answered, then the question asked again."""

from __future__ import annotations

import pytest

from bot import asking_back, engine
from bot.domain import Step
from bot.prompts import Catalog
from tests.conftest import START, say
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    "text",
    [
        "what is a clarifying question",
        "What's a clarifying question?",
        "what do you mean by clarifying?",
        "sorry, what does clarifying question mean",
        "what do you mean by that word?",
        "clarifying question?",
        "what kind of clarifying question?",
        "what do you mean, clarifying question?",
        "wdym clarifying question",
    ],
)
def test_asking_what_a_clarifying_question_is_gets_the_explanation(text: str) -> None:
    """At the clarifying-question step, asking what one is explains it; nothing is kept."""
    session = walk_to(Step.QUESTION)
    moved = engine.step(session, say(text), START)
    assert "question" not in moved.session.answers and moved.session.step is Step.QUESTION
    assert keys(moved) == ["question.explain"]


@pytest.mark.parametrize(
    "text",
    [
        "what do you mean by that?",
        "what would make this a yes?",
        "what do you mean by not now?",
        "what is the timeline?",
        "a raise next year?",
    ],
)
def test_a_real_clarifying_question_is_still_kept(text: str) -> None:
    """A question one would put to them is the answer at the clarifying-question step."""
    moved = engine.step(walk_to(Step.QUESTION), say(text), START)
    assert moved.session.answers["question"] == text


@pytest.mark.parametrize(
    ("step", "text", "term"),
    [
        (Step.QUESTION, "what do you mean by third option?", "third_option"),
        (Step.QUESTION, "whats a soft boundary", "boundary"),
        (Step.OFFER, "what do you mean by third option?", "third_option"),
        (Step.OFFER, "what is a clarifying question", "clarifying_question"),
        (Step.REVISIT, "what's a delayed yes?", "delayed_yes"),
        (Step.CALM, "what does self-aware mean", "self_aware"),
        (Step.OFFER, "third option meaning?", "third_option"),
    ],
)
def test_a_word_from_elsewhere_in_the_method_is_explained_then_the_question_asked(
    step: Step, text: str, term: str
) -> None:
    """A method word asked about away from its own step gets its own short explanation."""
    session = walk_to(step)
    moved = engine.step(session, say(text), START)
    assert keys(moved) == [f"term.{term}", f"{step.value}.ask"]
    assert moved.session.answers == session.answers


def test_every_term_has_its_explanation(catalog: Catalog) -> None:
    """Each word the coach explains has its text in prompts/."""
    for term in asking_back.TERM_IDS:
        assert catalog.text(f"term.{term}")
