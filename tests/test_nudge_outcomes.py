"""A delivered nudge answered: a yes into the wins journal, a maybe's new date, not yet and stop,
still a no; mid-conversation; the reminders listed and cancelled."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database, to_db
from tests.conftest import press, say
from tests.scheduler_harness import (
    RecordingOutbox,
    finish_with_revisit,
    nudged,
    reminder_rows,
    scheduler_for,
)


async def test_got_a_yes_is_recorded_and_fills_the_wins_journal(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Pressing Got a yes records the outcome; wins then counts it."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(press("yes", "nudge", 1))
    assert "wins journal" in result.messages[0].text
    wins = await service.handle(say("wins"))
    assert "Your no became a maybe or a yes;" in wins.messages[0].text
    assert "Got a yes: A promotion to senior engineer" in wins.messages[0].text
    again = await service.handle(press("no", "nudge", 1))
    assert "already answered" in again.messages[0].text


async def test_a_maybe_offers_another_revisit_date(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Got a maybe records the outcome and schedules the next check-in from the offered dates."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(press("maybe", "nudge", 1))
    assert [b.id for b in result.messages[0].buttons] == ["1w", "2w", "1m", "none"]
    await service.handle(press("1w", "nudge_date", 1))
    rows = await reminder_rows(db)
    assert [row[0] for row in rows] == ["sent", "pending"]
    twice = await service.handle(press("2w", "nudge_date", 1))
    assert "already answered" in twice.messages[0].text


async def test_not_yet_snoozes_a_week_and_stop_cancels(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Not yet schedules the same nudge a week later; stop leaves nothing pending."""
    await nudged(service, db, catalog, clock)
    await service.handle(press("snooze", "nudge", 1))
    rows = await reminder_rows(db)
    assert rows[-1][0] == "pending" and rows[-1][1] == to_db(clock.now() + timedelta(days=7))
    outbox = RecordingOutbox()
    clock.set(clock.now() + timedelta(days=7))
    await scheduler_for(db, catalog, clock, outbox).run_once()
    await service.handle(press("stop", "nudge", 1))
    assert all(row[0] != "pending" for row in await reminder_rows(db))


async def test_still_a_no_offers_a_fresh_reframe(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Still a no is recorded and the reply invites a new reframe."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(press("no", "nudge", 1))
    assert "restart" in result.messages[0].text
    wins = await service.handle(say("wins"))
    assert "empty" in wins.messages[0].text


async def test_answering_a_nudge_mid_conversation_does_not_derail_it(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A nudge answered while another reframe is in progress leaves that reframe where it was."""
    await nudged(service, db, catalog, clock)
    for line in ("restart", "yes", "Second setback", "Second ask"):
        await service.handle(say(line))
    await service.handle(press("yes", "nudge", 1))
    result = await service.handle(say("soft"))
    assert "Could the context or the timing change?" in result.messages[-1].text


async def test_reminders_lists_local_dates_and_cancels_one(
    service: CoachService, db: Database
) -> None:
    """reminders shows each upcoming revisit in local time; reminders cancel 1 cancels it."""
    await service.handle(say("timezone America/New_York"))
    await finish_with_revisit(service, "1")
    listing = await service.handle(say("reminders"))
    assert (
        "1. Wednesday 2 December, 10:00 your time: A promotion to senior engineer"
        in listing.messages[0].text
    )
    cancelled = await service.handle(say("reminders cancel 1"))
    assert "Cancelled the revisit of Wednesday 2 December, 10:00" in cancelled.messages[0].text
    assert "no upcoming" in (await service.handle(say("reminders"))).messages[0].text
    unknown = await service.handle(say("reminders cancel 7"))
    assert "no upcoming revisit with that number" in unknown.messages[0].text
