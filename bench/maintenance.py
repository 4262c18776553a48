"""Turns while the retention purge runs: 1,000,000 closed sessions past retention.

A turn's p99 latency in windows with no purge running, alternating with windows while the
scheduler's purge works through the backlog (sharing the coach's database, as in `reframe run`);
target: within 1.2 x. Also the first purge's rate at two sizes (it must not fall as the backlog
grows).
Run: python -m bench.maintenance [--sessions N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import percentile, print_table, verdict, write_json
from bench.seed import migrated
from bot.clock import ManualClock
from bot.domain import Inbound, InboundKind, UserKey
from bot.flood import FloodGate
from bot.prompts import load_catalog
from bot.scheduler import NudgeScheduler, SchedulerConfig
from bot.service import CoachService
from bot.storage.db import Database, to_db
from tests.conftest import FULL_DIALOGUE

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
CLOSED = NOW - timedelta(days=400)
STATE = json.dumps({"answers": {"ask": "A raise", "offer": "I lead the migration"}})
PER_USER = 10
SECOND = timedelta(seconds=1)


def seed_closed(path: Path, sessions: int) -> None:
    """`sessions` finished sessions closed 400 days ago, ten per user."""
    conn: sqlite3.Connection = migrated(path)
    users = max(1, sessions // PER_USER)
    stamp = to_db(CLOSED)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO users (id, platform, workspace, user_id, timezone, created_at)"
        " VALUES (?, 'bench', 'old', ?, 'UTC', ?)",
        ((i + 1, f"old{i}", stamp) for i in range(users)),
    )
    conn.executemany(
        "INSERT INTO sessions (user_ref, number, step, status, state, started_at, updated_at)"
        " VALUES (?, ?, 'summary', 'finished', ?, ?, ?)",
        (
            (
                i // PER_USER + 1,
                i % PER_USER + 1,
                STATE,
                stamp,
                to_db(CLOSED + timedelta(seconds=i)),
            )
            for i in range(users * PER_USER)
        ),
    )
    conn.execute("COMMIT")
    conn.close()


async def turns_for(service: CoachService, tag: str, seconds: float) -> list[float]:
    """Users walk the dialogue one turn at a time for `seconds`; each turn's latency."""
    latencies: list[float] = []
    stop = time.perf_counter() + seconds
    index = 0
    while time.perf_counter() < stop:
        user = UserKey("bench", tag, f"user{index}")
        index += 1
        for line in FULL_DIALOGUE:
            began = time.perf_counter()
            await service.handle(Inbound(user, InboundKind.MESSAGE, text=line, timezone_hint="UTC"))
            latencies.append(time.perf_counter() - began)
    return latencies


async def measure(
    path: Path, rounds: int, seconds: float, config: SchedulerConfig
) -> dict[str, Any]:
    """Turn latencies in alternating windows: no purge, then the purge running, `rounds` times.

    Alternating cancels out the load other processes put on the machine meanwhile. The purge
    is stopped at the end of each window and started again in the next: it continues where
    it was, because purged rows have left its index.
    """
    catalog = load_catalog(ROOT / "prompts")
    quiet: list[float] = []
    busy: list[float] = []
    purging_seconds = 0.0
    async with Database(path) as db:
        service = CoachService(
            db, catalog, ManualClock(NOW), flood=FloodGate(burst=1000, window_seconds=1)
        )
        scheduler = NudgeScheduler(db, catalog, ManualClock(NOW), {}, config)
        await turns_for(service, "warm", seconds)
        for round_ in range(rounds):
            quiet += await turns_for(service, f"quiet{round_}", seconds)
            began = time.perf_counter()
            purge = asyncio.create_task(scheduler.purge(NOW))
            busy += await turns_for(service, f"busy{round_}", seconds)
            purge.cancel()
            await asyncio.gather(purge, return_exceptions=True)
            purging_seconds += time.perf_counter() - began
        async with db.autocommit() as conn:
            purged = int(
                await conn.fetch_value("SELECT count(*) FROM sessions WHERE purged_at IS NOT NULL")
            )
    return {
        "p50_quiet_ms": percentile(quiet, 0.5) * 1000,
        "p99_quiet_ms": percentile(quiet, 0.99) * 1000,
        "p50_purging_ms": percentile(busy, 0.5) * 1000,
        "p99_purging_ms": percentile(busy, 0.99) * 1000,
        "turns_quiet": len(quiet),
        "turns_purging": len(busy),
        "purged": purged,
        "purge_seconds": purging_seconds,
        "purge_rows_per_s": purged / purging_seconds,
    }


