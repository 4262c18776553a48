"""End to end, many workspaces: the real Bolt AsyncApp over HTTP with our OAuth stores, two
workspaces installed through the fake Slack's OAuth endpoints, each served with its own token."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
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
from bot.domain import Message, UserKey
from bot.errors import ConfigError, DeliveryError
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler
from bot.service import CoachService
from bot.storage.db import Database
from bot.storage.store import Store
from tests.conftest import FULL_DIALOGUE, MIGRATIONS, PROMPTS, START, say
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
