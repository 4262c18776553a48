"""Many workspaces' tokens: revoked, rotated and refreshed, and which delivery failures they make
permanent."""

from __future__ import annotations

from datetime import timedelta

import aiohttp
import pytest

from bot.adapters.slack_adapter import SlackAdapter
from bot.domain import Message, UserKey
from bot.errors import DeliveryError
from bot.scheduler import NudgeScheduler
from bot.storage.db import Database
from tests.conftest import START
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.slack_oauth_harness import (
    ONE,
    SAM,
    SECRET,
    TWO,
    adapter,
    count,
    fake,
    http,
    install,
    scheduler,
    senders,
    tokens_used,
)

__all__ = ["adapter", "fake", "http", "scheduler", "senders"]  # fixtures, shared


async def test_a_nudge_to_a_revoked_workspace_is_given_up_at_once(
    scheduler: NudgeScheduler, fake: FakeSlackApi, db: Database
) -> None:
    """A nudge refused with token_revoked is given up after one attempt, not five."""
    fake.revoked.add(fake.workspaces[ONE].token)
    due = START + timedelta(days=30)

    first = await scheduler.run_once(due)
    again = await scheduler.run_once(due + timedelta(days=1))

    assert (first.delivered, first.given_up, first.failed) == (1, 1, 0)
    assert (again.delivered, again.given_up, again.failed) == (0, 0, 0)
    refused = [call for call in fake.calls if call.token == f"Bearer {fake.workspaces[ONE].token}"]
    assert len([call for call in refused if call.method == "conversations.open"]) == 1
    assert await count(db, "SELECT COUNT(*) FROM reminders WHERE status = 'failed'") == 1


async def test_tokens_revoked_stops_that_workspaces_nudges(
    scheduler: NudgeScheduler, senders: dict[str, SlackSender], fake: FakeSlackApi, db: Database
) -> None:
    """After tokens_revoked for ONE's bot, ONE's nudges are cancelled and TWO's still go out."""
    await senders[ONE].event({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["U0BOT"]}})
    report = await scheduler.run_once(START + timedelta(days=30))

    assert (report.delivered, report.given_up) == (1, 0)
    assert {fake.team_of(call.token) for call in fake.posts()} == {TWO}
    assert await count(db, "SELECT COUNT(*) FROM reminders WHERE status = 'cancelled'") == 1


async def test_an_expiring_rotating_token_is_refreshed_once_and_saved(
    adapter: SlackAdapter, fake: FakeSlackApi, http: aiohttp.ClientSession
) -> None:
    """With token rotation on, a token near expiry is refreshed before use, and the new one used."""
    workspace = fake.install("T0ROT", rotating=True)
    workspace.expires_in = 60  # inside the two-hour refresh margin
    assert await install(http, adapter, workspace.code) == 200
    sender = SlackSender(f"http://127.0.0.1:{adapter.port}", SECRET, adapter, fake, team="T0ROT")
    try:
        await sender.dm(SAM, "hi")
        await sender.dm(SAM, "status")
    finally:
        await sender.close()

    refreshes = [
        c for c in fake.called("oauth.v2.access") if c.args.get("grant_type") == "refresh_token"
    ]
    assert len(refreshes) == 1
    assert tokens_used(fake, "DU0SAM") == {"Bearer xoxb-T0ROT-1"}
    assert adapter.oauth is not None
    assert await adapter.oauth.bot_token("T0ROT") == "xoxb-T0ROT-1"


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        ("invalid_auth", False),
        ("account_inactive", True),
        ("token_revoked", True),
        ("internal_error", False),
    ],
)
@pytest.mark.usefixtures("senders")
async def test_only_a_dead_token_makes_a_delivery_failure_permanent(
    adapter: SlackAdapter, fake: FakeSlackApi, error: str, permanent: bool
) -> None:
    """account_inactive and token_revoked are permanent; invalid_auth (a token being replaced)
    and other refusals retry."""
    fake.fail_next("conversations.open", error=error)

    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(UserKey("slack", ONE, SAM), (Message("hello"),))

    assert caught.value.permanent is permanent
    assert error in str(caught.value)


async def test_a_nudge_for_a_workspace_never_installed_is_permanent(adapter: SlackAdapter) -> None:
    """Delivering to a workspace with no installation fails for good, without calling Slack."""
    with pytest.raises(DeliveryError) as caught:
        await adapter.deliver(UserKey("slack", "T0NEVER", SAM), (Message("hello"),))
    assert caught.value.permanent
