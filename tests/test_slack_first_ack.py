"""The ack never waits on an outbound call: Bolt's authorize step answers from the start-up
auth.test, so a slow, throttled or refused auth.test at the first request changes nothing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.clock import ManualClock
from bot.core import Core
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.slack_harness import ALICE, ALICE_KEY, DM, SECRET, slack_settings

# Slack shows an error, and retries an event, when the ack takes longer than this.
SLACK_ACK_DEADLINE = 3.0
DEADLINE = 10.0


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    """The fake Slack Web API."""
    async with FakeSlackApi(zones={ALICE: "Europe/Berlin"}) as api:
        yield api


@pytest.fixture
def core(
    tmp_path: Path,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> Core:
    """The real service and SQLite file, with Slack settings pointing at the fake."""
    return Core(slack_settings(tmp_path, fake), db, catalog, service, clock)


async def first_dm(adapter: SlackAdapter, fake: FakeSlackApi) -> tuple[int, float]:
    """Alice's first DM after the start: (the HTTP status, seconds until the ack came)."""
    sender = SlackSender(f"http://127.0.0.1:{adapter.port}", SECRET, adapter, fake)
    event = {"type": "message", "channel_type": "im", "channel": DM, "user": ALICE, "text": "hi"}
    try:
        began = time.monotonic()
        sent, _ = await sender.event(event, wait=False)
        acked = time.monotonic() - began
        await asyncio.wait_for(adapter.wait_handled(1), DEADLINE)
    finally:
        await sender.close()
    return sent.status, acked


async def saved(db: Database) -> bool:
    """Whether Alice's first message started a conversation in the database."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE_KEY)
    return record is not None and record.session is not None


FAULTS: dict[str, Callable[[FakeSlackApi], object]] = {
    "slow (5 s)": lambda fake: fake.hang("auth.test", most=5.0),
    "throttled (429)": lambda fake: fake.fail("auth.test", status=429, retry_after=5, times=None),
    "refused (invalid_auth)": lambda fake: fake.fail("auth.test", error="invalid_auth", times=None),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_the_first_ack_never_waits_on_auth_test(
    core: Core, fake: FakeSlackApi, db: Database, fault: str
) -> None:
    """With auth.test slow, throttled or refused from the first request on, the first DM is
    acked within Slack's 3 s without calling auth.test, and its turn is kept."""
    adapter = create_slack_adapter(core, host="127.0.0.1")
    await adapter.start()
    try:
        FAULTS[fault](fake)
        status, acked = await first_dm(adapter, fake)
    finally:
        fake.clear()
        await adapter.stop()
    assert status == 200
    assert acked < SLACK_ACK_DEADLINE
    assert len(fake.called("auth.test")) == 1  # the start-up call only
    assert await saved(db)


async def test_a_throttled_auth_test_at_start_is_asked_again_in_the_background(
    core: Core, fake: FakeSlackApi, db: Database
) -> None:
    """auth.test answering 429 at start does not stop the adapter: it serves (the first DM is
    kept), and learns the bot's identity once auth.test answers again."""
    fake.fail("auth.test", status=429, retry_after=0, times=None)
    adapter = create_slack_adapter(core, host="127.0.0.1")
    adapter.warm_wait = 0.01
    await adapter.start()
    try:
        status, _ = await first_dm(adapter, fake)
        assert adapter.startup_auth is not None and adapter.startup_auth.learnt is None
        fake.clear()
        await fake.wait_until(lambda: any(c.args["_ok"] for c in fake.called("auth.test")))
        # The answer is read a moment after the fake recorded the call: poll, bounded.
        for _ in range(1000):
            if adapter.startup_auth.learnt is not None:
                break
            await asyncio.sleep(0.001)
    finally:
        await adapter.stop()
    assert status == 200
    assert await saved(db)
    assert adapter.startup_auth.learnt is not None
    assert adapter.startup_auth.learnt.bot_user_id == "U0BOT"
