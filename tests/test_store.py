"""The Store seam on both engines: the Conn's contract, transactions, and many workers at once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.domain import Inbound, InboundKind, UserKey
from bot.flood import FloodGate
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import channels, dialect, repos
from bot.storage.db import to_db
from bot.storage.pg_sql import positional
from bot.storage.store import Store
from tests.conftest import ALICE, START, say
from tests.scheduler_harness import RecordingOutbox, scheduler_for
from tests.test_maintenance import add_closed_sessions
from tests.test_slack_install_store import REFUSING_TRIGGER

OpenDb = Callable[[], AbstractAsyncContextManager[Any]]
EVENT = (
    "INSERT INTO processed_events (event_id, platform, workspace, user_id, seen_at)"
    " VALUES (:id, 'slack', :workspace, :workspace, :now)"
)


def test_named_parameters_become_positional_once_each_and_skip_casts_and_quotes() -> None:
    """`:name` becomes `$n` (the same n when repeated); `::text`, ':x' and ":y" are left alone."""
    sql, names = positional("SELECT ':x', \":y\", :b::text, :a, :b FROM t WHERE c = ':a'")
    assert sql == "SELECT ':x', \":y\", $1::text, $2, $1 FROM t WHERE c = ':a'"
    assert names == ("b", "a")


async def test_a_conn_counts_rows_changed_and_reads_rows_as_dicts(db: Store) -> None:
    """execute returns rows changed; fetch_all/one/value read dicts, one row, one value or None."""
    async with db.transaction() as conn:
        await conn.execute_many(
            EVENT,
            [{"id": f"e{n}", "workspace": "T1" if n < 2 else "T2", "now": "t"} for n in range(4)],
        )
        assert await conn.execute("UPDATE processed_events SET seen_at = :now", {"now": "u"}) == 4
        gone = await conn.execute(
            "DELETE FROM processed_events WHERE workspace = :w AND user_id = :w", {"w": "T2"}
        )
        assert gone == 2
        rows = await conn.fetch_all("SELECT event_id, seen_at FROM processed_events ORDER BY 1")
        assert rows == [{"event_id": "e0", "seen_at": "u"}, {"event_id": "e1", "seen_at": "u"}]
        assert await conn.fetch_one("SELECT * FROM processed_events WHERE event_id = 'x'") is None
        assert await conn.fetch_value("SELECT COUNT(*) FROM processed_events") == 2
        assert await conn.fetch_value("SELECT event_id FROM processed_events WHERE 1 = 0") is None
        in_sql, params = dialect.in_list(conn.dialect, "event_id", "ids", ["e1", "e9"])
        assert (
            await conn.fetch_value(f"SELECT COUNT(*) FROM processed_events WHERE {in_sql}", params)
            == 1
        )


async def test_a_failed_transaction_leaves_nothing_behind(db: Store) -> None:
    """An error inside transaction() rolls back every statement of the block."""
    with pytest.raises(RuntimeError):
        async with db.transaction() as conn:
            await conn.execute(EVENT, {"id": "e1", "workspace": "T1", "now": "t"})
            raise RuntimeError("the turn failed")
    async with db.autocommit() as conn:
        assert await conn.fetch_value("SELECT COUNT(*) FROM processed_events") == 0


async def test_forget_me_is_one_transaction_that_a_failure_undoes(
    service: CoachService, db: Store
) -> None:
    """A forget-me whose user delete fails keeps every row: the event ids deleted first return."""
    await service.handle(Inbound(ALICE, InboundKind.MESSAGE, text="hi", event_id="Ev1"))
    await service.handle(say("forget me"))
    async with db.transaction() as conn:
        await conn.execute(REFUSING_TRIGGER[conn.dialect][0])
    try:
        with pytest.raises(Exception, match="disk trouble"):
            await service.handle(say("yes"))
    finally:
        async with db.transaction() as conn:
            await conn.execute(REFUSING_TRIGGER[conn.dialect][1])
    async with db.autocommit() as conn:
        assert await conn.fetch_value("SELECT COUNT(*) FROM processed_events") == 1
        assert await repos.load_user(conn, user=ALICE) is not None


async def seed_due_reminders(db: Store, count: int) -> None:
    """`count` users, each with a finished session and a nudge due at START."""
    at = to_db(START)
    async with db.transaction() as conn:
        await conn.execute_many(
            "INSERT INTO users (id, platform, workspace, user_id, timezone, created_at)"
            " VALUES (:id, 'console', 'local', :name, 'UTC', :at)",
            [{"id": n + 1, "name": f"u{n}", "at": at} for n in range(count)],
        )
        await conn.execute_many(
            "INSERT INTO sessions (user_ref, number, step, status, state, started_at,"
            " updated_at) VALUES (:id, 1, 'summary', 'finished', '{}', :at, :at)",
            [{"id": n + 1, "at": at} for n in range(count)],
        )
        await conn.execute_many(
            "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
            " created_at) VALUES (:id, 'console', 1, :at, :at, :at)",
            [{"id": n + 1, "at": at} for n in range(count)],
        )


async def test_four_workers_claiming_one_thousand_due_nudges_deliver_each_once(
    db: Store, open_db: OpenDb, catalog: Catalog, clock: ManualClock
) -> None:
    """Four schedulers on four connections (PostgreSQL: SKIP LOCKED) deliver 1,000 nudges once."""
    await seed_due_reminders(db, 1000)
    outboxes = [RecordingOutbox() for _ in range(4)]
    noon = START.replace(hour=12)
    async with open_db() as two, open_db() as three, open_db() as four:
        schedulers = [
            scheduler_for(store, catalog, clock, outbox, batch_size=50)
            for store, outbox in zip((db, two, three, four), outboxes, strict=True)
        ]
        reports = await asyncio.gather(*(s.run_once(noon) for s in schedulers))
    delivered = [user.user_id for outbox in outboxes for user, _ in outbox.sent]
    assert len(delivered) == 1000 and len(set(delivered)) == 1000
    assert sum(report.delivered for report in reports) == 1000


def worker(store: Store, catalog: Catalog, clock: ManualClock) -> CoachService:
    """A service as one `reframe run` worker has it, on its own store."""
    return CoachService(store, catalog, clock, flood=FloodGate(burst=10_000, window_seconds=1))


async def test_a_retried_event_is_handled_once_across_workers(
    db: Store, open_db: OpenDb, catalog: Catalog, clock: ManualClock
) -> None:
    """The same platform event reaching two workers at once is handled by exactly one of them."""
    event = Inbound(ALICE, InboundKind.MESSAGE, text="hi", event_id="Ev42")
    async with open_db() as other:
        results = await asyncio.gather(
            worker(db, catalog, clock).handle(event), worker(other, catalog, clock).handle(event)
        )
    assert sorted(result.duplicate for result in results) == [False, True]


@pytest.mark.postgresql_only
async def test_two_workers_with_eight_senders_on_five_users_lose_no_update(
    db: Store,
    open_db: OpenDb,
    catalog: Catalog,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Two workers x eight concurrent senders on five users: every turn saved, none redone."""
    users = [UserKey("slack", "T1", f"U{n}") for n in range(5)]
    caplog.set_level(logging.DEBUG, logger="bot.service")
    async with open_db() as other:
        workers = (worker(db, catalog, clock), worker(other, catalog, clock))
        sends = [
            workers[sender % 2].handle(say(f"no from the client, take {sender}", user))
            for user in users
            for sender in range(8)
        ]
        results = await asyncio.gather(*sends)
    assert not any("conflict" in record.getMessage() for record in caplog.records)
    assert all(result.messages for result in results)
    async with db.autocommit() as conn:
        for user in users:
            record = await repos.load_user(conn, user=user)
            assert record is not None and record.session is not None
            # Each of the eight turns wrote the session once: created at 1, seven updates.
            assert record.session.version == 8


