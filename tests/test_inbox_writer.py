"""Group commit for the inbox (bot/inbox_writer.py): events arriving together share one
transaction, and nobody is answered before their batch is committed."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot import metrics
from bot.domain import UserKey
from bot.inbox_writer import InboxWriter
from bot.storage import inbox
from bot.storage.db import Database
from bot.storage.inbox import NewEvent
from bot.storage.pg import PostgresStore
from bot.storage.store import Store
from tests.conftest import START
from tests.fakes.slack_api import TEAM
from tests.fakes.slack_sender import SlackSender
from tests.slack_harness import adapter, fake, slack

__all__ = ["adapter", "fake", "slack"]  # the Slack fixtures, shared

ANN = UserKey("slack", TEAM, "U0ANN")
ROOT = Path(__file__).resolve().parents[1]
# Refuses to store any event whose key holds 'refuse' ("disk trouble"), and its removal.
REFUSING = {
    "sqlite": (
        "CREATE TRIGGER refuse_inbox BEFORE INSERT ON inbox WHEN NEW.event_key LIKE '%refuse%'"
        " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
        "DROP TRIGGER refuse_inbox",
    ),
    "postgresql": (
        "CREATE FUNCTION refuse_inbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " IF NEW.event_key LIKE '%refuse%' THEN RAISE EXCEPTION 'disk trouble'; END IF;"
        " RETURN NEW; END $$; CREATE TRIGGER refuse_inbox BEFORE INSERT ON inbox"
        " FOR EACH ROW EXECUTE FUNCTION refuse_inbox()",
        "DROP TRIGGER refuse_inbox ON inbox; DROP FUNCTION refuse_inbox()",
    ),
}


def event(key: str, user: UserKey = ANN) -> NewEvent:
    """A DM event with this key."""
    return NewEvent(key=key, user=user, kind="message", payload={"n": key}, received_at=START)


def batches() -> tuple[float, float]:
    """(transactions, rows) the writer has committed in this process so far."""
    count = metrics.REGISTRY.get_sample_value("reframe_inbox_batch_rows_count") or 0.0
    total = metrics.REGISTRY.get_sample_value("reframe_inbox_batch_rows_sum") or 0.0
    return count, total


async def stored_keys(db: Store) -> list[str]:
    """The inbox's event keys, in row order."""
    async with db.autocommit() as conn:
        rows = await conn.fetch_all("SELECT event_key FROM inbox ORDER BY id")
    return [str(row["event_key"]) for row in rows]


@asynccontextmanager
async def refusing(db: Store) -> AsyncIterator[None]:
    """While inside, storing an event whose key holds 'refuse' fails in the database."""
    async with db.autocommit() as conn:
        create, drop = REFUSING[conn.dialect]
        await conn.execute(create)
    try:
        yield
    finally:
        async with db.autocommit() as conn:
            await conn.execute(drop)


@pytest.mark.sqlite_only
async def test_a_batch_is_committed_before_any_of_its_callers_is_answered(
    db: Database,
) -> None:
    """Twenty events handed in together go in one transaction, and each caller, as soon as
    it is answered, finds all twenty committed when read through another connection."""
    writer = InboxWriter(db)
    seen_by_others: list[int] = []

    async def ack(item: NewEvent) -> None:
        await writer.add(item)
        # What any other connection (another process) reads: only committed rows.
        with sqlite3.connect(db.path) as other:
            seen_by_others.append(other.execute("SELECT COUNT(*) FROM inbox").fetchone()[0])

    before = batches()
    await asyncio.gather(*(ack(event(f"e{number}")) for number in range(20)))
    after = batches()
    assert seen_by_others == [20] * 20
    assert (after[0] - before[0], after[1] - before[1]) == (1, 20)


@pytest.mark.sqlite_only
async def test_the_inbox_transaction_goes_before_the_queued_transactions(db: Database) -> None:
    """On SQLite's one connection, an urgent transaction (the batch acks wait on) queued after
    three others runs as soon as the one holding the connection ends, before those three."""
    order: list[str] = []

    async def write(name: str, *, urgent: bool = False) -> None:
        async with db.transaction(urgent=urgent):
            order.append(name)

    tasks: list[asyncio.Task[None]] = []
    async with db.transaction():
        for name in ("first", "second", "third"):
            tasks.append(asyncio.create_task(write(name)))
        # One turn of the loop, no time: each new task runs until it waits for the connection.
        await asyncio.sleep(0)
        tasks.append(asyncio.create_task(write("urgent", urgent=True)))
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    assert order == ["urgent", "first", "second", "third"]


@pytest.mark.postgresql_only
async def test_the_inbox_batch_is_stored_while_every_pooled_connection_is_held(
    db: Store,
) -> None:
    """On PostgreSQL, with every pooled connection held by a transaction (workers' turns),
    an event is still stored and answered: the batch has a connection of its own."""
    assert isinstance(db, PostgresStore)
    size = db.pool_size
    entered = 0
    all_in, release = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        nonlocal entered
        async with db.transaction():
            entered += 1
            if entered == size:
                all_in.set()
            await release.wait()

    holders = [asyncio.create_task(hold()) for _ in range(size)]
    await all_in.wait()
    try:
        assert await InboxWriter(db).add(event("e1")) is not None
    finally:
        release.set()
        await asyncio.gather(*holders)
    assert await stored_keys(db) == ["e1"]


