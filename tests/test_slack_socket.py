"""Socket Mode end to end: `serve()` (what `reframe run` runs) against a fake websocket."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.prompts import Catalog
from bot.runner import serve
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import MIGRATIONS, PROMPTS
from tests.fakes.slack_api import TEAM, WAIT, FakeSlackApi

ALICE = "U0ALICE"


def envelope(envelope_id: str, text: str) -> dict[str, object]:
    """An events_api envelope carrying a DM, as Slack pushes it over the websocket."""
    return {
        "envelope_id": envelope_id,
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
        "payload": {
            "type": "event_callback",
            "team_id": TEAM,
            "event_id": "Ev" + envelope_id,
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": "D" + ALICE,
                "user": ALICE,
                "text": text,
                "ts": "1.1",
            },
        },
    }


def socket_settings(tmp_path: Path, fake: FakeSlackApi) -> Settings:
    """Socket Mode settings: an app token and no signing secret, the Web API at the fake."""
    return Settings(
        db_path=tmp_path / "reframe.db",
        prompts_dir=PROMPTS,
        migrations_dir=MIGRATIONS,
        slack_bot_token="xoxb-test",
        slack_app_token="xapp-test",
        slack_api_url=fake.base_url,
        port=0,
    )


async def test_run_serves_socket_mode_and_acks_an_envelope(
    tmp_path: Path, db: Database, catalog: Catalog, clock: ManualClock, service: CoachService
) -> None:
    """serve() connects through apps.connections.open, acks a pushed envelope, answers it in
    the DM, and returns once stopped. (An envelope acked but not yet taken when the stop comes
    stays in the inbox for the next start: tests/test_inbox.py.)"""
    async with FakeSlackApi() as fake:
        fake.envelopes.append(envelope("env-1", "my landlord said no"))
        core = Core(socket_settings(tmp_path, fake), db, catalog, service, clock)
        stop = asyncio.Event()
        running = asyncio.create_task(serve(core, stop))

        await fake.wait_until(lambda: any(a["envelope_id"] == "env-1" for a in fake.socket_acks))
        await fake.wait_until(lambda: bool(fake.posts("D" + ALICE)))
        stop.set()
        await asyncio.wait_for(running, WAIT)

        [opened] = fake.called("apps.connections.open")
        assert opened.token == "Bearer xapp-test"
        assert running.result() is None


async def test_socket_mode_is_chosen_by_the_app_token(
    tmp_path: Path, db: Database, catalog: Catalog, clock: ManualClock, service: CoachService
) -> None:
    """With SLACK_APP_TOKEN set the adapter uses Socket Mode and opens no HTTP port."""
    async with FakeSlackApi() as fake:
        core = Core(socket_settings(tmp_path, fake), db, catalog, service, clock)
        adapter = create_slack_adapter(core)
        assert isinstance(adapter, SlackAdapter) and adapter.socket_mode
        await adapter.start()
        try:
            assert adapter.port is None
        finally:
            await adapter.stop()
