"""One `reframe run` process serving Slack and Discord: one database, one scheduler."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import open_core
from bot.config import Settings
from bot.runner import serve
from bot.storage.db import to_db
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.slack_api import TEAM, FakeSlackApi

PLAN = json.dumps({"answers": {"ask": "A raise", "option": "later", "question": "What changed?"}})


async def seed_due_nudge(settings: Settings, platform: str, workspace: str, user_id: str) -> None:
    """A finished session for this user with a nudge already due, quiet hours well away."""
    async with open_core(settings) as core, core.db.transaction() as conn:
        now = datetime.now(UTC)
        past = to_db(now - timedelta(minutes=5))
        quiet = (
            (now + timedelta(hours=3)).strftime("%H:00"),
            (now + timedelta(hours=4)).strftime("%H:00"),
        )
        ref = await conn.fetch_value(
            "INSERT INTO users (platform, workspace, user_id, timezone, quiet_start, quiet_end,"
            " created_at) VALUES (:platform, :workspace, :user_id, 'UTC', :qs, :qe, :past)"
            " RETURNING id",
            {
                "platform": platform,
                "workspace": workspace,
                "user_id": user_id,
                "qs": quiet[0],
                "qe": quiet[1],
                "past": past,
            },
        )
        await conn.execute(
            "INSERT INTO sessions (user_ref, number, step, status, state, started_at, updated_at)"
            " VALUES (:ref, 1, 'summary', 'finished', :plan, :past, :past)",
            {"ref": ref, "plan": PLAN, "past": past},
        )
        await conn.execute(
            "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
            " created_at) VALUES (:ref, :platform, 1, :past, :past, :past)",
            {"ref": ref, "platform": platform, "past": past},
        )


async def test_one_process_serves_both_platforms_with_one_scheduler(tmp_path: Path) -> None:
    """With both tokens set, serve() runs both adapters and one scheduler nudges on each."""
    discord = FakeDiscord()
    await discord.start()
    try:
        async with FakeSlackApi() as slack:
            settings = Settings.from_env(
                {
                    "REFRAME_DB": str(tmp_path / "both.db"),
                    "SLACK_BOT_TOKEN": "xoxb-test",
                    "SLACK_SIGNING_SECRET": "secret",
                    "SLACK_API_URL": slack.base_url,
                    "PORT": "0",
                    "DISCORD_TOKEN": "fake-token",
                    "DISCORD_API_BASE": discord.api_base,
                    "DISCORD_GATEWAY_URL": discord.gateway_url,
                }
            )
            await seed_due_nudge(settings, "slack", TEAM, "U1")
            await seed_due_nudge(settings, "discord", "discord", "424242")
            stop = asyncio.Event()
            async with open_core(settings) as core:
                task = asyncio.create_task(serve(core, stop))
                try:
                    await slack.wait_until(lambda: bool(slack.posts()))
                    nudge = await discord.wait_sent(
                        lambda m: "How did it go?" in m.get("content", "")
                    )
                finally:
                    stop.set()
                    await asyncio.wait_for(task, 30)
                async with core.db.autocommit() as conn:
                    statuses = await conn.fetch_all("SELECT platform, status FROM reminders")
    finally:
        await discord.close()
    assert nudge is not None
    assert "What changed?" in json.dumps(slack.posts()[0].args)
    stored = sorted(tuple(row.values()) for row in statuses)
    assert stored == [("discord", "sent"), ("slack", "sent")]
