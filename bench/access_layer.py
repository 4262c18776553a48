"""The access layer, chosen by measurement: raw drivers against SQLAlchemy 2 Core async.

One turn's database work, as bot/service.py does it: in one transaction, (PostgreSQL: take the
user's transaction-scoped advisory lock,) load the user with the newest session, save the
session with the version guard, and every fifteenth turn (a dialogue's last) replace the
session's reminder. The same statement texts with `:name` parameters go through aiosqlite and
asyncpg directly (asyncpg gets `$n`, rewritten once) and through SQLAlchemy's
`create_async_engine` with `text()`; the two layers alternate run by run.

Decision rule (issue 16): SQLAlchemy unless its turn costs more than 1.3 x the raw drivers'.
PostgreSQL is measured when a URL is given (--postgres-url, or REFRAME_BENCH_POSTGRES_URL /
REFRAME_TEST_POSTGRES_URL): the tables go into a scratch schema that is dropped afterwards.
Run: python -m bench access_layer   or   python -m bench.access_layer [--runs N] [--turns N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.access_drivers import (
    postgres_engine,
    raw_postgres,
    raw_sqlite,
    scratch_schema,
    seed_sqlite,
    sqlalchemy_layer,
    sqlite_engine,
)
from bench.access_turn import USERS, OneTurn
from bench.common import median, print_table, verdict, write_json

LIMIT = 1.3


LAYERS = ("raw driver", "SQLAlchemy, engine.begin()", "SQLAlchemy, held connection")


async def interleaved(
    layers: dict[str, AbstractAsyncContextManager[OneTurn]], turns: int, runs: int
) -> dict[str, Any]:
    """Each layer runs `turns` turns in turn, `runs` rounds; per-turn wall and CPU time.

    The layers alternate chunk by chunk (the order rotating each round) so a busy machine
    slows each of them alike; the ratio is taken round by round, then its median.
    """
    async with AsyncExitStack() as stack:
        ones = {name: await stack.enter_async_context(layer) for name, layer in layers.items()}
        wall: dict[str, list[float]] = {name: [] for name in ones}
        cpu: dict[str, list[float]] = {name: [] for name in ones}
        index = 0
        for one in ones.values():  # warm every cache first
            for _ in range(200):
                await one(index)
                index += 1
        names = list(ones)
        for round_ in range(runs):
            for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
                began, cpu_began = time.perf_counter(), time.process_time()
                for _ in range(turns):
                    await ones[name](index)
                    index += 1
                wall[name].append((time.perf_counter() - began) / turns)
                cpu[name].append((time.process_time() - cpu_began) / turns)
    raw = LAYERS[0]
    out: dict[str, Any] = {}
    for name in ones:
        ratios = [w / r for w, r in zip(wall[name], wall[raw], strict=True)]
        cpu_ratios = [c / r for c, r in zip(cpu[name], cpu[raw], strict=True)]
        out[name] = {
            "wall_us": median(wall[name]) * 1e6,
            "wall_us_spread": [min(wall[name]) * 1e6, max(wall[name]) * 1e6],
            "cpu_us": median(cpu[name]) * 1e6,
            "ratio": median(ratios),
            "ratio_spread": [min(ratios), max(ratios)],
            "cpu_ratio": median(cpu_ratios),
        }
    return out


async def measure_sqlite(folder: Path, turns: int, runs: int) -> dict[str, Any]:
    """The three layers on one seeded file."""
    path = folder / "access.db"
    seed_sqlite(path)
    return await interleaved(
        {
            LAYERS[0]: raw_sqlite(path),
            LAYERS[1]: sqlalchemy_layer(lambda: sqlite_engine(path), lock=False, held=False),
            LAYERS[2]: sqlalchemy_layer(lambda: sqlite_engine(path), lock=False, held=True),
        },
        turns,
        runs,
    )


async def measure_postgres(url: str, turns: int, runs: int) -> dict[str, Any]:
    """The three layers on one seeded scratch schema (dropped afterwards)."""
    async with scratch_schema(url) as schema:
        return await interleaved(
            {
                LAYERS[0]: raw_postgres(url, schema),
                LAYERS[1]: sqlalchemy_layer(
                    lambda: postgres_engine(url, schema), lock=True, held=False
                ),
                LAYERS[2]: sqlalchemy_layer(
                    lambda: postgres_engine(url, schema), lock=True, held=True
                ),
            },
            turns,
            runs,
        )


def postgres_url() -> str | None:
    """The server to measure on, from the environment."""
    return os.environ.get("REFRAME_BENCH_POSTGRES_URL") or os.environ.get(
        "REFRAME_TEST_POSTGRES_URL"
    )


def run(
    turns: int = 300, runs: int = 15, *, quick: bool = False, url: str | None = None
) -> dict[str, Any]:
    """Measure the layers on SQLite and (given a server) PostgreSQL; print the decision."""
    if quick:
        turns, runs = 200, 3
    url = url or postgres_url()
    results: dict[str, Any] = {"turns_per_chunk": turns, "rounds": runs, "users": USERS}
    # Other work on the machine stretches wall times: the load says how busy it was.
    results["load_average_before"] = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = asyncio.run(measure_sqlite(Path(tmp), turns, runs))
    if url:
        results["postgresql"] = asyncio.run(measure_postgres(url, turns, runs))
    rows: list[tuple[str, str, str, str]] = []
    best = 0.0
    for engine in ("sqlite", "postgresql"):
        if engine not in results:
            rows.append((f"{engine}: not measured", "no server URL given", "", ""))
            continue
        for name in LAYERS:
            r = results[engine][name]
            lo, hi = r["ratio_spread"]
            rows.append(
                (
                    f"{engine}: {name}",
                    f"{r['wall_us']:.0f} us/turn ({r['cpu_us']:.0f} us CPU)",
                    f"x{r['ratio']:.2f} ({lo:.2f}-{hi:.2f}), CPU x{r['cpu_ratio']:.2f}"
                    if name != LAYERS[0]
                    else "",
                    "" if name == LAYERS[0] else verdict(r["ratio"] <= LIMIT),
                )
            )
        # The rule is met if SQLAlchemy's cheapest way stays within the limit on this engine.
        best = max(best, min(results[engine][name]["ratio"] for name in LAYERS[1:]))
    results["decision"] = "SQLAlchemy 2 Core" if best <= LIMIT else "thin named-parameter layer"
    rows.append(("decision (SQLAlchemy unless > 1.3 x raw)", results["decision"], "", ""))
    results["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["load_average_after"] = os.getloadavg()
    print_table(
        f"Access layer: one turn's database work, median of {runs} rounds x {turns} turns"
        " (third column: x raw, spread over rounds; load average"
        f" {results['load_average_before'][0]:.1f} -> {results['load_average_after'][0]:.1f})",
        rows,
    )
    write_json("access_layer", results)
    return results


def main() -> None:
    """Command line: python -m bench.access_layer."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=300, help="turns per chunk")
    parser.add_argument("--runs", type=int, default=15, help="rounds")
    parser.add_argument("--postgres-url", default=None)
    args = parser.parse_args()
    run(args.turns, args.runs, url=args.postgres_url)


if __name__ == "__main__":
    main()
