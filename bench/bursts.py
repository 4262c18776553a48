"""Nudge bursts: 10,000 nudges due in one minute, through each adapter's real client, rate-limited.

The real NudgeScheduler.run_once(now) on a real SQLite file (seeded with bench.seed: users with
finished sessions on "slack" or "discord", reminders due, quiet hours away from now) delivers
through SlackAdapter.deliver (slack_sdk's AsyncWebClient) and DiscordAdapter.deliver
(discord.py) to fake platforms on 127.0.0.1 in a child process (bench.fakes_rate), which allow
RATE requests a second and answer 429 past it: Slack with Retry-After, Discord with
retry_after, Via and X-RateLimit-* headers.

RATE is 400 requests/s for both. A nudge costs two requests on either platform
(conversations.open + chat.postMessage; create-DM + message: neither client keeps 10,000 DM
channels cached), so 10,000 nudges need about 20,000 requests: 50 s at the limit, well under
two minutes a platform, yet the limit binds: unthrottled, each client side delivered 900-1,300
requests/s on the 2-CPU machine this was written on. The real limits are lower (Discord's
global limit is 50/s; Slack's are per method and per minute) and would only make runs longer.
The fake counts in fixed 1 s windows, so a short run (--quick) can come in a little under 1.0.

The bound is the requests the fake actually accepted divided by RATE; the measure is the time
of the whole delivery (every pass, including the retries of nudges a 429 failed) over that
bound: target <= 1.15. The fake counts posts per user: every user gets exactly one.
The scheduler runs with its shipping SchedulerConfig unless --concurrency / --batch-size say
otherwise. Run: python -m bench.bursts [--quick] [--concurrency N] [--batch-size N]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import print_table, verdict, write_json
from bench.fakes_rate import FakeProcess, fake_platform
from bench.seed import seed_reminders, seed_users
from bot.adapters.base import PlatformAdapter
from bot.adapters.discord_adapter import create_discord_adapter
from bot.adapters.slack_adapter import create_slack_adapter
from bot.app import open_core
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.scheduler import NudgeScheduler, RunReport, SchedulerConfig
from bot.storage.db import Database
from bot.storage.migrate import migrate

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
RATE = 400
TARGET = 1.15
PLATFORMS = ("slack", "discord")
MAX_PASSES = 6
SECRET = "bench-signing-secret"
# Discord user ids are snowflakes: digits only.
DISCORD_ID_BASE = 800_000_000_000_000_000


async def _migrated(path: Path) -> None:
    """A new database with every migration applied and recorded, as `run` would leave it."""
    async with Database(path) as db:
        await migrate(db, ROOT / "migrations")


def seed(path: Path, platform: str, nudges: int) -> None:
    """`nudges` users on the platform, each with a finished session and one reminder due."""
    asyncio.run(_migrated(path))
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        seed_users(conn, nudges, platform=platform)
        seed_reminders(conn, nudges, nudges, users=nudges, now=NOW, platform=platform)
        if platform == "discord":
            conn.execute(
                "UPDATE users SET workspace = 'discord', user_id = CAST(? + id AS TEXT)",
                (DISCORD_ID_BASE,),
            )
        else:
            conn.execute("UPDATE users SET workspace = 'T0BENCH', user_id = 'U' || id")
    finally:
        conn.close()


def settings_for(platform: str, path: Path, fake: FakeProcess) -> Settings:
    """Settings pointing the platform's adapter at the fake."""
    common: dict[str, Any] = {
        "db_path": path,
        "prompts_dir": ROOT / "prompts",
        "migrations_dir": ROOT / "migrations",
    }
    if platform == "slack":
        return Settings(
            **common,
            slack_bot_token="xoxb-bench",
            slack_signing_secret=SECRET,
            slack_api_url=fake.base,
            port=0,
        )
    return Settings(
        **common,
        discord_token="bench-token",
        discord_api_base=fake.base,
        discord_gateway_url=fake.gateway,
    )


@asynccontextmanager
async def started(platform: str, core: Core) -> AsyncIterator[PlatformAdapter]:
    """The platform's real adapter, started against the fake, always stopped."""
    adapter: PlatformAdapter = (
        create_slack_adapter(core, host="127.0.0.1")
        if platform == "slack"
        else create_discord_adapter(core)
    )
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()


@contextmanager
def quiet_libraries() -> Iterator[None]:
    """discord.py logs a warning for every 429 it retries: expected here, so hushed."""
    logger = logging.getLogger("discord")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