async def purge_alone(path: Path) -> float:
    """Seconds the first purge of the whole backlog takes with nothing else running."""
    catalog = load_catalog(ROOT / "prompts")
    async with Database(path) as db:
        config = SchedulerConfig(purge_pause=0.0)
        scheduler = NudgeScheduler(db, catalog, ManualClock(NOW), {}, config)
        began = time.perf_counter()
        await scheduler.purge(NOW)
        return time.perf_counter() - began


def run(
    sessions: int = 1_000_000,
    window: float = 4.0,
    *,
    quick: bool = False,
    config: SchedulerConfig | None = None,
) -> dict[str, Any]:
    """Seed, measure, print, write."""
    if quick:
        sessions, window = 50_000, 1.0
    small, large = (10_000, 100_000) if not quick else (2_000, 20_000)
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        folder = Path(tmp)
        seed_closed(folder / "purge.db", sessions)
        config = config or SchedulerConfig()
        rounds = 2 if quick else 8
        measured = asyncio.run(measure(folder / "purge.db", rounds, window, config))
        rates: dict[int, float] = {}
        for size in (small, large):
            seed_closed(folder / f"alone{size}.db", size)
            rates[size] = size / asyncio.run(purge_alone(folder / f"alone{size}.db"))
    ratio = measured["p99_purging_ms"] / measured["p99_quiet_ms"]
    growth = rates[small] / rates[large]
    result = {
        "sessions": sessions,
        "purge_batch": config.purge_batch,
        "purge_pause_s": config.purge_pause,
        **measured,
        "ratio": ratio,
        "alone_rows_per_s": rates,
    }
    print_table(
        f"Turns while the retention purge runs ({sessions:,} closed sessions to purge)",
        [
            ("turn p50 / p99, no purge", _pair(measured, "quiet"), "", ""),
            ("turn p50 / p99, purge running", _pair(measured, "purging"), "", ""),
            ("p99 ratio", f"{ratio:.2f} x", "<= 1.2 x", verdict(ratio <= 1.2)),
            (
                "purge while serving turns",
                f"{measured['purged']:,} rows in {measured['purge_seconds']:.1f} s",
                "",
                "",
            ),
            (
                f"first purge alone, {small:,} vs {large:,}",
                f"{rates[small]:,.0f} vs {rates[large]:,.0f} rows/s",
                "rate flat (<= 1.5 x)",
                verdict(growth <= 1.5),
            ),
        ],
    )
    write_json("maintenance", result)
    return result


def _pair(measured: dict[str, Any], phase: str) -> str:
    return f"{measured[f'p50_{phase}_ms']:.2f} / {measured[f'p99_{phase}_ms']:.2f} ms"


def main() -> None:
    """Command line: python -m bench.maintenance."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--window", type=float, default=4.0, help="seconds per window")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--batch", type=int, default=SchedulerConfig().purge_batch)
    parser.add_argument("--pause", type=float, default=SchedulerConfig().purge_pause)
    args = parser.parse_args()
    config = SchedulerConfig(purge_batch=args.batch, purge_pause=args.pause)
    run(args.sessions, args.window, quick=args.quick, config=config)


if __name__ == "__main__":
    main()
