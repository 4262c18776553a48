"""The Slack adapter with OAuth installs under test: many workspaces on the fake, and helpers."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import aiohttp
import pytest
from cryptography.fernet import Fernet

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import UserKey
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler
from bot.service import CoachService
from bot.storage.db import Database
from bot.storage.store import Store
from tests.conftest import FULL_DIALOGUE, MIGRATIONS, PROMPTS, say
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_sender import SlackSender

SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
ONE, TWO = "T0ONE", "T0TWO"
# The same person id in two workspaces: two different users, who must never meet.
SAM = "U0SAM"


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    """A fake Slack where two workspaces can install the app."""
    async with FakeSlackApi() as api:
        api.install(ONE)
        api.install(TWO)
        yield api


@pytest.fixture
async def adapter(
    tmp_path: Path,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> AsyncIterator[SlackAdapter]:
    """The adapter with a client id and secret and no bot token: any workspace may install."""
    settings = Settings(
        db_path=tmp_path / "reframe.db",
        prompts_dir=PROMPTS,
        migrations_dir=MIGRATIONS,
        slack_client_id="111.222",
        slack_client_secret="client-secret",
        slack_signing_secret=SECRET,
        slack_token_key=Fernet.generate_key().decode(),
        slack_api_url=fake.base_url,
        port=0,
    )
    slack = create_slack_adapter(Core(settings, db, catalog, service, clock), host="127.0.0.1")
    await slack.start()
    yield slack
    await slack.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A browser of sorts: redirects are read, never followed (they lead to slack.com)."""
    async with aiohttp.ClientSession() as session:
        yield session


async def install(http: aiohttp.ClientSession, adapter: SlackAdapter, code: str) -> int:
    """An admin clicks "Add to Slack", approves, and Slack redirects back with `code`."""
    base = f"http://127.0.0.1:{adapter.port}"
    async with http.get(f"{base}/slack/install", allow_redirects=False) as started:
        assert started.status == 302
        consent = urlparse(started.headers["Location"])
        cookie = SimpleCookie(started.headers["Set-Cookie"])
    query = parse_qs(consent.query)
    assert consent.netloc == "slack.com" and query["client_id"] == ["111.222"]
    assert "chat:write" in query["scope"][0].split(",")
    [state] = query["state"]
    assert cookie["slack-app-oauth-state"].value == state
    async with http.get(
        f"{base}/slack/oauth_redirect",
        params={"code": code, "state": state},
        headers={"Cookie": f"slack-app-oauth-state={state}"},
        allow_redirects=False,
    ) as back:
        return back.status


@pytest.fixture
async def senders(
    adapter: SlackAdapter, fake: FakeSlackApi, http: aiohttp.ClientSession
) -> AsyncIterator[dict[str, SlackSender]]:
    """Both workspaces installed through OAuth, and a signed sender for each."""
    for team in (ONE, TWO):
        assert await install(http, adapter, fake.workspaces[team].code) == 200
    url = f"http://127.0.0.1:{adapter.port}"
    found = {team: SlackSender(url, SECRET, adapter, fake, team=team) for team in (ONE, TWO)}
    yield found
    for sender in found.values():
        await sender.close()


def tokens_used(fake: FakeSlackApi, channel: str) -> set[str | None]:
    """The bearer tokens of every successful post to a channel."""
    return {call.token for call in fake.posts(channel)}


def newest_export(fake: FakeSlackApi, team: str) -> str:
    """The export file uploaded last, checking it was asked for with the team's token."""
    assert fake.team_of(fake.called("files.getUploadURLExternal")[-1].token) == team
    return bytes(fake.called("upload")[-1].args["content"]).decode()


async def count(db: Store, sql: str, **params: object) -> int:
    """One number from the database (`:name` parameters)."""
    async with db.autocommit() as conn:
        return int(await conn.fetch_value(sql, params))


@pytest.fixture
async def scheduler(
    senders: dict[str, SlackSender],
    adapter: SlackAdapter,
    db: Database,
    service: CoachService,
    catalog: Catalog,
    clock: ManualClock,
) -> NudgeScheduler:
    """Both workspaces installed, SAM in each with a revisit nudge pending; the scheduler."""
    for team in (ONE, TWO):
        for line in FULL_DIALOGUE:
            await service.handle(say(line, UserKey("slack", team, SAM)))
    return NudgeScheduler(db, catalog, clock, {"slack": adapter})


def org_event(event: dict[str, object], event_id: str) -> str:
    """An Events API body from a workspace of an organization with an org-wide install."""
    return json.dumps(
        {
            "type": "event_callback",
            "enterprise_id": "E0ORG",
            "team_id": "T0WS1",
            "api_app_id": "A0APP",
            "event": event,
            "event_id": event_id,
            "event_time": 1,
            "authorizations": [
                {
                    "enterprise_id": "E0ORG",
                    "team_id": None,
                    "user_id": "U0BOT",
                    "is_bot": True,
                    "is_enterprise_install": True,
                }
            ],
        }
    )
