"""The operations endpoint: liveness, readiness that follows the database and platforms, metrics."""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot import ops
from bot.adapters.base import PlatformAdapter
from bot.adapters.discord_adapter import DiscordAdapter
from bot.adapters.slack_adapter import create_slack_adapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import UserKey
from bot.errors import ConfigError
from bot.metrics import REGISTRY
from bot.ops import OpsServer
from bot.prompts import Catalog
from bot.runner import operations
from bot.service import CoachService
from bot.storage.db import Database
from bot.storage.migrate import migrate
from tests import test_cli
from tests.conftest import FULL_DIALOGUE, MIGRATIONS, PROMPTS, START, say
from tests.discord_harness import discord_settings
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.slack_api import FakeSlackApi
from tests.scheduler_harness import RecordingOutbox, scheduler_for
from tests.test_cli import Chat, cli_env, start_chat
from tests.test_slack_socket import socket_settings

# Chats started by a test, killed afterwards (shared with the command-line tests).
chats = test_cli.chats

# Every label a series may carry, and the values it may take: fixed names, never user data.
ALLOWED_LABELS: dict[str, set[str]] = {
    "platform": {"slack", "discord", "console"},
    "outcome": {"ok", "duplicate", "flooded", "gave_up", "failed"},
    "tier": {"crisis", "possible"},
    "concern": {"suicide", "self_harm", "danger"},
    "result": {"sent", "deferred", "failed", "given_up", "retrying", "dropped"},
    "kind": {"reply", "nudge", "share", "note"},
    "operation": {
        "inbox",
        "inbox_add",
        "claim_outbox",
        "settle_outbox",
        "read",
        "write",
        "load_user",
        "save_turn",
        "claim_reminders",
        "settle_reminder",
        "purge",
        "turn",
    },
    "reason": {
        "signature",
        "malformed",
        "too_large",
        "body_timeout",
        "header_timeout",
        "connections",
        "accept_error",
    },
    "le": set(),  # histogram bucket bounds: numbers
}


async def fetch(port: int, path: str) -> tuple[int, str]:
    """GET http://127.0.0.1:port/path; the status and body."""
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{port}{path}") as response,
    ):
        return response.status, await response.text()


@pytest.fixture
async def server() -> AsyncIterator[OpsServer]:
    """An ops endpoint on a free port of 127.0.0.1 with no checks yet."""
    endpoint = OpsServer("127.0.0.1", 0)
    await endpoint.start()
    yield endpoint
    await endpoint.stop()


def sample(name: str, **labels: str) -> float:
    """The current value of one series in our registry (0 when not yet seen)."""
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_healthz_answers_and_readyz_follows_every_check(server: OpsServer) -> None:
    """/healthz is 200; /readyz is 200 only while every check passes, and names each."""
    assert server.port is not None
    flag = {"up": True}

    async def toggled() -> bool:
        return flag["up"]

    async def always() -> bool:
        return True

    server.add_check("database", always)
    server.add_check("slack", toggled)
    assert (await fetch(server.port, "/healthz"))[0] == 200
    status, body = await fetch(server.port, "/readyz")
    assert status == 200 and '"slack": true' in body
    flag["up"] = False
    status, body = await fetch(server.port, "/readyz")
    assert status == 503 and '"slack": false' in body and '"database": true' in body


async def test_a_port_already_taken_is_a_clear_settings_error(server: OpsServer) -> None:
    """A second endpoint on the same port fails with a ConfigError naming OPS_PORT."""
    assert server.port is not None
    with pytest.raises(ConfigError, match=f"OPS_PORT={server.port}"):
        await OpsServer("127.0.0.1", server.port).start()


