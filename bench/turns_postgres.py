"""Turn throughput on PostgreSQL: the turns benchmark run by 1 and by 2 worker processes.

Each worker is a process of its own with its own PostgresStore (as `reframe run` workers are),
its users walking the whole dialogue through the real service. Compared in the same run with
a bare asyncpg loop on one connection doing one read, one write and one commit per turn.
Needs a server: --postgres-url, or REFRAME_BENCH_POSTGRES_URL / REFRAME_TEST_POSTGRES_URL; a
scratch database named REFRAME_TEST_POSTGRES_PREFIX (default `reframe_bench`) plus a random
suffix is created, migrated and dropped afterwards.
Run: python -m bench turns_postgres   or   python -m bench.turns_postgres [--users N]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import time
import uuid
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bench.access_layer import postgres_url
from bench.common import median, percentile, print_table, verdict, write_json
from bench.turns import DIALOGUE, ROOT, walk_all

WORKERS = (1, 2)


@asynccontextmanager
async def scratch_database(url: str) -> AsyncIterator[str]:
    """A new migrated database on the server at `url`; its URL. Dropped afterwards."""
    import asyncpg

    from bot.storage.migrate import migrate
    from bot.storage.pg import PostgresStore

    prefix = os.environ.get("REFRAME_TEST_POSTGRES_PREFIX") or "reframe_bench"
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    target = urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        async with PostgresStore(target) as store:
            await migrate(store, ROOT / "migrations")
        yield target
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def bare_loop(url: str, turns: int) -> float:
    """Turns per second of a bare asyncpg loop: BEGIN, read a row, write it back, COMMIT."""
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        await conn.execute(
            "CREATE TEMPORARY TABLE s (id INTEGER PRIMARY KEY, state TEXT, version INTEGER)"
        )
        await conn.executemany("INSERT INTO s VALUES ($1, '{}', 0)", [(i,) for i in range(1000)])
        start = time.perf_counter()
        for turn in range(turns):
            key = turn % 1000
            async with conn.transaction():
                row = await conn.fetchrow("SELECT state, version FROM s WHERE id = $1", key)
                assert row is not None
                await conn.execute(
                    "UPDATE s SET state = $1, version = $2 WHERE id = $3",
                    row["state"],
                    row["version"] + 1,
                    key,
                )
        return turns / (time.perf_counter() - start)
    finally:
        await conn.close()


def worker(url: str, first: int, count: int, concurrency: int, prefix: str) -> dict[str, Any]:
    """One worker process: its users walk the dialogue; wall-clock start and end, latencies."""
    from bot.storage.pg import PostgresStore

    async def main() -> tuple[list[float], float, float]:
        async with PostgresStore(url) as store:
            began = time.time()
            latencies, _ = await walk_all(
                store, range(first, first + count), concurrency, prefix=prefix
            )
            return latencies, began, time.time()

    latencies, began, ended = asyncio.run(main())
    return {"latencies": latencies, "began": began, "ended": ended}


def measure(url: str, workers: int, users: int, concurrency: int) -> dict[str, Any]:
    """`users` users split over `workers` processes; turns/s from first start to last end."""
    share = users // workers
    prefix = f"w{workers}-"
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        results = list(
            pool.map(
                worker,
                [url] * workers,
                [index * share for index in range(workers)],
                [share] * workers,
                [concurrency] * workers,
                [prefix] * workers,
            )
        )
    latencies = [value for result in results for value in result["latencies"]]
    seconds = max(r["ended"] for r in results) - min(r["began"] for r in results)
    return {
        "workers": workers,
        "turns": len(latencies),
        "seconds": seconds,
        "turns_per_s": len(latencies) / seconds,
        "p50_ms": median(latencies) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
    }


def run(
    users: int = 1000, concurrency: int = 1, *, quick: bool = False, url: str | None = None
) -> dict[str, Any] | None:
    """Measure 1 and 2 workers and the bare loop on one scratch database; print the ratios."""
    if quick:
        users = 100
    url = url or postgres_url()
    if url is None:
        print("\nTurn throughput on PostgreSQL: not measured (no server URL given)")
        return None

    async def scratch_then_bare() -> tuple[list[dict[str, Any]], float]:
        async with scratch_database(url) as target:
            loop = asyncio.get_running_loop()
            measured = []
            for count in WORKERS:
                measured.append(
                    await loop.run_in_executor(None, measure, target, count, users, concurrency)
                )
            return measured, await bare_loop(target, 20_000 if not quick else 2_000)

    measured, bare = asyncio.run(scratch_then_bare())
    rows: list[tuple[str, str, str, str]] = [
        ("turns/s (bare asyncpg loop)", f"{bare:,.0f}", "", "")
    ]
    for result in measured:
        result["ratio"] = result["turns_per_s"] / bare
        label = f"{result['workers']} worker{'s' if result['workers'] > 1 else ''}"
        rows += [
            (f"turns/s, {label}", f"{result['turns_per_s']:,.0f}", "", ""),
            (f"ratio, {label}", f"{result['ratio']:.2f}", "", ""),
            (
                f"p50 / p99 turn latency, {label}",
                f"{result['p50_ms']:.2f} / {result['p99_ms']:.2f} ms",
                "p99 < 10 ms",
                verdict(result["p99_ms"] < 10),
            ),
        ]
    scaling = measured[1]["turns_per_s"] / measured[0]["turns_per_s"]
    rows.append(("2 workers / 1 worker", f"{scaling:.2f} x", "", ""))
    print_table(
        f"Turn throughput on PostgreSQL ({users} users x {len(DIALOGUE)} turns per run,"
        f" {concurrency} at a time per worker)",
        rows,
    )
    result = {
        "users": users,
        "concurrency": concurrency,
        "bare_asyncpg_turns_per_s": bare,
        "runs": measured,
        "two_over_one": scaling,
        "load_average": os.getloadavg(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    write_json("turns_postgres", result)
    return result


def main() -> None:
    """Command line: python -m bench.turns_postgres."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--postgres-url", default=None)
    args = parser.parse_args()
    run(args.users, args.concurrency, url=args.postgres_url)


if __name__ == "__main__":
    main()
