"""Answers are heard, not filed: said back, reasons reflected, questions beside them answered."""

from __future__ import annotations

import pytest

from bot import engine, tacked_on
from bot.domain import Session, Step
from bot.prompts import Catalog
from bot.service import CoachService
from tests.conftest import START, say
from tests.test_engine import fresh, keys, walk_to


def job_boundary() -> Session:
    """A session at the boundary question after a job rejection (nothing owed there)."""
    session = fresh()
    for text in ("hi", "They rejected me for the analyst job", "the analyst job"):
        session = engine.step(session, say(text), START).session
    assert session.step is Step.BOUNDARY
    return session


@pytest.mark.parametrize(
    "typed",
    [
        "soft I think - is that normal?",
        "soft i think, is that ok?",
        "soft - does that make sense?",
        "2, is that weird?",
        "blando creo, ¿es normal?",
        "weich glaube ich - ist das normal?",
        "souple je pense, c'est normal ?",
        "flexível acho, é normal?",
    ],
)
def test_a_question_tacked_onto_a_choice_is_answered_and_not_kept(typed: str) -> None:
    """The choice is taken with no note (no hedge, no question), and the question answered."""
    moved = engine.step(walk_to(Step.BOUNDARY), say(typed), START)
    assert moved.session.answers["boundary"] == "soft"
    assert "boundary_note" not in moved.session.answers
    assert any(key.startswith("listen.reassured") for key in keys(moved))
    assert moved.session.step is Step.TIMING


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("I bring 5 years of SQL. is that enough?", "I bring 5 years of SQL."),
        ("my reliability, does that count?", "my reliability"),
        ("mi constancia, ¿eso cuenta?", "mi constancia"),
        ("meine Erfahrung - reicht das?", "meine Erfahrung"),
        ("mon expérience, ça compte ?", "mon expérience"),
        ("minha experiência, isso conta?", "minha experiência"),
    ],
)
def test_a_question_tacked_onto_free_text_stays_off_the_answer(typed: str, kept: str) -> None:
    """Free text keeps the answer part only; the question is answered before the next one."""
    moved = engine.step(walk_to(Step.OFFER), say(typed), START)
    assert moved.session.answers["offer"] == kept
    said = [key for key in keys(moved) if not key.startswith("language.")]
    assert said == ["listen.reassured", "offer.heard", "done.ask"]


def test_at_the_clarifying_question_a_question_is_the_answer() -> None:
    """ "Could we revisit in March, is that ok?" is the question to ask them, kept whole."""
    typed = "Could we revisit in March, is that ok?"
    moved = engine.step(walk_to(Step.QUESTION), say(typed), START)
    assert moved.session.answers["question"] == typed


@pytest.mark.parametrize(
    "typed",
    ["they said no, right?", "the budget is frozen, no?", "I said no. ok", "hard, that is ok"],
)
def test_a_tag_or_a_statement_is_not_a_question_about_the_answer(typed: str) -> None:
    """Tags ("right?", "no?") and statements are not split off an answer."""
    assert tacked_on.tail(typed) is None


async def test_the_plan_card_never_shows_the_question(service: CoachService) -> None:
    """End to end, a boundary answered "soft I think - is that normal?" leaves no trace of the
    question or the hedge on the card."""
    for text in ("hi", "My manager said no to the promotion", "A promotion"):
        await service.handle(say(text))
    await service.handle(say("soft I think - is that normal?"))
    replies = []
    for text in (
        "maybe",
        "skip",
        "I lead the migration",
        "skip",
        "skip",
        "timeline",
        "Ask again in March",
        "2",
        "What would you need from me?",
        "pause",
        "clear criteria",
    ):
        replies = list((await service.handle(say(text))).messages)
    card = "\n".join(message.text for message in replies)
    assert "clear criteria" in card
    assert "normal" not in card
    assert "I think" not in card


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("hard - they already hired the other guy", "they already hired the other guy"),
        ("1, the role is filled", "the role is filled"),
        ("duro, ya contrataron a otra persona", "ya contrataron a otra persona"),
        ("hart - sie haben schon jemand anderen eingestellt", "sie haben schon jemand anderen"),
        ("dur, ils ont déjà embauché quelqu'un", "ils ont déjà embauché quelqu'un"),
        ("rígido - já contrataram outra pessoa", "já contrataram outra pessoa"),
    ],
)
def test_the_reason_beside_a_hard_boundary_is_kept_and_reflected(
    typed: str, reason: str, catalog: Catalog
) -> None:
    """The reason is kept as the note and said back before the hard no is respected."""
    moved = engine.step(job_boundary(), say(typed), START)
    assert moved.session.answers["boundary"] == "hard"
    assert reason in moved.session.answers["boundary_note"]
    said = [key for key in keys(moved) if not key.startswith("language.")]
    assert said[:2] == ["boundary.noted_hard", "boundary.heard_hard"]
    noted = next(reply for reply in moved.replies if reply.key == "boundary.noted_hard")
    assert reason in catalog.render(noted, "UTC")


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("soft, she said maybe in spring", "boundary.noted_soft"),
        ("not sure - they never said why", "boundary.noted_unsure"),
    ],
)
def test_words_beside_any_boundary_choice_are_said_back(typed: str, key: str) -> None:
    """A soft or unsure choice with words beside it says those words back."""
    moved = engine.step(walk_to(Step.BOUNDARY), say(typed), START)
    assert keys(moved) == [key, "timing.ask"]


@pytest.mark.parametrize(
    ("at", "typed"),
    [
        (Step.UNSEEN, "they want someone local"),
        (Step.OFFER, "five years of SQL and dashboards"),
        (Step.DONE, "shipped the churn dashboard"),
        (Step.GAIN, "an analyst who needs no ramp-up"),
        (Step.OPTION_DETAIL, "apply to their sister team in January"),
    ],
)
def test_a_free_text_answer_is_said_back_before_the_next_question(
    at: Step, typed: str, catalog: Catalog
) -> None:
    """The user's own words are said back in a short line, then the next question."""
    moved = engine.step(walk_to(at), say(typed), START)
    heard = moved.replies[0]
    assert heard.key == f"{at.value}.heard"
    assert typed in catalog.render(heard, "UTC")
    assert keys(moved)[-1].endswith(".ask")


def test_a_skipped_question_is_not_said_back() -> None:
    """`skip` leaves nothing to say back: the next question comes straight away."""
    moved = engine.step(walk_to(Step.UNSEEN), say("skip"), START)
    assert keys(moved) == ["offer.ask"]
