"""Turn throughput: 1,000 users each complete the whole dialogue through the real service.

Compared in the same run with the file system's limit: a minimal sqlite3 loop doing one read,
one write and one commit per turn. Run: python -m bench.turns [--users N]
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import median, percentile, print_table, verdict, write_json
from bot.clock import SystemClock
from bot.domain import Inbound, InboundKind, UserKey
from bot.flood import FloodGate
from bot.prompts import load_catalog
from bot.service import CoachService
from bot.storage.db import Database
from bot.storage.migrate import migrate
from bot.storage.store import Store
from tests.conftest import FULL_DIALOGUE

ROOT = Path(__file__).resolve().parents[1]
DIALOGUE = FULL_DIALOGUE


def sqlite_limit(folder: Path, turns: int) -> float:
    """Turns per second of a bare sqlite3 loop: read a row, write it back, commit."""
    path = folder / "limit.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE s (id INTEGER PRIMARY KEY, state TEXT, version INTEGER)")
    conn.executemany("INSERT INTO s VALUES (?, ?, 0)", [(i, "{}") for i in range(1000)])
    start = time.perf_counter()
    for turn in range(turns):
        key = turn % 1000
        conn.execute("BEGIN IMMEDIATE")
        state, version = conn.execute(
            "SELECT state, version FROM s WHERE id = ?", (key,)
        ).fetchone()
        conn.execute("UPDATE s SET state = ?, version = ? WHERE id = ?", (state, version + 1, key))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return turns / elapsed


async def naive_aiosqlite(folder: Path, turns: int) -> float:
    """Turns per second of the same loop through aiosqlite: the cost of the thread hops alone."""
    import aiosqlite

    async with aiosqlite.connect(folder / "naive.db", isolation_level=None) as conn:
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("CREATE TABLE s (id INTEGER PRIMARY KEY, state TEXT, version INTEGER)")
        await conn.executemany("INSERT INTO s VALUES (?, ?, 0)", [(i, "{}") for i in range(1000)])
        start = time.perf_counter()
        for turn in range(turns):
            key = turn % 1000
            await conn.execute("BEGIN IMMEDIATE")
            rows = await conn.execute_fetchall("SELECT state, version FROM s WHERE id = ?", (key,))
            state, version = next(iter(rows))
            await conn.execute(
                "UPDATE s SET state = ?, version = ? WHERE id = ?", (state, version + 1, key)
            )
            await conn.execute("COMMIT")
        return turns / (time.perf_counter() - start)


async def walk_all(
    db: Store, users: range, concurrency: int, *, prefix: str = "user"
) -> tuple[list[float], float]:
    """Each user walks the whole dialogue, `concurrency` at once; (turn latencies, seconds)."""
    catalog = load_catalog(ROOT / "prompts")
    service = CoachService(
        db, catalog, SystemClock(), flood=FloodGate(burst=1000, window_seconds=1)
    )
    semaphore = asyncio.Semaphore(concurrency)
    latencies: list[float] = []

    async def walk(index: int) -> None:
        user = UserKey("bench", "w", f"{prefix}{index}")
        async with semaphore:
            for line in DIALOGUE:
                began = time.perf_counter()
                await service.handle(
                    Inbound(user, InboundKind.MESSAGE, text=line, timezone_hint="UTC")
                )
                latencies.append(time.perf_counter() - began)

    start = time.perf_counter()
    await asyncio.gather(*(walk(i) for i in users))
    return latencies, time.perf_counter() - start


def summary(latencies: list[float], elapsed: float) -> dict[str, Any]:
    """Turns, seconds, turns per second and latency percentiles."""
    return {
        "turns": len(latencies),
        "seconds": elapsed,
        "turns_per_s": len(latencies) / elapsed,
        "p50_ms": median(latencies) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
    }


async def ours(folder: Path, users: int, concurrency: int) -> dict[str, Any]:
    """Every user walks the whole dialogue; `concurrency` users are mid-conversation at once."""
    async with Database(folder / "coach.db") as db:
        await migrate(db, ROOT / "migrations")
        latencies, elapsed = await walk_all(db, range(users), concurrency)
    return summary(latencies, elapsed)


def run(users: int = 1000, concurrency: int = 1, *, quick: bool = False) -> dict[str, Any]:
    """Measure both and report the ratio."""
    if quick:
        users = 100
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        folder = Path(tmp)
        measured = asyncio.run(ours(folder, users, concurrency))
        limit = sqlite_limit(folder, 20_000)
        naive = asyncio.run(naive_aiosqlite(folder, 5_000))
    ratio = measured["turns_per_s"] / limit
    result = {
        **measured,
        "users": users,
        "concurrency": concurrency,
        "sqlite_limit_turns_per_s": limit,
        "naive_aiosqlite_turns_per_s": naive,
        "ratio": ratio,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    print_table(
        f"Turn throughput ({users} users x {len(DIALOGUE)} turns, {concurrency} at a time)",
        [
            ("turns/s (ours)", f"{measured['turns_per_s']:,.0f}", "", ""),
            ("turns/s (sqlite3 limit)", f"{limit:,.0f}", "", ""),
            ("turns/s (naive aiosqlite loop)", f"{naive:,.0f}", "", ""),
            ("ratio", f"{ratio:.2f}", ">= 0.25", verdict(ratio >= 0.25)),
            ("p50 turn latency", f"{measured['p50_ms']:.2f} ms", "", ""),
            (
                "p99 turn latency",
                f"{measured['p99_ms']:.2f} ms",
                "< 10 ms",
                verdict(measured["p99_ms"] < 10),
            ),
        ],
    )
    write_json("turns", result)
    return result


def main() -> None:
    """Command line: python -m bench.turns."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    run(args.users, args.concurrency)


if __name__ == "__main__":
    main()
