"""The long-running commands: chat, run and migrate."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import AsyncIterator, Sequence
from functools import partial
from pathlib import Path
from typing import Literal

from bot.adapters.base import PlatformAdapter
from bot.adapters.console import ConsoleChat
from bot.app import open_core
from bot.config import Settings
from bot.core import Core, delivery_window
from bot.delivery_policy import DeliveryPolicy
from bot.domain import UserKey
from bot.errors import PlatformRefused, ReframeError
from bot.ops import OpsServer
from bot.scheduler import NudgeScheduler, SchedulerConfig
from bot.storage.db import Database
from bot.storage.migrate import discover, is_current
from bot.storage.startup import FULL, integrity_problems, open_database

log = logging.getLogger(__name__)
# What `reframe run --only` may name; a process given none runs all three.
Part = Literal["slack", "discord", "scheduler"]
SCHEDULES: tuple[Part | None, ...] = (None, "scheduler")
CONSOLE_WORKSPACE = "local"


def scheduler_config(settings: Settings, *, poll_interval: float = 15.0) -> SchedulerConfig:
    """The scheduler's pacing from the settings."""
    return SchedulerConfig(
        delivery=DeliveryPolicy(give_up_after=delivery_window(settings)),
        default_timezone=settings.default_timezone,
        quiet_start=settings.quiet_start,
        quiet_end=settings.quiet_end,
        poll_interval=poll_interval,
        retention_days=settings.retention_days,
    )


@contextlib.asynccontextmanager
async def operations(
    core: Core, adapters: Sequence[PlatformAdapter], port: int | None
) -> AsyncIterator[OpsServer | None]:
    """The ops endpoint on `port` (None: none), ready when the database is migrated and
    every adapter is connected."""
    if port is None:
        yield None
        return
    server = OpsServer(core.settings.ops_host, port)
    server.add_check("database", partial(is_current, core.db, core.settings.migrations_dir))
    # Turns failing on a broken file or a full disk make the service unready until one commits.
    server.add_check("storage", core.db.health.check)
    for adapter in adapters:
        server.add_check(adapter.platform, adapter.connected)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def run_chat(settings: Settings, *, user: str, export_dir: Path | None = None) -> int:
    """The terminal chat on the local database, with this user's nudges shown as they fall due."""
    async with (
        open_core(settings) as core,
        operations(core, (), settings.ops_listen_port(serving=False)),
    ):
        key = UserKey("console", CONSOLE_WORKSPACE, user)
        chat = ConsoleChat(
            core.service,
            key,
            export_dir=export_dir or settings.db_path.parent,
            pipeline=core.pipeline,
        )
        scheduler = NudgeScheduler(
            core.db,
            core.catalog,
            core.clock,
            {"console": chat},
            scheduler_config(settings, poll_interval=5.0),
            only_user=key,
            deliverer=core.pipeline.deliverer,
        )
        # Deliveries a killed chat left half done are taken back before anything else.
        await core.pipeline.deliverer.take_over_dead(core.clock.now())
        # The greeting comes first; then nudges already due are delivered at once.
        status = await chat.start()
        nudges = asyncio.create_task(scheduler.run_forever())
        try:
            status = await chat.run()
        finally:
            scheduler.stop()
            await nudges
        return status


async def run_migrate(settings: Settings) -> int:
    """Apply pending migrations and say what was done."""
    async with open_database(settings.database, settings.migrations_dir) as (store, applied):
        name = store.name
    print(f"{name}: " + (f"applied {', '.join(applied)}" if applied else "up to date"))
    return 0


async def run_doctor(settings: Settings) -> int:
    """The full integrity check (every page and index) and the schema, then a verdict."""
    target = settings.database
    if isinstance(target, Path) and not target.exists():
        # A check never creates what it checks: a mistyped path is named, not made.
        print(
            f"reframe doctor: there is no database at {target} (nothing was created there);"
            " check the path, or let `reframe migrate` create a new one",
            file=sys.stderr,
        )
        return 2
    async with open_database(settings.database, settings.migrations_dir) as (store, applied):
        path = store.name
        # PostgreSQL checks its own pages (data checksums, amcheck): only the schema here.
        sqlite = isinstance(store, Database)
        problems = await integrity_problems(store, FULL) if isinstance(store, Database) else []
    known = len(discover(settings.migrations_dir))
    if applied:
        print(f"{path}: applied {', '.join(applied)}")
    if not sqlite:
        print(f"{path}: schema at version {known}")
        return 0
    if problems:
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        print(
            f"reframe doctor: the database {path} is damaged; move it aside (a new one is "
            "created at start) or restore it from a backup",
            file=sys.stderr,
        )
        return 2
    print(f"{path}: integrity ok (full check), schema at version {known}, files private")
    return 0


