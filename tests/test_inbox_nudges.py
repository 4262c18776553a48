"""Nudges cut short by a kill or a lost lease: a press on one recorded once, one unanswered sent
again once, a lease owner on this host dead once its process is gone."""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from bot import engine
from bot.clock import ManualClock
from bot.delivery import owner_is_dead
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler, SchedulerConfig
from bot.service import CoachService
from bot.storage import outbox, reminders
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, press, say
from tests.scheduler_harness import RecordingOutbox


async def test_a_press_on_a_nudge_whose_delivery_was_cut_short_is_recorded_once(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """The process died after posting a nudge and before settling it: the user's press is
    recorded (not "already answered"), and the nudge is never posted again."""
    for line in FULL_DIALOGUE:
        await service.handle(say(line))
    moment = START + timedelta(days=15)
    posted = RecordingOutbox()
    scheduler = NudgeScheduler(db, catalog, clock, {"console": posted}, SchedulerConfig())
    dead = f"{socket.gethostname()}:999999999:gone"
    # The nudge is queued, then leased by a process that is killed mid-post.
    assert await scheduler_claim(scheduler, moment) == 1
    async with db.transaction() as conn:
        rows = await outbox.claim_due(
            conn,
            owner=dead,
            now=moment,
            lease_until=moment + timedelta(minutes=2),
            platforms=("console",),
            limit=10,
        )
    assert len(rows) == 1
    clock.set(moment + timedelta(minutes=1))

    answer = await service.handle(press("yes", engine.NUDGE_STEP, 1))

    assert catalog.text("button.already") not in " ".join(m.text for m in answer.messages)
    clock.set(moment + timedelta(hours=1))
    report = await scheduler.run_once(clock.now())
    assert report.delivered == 0 and posted.sent == []
    async with db.autocommit() as conn:
        status = await conn.fetch_all("SELECT status, answered_at FROM reminders")
        settled = await conn.fetch_all("SELECT status FROM outbox")
    assert [(row["status"], row["answered_at"] is not None) for row in status] == [("sent", True)]
    assert [row["status"] for row in settled] == ["dropped"]


async def scheduler_claim(
    scheduler: NudgeScheduler, moment: datetime, platforms: tuple[str, ...] = ("console",)
) -> int:
    """Queue the due nudges without delivering them (the scheduler's first half)."""
    queued = 0
    async with scheduler.db.transaction() as conn:
        batch = await reminders.claim(
            conn,
            owner=scheduler.owner,
            now=moment,
            lease_until=moment + timedelta(minutes=5),
            platforms=platforms,
            limit=10,
        )
        for item in batch:
            await scheduler._queue(conn, item, moment)
            queued += 1
    return queued


def test_a_lease_owner_on_this_host_is_dead_once_its_process_is_gone() -> None:
    """Leases of a killed process on this host are taken back at start; our own and other
    hosts' are not."""
    host = socket.gethostname()
    assert owner_is_dead(f"{host}:999999999:x")
    assert not owner_is_dead(f"{host}:{os.getpid()}:x")
    assert not owner_is_dead("elsewhere:1:x")


async def test_a_nudge_cut_short_by_a_kill_is_sent_again_once_if_unanswered(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A nudge whose post was in flight when its process was killed is posted once more at
    the next start (the killed process's lease is taken back), and never a third time."""
    for line in FULL_DIALOGUE:
        await service.handle(say(line))
    moment = START + timedelta(days=15)
    posted = RecordingOutbox()
    scheduler = NudgeScheduler(db, catalog, clock, {"console": posted}, SchedulerConfig())
    assert await scheduler_claim(scheduler, moment) == 1
    async with db.transaction() as conn:
        await outbox.claim_due(
            conn,
            owner=f"{socket.gethostname()}:999999999:gone",
            now=moment,
            lease_until=moment + timedelta(minutes=2),
            platforms=("console",),
            limit=10,
        )
    clock.set(moment + timedelta(seconds=1))
    assert await scheduler.deliverer.take_over_dead(clock.now()) == 1
    first = await scheduler.run_once(clock.now())
    later = await scheduler.run_once(clock.now() + timedelta(hours=1))
    assert (first.delivered, later.delivered, len(posted.sent)) == (1, 0, 1)
    async with db.autocommit() as conn:
        assert await conn.fetch_value("SELECT interrupted FROM outbox") == 1