@pytest.mark.postgresql_only
async def test_a_turn_waits_for_the_same_users_turn_in_another_worker(
    db: Store, open_db: OpenDb
) -> None:
    """A second worker's turn for a user waits on the advisory lock, then sees the first's write."""
    async with open_db() as other:

        async def second_turn() -> bool:
            async with other.turn(ALICE), other.autocommit() as conn:
                return await repos.load_user(conn, user=ALICE) is not None

        async with db.turn(ALICE):
            async with db.transaction(user=ALICE) as conn:
                await repos.ensure_user(conn, user=ALICE, now=START)
            waiting = asyncio.create_task(second_turn())
            await until_a_lock_is_awaited(db)
            assert not waiting.done()
        assert await waiting


async def until_a_lock_is_awaited(db: Store) -> None:
    """Return once some connection waits for an advisory lock (PostgreSQL's pg_locks says so)."""
    async with db.autocommit() as conn:
        for _ in range(500):
            if await conn.fetch_value(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ):
                return
            await asyncio.sleep(0.01)
    raise AssertionError("no worker waited for the lock")


@pytest.mark.postgresql_only
async def test_maintenance_runs_in_one_worker_at_a_time(
    db: Store, open_db: OpenDb, catalog: Catalog, clock: ManualClock
) -> None:
    """While one worker holds the maintenance job, another's purge does nothing; then it may."""
    await add_closed_sessions(db, 3)
    async with open_db() as other:
        scheduler = scheduler_for(other, catalog, clock, RecordingOutbox())
        async with db.exclusive("maintenance") as mine:
            assert mine
            assert await scheduler.purge() == 0
        assert await scheduler.purge() == 3


async def test_a_users_dm_channel_is_stored_for_every_worker(db: Store, open_db: OpenDb) -> None:
    """The DM channel one worker opened is what another worker reads; forget me takes it too."""
    async with db.transaction(user=ALICE) as conn:
        await repos.ensure_user(conn, user=ALICE, now=START)
        assert await channels.dm_channel(conn, user=ALICE) is None
        await channels.remember_dm_channel(conn, user=ALICE, channel="D0ALICE")
    async with open_db() as other, other.autocommit() as conn:
        assert await channels.dm_channel(conn, user=ALICE) == "D0ALICE"
        record = await repos.load_user(conn, user=ALICE)
        assert record is not None
        await repos.delete_user(conn, user=ALICE, user_ref=record.ref)
        assert await channels.dm_channel(conn, user=ALICE) is None
