"""The ack never waits on an outbound call with many workspaces either: Bolt's authorize step
reads the stored installation, so auth.test slow, throttled or refusing changes nothing."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.adapters.slack_adapter import SlackAdapter
from bot.domain import UserKey
from bot.storage import repos
from bot.storage.db import Database
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.slack_oauth_harness import ONE, SAM, adapter, fake, http, senders
from tests.test_slack_first_ack import DEADLINE, FAULTS, SLACK_ACK_DEADLINE

__all__ = ["adapter", "fake", "http", "senders"]  # the OAuth fixtures, shared


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_many_workspaces_ack_from_the_stored_installation(
    adapter: SlackAdapter,
    fake: FakeSlackApi,
    senders: dict[str, SlackSender],
    db: Database,
    fault: str,
) -> None:
    """With the app installed by OAuth, a workspace's first DM is acked within Slack's 3 s
    whatever auth.test does: the authorize step reads the stored installation only."""
    FAULTS[fault](fake)
    called = len(fake.called("auth.test"))
    try:
        began = time.monotonic()
        sent, _ = await senders[ONE].event(
            {
                "type": "message",
                "channel_type": "im",
                "channel": "DU0SAM",
                "user": SAM,
                "text": "hi",
            },
            wait=False,
        )
        acked = time.monotonic() - began
        await asyncio.wait_for(adapter.wait_handled(1), DEADLINE)
    finally:
        fake.clear()
    assert sent.status == 200 and acked < SLACK_ACK_DEADLINE
    assert len(fake.called("auth.test")) == called
    async with db.autocommit() as conn:
        assert await repos.load_user(conn, user=UserKey("slack", ONE, SAM)) is not None