async def test_events_keep_their_arrival_order_across_batches(db: Store) -> None:
    """Seven events with batches of at most three are stored in three transactions, with
    row ids in the order the events were handed in; each caller gets its own row's id."""
    writer = InboxWriter(db, max_batch=3)
    keys = [f"e{number}" for number in range(7)]
    before = batches()
    ids = await asyncio.gather(*(writer.add(event(key)) for key in keys))
    after = batches()
    assert after[0] - before[0] == 3
    assert await stored_keys(db) == keys
    numbers = [number for number in ids if number is not None]
    assert len(set(numbers)) == 7 and numbers == sorted(numbers)


async def test_a_retry_is_not_stored_twice_even_within_one_batch(db: Store) -> None:
    """A key stored before, or repeated in the same batch, gets None (a retry) and one row."""
    writer = InboxWriter(db)
    first = await writer.add(event("e1"))
    again, fresh, twice = await asyncio.gather(
        writer.add(event("e1")), writer.add(event("e2")), writer.add(event("e2"))
    )
    assert first is not None and fresh is not None
    assert again is None and twice is None
    assert await stored_keys(db) == ["e1", "e2"]


async def test_a_failed_batch_answers_each_caller_with_the_error_and_stores_none(
    db: Store,
) -> None:
    """When the database refuses one event of a batch, the whole batch is rolled back and
    every caller in it raises (so none is acknowledged); the next batch is stored."""
    writer = InboxWriter(db)
    async with refusing(db):
        results = await asyncio.gather(
            writer.add(event("e1")),
            writer.add(event("refuse-me")),
            writer.add(event("e3")),
            return_exceptions=True,
        )
        assert all(isinstance(result, Exception) for result in results)
        assert await stored_keys(db) == []
        assert await writer.add(event("e4")) is not None
    assert await stored_keys(db) == ["e4"]


async def test_a_slack_request_whose_batch_failed_is_answered_500_then_stored_on_retry(
    slack: SlackSender, db: Store
) -> None:
    """A DM whose inbox write fails gets HTTP 500, not 200 (so Slack sends it again), and
    Slack's retry of the same event is then stored, answered 200 and handled once."""
    body = {
        "type": "message",
        "channel_type": "im",
        "channel": "DU0ANN",
        "user": "U0ANN",
        "text": "hi",
        "ts": "1700000000.000100",
    }
    async with refusing(db):
        refused, _ = await slack.event(body, event_id="Ev_refuse_1", wait=False)
        assert refused.status == 500
        assert await stored_keys(db) == []
    retried, _ = await slack.event(body, event_id="Ev_refuse_1", retry=1)
    assert retried.status == 200
    async with db.autocommit() as conn:
        rows = await conn.fetch_all("SELECT status FROM inbox")
    assert [row["status"] for row in rows] == [inbox.DONE]


# The child below stores one batch, prints ACK for each event as an adapter would answer
# 200, then is killed by SQLite itself between a second batch's INSERT and its COMMIT.
CHILD = """
import asyncio, os, signal, sys
from bot.domain import UserKey
from bot.inbox_writer import InboxWriter
from bot.storage.db import Database
from tests.test_inbox_writer import event

async def main(path):
    async with Database(path) as db:
        kill = lambda: os.kill(os.getpid(), signal.SIGKILL)
        await db.conn.create_function("kill_me", 0, kill)
        await db.conn.execute(
            "CREATE TEMP TRIGGER crash AFTER INSERT ON main.inbox"
            " WHEN NEW.event_key LIKE 'second%' BEGIN SELECT kill_me(); END"
        )
        writer = InboxWriter(db)

        async def ack(item):
            await writer.add(item)
            print("ACK", item.key, flush=True)

        await asyncio.gather(*(ack(event(f"first{n}")) for n in range(5)))
        await asyncio.gather(*(ack(event(f"{k}{n}")) for n in range(5) for k in ("x", "second")))

asyncio.run(main(sys.argv[1]))
"""


@pytest.mark.sqlite_only
async def test_a_crash_between_insert_and_commit_loses_nothing_acknowledged(
    db: Database,
) -> None:
    """A process killed after a batch's INSERT and before its COMMIT had answered only the
    batch before, and exactly that batch is in the file: nothing answered is lost, nothing
    of the killed batch is kept or was answered."""
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        str(db.path),
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE,
    )
    output, _ = await child.communicate()
    assert child.returncode == -signal.SIGKILL
    acked = [line.split()[1] for line in output.decode().splitlines() if line.startswith("ACK")]
    first = [f"first{number}" for number in range(5)]
    assert sorted(acked) == first
    assert await stored_keys(db) == first