def adapters_for(core: Core, only: Part | None = None) -> list[PlatformAdapter]:
    """The configured platforms' adapters (for `only`), each imported only when it is used."""
    adapters: list[PlatformAdapter] = []
    if core.settings.slack_enabled and only in (None, "slack", "scheduler"):
        from bot.adapters.slack_adapter import create_slack_adapter

        adapters.append(create_slack_adapter(core))
    if core.settings.discord_enabled and only in (None, "discord", "scheduler"):
        from bot.adapters.discord_adapter import create_discord_adapter

        adapters.append(create_discord_adapter(core))
    return adapters


async def serve(
    core: Core, stop: asyncio.Event, *, only: Part | None = None, ops_port: int | None = None
) -> ReframeError | None:
    """Run the configured platforms and one nudge scheduler until stop is set, or until a
    platform refuses us for good (returned, after a clean shutdown).

    `only` runs one part: a platform's events ("slack", "discord"), or the scheduler, which
    then delivers through every configured platform without receiving from any. With
    `ops_port`, the operations endpoint listens there from before the platforms connect.
    """
    adapters = adapters_for(core, only)
    async with operations(core, adapters, ops_port):
        return await _serve(
            core, stop, adapters, receive=only != "scheduler", schedule=only in SCHEDULES
        )


async def _serve(
    core: Core,
    stop: asyncio.Event,
    adapters: Sequence[PlatformAdapter],
    *,
    receive: bool,
    schedule: bool,
) -> ReframeError | None:
    scheduler = NudgeScheduler(
        core.db,
        core.catalog,
        core.clock,
        {adapter.platform: adapter for adapter in adapters},
        scheduler_config(core.settings),
        deliverer=core.pipeline.deliverer,
    )
    started: list[PlatformAdapter] = []
    await core.pipeline.deliverer.take_over_dead(core.clock.now())
    try:
        for adapter in adapters:
            try:
                await adapter.start(receive=receive)
            except PlatformRefused as refused:
                # A token refused at start: one ERROR line and exit 2, as for a later refusal.
                log.error("%s", refused)
                return refused
            started.append(adapter)
            log.info(
                "%s adapter running%s", adapter.platform, "" if receive else " (delivery only)"
            )
        nudges = asyncio.create_task(scheduler.run_forever()) if schedule else None
        if nudges is not None:
            log.info("nudge scheduler running")
        failure = await _stopped_or_refused(stop, started)
        if failure is not None:
            # One line naming the cause; the exit code tells a supervisor to restart or alert.
            log.error("%s", failure)
        log.info("shutting down")
        scheduler.stop()
        if nudges is not None:
            await nudges
    finally:
        for adapter in reversed(started):
            await adapter.stop()
    return failure


async def _stopped_or_refused(
    stop: asyncio.Event, adapters: Sequence[PlatformAdapter]
) -> ReframeError | None:
    """Wait for stop, or for the first platform that refuses us for good (its error)."""
    stopped = asyncio.create_task(stop.wait())
    refusals = [asyncio.create_task(adapter.failure()) for adapter in adapters]
    done, pending = await asyncio.wait([stopped, *refusals], return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return next((task.result() for task in refusals if task in done), None)


async def run_platforms(settings: Settings, *, only: Part | None = None) -> int:
    """Serve the configured platforms (or `only` one part); with none configured, explain
    and exit non-zero."""
    if only in ("slack", "discord") and not getattr(settings, f"{only}_enabled"):
        print(
            f"reframe run --only {only}: {only} is not configured (see .env.example)",
            file=sys.stderr,
        )
        return 2
    if not (settings.slack_enabled or settings.discord_enabled):
        print(
            "reframe run: no chat platform is configured.\n"
            "  Slack needs SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or "
            "SLACK_SIGNING_SECRET (HTTP mode); for many workspaces, SLACK_CLIENT_ID, "
            "SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET and SLACK_TOKEN_KEY.\n"
            "  Discord needs DISCORD_TOKEN.\n"
            "Set them in the environment or in .env (see .env.example), or try the coach "
            "in this terminal with `reframe chat`.",
            file=sys.stderr,
        )
        return 2
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    async with open_core(settings) as core:
        failure = await serve(
            core, stop, only=only, ops_port=settings.ops_listen_port(serving=True)
        )
    return 0 if failure is None else 2
