"""Maintenance that never stalls a turn: a bounded, indexed retention purge and claim batches."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler, SchedulerConfig
from bot.storage import dialect, repos
from bot.storage.db import Database, to_db
from bot.storage.migrate import migrate
from bot.storage.store import Store
from tests.conftest import ALICE, MIGRATIONS, START
from tests.scheduler_harness import RecordingOutbox

OLD = START - timedelta(days=400)
PURGE_MIGRATION = "0007_purge_and_claim_order"


async def add_closed_sessions(db: Store, count: int, *, reminders: int = 0) -> None:
    """One user with `count` finished, long-closed sessions; the first `reminders` still pending."""
    state = json.dumps({"answers": {"ask": "words"}, "history": [], "pending": None})
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO users (id, platform, workspace, user_id, created_at)"
            " VALUES (1, :platform, :workspace, :user_id, :old)",
            {**repos.user_params(ALICE), "old": to_db(OLD)},
        )
        await conn.execute_many(
            "INSERT INTO sessions (user_ref, number, step, status, state, started_at, updated_at)"
            " VALUES (1, :n, 'summary', 'finished', :state, :old, :updated)",
            [
                {
                    "n": n,
                    "state": state,
                    "old": to_db(OLD),
                    "updated": to_db(OLD + timedelta(seconds=n % 3)),
                }
                for n in range(count)
            ],
        )
        await conn.execute_many(
            "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
            " created_at) VALUES (1, 'console', :n, :start, :start, :old)",
            [{"n": n, "start": to_db(START), "old": to_db(OLD)} for n in range(reminders)],
        )


async def unpurged(db: Database) -> int:
    """How many sessions still keep their words."""
    async with db.autocommit() as conn:
        return int(await conn.fetch_value("SELECT count(*) FROM sessions WHERE purged_at IS NULL"))


async def test_the_purge_works_in_small_batches_and_misses_nothing(
    db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """25 closed sessions (3 kept for their pending nudge) are purged 4 at a time, all of them."""
    await add_closed_sessions(db, 25, reminders=3)
    config = SchedulerConfig(retention_days=180, purge_batch=4, purge_pause=0.0)
    scheduler = NudgeScheduler(db, catalog, clock, {}, config)
    assert await scheduler.purge() == 22
    assert await unpurged(db) == 3
    assert await scheduler.purge() == 0


@pytest.mark.sqlite_only
async def test_a_batch_reads_only_rows_not_yet_purged_in_index_order(db: Database) -> None:
    """The purge query walks the sessions_to_purge index (purged rows leave it), without a sort."""
    params = {"now": "n", "before": "b", "after_at": "a", "after_id": 0, "limit": 10}
    rows = await db.conn.execute_fetchall(
        f"EXPLAIN QUERY PLAN {dialect.PURGE_SQL['sqlite']}", params
    )
    plan = " | ".join(str(row["detail"]) for row in rows)
    assert "USING INDEX sessions_to_purge" in plan, plan
    assert "TEMP B-TREE" not in plan


async def test_a_purge_batch_continues_where_the_last_one_stopped(db: Database) -> None:
    """Batches never return a session twice, and the last position ends the walk."""
    await add_closed_sessions(db, 10)
    seen: list[tuple[str, int]] = []
    total = 0
    position: tuple[str, int] | None = ("", 0)
    while position is not None:
        async with db.transaction() as conn:
            count, position = await repos.purge_answers(
                conn, before=START, now=START, limit=3, after=position
            )
        total += count
        if position is not None:
            seen.append(position)
    assert seen == sorted(set(seen)) and len(seen) == 4 and total == 10


async def test_the_purge_runs_at_most_every_few_minutes(
    db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """purge_if_due purges, then waits purge_interval (on the injected clock) before the next."""
    await add_closed_sessions(db, 2)
    config = SchedulerConfig(purge_interval=timedelta(minutes=5))
    scheduler = NudgeScheduler(db, catalog, clock, {}, config)
    assert await scheduler.purge_if_due(START) == 2
    assert await scheduler.purge_if_due(START + timedelta(minutes=4)) is None
    assert await scheduler.purge_if_due(START + timedelta(minutes=5)) == 0


async def test_claims_in_small_batches_deliver_every_due_nudge_once(
    db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Seven nudges due at the same instant, claimed two at a time, are each delivered once."""
    await add_closed_sessions(db, 7, reminders=7)
    outbox = RecordingOutbox()
    config = SchedulerConfig(batch_size=2, quiet_start="03:00", quiet_end="03:01")
    report = await NudgeScheduler(db, catalog, clock, {"console": outbox}, config).run_once()
    assert report.delivered == 7 and len(outbox.sent) == 7


async def test_upgrading_from_the_previous_schema_marks_sessions_already_purged(
    tmp_path: Path,
) -> None:
    """A database at the schema before 0007 keeps its rows; sessions purged before are marked."""
    previous = tmp_path / "previous"
    previous.mkdir()
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.stem < PURGE_MIGRATION:
            shutil.copy(path, previous / path.name)
    async with Database(tmp_path / "old.db") as db:
        await migrate(db, previous)
        await add_closed_sessions(db, 2)
        async with db.transaction() as conn:
            await conn.execute(
                "UPDATE sessions SET state = json_set(state, '$.purged', json('true'))"
                " WHERE number = 0"
            )
        assert await migrate(db, MIGRATIONS) == [
            path.stem for path in sorted(MIGRATIONS.glob("*.sql")) if path.stem >= PURGE_MIGRATION
        ]
        async with db.autocommit() as conn:
            rows = await conn.fetch_all(
                "SELECT number, purged_at IS NOT NULL AS purged FROM sessions ORDER BY number"
            )
        assert [tuple(row.values()) for row in rows] == [(0, 1), (1, 0)]