async def deliver_all(
    platform: str, path: Path, nudges: int, config: SchedulerConfig, rate: int
) -> dict[str, Any]:
    """Start the fake and the adapter, then time run_once passes until nothing is due."""
    async with fake_platform(platform, rate) as fake:
        settings = settings_for(platform, path, fake)
        async with open_core(settings, ManualClock(NOW)) as core, started(platform, core) as outbox:
            scheduler = NudgeScheduler(
                core.db, core.catalog, core.clock, {platform: outbox}, config
            )
            before = await fake.stats()
            now = NOW
            total = RunReport()
            passes = 0
            start = time.perf_counter()
            for _ in range(MAX_PASSES):
                report = await scheduler.run_once(now)
                total = total + report
                passes += 1
                if report.failed == 0:
                    break
                # Failed nudges come back after the scheduler's backoff (at most its cap).
                now += config.delivery.backoff_cap
            seconds = time.perf_counter() - start
            after = await fake.stats()
            async with core.db.transaction() as conn:
                rows = await conn.fetch_all(
                    "SELECT status, COUNT(*) AS n FROM reminders GROUP BY status"
                )
            statuses = {row["status"]: row["n"] for row in rows}
    accepted = sum(after["accepted"].values()) - sum(before["accepted"].values())
    refused = sum(after["refused"].values()) - sum(before["refused"].values())
    bound = accepted / rate
    return {
        "nudges": nudges,
        "delivered": total.delivered,
        "failed_attempts": total.failed,
        "given_up": total.given_up,
        "deferred": total.deferred,
        "passes": passes,
        "sent_in_db": statuses.get("sent", 0),
        "posts_seen": after["posts"] - before["posts"],
        "users_posted": after["users"],
        "most_per_user": after["most_per_user"],
        "requests_accepted": accepted,
        "requests_refused_429": refused,
        "requests_per_nudge": accepted / nudges,
        "by_route": after["accepted"],
        "refused_by_route": after["refused"],
        "seconds": seconds,
        "bound_seconds": bound,
        "ratio": seconds / bound,
        "nudges_per_s": total.delivered / seconds,
    }


def measure(
    platform: str, nudges: int, config: SchedulerConfig, rate: int, folder: Path
) -> dict[str, Any]:
    """Seed a database for one platform and deliver its burst."""
    path = folder / f"{platform}.db"
    seed(path, platform, nudges)
    with quiet_libraries():
        return asyncio.run(deliver_all(platform, path, nudges, config, rate))


def run(
    nudges: int = 10_000,
    concurrency: int | None = None,
    batch_size: int | None = None,
    rate: int = RATE,
    platforms: tuple[str, ...] = PLATFORMS,
    *,
    quick: bool = False,
) -> dict[str, Any]:
    """Measure each platform, print one table each, write bench/results/bursts.json."""
    if quick:
        nudges = 1_000
    defaults = SchedulerConfig()
    config = SchedulerConfig(
        batch_size=batch_size or defaults.batch_size,
        concurrency=concurrency or defaults.concurrency,
        quiet_start="23:00",
        quiet_end="23:30",
    )
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        for platform in platforms:
            measured = measure(platform, nudges, config, rate, Path(tmp))
            results[platform] = measured
            all_once = (
                measured["delivered"] == measured["sent_in_db"] == nudges
                and measured["users_posted"] == nudges
                and measured["most_per_user"] == 1
            )
            print_table(
                f"Nudge burst on {platform} ({nudges:,} due, fake limit {rate} requests/s,"
                f" batch {config.batch_size}, concurrency {config.concurrency})",
                [
                    (
                        "delivered / users posted",
                        f"{measured['delivered']:,} / {measured['users_posted']:,}",
                        f"{nudges:,}",
                        verdict(all_once),
                    ),
                    ("most posts to one user", str(measured["most_per_user"]), "1", ""),
                    (
                        "requests accepted (per nudge)",
                        f"{measured['requests_accepted']:,} ({measured['requests_per_nudge']:.2f})",
                        "",
                        "",
                    ),
                    ("requests refused (429)", f"{measured['requests_refused_429']:,}", "", ""),
                    (
                        "failed attempts / passes",
                        f"{measured['failed_attempts']} / {measured['passes']}",
                        "",
                        "",
                    ),
                    ("total time", f"{measured['seconds']:.1f} s", "", ""),
                    ("bound (accepted / limit)", f"{measured['bound_seconds']:.1f} s", "", ""),
                    (
                        "ratio total / bound",
                        f"{measured['ratio']:.3f}",
                        f"<= {TARGET}",
                        verdict(measured["ratio"] <= TARGET),
                    ),
                ],
            )
    result = {
        "rate_limit_per_s": rate,
        "batch_size": config.batch_size,
        "concurrency": config.concurrency,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **results,
    }
    write_json("bursts", result)
    return result


def main() -> None:
    """Command line: python -m bench.bursts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 nudges")
    parser.add_argument("--nudges", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--rate", type=int, default=RATE)
    parser.add_argument("--platform", choices=PLATFORMS, action="append")
    args = parser.parse_args()
    run(
        args.nudges,
        args.concurrency,
        args.batch_size,
        args.rate,
        tuple(args.platform or PLATFORMS),
        quick=args.quick,
    )


if __name__ == "__main__":
    main()
