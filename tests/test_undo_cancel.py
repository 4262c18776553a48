"""A cancel taken back by the next message brings the reframe back; never after a crisis."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import engine
from bot.domain import Status, Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import START, say
from tests.test_crisis_flow import stored, to_question
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    "typed",
    ["undo", "continue", "oh wait, I didn't mean to cancel, go back", "back", "go back"],
)
@pytest.mark.parametrize("leaving", ["cancel", "stop"])
def test_undo_right_after_cancel_brings_the_reframe_back(typed: str, leaving: str) -> None:
    """After `cancel` or "stop", "undo" typed next reopens the question with answers and date."""
    before = walk_to(Step.QUESTION)
    assert before.revisit_at is not None
    cancelled = engine.step(before, say(leaving), START).session
    assert cancelled.status is Status.CANCELLED
    later = START + timedelta(minutes=2)
    revived = engine.step(cancelled, say(typed), later)
    assert revived.session.status is Status.ACTIVE
    assert revived.session.number == before.number and revived.session.step is Step.QUESTION
    assert revived.session.answers == before.answers
    assert revived.session.revisit_at == before.revisit_at
    assert keys(revived) == ["cancel.undone", "question.ask"]


@pytest.mark.parametrize("between", ["hello", "status", "help", "hmm"])
def test_undo_after_other_messages_within_the_hour_still_revives(between: str) -> None:
    """Messages that start nothing new between the cancel and "undo" leave it undoable."""
    cancelled = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    after = engine.step(cancelled, say(between), START + timedelta(minutes=5)).session
    again = engine.step(after, say("undo"), START + timedelta(minutes=10))
    assert keys(again) == ["cancel.undone", "question.ask"]
    assert again.session.number == cancelled.number and again.session.is_open


def test_undo_after_a_new_reframe_does_not_revive_the_cancelled_one() -> None:
    """Once a new no has started a new reframe, "undo" does not bring the cancelled one back."""
    cancelled = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    fresh = engine.step(cancelled, say("my landlord said no to fixing the heating"), START).session
    assert fresh.number != cancelled.number
    again = engine.step(fresh, say("undo"), START)
    assert "cancel.undone" not in keys(again)
    assert again.session.number == fresh.number


def test_undo_after_the_hour_says_why_not() -> None:
    """ "undo" more than an hour after the cancel says the hour has gone, not "nothing to undo"."""
    cancelled = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    after = engine.step(cancelled, say("status"), START + timedelta(minutes=50)).session
    for typed in ("undo", "continue"):
        late = engine.step(after, say(typed), START + timedelta(minutes=61))
        assert keys(late) == ["cancel.too_late"] and not late.session.is_open


def test_undo_long_after_cancel_does_not_revive() -> None:
    """A day after the cancel, "continue" is no longer taken as taking it back."""
    cancelled = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    later = engine.step(cancelled, say("continue"), START + timedelta(days=1))
    assert "cancel.undone" not in keys(later)


async def test_undo_is_kept_by_the_service(service: CoachService, db: Database) -> None:
    """Through the service, "undo" after cancel stores the reframe open at its question again."""
    await to_question(service)
    await service.handle(say("cancel"))
    await service.handle(say("undo"))
    session = (await stored(db)).session
    assert session is not None and session.status is Status.ACTIVE and session.pending is None


async def test_a_crisis_after_cancel_never_lets_undo_revive_it(
    service: CoachService, db: Database
) -> None:
    """After cancel, a crisis, and "I'm safe", "undo" leaves the conversation cancelled."""
    await to_question(service)
    for line in ("cancel", "I don't want to live anymore", "I'm safe right now", "undo"):
        await service.handle(say(line))
    session = (await stored(db)).session
    assert session is not None and session.status is Status.CANCELLED


@pytest.mark.parametrize(
    "typed",
    [
        "omg no i didnt mean to cancel",
        "dint mean to cancel",
        "noo i didn't mean that",
        "wasnt supposed to do that",
        "i didnt want to cancel",
        "noo bring it back",
        "can i get my old one back",
        "ugh i cancelled by accident",
    ],
)
def test_loose_takings_back_of_a_cancel_revive_it(typed: str) -> None:
    """Misspelt or apostrophe-less words of taking a cancel back revive it, never start anew."""
    before = walk_to(Step.QUESTION)
    cancelled = engine.step(before, say("cancel"), START).session
    revived = engine.step(cancelled, say(typed), START + timedelta(minutes=1))
    assert keys(revived)[0] == "cancel.undone"
    assert revived.session.number == before.number
    assert revived.session.answers == before.answers


@pytest.mark.parametrize(
    "typed", ["my landlord said I need to get my deposit back", "I want the deposit back"]
)
def test_a_new_no_about_getting_something_back_is_not_an_undo(typed: str) -> None:
    """A new setback that mentions getting something back starts a new reframe after a cancel."""
    cancelled = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    moved = engine.step(cancelled, say(typed), START + timedelta(minutes=1))
    assert "cancel.undone" not in keys(moved)


def test_status_after_a_cancel_says_how_to_take_it_back() -> None:
    """`status` in the hour after a cancel says `undo` brings the reframe back, not "nothing"."""
    cancelled = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    shown = engine.step(cancelled, say("status"), START + timedelta(minutes=5))
    assert keys(shown) == ["status.cancelled"]
    later = engine.step(cancelled, say("status"), START + timedelta(hours=2))
    assert keys(later) == ["status.none"]
