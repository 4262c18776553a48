"""Impatience and venting at a question are answered, never kept and never a silent stop."""

from __future__ import annotations

import pytest

from bot import dialogue, engine
from bot.domain import Status, Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import START, say
from tests.test_crisis_flow import stored
from tests.test_engine import keys, walk_to
from tests.test_service import run

OPEN_PATH = dialogue.counted({})


@pytest.mark.parametrize(
    "typed",
    [
        "how many more of these",
        "is this almost over",
        "can we just jump to the end",
        "this is pointless",
        "duh",
        "done?",
        "ugh how many questions are left??",
        "is this gonna take much longer",
    ],
)
@pytest.mark.parametrize("at", [Step.UNSEEN, Step.OPTION_DETAIL, Step.SUCCESS])
def test_an_impatient_remark_says_how_many_are_left_and_asks_again(typed: str, at: Step) -> None:
    """ "how many more of these" gets the count left and the question again; nothing is kept."""
    session = walk_to(at)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers == session.answers
    assert moved.session.step is at and moved.session.is_open
    assert keys(moved) == ["listen.impatient", f"{at.value}.ask"]
    left = len(OPEN_PATH) - OPEN_PATH.index(at)
    assert moved.replies[0].variables["total"] == str(left)


@pytest.mark.parametrize(
    "typed", ["i'm so done lol", "im so done", "so over it", "i'm so over this job"]
)
def test_venting_at_a_question_is_asked_about_not_taken_as_stopping(typed: str) -> None:
    """ "i'm so done lol" keeps the conversation open and asks whether they want to stop."""
    session = walk_to(Step.UNSEEN)
    moved = engine.step(session, say(typed), START)
    assert moved.session.status is Status.ACTIVE
    assert moved.session.answers == session.answers
    assert keys(moved) == ["listen.venting", "unseen.ask"]


@pytest.mark.parametrize("typed", ["stop", "i want to stop", "i'm done with this", "quit"])
def test_a_clear_wish_to_stop_still_ends_the_conversation(typed: str) -> None:
    """A clear request to stop the conversation still ends it, answers kept."""
    moved = engine.step(walk_to(Step.UNSEEN), say(typed), START)
    assert moved.session.status is Status.CANCELLED


@pytest.mark.parametrize(
    "typed", ["how many more people will say no to me", "Maybe their budget is over"]
)
def test_an_answer_that_borrows_such_words_is_kept(typed: str) -> None:
    """An answer that merely holds "how many more" or "over" is kept as the answer."""
    moved = engine.step(walk_to(Step.UNSEEN), say(typed), START)
    assert moved.session.answers["unseen"] == typed


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Maybe their budget is over. is this gonna take long", "Maybe their budget is over."),
        ("they were busy, how many more of these?", "they were busy"),
        ("a reorg is coming - btw how long is this", "a reorg is coming"),
        ("Budget freeze I think... are we almost done?", "Budget freeze I think"),
        ("quizás no hay presupuesto. ¿cuánto falta?", "quizás no hay presupuesto."),
        ("vielleicht kein Budget, wie lange dauert das noch?", "vielleicht kein Budget"),
        ("peut-être pas de budget. c'est encore long ?", "peut-être pas de budget."),
        ("talvez falte verba. quantas perguntas faltam?", "talvez falte verba."),
    ],
)
def test_an_answer_with_how_long_tacked_on_is_kept_and_the_question_answered(
    typed: str, kept: str
) -> None:
    """The answer part is kept without the question (and said back), and the count left is
    said before the next question."""
    moved = engine.step(walk_to(Step.UNSEEN), say(typed), START)
    assert moved.session.answers["unseen"] == kept
    # (In another language the note that the coaching is in English comes first.)
    assert [key for key in keys(moved) if not key.startswith("language.")] == [
        "unseen.heard",
        "listen.left",
        "offer.ask",
    ]
    left = len(OPEN_PATH) - OPEN_PATH.index(Step.OFFER)
    told = next(reply for reply in moved.replies if reply.key == "listen.left")
    assert told.variables["total"] == str(left)


def test_a_choice_with_how_long_tacked_on_keeps_no_note() -> None:
    """ "soft, how many more" picks soft, keeps no note, and says the count left."""
    moved = engine.step(walk_to(Step.BOUNDARY), say("soft, how many more?"), START)
    assert moved.session.answers["boundary"] == "soft"
    assert "boundary_note" not in moved.session.answers
    assert keys(moved)[-2:] == ["listen.left", "timing.ask"]


@pytest.mark.parametrize(
    "typed",
    ["maybe i guess? idk how long is this", "idk. how many more", "maybe, is this gonna take long"],
)
@pytest.mark.parametrize("at", [Step.UNSEEN, Step.DONE, Step.QUESTION])
def test_not_knowing_then_asking_how_long_keeps_nothing_and_answers(typed: str, at: Step) -> None:
    """A guess at not knowing with "how long is this" after it is answered, nothing kept."""
    session = walk_to(at)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers == session.answers
    assert keys(moved) == ["listen.impatient", f"{at.value}.ask"]


def test_an_offer_asking_is_that_all_is_an_answer() -> None:
    """ "they offered 2%, is that all?" is about their offer: kept whole, nothing counted."""
    moved = engine.step(walk_to(Step.UNSEEN), say("they offered 2%, is that all?"), START)
    assert moved.session.answers["unseen"] == "they offered 2%, is that all?"
    assert "listen.left" not in keys(moved)


async def test_through_the_service_a_choice_with_how_long_tacked_on_keeps_no_note(
    service: CoachService, db: Database
) -> None:
    """Typed in the chat, "maybe, how many more of these?" at the timing question is "maybe"
    with no note, and the count left is said before the next question."""
    said = await run(
        service, ["my boss said no", "a raise", "soft", "maybe, how many more of these?"]
    )
    record = await stored(db)
    assert record.session is not None
    assert record.session.answers["timing"] == "maybe"
    assert "timing_note" not in record.session.answers
    assert "to go from here" in said[-2]
