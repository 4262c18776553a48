"""`reframe run --only slack|discord|scheduler`: one part of the coach per process."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.adapters.discord_adapter import DiscordAdapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import Message, UserKey
from bot.prompts import Catalog
from bot.runner import Part, adapters_for, serve
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, say
from tests.discord_harness import discord_settings, dm, says
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.slack_api import TEAM, FakeSlackApi
from tests.slack_harness import slack_settings
from tests.test_cli import cli_env, run_cli

SCHEDULER_LINE = "nudge scheduler running"


@asynccontextmanager
async def serving(core: Core, only: Part) -> AsyncIterator[None]:
    """`serve` with --only running in a task, stopped and awaited on leaving."""
    stop = asyncio.Event()
    task = asyncio.create_task(serve(core, stop, only=only))
    try:
        yield
    finally:
        stop.set()
        await task


def test_each_part_takes_only_its_platforms(
    tmp_path: Path, core_for: Callable[[Settings], Core]
) -> None:
    """With both platforms configured, --only slack/discord picks one; the scheduler needs both."""
    settings = replace(
        slack_settings(tmp_path, FakeSlackApi()), discord_token="t", discord_api_base="http://x"
    )
    core = core_for(settings)
    chosen = {only: [a.platform for a in adapters_for(core, only)] for only in ("slack", "discord")}
    assert chosen == {"slack": ["slack"], "discord": ["discord"]}
    assert [a.platform for a in adapters_for(core, "scheduler")] == ["slack", "discord"]
    assert [a.platform for a in adapters_for(core)] == ["slack", "discord"]


@pytest.fixture
def core_for(
    db: Database, catalog: Catalog, clock: ManualClock, service: CoachService
) -> Callable[[Settings], Core]:
    """Builds a core on the test database and service for the given settings."""
    return lambda settings: Core(settings, db, catalog, service, clock)


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Log records at INFO and above."""
    caplog.set_level(logging.INFO)
    return caplog


async def test_only_the_scheduler_delivers_a_due_nudge_without_serving_slack(
    tmp_path: Path,
    clock: ManualClock,
    service: CoachService,
    core_for: Callable[[Settings], Core],
    logs: pytest.LogCaptureFixture,
) -> None:
    """--only scheduler sends a due Slack nudge through the Web API and opens no events port."""
    alice = UserKey("slack", TEAM, "U0ALICE")
    lines = list(FULL_DIALOGUE)
    lines[11] = "in two weeks"
    for line in lines:
        await service.handle(say(line, alice))
    clock.set(START + timedelta(days=15))
    async with FakeSlackApi() as fake:
        async with serving(core_for(slack_settings(tmp_path, fake)), "scheduler"):
            await asyncio.wait_for(fake.wait_until(lambda: bool(fake.posts())), 10)
        assert "Ask again in March" in str(fake.posts()[0].args)
    assert SCHEDULER_LINE in logs.text
    assert "slack adapter running (delivery only)" in logs.text
    assert "slack listening" not in logs.text


async def test_only_discord_answers_dms_and_runs_no_scheduler(
    tmp_path: Path,
    catalog: Catalog,
    core_for: Callable[[Settings], Core],
    logs: pytest.LogCaptureFixture,
) -> None:
    """--only discord connects the gateway and answers a DM, without a nudge scheduler."""
    fake = FakeDiscord()
    await fake.start()
    try:
        async with serving(core_for(discord_settings(fake, tmp_path)), "discord"):
            await asyncio.wait_for(fake.identified.wait(), 10)
            await dm(fake, "hi", says(catalog, "setback.ask"))
    finally:
        await fake.close()
    assert "discord adapter running" in logs.text
    assert SCHEDULER_LINE not in logs.text


async def test_a_discord_adapter_that_only_delivers_opens_no_gateway(
    tmp_path: Path, core_for: Callable[[Settings], Core]
) -> None:
    """Started to deliver only (the scheduler's part), Discord logs in over REST and sends a
    DM, but never IDENTIFYs on the gateway nor publishes /reframe."""
    fake = FakeDiscord()
    await fake.start()
    adapter = DiscordAdapter(core_for(discord_settings(fake, tmp_path)))
    try:
        await adapter.start(receive=False)
        try:
            assert await adapter.connected()
            await adapter.deliver(
                UserKey("discord", "discord", "424242"), [Message("Time to check in")]
            )
        finally:
            await adapter.stop()
        assert not await adapter.connected()
    finally:
        await fake.close()
    assert [r.body["content"] for r in fake.matching("POST", r"/channels/\d+/messages")] == [
        "Time to check in"
    ]
    assert fake.gateway_ops == [] and fake.matching("PUT", r"/applications/.*") == []


async def test_only_a_platform_that_is_not_configured_is_refused(tmp_path: Path) -> None:
    """`reframe run --only slack` without Slack settings says so and exits non-zero."""
    code, _, err = await run_cli(cli_env(tmp_path, DISCORD_TOKEN="t"), "run", "--only", "slack")
    assert code == 2
    assert "--only slack" in err and "Traceback" not in err
