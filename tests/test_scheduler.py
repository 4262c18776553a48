"""Persisted nudges: claimed with a lease, delivered once, retried, quiet hours, DST."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.delivery import DeliveryPolicy
from bot.domain import Message, UserKey
from bot.errors import DeliveryError
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import dialect, reminders
from bot.storage.db import Database, to_db
from bot.storage.migrate import migrate
from tests.conftest import ALICE, MIGRATIONS, START, say
from tests.scheduler_harness import (
    RecordingOutbox,
    finish_with_revisit,
    nudged,
    reminder_rows,
    scheduler_for,
)

# tests/test_crisis_check_in.py (flow17's) and a test on dialogue17's branch still take these
# from here; they live in scheduler_harness.py, where they should be taken from next.
__all__ = ["RecordingOutbox", "finish_with_revisit", "nudged", "scheduler_for"]


async def test_finishing_with_a_revisit_stores_a_reminder(
    service: CoachService, db: Database
) -> None:
    """The summary's transaction creates one pending reminder, 10:00 on the chosen day."""
    await finish_with_revisit(service, "in two weeks")
    rows = await reminder_rows(db)
    assert [(row[0], row[1]) for row in rows] == [
        ("pending", to_db(START + timedelta(days=14, hours=1)))
    ]


async def test_a_due_nudge_is_delivered_once_with_its_outcome_buttons(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """At the revisit time the plan is recapped with five outcome buttons, exactly once."""
    await finish_with_revisit(service)
    outbox = RecordingOutbox()
    scheduler = scheduler_for(db, catalog, clock, outbox)
    assert (await scheduler.run_once(START + timedelta(days=13))).delivered == 0
    report = await scheduler.run_once(START + timedelta(days=15))
    assert report.delivered == 1
    ((user, message),) = outbox.sent
    assert user == ALICE
    assert "My manager said no to the promotion" in message.text
    assert "Ask again in March with a growth plan" in message.text
    assert [b.id for b in message.buttons] == ["yes", "maybe", "no", "snooze", "stop"]
    assert (await scheduler.run_once(START + timedelta(days=16))).delivered == 0


async def test_a_nudge_due_while_down_goes_out_at_start(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A reminder overdue by days is delivered by the first pass of a new scheduler."""
    await finish_with_revisit(service)
    outbox = RecordingOutbox()
    report = await scheduler_for(db, catalog, clock, outbox).run_once(START + timedelta(days=40))
    assert report.delivered == 1


async def test_a_failing_delivery_is_retried_with_backoff_then_given_up(
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A nudge refused for a passing reason is retried with growing pauses for the whole
    retry window (here 2 hours), then given up once, logged."""
    await finish_with_revisit(service)
    outbox = RecordingOutbox(failures=10_000)
    policy = DeliveryPolicy(give_up_after=timedelta(hours=2))
    scheduler = scheduler_for(db, catalog, clock, outbox, delivery=policy)
    moment = START + timedelta(days=15)
    assert (await scheduler.run_once(moment)).failed == 1
    assert (await reminder_rows(db))[0][0] == "queued"
    assert (await scheduler.run_once(moment + timedelta(seconds=5))).failed == 0  # not yet
    assert (await scheduler.run_once(moment + timedelta(seconds=10))).failed == 1
    assert (await scheduler.run_once(moment + timedelta(seconds=29))).failed == 0  # 20 s pause
    tries = 2
    at = moment + timedelta(seconds=30)
    while at < moment + timedelta(hours=2):
        tries += (await scheduler.run_once(at)).failed
        at += policy.backoff_cap
    with caplog.at_level(logging.WARNING, logger="bot.delivery"):
        last = await scheduler.run_once(at)
    assert last.given_up == 1 and 8 <= tries <= 20
    assert (await reminder_rows(db))[0][0] == "failed"
    assert caplog.text.count("gave up nudge") == 1
    assert outbox.sent == []


async def test_a_token_fixed_after_a_long_outage_still_gets_the_nudge_out(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Fifteen minutes of refusals (an invalid token being fixed) do not lose the nudge: it
    goes out at the next retry once the platform takes it again."""
    await finish_with_revisit(service)
    outbox = RecordingOutbox(failures=10_000)
    scheduler = scheduler_for(db, catalog, clock, outbox)
    moment = START + timedelta(days=15)
    at = moment
    while at < moment + timedelta(minutes=15):
        await scheduler.run_once(at)
        at += timedelta(minutes=1)
    outbox.failures = 0
    delivered = 0
    while delivered == 0 and at < moment + timedelta(hours=1):
        delivered = (await scheduler.run_once(at)).delivered
        at += timedelta(minutes=1)
    assert delivered == 1 and len(outbox.sent) == 1
    assert (await reminder_rows(db))[0][0] == "sent"


async def test_a_permanent_failure_is_given_up_at_once(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A delivery refused for good (a revoked token) is given up after one attempt, not retried."""

    class RevokedOutbox(RecordingOutbox):
        async def deliver(
            self,
            user: UserKey,
            messages: Sequence[Message],
            route: Mapping[str, str] | None = None,
        ) -> None:
            """Refuse as Slack does for a revoked token."""
            raise DeliveryError("chat.postMessage: token_revoked", permanent=True)

    await finish_with_revisit(service)
    scheduler = scheduler_for(db, catalog, clock, RevokedOutbox())

    report = await scheduler.run_once(START + timedelta(days=15))

    assert (report.failed, report.given_up) == (0, 1)
    status, _, attempts, error = (await reminder_rows(db))[0]
    assert (status, attempts) == ("failed", 1) and "token_revoked" in (error or "")
    assert (await scheduler.run_once(START + timedelta(days=16))).given_up == 0


async def test_a_lease_left_by_a_crashed_process_is_reclaimed(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A reminder claimed by a process that died is delivered once its lease runs out."""
    await finish_with_revisit(service)
    moment = START + timedelta(days=15)
    async with db.transaction() as conn:
        claimed = await reminders.claim(
            conn,
            owner="crashed",
            now=moment,
            lease_until=moment + timedelta(minutes=5),
            platforms=("console",),
            limit=10,
        )
    assert len(claimed) == 1
    outbox = RecordingOutbox()
    scheduler = scheduler_for(db, catalog, clock, outbox)
    assert (await scheduler.run_once(moment + timedelta(minutes=1))).delivered == 0
    assert (await scheduler.run_once(moment + timedelta(minutes=6))).delivered == 1


async def test_quiet_hours_move_a_late_nudge_to_the_morning(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A reminder due at 23:00 local waits for 08:00 the next morning."""
    await finish_with_revisit(service, "in 3 days at 23:00")
    outbox = RecordingOutbox()
    scheduler = scheduler_for(db, catalog, clock, outbox)
    rows = await reminder_rows(db)
    assert rows[0][1] == to_db(datetime(2026, 11, 29, 8, 0, tzinfo=UTC))
    assert (await scheduler.run_once(datetime(2026, 11, 28, 23, 30, tzinfo=UTC))).delivered == 0
    assert (await scheduler.run_once(datetime(2026, 11, 29, 8, 0, tzinfo=UTC))).delivered == 1


@pytest.mark.parametrize(
    ("zone", "due_local", "expected_utc"),
    [
        # Berlin springs forward on 29 March 2026 (02:00 -> 03:00) and falls back 25 October.
        ("Europe/Berlin", datetime(2026, 3, 28, 23, 0), datetime(2026, 3, 29, 6, 0, tzinfo=UTC)),
        ("Europe/Berlin", datetime(2026, 10, 24, 23, 0), datetime(2026, 10, 25, 7, 0, tzinfo=UTC)),
        # New York springs forward on 8 March 2026 and falls back on 1 November 2026.
        ("America/New_York", datetime(2026, 3, 7, 23, 0), datetime(2026, 3, 8, 12, 0, tzinfo=UTC)),
        (
            "America/New_York",
            datetime(2026, 10, 31, 23, 0),
            datetime(2026, 11, 1, 13, 0, tzinfo=UTC),
        ),
    ],
)
async def test_quiet_hours_follow_daylight_saving_changes(
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    zone: str,
    due_local: datetime,
    expected_utc: datetime,
) -> None:
    """On both transition days, a 23:00 nudge goes at 08:00 local wall-clock time."""
    from zoneinfo import ZoneInfo

    due = due_local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    clock.set(due - timedelta(days=2))
    await service.handle(say(f"timezone {zone}"))
    await finish_with_revisit(service, "in a week")
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE reminders SET due_at = :due, send_after = :due", {"due": to_db(due)}
        )
    outbox = RecordingOutbox()
    scheduler = scheduler_for(db, catalog, clock, outbox)
    assert (await scheduler.run_once(due)).deferred == 1
    assert (await reminder_rows(db))[0][1] == to_db(expected_utc)
    assert (await scheduler.run_once(expected_utc - timedelta(minutes=1))).delivered == 0
    assert (await scheduler.run_once(expected_utc)).delivered == 1
    assert expected_utc.astimezone(ZoneInfo(zone)).hour == 8


async def test_two_schedulers_racing_over_a_thousand_nudges_deliver_each_once(
    tmp_path: Path, catalog: Catalog, clock: ManualClock
) -> None:
    """Two schedulers on two connections to one file deliver 1,000 due nudges exactly once."""
    path = tmp_path / "race.db"
    async with Database(path) as first, Database(path) as second:
        await migrate(first, MIGRATIONS)
        async with first.transaction() as conn:
            for user in range(1000):
                await conn.execute(
                    "INSERT INTO users (id, platform, workspace, user_id, timezone, created_at)"
                    " VALUES (:ref, 'console', 'local', :name, 'UTC', :at)",
                    {"ref": user + 1, "name": f"u{user}", "at": to_db(START)},
                )
                await conn.execute(
                    "INSERT INTO sessions (user_ref, number, step, status, state, started_at,"
                    " updated_at) VALUES (:ref, 1, 'summary', 'finished', '{}', :at, :at)",
                    {"ref": user + 1, "at": to_db(START)},
                )
                await conn.execute(
                    "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
                    " created_at) VALUES (:ref, 'console', 1, :at, :at, :at)",
                    {"ref": user + 1, "at": to_db(START)},
                )
        outbox_one, outbox_two = RecordingOutbox(), RecordingOutbox()
        noon = START.replace(hour=12)
        one = scheduler_for(first, catalog, clock, outbox_one, batch_size=50)
        two = scheduler_for(second, catalog, clock, outbox_two, batch_size=50)
        reports = await asyncio.gather(one.run_once(noon), two.run_once(noon))
    delivered = [user.user_id for user, _ in outbox_one.sent + outbox_two.sent]
    assert len(delivered) == 1000 and len(set(delivered)) == 1000
    assert sum(report.delivered for report in reports) == 1000


@pytest.mark.sqlite_only
async def test_the_claim_query_uses_the_partial_index(db: Database) -> None:
    """The due-reminder claim is answered from the reminders_claim index, not a table scan."""
    sql = dialect.CLAIM_SQL["sqlite"].format(platforms="platform IN (:p)", only_user="")
    params = {"owner": "o", "lease_until": "x", "now": "y", "after_at": "a", "after_id": 5}
    rows = await db.conn.execute_fetchall(
        f"EXPLAIN QUERY PLAN {sql}", {**params, "p": "console", "limit": 10}
    )
    plan = " | ".join(str(row["detail"]) for row in rows)
    assert "reminders_claim" in plan, plan
    assert "SCAN reminders" not in plan.replace("SCAN reminders USING", "")
    # A range from where the last batch stopped, in index order: no sort, no re-reading.
    assert "(send_after>? AND send_after<?)" in plan.replace("(send_after,rowid)>", "")
    assert "TEMP B-TREE" not in plan
