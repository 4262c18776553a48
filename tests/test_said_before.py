"""What a later question asks, already said plainly in an earlier answer, is said back and
kept on "yes", never asked as if nothing was said; words that only look alike are not."""

from __future__ import annotations

import pytest

from bot import engine, said_before
from bot.domain import Session, Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import START, say
from tests.test_crisis_flow import stored
from tests.test_engine import ANSWERS, keys, walk_to
from tests.test_service import run

# One answer that says what four later questions ask.
ALL_AT_ONCE = (
    "I bring 5 years of shipping the payments system, and my third option is to ask again in "
    "3 months with new data. I'll revisit it in 2 weeks. A win would be getting a clear list "
    "of criteria"
)


def answered_with(at: Step, text: str) -> Session:
    """A session that gave `text` as its answer at `at`, then plain answers up to the next
    question that offers words said before (or the card)."""
    session = engine.step(walk_to(at), say(text), START).session
    while session.step is not Step.SUMMARY and not said_before.proposed(session):
        session = engine.step(session, say(ANSWERS[session.step]), START).session
    return session


@pytest.mark.parametrize(
    ("at", "text", "asked", "kept"),
    [
        (Step.UNSEEN, "no budget. I can offer to train the new hires", Step.OFFER, None),
        (Step.OFFER, ALL_AT_ONCE, Step.OPTION, "to ask again in 3 months with new data"),
        (Step.UNSEEN, "they're busy; I'd count it a win if she names a date", Step.SUCCESS, None),
        (Step.DONE, "my plan b is to ask the team lead instead", Step.OPTION, None),
    ],
)
def test_words_said_before_are_said_back_and_kept_on_yes(
    at: Step, text: str, asked: Step, kept: str | None
) -> None:
    """At the later question the earlier words are said back (not the plain question), and
    "yes" keeps them as its answer."""
    session = answered_with(at, text)
    assert session.step is asked
    moved = engine.step(session, say("yep, that's it"), START)
    assert moved.session.answers[asked.value] == (kept or said_before.proposed(session))
    assert f"{asked.value}_said" not in moved.session.answers


def test_the_revisit_said_before_is_set_on_yes_and_said_back_as_a_date() -> None:
    """ "I'll revisit it in 2 weeks" said at the offer question: at the revisit question it is
    said back, and "yes" sets the date two weeks on and says it back."""
    session = answered_with(Step.OFFER, ALL_AT_ONCE)
    session = engine.step(session, say("1"), START).session  # the option: a compromise
    session = engine.step(session, say("a short doc"), START).session
    assert session.step is Step.REVISIT
    assert keys(engine.step(session, say("x"), START)) == ["revisit.unreadable"]
    moved = engine.step(session, say("yes"), START)
    assert moved.session.revisit_at is not None
    assert (moved.session.revisit_at - START).days == 14
    assert keys(moved)[0] == "revisit.set"


def test_no_at_words_said_before_asks_the_question_plainly() -> None:
    """ "no" to the words offered asks the question as usual, nothing kept."""
    session = answered_with(Step.UNSEEN, "no budget. I can offer to train the new hires")
    moved = engine.step(session, say("no"), START)
    assert keys(moved) == ["offer.ask"]
    assert "offer" not in moved.session.answers and not said_before.proposed(moved.session)


def test_an_answer_of_their_own_at_words_said_before_is_kept() -> None:
    """Other words at the offered question are the answer, as ever."""
    session = answered_with(Step.UNSEEN, "no budget. I can offer to train the new hires")
    moved = engine.step(session, say("my reliability and my network"), START)
    assert moved.session.answers["offer"] == "my reliability and my network"


@pytest.mark.parametrize(
    "text",
    [
        "I offered to work weekends and they still said no",
        "I would bring it up again but she left",
        "I'll check in with HR tomorrow",
        "they say the win is theirs",
    ],
)
def test_words_that_only_look_alike_offer_nothing(text: str) -> None:
    """An offer already made, "bring it up", an errand with a date, or someone else's win
    are not what the later questions ask: they are asked plainly."""
    session = engine.step(walk_to(Step.UNSEEN), say(text), START).session
    while session.step is not Step.SUMMARY:
        assert not said_before.proposed(session), session.step
        session = engine.step(session, say(ANSWERS[session.step]), START).session


async def test_through_the_service_the_words_said_before_are_quoted(
    service: CoachService, db: Database
) -> None:
    """In words a person reads: the earlier words quoted and asked to keep; "yes" stores them
    as the third option."""
    said = await run(
        service,
        ["my manager said no to the promotion", "a promotion", "soft", "maybe", "a budget freeze"],
    )
    said = await run(service, [ALL_AT_ONCE, "i led the migration", "skip"])
    assert 'You already said this earlier: "my third option is to ask again' in said[-1]
    said = await run(service, ["yes"])
    record = await stored(db)
    assert record.session is not None
    assert record.session.answers["option"] == "to ask again in 3 months with new data"


@pytest.mark.parametrize(
    ("text", "asked", "agree", "kept"),
    [
        ("no hay dinero, pero puedo ofrecer más horas", Step.OFFER, "sí", "más horas"),
        ("kein Budget. meine Alternative wäre ein anderes Team", Step.OPTION, "ja", None),
        ("pas de budget. une victoire serait une date claire", Step.SUCCESS, "oui", None),
        ("sem verba. meu plano b é mudar de equipe", Step.OPTION, "sim", "mudar de equipe"),
    ],
)
def test_words_said_before_in_other_languages_are_said_back_too(
    text: str, asked: Step, agree: str, kept: str | None
) -> None:
    """In Spanish, German, French or Portuguese, what a later question asks said plainly is
    said back there and kept on "sí", "ja", "oui", "sim"."""
    session = answered_with(Step.UNSEEN, text)
    assert session.step is asked
    moved = engine.step(session, say(agree), START)
    assert moved.session.answers[asked.value] == (kept or said_before.proposed(session))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("sin presupuesto; lo retomaré en dos semanas", 14),
        ("kein Budget, ich frage noch mal in zwei Wochen", 14),
        ("pas de budget, je redemanderai dans une semaine", 7),
    ],
)
def test_a_revisit_said_before_in_other_languages_is_set_on_yes(text: str, days: int) -> None:
    """ "lo retomaré en dos semanas" said earlier: at the revisit question "sí" sets it."""
    session = engine.step(walk_to(Step.UNSEEN), say(text), START).session
    while session.step is not Step.REVISIT:
        assert not said_before.proposed(session)
        session = engine.step(session, say(ANSWERS[session.step]), START).session
    moved = engine.step(session, say("sí"), START)
    assert moved.session.revisit_at is not None
    assert (moved.session.revisit_at - START).days == days
