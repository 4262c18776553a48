"""The long-running commands: chat, run and migrate."""

from __future__ import annotations

import logging
import sys

from bot.adapters.console import ConsoleChat
from bot.app import open_core
from bot.config import Settings
from bot.domain import UserKey
from bot.storage.db import Database
from bot.storage.migrate import migrate

log = logging.getLogger(__name__)
CONSOLE_WORKSPACE = "local"


async def run_chat(settings: Settings, *, user: str) -> int:
    """The terminal chat on the local database."""
    async with open_core(settings) as core:
        chat = ConsoleChat(core.service, UserKey("console", CONSOLE_WORKSPACE, user))
        return await chat.run()


async def run_migrate(settings: Settings) -> int:
    """Apply pending migrations and say what was done."""
    async with Database(settings.db_path) as db:
        applied = await migrate(db, settings.migrations_dir)
    print(f"{settings.db_path}: " + (f"applied {', '.join(applied)}" if applied else "up to date"))
    return 0


async def run_platforms(settings: Settings) -> int:
    """Serve the configured platforms; with none configured, explain and exit non-zero."""
    if not (settings.slack_enabled or settings.discord_enabled):
        print(
            "reframe run: no chat platform is configured.\n"
            "  Slack needs SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or "
            "SLACK_SIGNING_SECRET (HTTP mode).\n"
            "  Discord needs DISCORD_TOKEN.\n"
            "Set them in the environment or in .env (see .env.example), or try the coach "
            "in this terminal with `reframe chat`.",
            file=sys.stderr,
        )
        return 2
    print("reframe run: platform adapters are not built yet", file=sys.stderr)
    return 2