async def test_a_check_that_raises_or_hangs_means_not_ready(
    server: OpsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check that raises, or answers later than CHECK_TIMEOUT, counts as not ready."""
    assert server.port is not None
    monkeypatch.setattr(ops, "CHECK_TIMEOUT", 0.05)
    never = asyncio.Event()

    async def hangs() -> bool:
        await never.wait()
        return True

    async def raises() -> bool:
        raise OSError("disk gone")

    server.add_check("hangs", hangs)
    assert (await fetch(server.port, "/readyz"))[0] == 503
    server.add_check("hangs", raises)
    status, body = await fetch(server.port, "/readyz")
    assert status == 503 and "disk gone" not in body


async def test_readiness_needs_the_database_migrated(
    tmp_path: Path, catalog: Catalog, clock: ManualClock
) -> None:
    """A database without every migration is not ready; once migrated, it is."""
    settings = Settings(db_path=tmp_path / "r.db", prompts_dir=PROMPTS, migrations_dir=MIGRATIONS)
    async with Database(settings.db_path) as db:
        core = Core(settings, db, catalog, CoachService(db, catalog, clock), clock)
        async with operations(core, (), 0) as server:
            assert server is not None and server.port is not None
            status, body = await fetch(server.port, "/readyz")
            assert status == 503 and '"database": false' in body
            await migrate(db, MIGRATIONS)
            assert (await fetch(server.port, "/readyz"))[0] == 200


async def ready_only_while_started(core: Core, adapter: PlatformAdapter) -> None:
    """Assert /readyz is 503 before the adapter starts, 200 while it runs, 503 after it stops."""
    async with operations(core, [adapter], 0) as server:
        assert server is not None and server.port is not None
        status, body = await fetch(server.port, "/readyz")
        assert status == 503 and f'"{adapter.platform}": false' in body
        await adapter.start()
        try:
            assert (await fetch(server.port, "/readyz"))[0] == 200
        finally:
            await adapter.stop()
        assert (await fetch(server.port, "/readyz"))[0] == 503


async def test_readiness_follows_the_discord_connection(
    tmp_path: Path, db: Database, catalog: Catalog, clock: ManualClock, service: CoachService
) -> None:
    """Ready only while every Discord shard is connected: 503 before start and after stop."""
    fake = FakeDiscord()
    await fake.start()
    core = Core(discord_settings(fake, tmp_path, guild=None), db, catalog, service, clock)
    try:
        await ready_only_while_started(core, DiscordAdapter(core, ready_timeout=0.01))
    finally:
        await fake.close()


async def test_readiness_follows_the_slack_socket_mode_connection(
    tmp_path: Path, db: Database, catalog: Catalog, clock: ManualClock, service: CoachService
) -> None:
    """Ready only while the Socket Mode websocket is open: 503 before start and after stop."""
    async with FakeSlackApi() as fake:
        core = Core(socket_settings(tmp_path, fake), db, catalog, service, clock)
        await ready_only_while_started(core, create_slack_adapter(core))


async def test_metrics_count_turns_safety_nudges_and_database_time_without_user_data(
    server: OpsServer, service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A whole dialogue, a crisis message and a nudge show in /metrics, with no words or ids."""
    assert server.port is not None
    user = UserKey("console", "WORKSPACE-7f3a", "USER-91bd")
    ok_before = sample("reframe_turns_total", platform="console", outcome="ok")
    crisis_before = sample("reframe_safety_replies_total", tier="crisis", concern="suicide")
    sent_before = sample("reframe_nudges_total", platform="console", result="sent")
    lines = list(FULL_DIALOGUE)
    for line in lines:
        await service.handle(say(line, user))
    crisis_user = replace(user, user_id="USER-c4e2")
    await service.handle(say("I want to end my life, Zanzibar", crisis_user))
    outbox = RecordingOutbox()
    await scheduler_for(db, catalog, clock, outbox).run_once(START + timedelta(days=40))
    assert outbox.sent, "the nudge went out"

    status, body = await fetch(server.port, "/metrics")
    assert status == 200
    assert (
        sample("reframe_turns_total", platform="console", outcome="ok") - ok_before
        == len(lines) + 1
    )
    assert (
        sample("reframe_safety_replies_total", tier="crisis", concern="suicide") - crisis_before
        == 1
    )
    assert sample("reframe_nudges_total", platform="console", result="sent") - sent_before == 1
    assert sample("reframe_db_seconds_count", operation="save_turn") > 0
    assert sample("reframe_turn_seconds_count", platform="console") > 0
    assert "reframe_reminders_due 1.0" in body
    assert "_created" not in body
    for word in ("WORKSPACE-7f3a", "USER-91bd", "USER-c4e2", "Zanzibar", "promotion", "March"):
        assert word not in body
    for family in text_string_to_metric_families(body):
        for series in family.samples:
            for label, value in series.labels.items():
                assert label in ALLOWED_LABELS, f"{series.name} has label {label}"
                allowed = ALLOWED_LABELS[label]
                assert not allowed or value in allowed, f"{series.name}{{{label}={value!r}}}"
                if label == "le":
                    assert re.fullmatch(r"[0-9.e+]+|\+Inf", value)


async def test_chat_serves_the_endpoint_only_when_ops_port_is_set(
    tmp_path: Path, chats: list[Chat]
) -> None:
    """`reframe chat` with OPS_PORT answers /healthz and /readyz while it waits for input."""
    with socket.socket() as probe:  # a port free a moment ago; the chat binds it next
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chat = await start_chat(cli_env(tmp_path, OPS_PORT=str(port), OPS_HOST="127.0.0.1"))
    chats.append(chat)
    await chat.read_until("What's the no you ran into?")
    assert (await fetch(port, "/healthz"))[0] == 200
    status, body = await fetch(port, "/readyz")
    assert status == 200 and '"database": true' in body
