"""Nudge claims at scale: 1,000,000 reminders stored, 10,000 of them due, a no-op outbox.

Reports claims and deliveries per second, and RSS before and after the pass (reminders are
claimed in batches, never all loaded). Run: python -m bench.reminders
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import print_table, rss_mb, verdict, write_json
from bench.seed import migrated, seed_reminders, seed_users
from bot.clock import ManualClock
from bot.domain import Message, UserKey
from bot.prompts import load_catalog
from bot.scheduler import NudgeScheduler, SchedulerConfig
from bot.storage import reminders
from bot.storage.db import Database

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


class NoOpOutbox:
    """Takes every message and does nothing: measures our side alone."""

    platform = "bench"

    def __init__(self) -> None:
        self.count = 0

    async def deliver(
        self,
        user: UserKey,
        messages: Sequence[Message],
        route: Mapping[str, str] | None = None,
    ) -> None:
        """Count and drop."""
        self.count += 1


async def claim_all(db: Database) -> tuple[int, float]:
    """Take leases on every due reminder, 200 at a time as a pass does; (count, seconds)."""
    start = time.perf_counter()
    claimed = 0
    position: tuple[datetime, int] | None = None
    while True:
        async with db.transaction() as conn:
            batch = await reminders.claim(
                conn,
                owner="bench",
                now=NOW,
                lease_until=NOW + timedelta(minutes=5),
                platforms=("bench",),
                limit=200,
                after=position,
            )
        if not batch:
            break
        claimed += len(batch)
        position = (batch[-1].send_after or batch[-1].due_at, batch[-1].id)
    return claimed, time.perf_counter() - start


async def claims_only(path: Path) -> float:
    """Claims per second over every due reminder of a file."""
    async with Database(path) as db:
        claimed, seconds = await claim_all(db)
    return claimed / seconds


async def measure(path: Path, due: int) -> dict[str, float]:
    """Time the claim queries alone, then a full delivery pass."""
    catalog = load_catalog(ROOT / "prompts")
    async with Database(path) as db:
        # Claims alone, then the leases are given back for the delivery pass.
        claimed, claim_seconds = await claim_all(db)
        async with db.transaction() as conn:
            await conn.execute(
                "UPDATE reminders SET lease_owner = NULL, lease_until = NULL, attempts = 0"
                " WHERE lease_owner = 'bench'"
            )
        before = rss_mb()
        outbox = NoOpOutbox()
        scheduler = NudgeScheduler(
            db,
            catalog,
            ManualClock(NOW),
            {"bench": outbox},
            SchedulerConfig(quiet_start="23:00", quiet_end="23:30"),
        )
        start = time.perf_counter()
        report = await scheduler.run_once(NOW)
        deliver_seconds = time.perf_counter() - start
        after = rss_mb()
    assert claimed == due and report.delivered == due == outbox.count
    return {
        "claims_per_s": claimed / claim_seconds,
        "deliveries_per_s": report.delivered / deliver_seconds,
        "rss_before_mb": before,
        "rss_after_mb": after,
    }


def seeded(folder: Path, total: int, due: int, users: int) -> Path:
    """A database file with `total` pending reminders, `due` of them due now."""
    path = folder / f"reminders-{due}.db"
    conn = migrated(path)
    seed_users(conn, users)
    seed_reminders(conn, total, due, users=users, now=NOW)
    conn.close()
    return path


def run(
    total: int = 1_000_000, due: int = 10_000, users: int = 20_000, *, quick: bool = False
) -> dict[str, Any]:
    """Seed, measure, print, write."""
    many = due * 10
    if quick:
        total, due, users, many = 50_000, 1_000, 2_000, 10_000
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        measured = asyncio.run(measure(seeded(Path(tmp), total, due, users), due))
        # The same store with ten times as many due at once: a claim must cost the same.
        many_per_s = asyncio.run(claims_only(seeded(Path(tmp), total, many, users)))
    growth = measured["rss_after_mb"] - measured["rss_before_mb"]
    scaling = many_per_s / measured["claims_per_s"]
    result = {
        "stored": total,
        "due": due,
        **measured,
        "rss_growth_mb": growth,
        "many_due": many,
        "many_claims_per_s": many_per_s,
        "claims_scaling": scaling,
    }
    print_table(
        f"Nudge claims ({total:,} reminders stored, {due:,} due, no-op outbox)",
        [
            ("claims/s", f"{measured['claims_per_s']:,.0f}", "", ""),
            (
                f"claims/s with {many:,} due",
                f"{many_per_s:,.0f} ({scaling:.2f} x)",
                ">= 0.8 x",
                verdict(scaling >= 0.8),
            ),
            ("deliveries/s", f"{measured['deliveries_per_s']:,.0f}", "", ""),
            (
                "RSS growth over the pass",
                f"{growth:+.1f} MB",
                "flat (< 20 MB)",
                verdict(growth < 20),
            ),
        ],
    )
    write_json("reminders", result)
    return result


def main() -> None:
    """Command line: python -m bench.reminders."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--total", type=int, default=1_000_000)
    parser.add_argument("--due", type=int, default=10_000)
    args = parser.parse_args()
    run(args.total, args.due)


if __name__ == "__main__":
    main()
