"""Side steps never start a new reframe by accident: a nudge answered in words, the maybe's date."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import ManualClock
from bot.domain import Outcome, Status
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import ALICE, START, say
from tests.scheduler_harness import nudged, reminder_rows


async def sessions(db: Database) -> list[tuple[int, str, str | None]]:
    """(number, status, outcome) of every session of Alice."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
        assert record is not None
        found = await repos.list_sessions(conn, user_ref=record.ref, user=ALICE)
    return [(s.number, s.status.value, s.outcome.value if s.outcome else None) for s in found]


@pytest.mark.parametrize(
    ("typed", "outcome"),
    [
        ("they said yes in the end!", "yes"),
        ("YES!! 🎉", "yes"),
        ("Got a maybe", "maybe"),
        ("still a no", "no"),
    ],
)
async def test_a_nudge_answered_in_words_records_the_outcome(
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    typed: str,
    outcome: str,
) -> None:
    """Typed words at the nudge are its outcome, on the nudged session; no new reframe starts."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(say(typed))
    assert "That's a real no" not in result.messages[0].text
    assert await sessions(db) == [(1, Status.FINISHED.value, Outcome(outcome).value)]


async def test_not_yet_in_words_snoozes_and_stop_stops(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """'still waiting' schedules the nudge again a week on; no new session is opened."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(say("still waiting on them"))
    assert "I'll ask again on" in result.messages[0].text
    assert [row[0] for row in await reminder_rows(db)] == ["sent", "pending"]
    assert len(await sessions(db)) == 1


async def test_unclear_words_at_the_nudge_are_asked_again_with_the_buttons(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Words that say no outcome get How did it go? again with its buttons; nothing recorded."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(say("hmm honestly not sure how to put it"))
    message = result.messages[0]
    assert [button.id for button in message.buttons] == ["yes", "maybe", "no", "snooze", "stop"]
    assert message.step == "nudge" and message.session_number == 1
    assert await sessions(db) == [(1, Status.FINISHED.value, None)]


async def test_a_new_no_at_the_nudge_starts_a_new_reframe(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A new setback told at the nudge is a new reframe, as the user meant."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(say("Something else: my bank won't give me a loan"))
    assert "What were you hoping for?" in result.messages[-1].text
    assert sorted(number for number, _, _ in await sessions(db)) == [1, 2]


async def test_the_maybe_follow_up_reads_a_date_in_words(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """After a typed maybe, 'in 3 weeks' schedules the next revisit; no new reframe starts."""
    await nudged(service, db, catalog, clock)
    await service.handle(say("they said maybe"))
    result = await service.handle(say("in 3 weeks"))
    assert "I'll check in again on" in result.messages[0].text
    assert [row[0] for row in await reminder_rows(db)] == ["sent", "pending"]
    assert await sessions(db) == [(1, Status.FINISHED.value, Outcome.MAYBE.value)]
    clock.set(clock.now() + timedelta(minutes=1))
    after = await service.handle(say("thanks"))
    assert len(await sessions(db)) == 1 and after.messages


async def test_the_maybe_follow_up_asks_again_for_words_that_are_no_date(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """An unreadable answer to the maybe's date question asks again with the date buttons."""
    await nudged(service, db, catalog, clock)
    await service.handle(say("maybe"))
    result = await service.handle(say("purple"))
    assert [button.id for button in result.messages[0].buttons] == ["1w", "2w", "1m", "none"]
    assert await reminder_rows(db) == [(await reminder_rows(db))[0]]
    assert clock.now() > START


async def test_a_question_about_the_coach_at_the_nudge_is_answered_then_the_buttons(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """ "wait, is this a real person?" at How did it go? gets the straight answer, then the
    question with its buttons again; nothing is recorded."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(say("wait, is this a real person?"))
    assert "automated coach" in result.messages[0].text
    assert [button.id for button in result.messages[-1].buttons][:2] == ["yes", "maybe"]
    assert await sessions(db) == [(1, Status.FINISHED.value, None)]
