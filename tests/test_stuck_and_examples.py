"""Not knowing never loops, and examples fit the setback they explain."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot import engine, examples
from bot.domain import Session, Step
from bot.prompts import Catalog
from bot.service import CoachService
from tests.conftest import START, say
from tests.test_engine import fresh, keys, walk_to


def walked(setback: str, ask: str, *answers: str) -> Session:
    """A session after the setback, the ask and the given answers, typed in order."""
    session = fresh()
    for text in ("hi", setback, ask, *answers):
        session = engine.step(session, say(text), START).session
    return session


@pytest.mark.parametrize(
    ("at", "kept", "said"),
    [
        (Step.UNSEEN, "", "listen.left_open"),
        (Step.OFFER, "", "listen.left_open"),
        (Step.GAIN, "", "listen.left_open"),
        (Step.OPTION_DETAIL, "", "listen.left_open"),
        (Step.SUCCESS, "", "listen.left_open"),
        (Step.TIMING, "maybe", "listen.for_now"),
        (Step.OPTION, "other", "listen.for_now"),
        (Step.CALM, "breathe", "listen.for_now"),
    ],
)
def test_a_third_dont_know_in_a_row_moves_on(at: Step, kept: str, said: str) -> None:
    """Two "I don't know"s before this one: the question is left open (or takes its most
    neutral choice for now), the coach says so, and the dialogue goes on."""
    session = replace(walk_to(at), recent=("idk", "no idea"))
    moved = engine.step(session, say("dunno"), START)
    assert moved.session.answers[at.value] == kept
    assert keys(moved)[0] == said
    assert moved.session.step is not at


@pytest.mark.parametrize("at", [Step.UNSEEN, Step.OFFER, Step.OPTION, Step.TIMING])
def test_three_dont_knows_get_three_different_replies(at: Step) -> None:
    """Gentle text, then an example with a way on, then moving on: never the same loop."""
    session = walk_to(at)
    said = []
    for recent, typed in (((), "idk"), (("idk",), "still dont know"), (("idk", "idk"), "no clue")):
        said.append(tuple(keys(engine.step(replace(session, recent=recent), say(typed), START))))
    assert len(set(said)) == 3
    assert said[0] == (f"{at.value}.gentle",)


def test_hmm_twice_is_met_as_not_knowing_not_no_rush_again() -> None:
    """ "hmm" gets "No rush" once; said again, it gets the gentle text instead."""
    session = walk_to(Step.OFFER)
    first = engine.step(session, say("hmm"), START)
    second = engine.step(replace(session, recent=("hmm",)), say("hmm"), START)
    assert keys(first)[0] == "listen.ack"
    assert "listen.ack" not in keys(second)


async def test_in_the_chat_repeated_dont_knows_move_on(service: CoachService) -> None:
    """End to end, "idk", "no idea", "dunno" at what you offer: the third goes on to the next
    question, and "No rush" is never said."""
    for text in ("hi", "They rejected me for the analyst job", "the analyst job", "soft"):
        await service.handle(say(text))
    await service.handle(say("maybe"))
    await service.handle(say("skip"))
    texts = []
    for text in ("idk", "no idea", "dunno"):
        texts += [message.text for message in (await service.handle(say(text))).messages]
    assert not any("No rush" in text for text in texts)
    assert "What have you already done" in texts[-1]
    assert "leave it open" in "\n".join(texts)


@pytest.mark.parametrize(
    ("setback", "ask", "kind"),
    [
        ("They rejected me for the analyst job", "the job", "job"),
        ("no me dieron el puesto después de la entrevista", "el puesto", "job"),
        ("Absage nach dem Vorstellungsgespräch", "die Stelle", "job"),
        ("refusé après l'entretien", "le poste", "job"),
        ("não passei na entrevista", "a vaga", "job"),
        ("My manager said no to the promotion", "a promotion", "work"),
        ("mi jefe me negó el aumento", "un aumento", "work"),
        ("The landlord refused to fix the heating", "a repair", "home"),
        ("mein Vermieter will die Kaution nicht zurückzahlen", "die Kaution", "home"),
        ("my girlfriend doesn't want to move in together", "to live together", "love"),
        ("ma copine ne veut pas emménager", "vivre ensemble", "love"),
        ("the client turned down our proposal", "the contract", "client"),
        ("o cliente recusou a proposta", "o contrato", "client"),
        ("the doctors said no to the treatment", "the treatment", None),
    ],
)
def test_the_kind_of_no_is_read_in_five_languages(setback: str, ask: str, kind: str | None) -> None:
    """The setback and the ask tell a job, work, home, love or client no (or none)."""
    assert examples.kind_of({"setback": setback, "ask": ask}) == kind


_LANDLORD_WORDS = ("landlord", "rent", "flat", "tenant", "repair", "deposit", "heating")


@pytest.mark.parametrize("at", examples.FITTED)
def test_a_job_rejection_is_never_explained_with_a_landlord(at: Step, catalog: Catalog) -> None:
    """Asked what a question means after a job rejection, the example is about a job."""
    answers = {
        Step.TIMING: ("soft",),
        Step.UNSEEN: ("soft", "maybe"),
        Step.OFFER: ("soft", "maybe", "skip"),
        Step.DONE: ("soft", "maybe", "skip", "five years of SQL"),
        Step.GAIN: ("soft", "maybe", "skip", "five years of SQL", "skip"),
        Step.OPTION_DETAIL: ("soft", "maybe", "skip", "SQL", "skip", "skip", "timeline"),
    }.get(at, ())
    session = walked("They rejected me for the analyst job", "the job", *answers)
    if at is not Step.ASK:
        assert session.step is at
    else:
        told = say("They rejected me for the job")
        session = engine.step(walk_to(Step.SETBACK), told, START).session
    moved = engine.step(session, say("what do you mean?"), START)
    assert keys(moved) == [f"{at.value}.explain_job"]
    said = set(re.findall(r"\w+", catalog.render(moved.replies[0], "UTC").lower()))
    assert not said & set(_LANDLORD_WORDS)


def test_every_kind_has_its_example_at_every_fitted_question(catalog: Catalog) -> None:
    """Each question with fitted examples has one per kind of no, each different."""
    for at in examples.FITTED:
        texts = {catalog.text(f"{at.value}.explain_{kind}") for kind in examples.KINDS}
        assert len(texts) == len(examples.KINDS)


def test_a_closed_door_explains_the_third_option_as_looking_elsewhere() -> None:
    """After a hard boundary the third option is explained as the same need elsewhere."""
    session = walked(
        "The landlord sold the flat", "to stay", "hard", "skip", "I pay on time", "skip", "skip"
    )
    assert session.step is Step.OPTION
    moved = engine.step(session, say("what do you mean?"), START)
    assert keys(moved) == ["option.explain_hard"]
