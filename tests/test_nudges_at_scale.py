"""Four schedulers on one PostgreSQL database deliver thousands of due nudges, each once.

(Two workers x eight senders, the event dedupe across workers and four workers migrating an
empty database are in tests/test_store.py and tests/test_database_url.py; four real processes
in tests/test_workers_postgres.py.)
"""

from __future__ import annotations

import asyncio
from collections import Counter
from contextlib import AsyncExitStack

import pytest

from bot.clock import ManualClock
from bot.prompts import Catalog
from bot.storage.store import Store
from tests.conftest import START
from tests.scheduler_harness import RecordingOutbox, scheduler_for
from tests.test_store import OpenDb, seed_due_reminders

# The figure: about 30 s on a quiet 2-core machine (claims pick their rows in one
# MATERIALIZED CTE; through `IN (SELECT ... LIMIT)` they took over 4 minutes).
DUE = 20_000


@pytest.mark.postgresql_only
async def test_four_workers_over_twenty_thousand_due_nudges_deliver_each_once(
    db: Store, open_db: OpenDb, catalog: Catalog, clock: ManualClock
) -> None:
    """Four schedulers on four stores over 20,000 due reminders deliver each exactly once."""
    await seed_due_reminders(db, DUE)
    outboxes = [RecordingOutbox() for _ in range(4)]
    async with AsyncExitStack() as stack:
        stores = [db] + [await stack.enter_async_context(open_db()) for _ in range(3)]
        schedulers = [
            scheduler_for(store, catalog, clock, outbox)
            for store, outbox in zip(stores, outboxes, strict=True)
        ]
        reports = await asyncio.gather(*(s.run_once(START.replace(hour=12)) for s in schedulers))
    async with db.autocommit() as conn:
        statuses = await conn.fetch_all(
            "SELECT status, COUNT(*) AS n FROM reminders GROUP BY status"
        )
    counts = Counter(user.user_id for outbox in outboxes for user, _ in outbox.sent)
    assert len(counts) == DUE and set(counts.values()) == {1}
    assert sum(report.delivered for report in reports) == DUE
    assert {row["status"]: row["n"] for row in statuses} == {"sent": DUE}
