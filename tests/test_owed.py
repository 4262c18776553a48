"""A hard no about something owed points to the levers; a plain plan is given when asked."""

from __future__ import annotations

import pytest

from bot import engine, owed, plan
from bot.domain import Session, Step
from bot.prompts import Catalog
from tests.conftest import START, say
from tests.test_engine import ANSWERS, fresh, keys


def told(setback: str, ask: str, *rest: str) -> tuple[Session, list[str]]:
    """A session told this no and ask, then the rest typed; and every reply key on the way."""
    session = engine.step(fresh(), say("hello"), START).session
    said: list[str] = []
    for text in (setback, ask, *rest):
        moved = engine.step(session, say(text), START)
        session, said = moved.session, said + keys(moved)
    return session, said


def finish(session: Session) -> tuple[Session, list[str]]:
    """The rest of the walk in its plain answers, to the card; every reply key on the way."""
    said: list[str] = []
    while session.step is not Step.SUMMARY:
        moved = engine.step(session, say(ANSWERS[session.step]), START)
        session, said = moved.session, said + keys(moved)
    return session, said


@pytest.mark.parametrize(
    ("setback", "ask"),
    [
        ("hace mucho frio en el piso y tengo un bebe", "que el casero arregle la calefacción"),
        ("my landlord won't give back my deposit", "my deposit back"),
        ("my boss refuses to pay my overtime", "the overtime I worked"),
        ("le propriétaire refuse de réparer la fuite", "une réparation"),
    ],
)
def test_a_hard_no_on_something_owed_names_the_levers(setback: str, ask: str) -> None:
    """A hard no about a repair, a deposit or wages points to the levers, not to respect."""
    session, said = told(setback, ask, "Hard boundary")
    assert "boundary.heard_hard_owed" in said and "boundary.heard_hard" not in said
    _, said = finish(session)
    assert "option.ask_owed" in said
    assert "summary.closing.hard_owed" in said and "summary.closing.hard" not in said


@pytest.mark.parametrize(
    ("setback", "ask"),
    [
        ("my landlord won't fix the boiler", "a repair before winter"),
        ("el jefe no me paga las horas extra", "que me pague"),
        ("der Vermieter gibt die Kaution nicht zurück", "meine Kaution"),
    ],
)
def test_after_a_hard_no_on_something_owed_what_they_bring_is_asked_not_an_offer(
    setback: str, ask: str
) -> None:
    """After an owed hard no, "what do you offer them?" becomes what backs the person and
    their leverage, and "what they gain" what they gain by sorting it out."""
    session, _ = told(setback, ask, "hard")
    _, said = finish(session)
    assert "offer.ask_owed" in said and "offer.ask" not in said
    assert "gain.ask_owed" in said and "gain.ask" not in said


def test_a_soft_no_on_something_owed_is_still_asked_what_they_offer() -> None:
    """A soft no keeps the usual "what do you offer them?" even about a repair."""
    session, _ = told("my landlord won't fix the boiler yet", "a repair", "soft")
    _, said = finish(session)
    assert "offer.ask" in said and "offer.ask_owed" not in said


def test_a_hard_no_on_a_wish_is_still_respected() -> None:
    """A hard no on a promotion is respected as before, with no talk of rights."""
    session, said = told("my manager said no to the promotion", "a promotion", "hard")
    assert "boundary.heard_hard" in said
    _, said = finish(session)
    assert "summary.closing.hard" in said


def test_the_levers_text_gives_no_legal_advice_but_the_steps(catalog: Catalog) -> None:
    """The levers are a written request, one's rights and who enforces them, without advice."""
    text = catalog.texts["boundary.heard_hard_owed"]
    assert "in writing" in text and "rights" in text and "legal advice" in text


@pytest.mark.parametrize(
    "typed", ["i want a concrete plan pls, not a pep talk", "just give me the steps", "no pep talk"]
)
def test_asking_for_a_plain_plan_gives_a_plain_card(typed: str) -> None:
    """ "a concrete plan, not a pep talk" is heard, not kept as an answer; the card is plain."""
    session, said = told("my landlord said no", "a repair", "soft", "yes", typed)
    assert said[-2:] == ["listen.plain", "unseen.ask"]
    assert owed.plain(session.answers) and "unseen" not in session.answers
    finished, said = finish(session)
    assert "summary.closing.plain" in said
    assert plan.card_reply(finished).labels["closing"] == "plan.closing_plain"
