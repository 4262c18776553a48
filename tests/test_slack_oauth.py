"""End to end, many workspaces: the real Bolt AsyncApp over HTTP with our OAuth stores, two
workspaces installed through the fake Slack's OAuth endpoints, each served with its own token."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from cryptography.fernet import Fernet

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.clock import ManualClock
from bot.core import Core
from bot.domain import UserKey
from bot.errors import ConfigError
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, say
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
    newest_export,
    org_event,
    scheduler,
    senders,
    tokens_used,
)

__all__ = ["adapter", "fake", "http", "scheduler", "senders"]  # fixtures, shared


async def test_two_workspaces_install_and_each_is_answered_with_its_own_token(
    senders: dict[str, SlackSender], fake: FakeSlackApi, db: Database
) -> None:
    """Each workspace's users get replies sent with that workspace's token, never the other's."""
    assert await count(db, "SELECT COUNT(*) FROM slack_installations") == 2

    await senders[ONE].dm("U0ANN", "My landlord said no")
    await senders[TWO].dm("U0BOB", "My manager said no to the raise")

    assert tokens_used(fake, "DU0ANN") == {f"Bearer {fake.workspaces[ONE].token}"}
    assert tokens_used(fake, "DU0BOB") == {f"Bearer {fake.workspaces[TWO].token}"}
    assert len(fake.called("oauth.v2.access")) == 2


async def test_the_same_person_id_in_two_workspaces_sees_only_their_own_data(
    senders: dict[str, SlackSender], fake: FakeSlackApi
) -> None:
    """Users are keyed by workspace: SAM in ONE never sees what SAM in TWO wrote."""
    await senders[ONE].dm(SAM, "My landlord said no")
    await senders[TWO].dm(SAM, "My manager said no to the raise")

    await senders[ONE].dm(SAM, "export")
    mine = newest_export(fake, ONE)
    await senders[TWO].dm(SAM, "export")
    theirs = newest_export(fake, TWO)

    assert "landlord" in mine and "raise" not in mine
    assert "raise" in theirs and "landlord" not in theirs


async def test_a_forged_or_replayed_state_installs_nothing(
    adapter: SlackAdapter, fake: FakeSlackApi, http: aiohttp.ClientSession, db: Database
) -> None:
    """The redirect refuses a state it did not issue, and a state used twice."""
    base = f"http://127.0.0.1:{adapter.port}"
    forged = {"code": fake.workspaces[ONE].code, "state": "forged"}
    async with http.get(
        f"{base}/slack/oauth_redirect",
        params=forged,
        headers={"Cookie": "slack-app-oauth-state=forged"},
    ) as answer:
        assert answer.status in (400, 401)
    assert await count(db, "SELECT COUNT(*) FROM slack_installations") == 0
    assert await install(http, adapter, fake.workspaces[ONE].code) == 200
    assert await count(db, "SELECT COUNT(*) FROM slack_oauth_states") == 0
    assert len(fake.called("oauth.v2.access")) == 1


@pytest.mark.usefixtures("scheduler")
async def test_app_uninstalled_removes_one_workspace_and_leaves_the_other(
    senders: dict[str, SlackSender], fake: FakeSlackApi, db: Database
) -> None:
    """app_uninstalled deletes ONE's installation, users, sessions and nudges; TWO carries on."""
    assert await count(db, "SELECT COUNT(*) FROM reminders WHERE status = 'pending'") == 2

    await senders[ONE].event({"type": "app_uninstalled"})

    in_team = "SELECT COUNT(*) FROM {} t JOIN users u ON u.id = t.user_ref WHERE u.workspace = :w"
    for table in ("sessions", "reminders"):
        assert await count(db, in_team.format(table), w=ONE) == 0
        assert await count(db, in_team.format(table), w=TWO) == 1
    assert await count(db, "SELECT COUNT(*) FROM users WHERE workspace = :w", w=ONE) == 0
    assert (
        await count(db, "SELECT COUNT(*) FROM slack_installations WHERE team_id = :t", t=ONE) == 0
    )
    before = len(fake.posts())
    await senders[TWO].dm(SAM, "status")
    assert len(fake.posts()) > before
    await senders[ONE].post(
        json.dumps(
            {
                "type": "event_callback",
                "team_id": ONE,
                "event_id": "Ev9",
                "event": {
                    "type": "message",
                    "channel_type": "im",
                    "channel": "DU0SAM",
                    "user": SAM,
                    "text": "hi",
                },
            }
        ),
        "application/json",
        wait=False,
    )
    assert {fake.team_of(call.token) for call in fake.posts()[before:]} == {TWO}


