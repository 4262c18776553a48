"""Slash-command acks: /reframe under 50 concurrent signed requests, ours against bare Bolt.

Ours is the real Slack adapter in HTTP mode (real service, real SQLite file, Web API pointed
at tests.fakes' FakeSlackApi); bare is a slack-bolt AsyncApp with the same signing secret,
served the same way (aiohttp AppRunner, POST /slack/events, process_before_response=True),
whose /reframe listener only acks. Each app runs in a child process; this process plays Slack:
it sends the signed requests (aiohttp, SignatureVerifier.generate_signature) and serves the
Web API, so the two CPUs split into "Slack" and "the app". Each /reframe comes from a new user
in a channel: ours acks, then opens the DM, looks up the zone, runs the turn and posts to the DM
in the background, in the same process. Ack latency is the time to the HTTP response; ours
includes storing the request before the ack (the durable inbox, group-committed: requests that
arrive together share one transaction). Each round measures bare Bolt, then ours, in the same
minutes; several rounds give the ratio's spread (a busy machine moves single figures by 2-5 x),
and each round records the machine's load average (1 min) when it starts.
With --postgres-url, ours runs on a scratch PostgreSQL database on that server (dropped after).
Run: python -m bench.acks [--quick] [--requests N] [--in-flight N] [--rounds N] [--postgres-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bench.acks_load import SECRET, DmPosts, load
from bench.common import median, percentile, print_table, verdict, write_json
from bench.serving import serving_child, wait_for_stdin_eof
from bench.turns_postgres import scratch_database
from bot.adapters.slack_adapter import create_slack_adapter
from bot.adapters.slack_http import EVENTS_PATH
from bot.app import open_core
from bot.config import Settings
from tests.fakes.slack_api import FakeSlackApi

ROOT = Path(__file__).resolve().parents[1]
WARMUP = 100
P99_TARGET_MS = 300.0
RATIO_TARGET = 0.8
APPS = ("bare", "ours")


async def serve_ours(api_url: str, db: str) -> None:
    """The coach's Slack adapter in HTTP mode on 127.0.0.1 (SQLite file or PostgreSQL URL `db`),
    until stdin closes."""
    postgres = db.startswith("postgresql")
    settings = Settings(
        db_path=Path(db) if not postgres else ROOT / "unused.db",
        database_url=db if postgres else None,
        prompts_dir=ROOT / "prompts",
        migrations_dir=ROOT / "migrations",
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SECRET,
        slack_api_url=api_url,
        port=0,
    )
    async with open_core(settings) as core:
        adapter = create_slack_adapter(core, host="127.0.0.1")
        await adapter.start()
        try:
            print(f"PORT {adapter.port}", flush=True)
            await wait_for_stdin_eof()
        finally:
            await adapter.stop()


async def serve_bare(api_url: str) -> None:
    """A bare Bolt AsyncApp whose /reframe only acks, served like ours, until stdin closes."""
    app = AsyncApp(
        client=AsyncWebClient(token="xoxb-bench", base_url=api_url),
        signing_secret=SECRET,
        process_before_response=True,
    )

    async def reframe(ack: AsyncAck) -> None:
        await ack()

    app.command("/reframe")(reframe)

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    web_app = web.Application()
    web_app.router.add_post(EVENTS_PATH, events)
    runner = web.AppRunner(web_app, access_log=None, shutdown_timeout=5.0)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        print(f"PORT {runner.addresses[0][1]}", flush=True)
        await wait_for_stdin_eof()
    finally:
        await runner.cleanup()


async def measure(
    app: str, requests: int, in_flight: int, folder: Path, postgres_url: str | None = None
) -> dict[str, Any]:
    """Serve one app in a child process, warm it, then time `requests` signed /reframes."""
    load_average = os.getloadavg()[0]
    async with contextlib.AsyncExitStack() as stack:
        fake = await stack.enter_async_context(FakeSlackApi())
        db = str(folder / f"{app}.db")
        if postgres_url and app == "ours":
            db = await stack.enter_async_context(scratch_database(postgres_url))
        args = ["bench.acks", "--serve", app, "--api-url", fake.base_url, "--db", db]
        async with serving_child(*args) as port:
            url = f"http://127.0.0.1:{port}{EVENTS_PATH}"
            await load(url, range(WARMUP), in_flight, fake.response_url())
            users = range(WARMUP, WARMUP + requests)
            start = time.perf_counter()
            latencies, elapsed = await load(url, users, in_flight, fake.response_url())
            drained = None
            if app == "ours":
                # Every turn's DM post, warm-up included, must reach the fake.
                await DmPosts(fake).wait(WARMUP + requests)
                drained = time.perf_counter() - start
    return {
        "requests": requests,
        "seconds": elapsed,
        "requests_per_s": requests / elapsed,
        "p50_ms": median(latencies) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "max_ms": max(latencies) * 1000,
        "drained_seconds": drained,
        "turns_per_s": requests / drained if drained else None,
        "load_average": load_average,
    }


def spread(values: list[float], unit: str = "", digits: int = 2) -> str:
    """median (min-max) of a few figures, for a table cell."""
    if len(values) == 1:
        return f"{values[0]:,.{digits}f}{unit}"
    low, mid, high = min(values), median(values), max(values)
    return f"{mid:,.{digits}f}{unit} ({low:,.{digits}f}-{high:,.{digits}f})"


def run(
    requests: int = 2_000,
    in_flight: int = 50,
    *,
    rounds: int = 5,
    quick: bool = False,
    postgres_url: str | None = None,
) -> dict[str, Any]:
    """Measure bare Bolt, then ours, `rounds` times; print and write bench/results/acks.json."""
    if quick:
        requests, rounds = 500, 1
    measured: list[dict[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        for number in range(rounds):
            folder = Path(tmp) / str(number)
            folder.mkdir()
            measured.append(
                {
                    app: asyncio.run(measure(app, requests, in_flight, folder, postgres_url))
                    for app in APPS
                }
            )
    ratios = [m["ours"]["requests_per_s"] / m["bare"]["requests_per_s"] for m in measured]

    def each(app: str, key: str) -> list[float]:
        return [float(m[app][key]) for m in measured]

    worst_p99 = max(each("ours", "p99_ms"))
    engine = "postgresql" if postgres_url else "sqlite"
    result = {
        "engine": engine,
        "requests": requests,
        "in_flight": in_flight,
        "rounds": measured,
        "ratios": ratios,
        "ratio_median": median(ratios),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    print_table(
        f"/reframe acks ({requests:,} signed requests, {in_flight} in flight, one user each;"
        f" ours on {engine};"
        f" median (min-max) of {rounds} rounds)",
        [
            ("acks/s (bare Bolt)", spread(each("bare", "requests_per_s"), digits=0), "", ""),
            (
                "acks/s (ours, request stored first)",
                spread(each("ours", "requests_per_s"), digits=0),
                "",
                "",
            ),
            (
                "ratio ours / bare",
                spread(ratios),
                f">= {RATIO_TARGET}",
                verdict(median(ratios) >= RATIO_TARGET),
            ),
            ("p50 ack (bare)", spread(each("bare", "p50_ms"), " ms", 1), "", ""),
            ("p99 ack (bare)", spread(each("bare", "p99_ms"), " ms", 1), "", ""),
            ("p50 ack (ours)", spread(each("ours", "p50_ms"), " ms", 1), "", ""),
            (
                "p99 ack (ours), worst round",
                spread(each("ours", "p99_ms"), " ms", 1),
                f"< {P99_TARGET_MS:.0f} ms",
                verdict(worst_p99 < P99_TARGET_MS),
            ),
            (
                "turns answered in DM/s (ours)",
                spread(each("ours", "turns_per_s"), digits=0),
                "",
                "",
            ),
            ("load average (1 min) at each start", spread(each("ours", "load_average")), "", ""),
        ],
    )
    for number, round_ in enumerate(measured, 1):
        bare, ours = round_["bare"], round_["ours"]
        print(
            f"  round {number}: load {ours['load_average']:.2f}; p50/p99 ours"
            f" {ours['p50_ms']:.1f}/{ours['p99_ms']:.1f} ms, bare"
            f" {bare['p50_ms']:.1f}/{bare['p99_ms']:.1f} ms; ratio"
            f" {ours['requests_per_s'] / bare['requests_per_s']:.2f}"
        )
    write_json("acks" if engine == "sqlite" else "acks_postgres", result)
    return result


def main() -> None:
    """Command line: python -m bench.acks (--serve is how the benchmark starts each app)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="500 requests")
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--in-flight", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5, help="bare-then-ours pairs")
    parser.add_argument("--serve", choices=APPS, help=argparse.SUPPRESS)
    parser.add_argument("--api-url", help=argparse.SUPPRESS)
    parser.add_argument("--postgres-url", help="run ours on a scratch PostgreSQL database")
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve == "ours":
        asyncio.run(serve_ours(args.api_url, args.db))
    elif args.serve == "bare":
        asyncio.run(serve_bare(args.api_url))
    else:
        run(
            args.requests,
            args.in_flight,
            rounds=args.rounds,
            quick=args.quick,
            postgres_url=args.postgres_url,
        )


if __name__ == "__main__":
    main()
