"""A new reframe begun by mistake right after a plan: `undo` brings the finished plan back,
its answers, card and check-in as they were; the mistaken one is dropped."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import engine, undo_new
from bot.clock import ManualClock
from bot.domain import Session, Status, Step
from bot.service import CoachService
from bot.storage import reminders, repos
from bot.storage.db import Database
from tests.conftest import ALICE, FULL_DIALOGUE, START, say
from tests.test_crisis_flow import stored
from tests.test_engine import walk_to
from tests.test_service import run

NEW_NO = "oh and my landlord said no to fixing the heating"


def finished() -> Session:
    """A session whose plan was just shown."""
    session = walk_to(Step.SUCCESS)
    done = engine.step(session, say("Getting clear criteria"), START).session
    assert done.status is Status.FINISHED
    return done


@pytest.mark.parametrize(
    "typed", ["undo", "oops i didn't mean to start a new one", "bring my old plan back"]
)
def test_undo_right_after_a_new_no_drops_it_and_shows_the_plan(typed: str) -> None:
    """A new no right after the plan starts a reframe; "undo" next drops it and shows the plan."""
    fresh = engine.step(finished(), say(NEW_NO), START).session
    assert fresh.number == 2 and fresh.step is Step.ASK
    moved = engine.step(fresh, say(typed), START + timedelta(minutes=1))
    assert [type(effect).__name__ for effect in moved.effects] == ["DropSession", "ShowData"]
    assert moved.session == fresh


def test_undo_later_in_the_new_reframe_is_back_as_before() -> None:
    """Once the new reframe has gone past its first answers, "undo" goes back one question."""
    session = engine.step(finished(), say(NEW_NO), START).session
    for line in ("A repair before winter", "soft", "yes"):
        session = engine.step(session, say(line), START).session
    moved = engine.step(session, say("undo"), START)
    assert not moved.effects and moved.session.step is Step.TIMING


@pytest.mark.parametrize("later", [timedelta(hours=2), timedelta(days=3)])
def test_undo_hours_later_at_the_new_reframes_start_still_brings_the_plan_back(
    later: timedelta,
) -> None:
    """Hours or days later, while the new reframe is still at its start, "I didn't mean to
    start a new one" drops it and shows the plan: nothing is lost, so no hour limit."""
    fresh = engine.step(finished(), say(NEW_NO), START).session
    assert undo_new.undoable(fresh, START + later)
    moved = engine.step(fresh, say("i didnt mean to start a new one"), START + later)
    assert [type(effect).__name__ for effect in moved.effects] == ["DropSession", "ShowData"]


@pytest.mark.parametrize(
    "typed",
    ["oops i didnt mean to start a new one", "bring my old plan back", "I don't want a new one"],
)
def test_taking_back_a_new_reframe_further_in_says_how_and_keeps_nothing(typed: str) -> None:
    """A few answers into the new reframe, plain words taking it back are never kept as an
    answer: the coach says `cancel` sets it aside (answers kept, the plan before it as it
    was) and asks the question again; nothing is dropped on a guess."""
    session = engine.step(finished(), say(NEW_NO), START).session
    for line in ("A repair before winter", "soft", "yes"):
        session = engine.step(session, say(line), START).session
    moved = engine.step(session, say(typed), START)
    assert [reply.key for reply in moved.replies] == ["undo_new.too_far", "unseen.ask"]
    assert not moved.effects and moved.session == session


async def test_undo_brings_back_the_finished_plan_with_its_check_in(
    service: CoachService, db: Database, clock: ManualClock
) -> None:
    """Through the service: the plan, its card and its revisit reminder are as before the
    mistaken new no; the new reframe is gone, and the next message reads after the plan."""
    await run(service, FULL_DIALOGUE)
    before = await stored(db)
    assert before.session is not None and before.session.status is Status.FINISHED
    async with db.autocommit() as conn:
        due = await reminders.upcoming(conn, user_ref=before.ref)
    await run(service, [NEW_NO])
    clock.set(clock.now() + timedelta(minutes=3))
    said = await run(service, ["undo"])
    assert said[0].startswith("Okay, I've set that new one aside.")
    assert "Getting clear criteria for the promotion" in said[1]
    after = await stored(db)
    assert after.session is not None
    assert after.session.number == before.session.number
    assert after.session.status is Status.FINISHED
    assert after.session.answers == before.session.answers
    assert after.session.revisit_at == before.session.revisit_at
    async with db.autocommit() as conn:
        assert await reminders.upcoming(conn, user_ref=after.ref) == due
        sessions = await repos.list_sessions(conn, user_ref=after.ref, user=ALICE)
    assert [session.number for session in sessions] == [before.session.number]
    again = await run(service, ["show my plan"])
    assert any("Getting clear criteria for the promotion" in text for text in again)