async def test_one_workspace_mode_also_forgets_its_users_on_uninstall(
    tmp_path: Path,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> None:
    """With one SLACK_BOT_TOKEN (no OAuth), app_uninstalled still deletes that workspace's users."""
    from tests.slack_harness import SECRET as ONE_TOKEN_SECRET
    from tests.slack_harness import slack_settings

    core = Core(slack_settings(tmp_path, fake), db, catalog, service, clock)
    slack = create_slack_adapter(core, host="127.0.0.1")
    await slack.start()
    sender = SlackSender(f"http://127.0.0.1:{slack.port}", ONE_TOKEN_SECRET, slack, fake)
    try:
        assert slack.oauth is None
        await sender.dm(SAM, "My landlord said no")
        assert await count(db, "SELECT COUNT(*) FROM users") == 1
        await sender.event({"type": "app_uninstalled"})
    finally:
        await sender.close()
        await slack.stop()
    assert await count(db, "SELECT COUNT(*) FROM users") == 0


async def test_a_token_key_that_opens_no_stored_token_stops_the_start(
    senders: dict[str, SlackSender],
    adapter: SlackAdapter,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> None:
    """After installs, starting with another SLACK_TOKEN_KEY fails with a ConfigError naming it."""
    changed = replace(adapter.core.settings, slack_token_key=Fernet.generate_key().decode())
    other = create_slack_adapter(Core(changed, db, catalog, service, clock), host="127.0.0.1")

    with pytest.raises(ConfigError, match="SLACK_TOKEN_KEY"):
        await other.start()
    assert other.port is None


async def test_an_org_wide_install_serves_its_users_and_its_uninstall_removes_them(
    adapter: SlackAdapter,
    fake: FakeSlackApi,
    http: aiohttp.ClientSession,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> None:
    """Enterprise Grid: an org-wide install answers with the org's token, keys users by the
    organization, delivers their nudges with that token, and its uninstall removes them."""
    org = fake.install("T0ORGBOT", enterprise_id="E0ORG", org_wide=True)
    assert await install(http, adapter, org.code) == 200
    sender = SlackSender(f"http://127.0.0.1:{adapter.port}", SECRET, adapter, fake)
    dm = {"type": "message", "channel_type": "im", "channel": "DU0SAM", "user": SAM, "ts": "1.1"}
    try:
        await sender.post(
            org_event({**dm, "text": "My landlord said no"}, "EvOrg1"), "application/json"
        )
        assert tokens_used(fake, "DU0SAM") == {f"Bearer {org.token}"}
        for line in FULL_DIALOGUE:
            await service.handle(say(line, UserKey("slack", "E0ORG", "U0KIM")))
        assert await count(db, "SELECT COUNT(*) FROM users WHERE workspace = 'E0ORG'") == 2
        report = await NudgeScheduler(db, catalog, clock, {"slack": adapter}).run_once(
            START + timedelta(days=30)
        )
        assert report.delivered == 1 and tokens_used(fake, "DU0KIM") == {f"Bearer {org.token}"}

        await sender.post(org_event({"type": "app_uninstalled"}, "EvOrgBye"), "application/json")
    finally:
        await sender.close()
    assert await count(db, "SELECT COUNT(*) FROM users") == 0
    assert await count(db, "SELECT COUNT(*) FROM slack_installations") == 0
