"""Wiring only: settings -> db -> migrate -> service -> scheduler -> adapters; clean shutdown."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from bot import crisis_lines, engine, safety
from bot.clock import Clock, SystemClock
from bot.config import Settings

# Re-exported for code written before Core moved to bot.core; new code imports bot.core.
from bot.core import Core as Core
from bot.flood import FloodGate
from bot.prompts import load_catalog
from bot.service import CoachService
from bot.storage.startup import open_database

log = logging.getLogger(__name__)


def rules_from(settings: Settings) -> engine.Rules:
    """The engine's limits from the settings."""
    return engine.Rules(idle_after=timedelta(days=settings.idle_days))


@asynccontextmanager
async def open_core(settings: Settings, clock: Clock | None = None) -> AsyncIterator[Core]:
    """Open the database, bring its schema up to date, load the texts, build the service."""
    clock = clock or SystemClock()
    catalog = load_catalog(settings.prompts_dir)
    lines = crisis_lines.load_lines(settings.prompts_dir / "crisis_resources.toml")
    safety.warm()
    async with open_database(
        settings.database, settings.migrations_dir, pool_size=settings.database_pool_size
    ) as (db, applied):
        if applied:
            log.info("database %s migrated: %s", db.name, ", ".join(applied))
        service = CoachService(
            db,
            catalog,
            clock,
            rules=rules_from(settings),
            default_timezone=settings.default_timezone,
            lines=lines,
            country=settings.crisis_country,
            quiet_start=settings.quiet_start,
            quiet_end=settings.quiet_end,
            flood=FloodGate(settings.flood_messages, settings.flood_seconds),
        )
        yield Core(settings, db, catalog, service, clock)
