"""End to end: the real Bolt AsyncApp over HTTP on 127.0.0.1, the real service and SQLite file,
and a fake Slack Web API that records every call."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.adapters.slack_blocks import escape
from bot.adapters.slack_web import SlackWeb
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import Outcome, OwnWin, Status, UserKey
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler, RunReport
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database, from_db
from tests.conftest import MIGRATIONS, PROMPTS, START, stored_session
from tests.fakes.slack_api import TEAM, Call, FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.fakes.slack_workspaces import BOT_USER

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ALICE = "U0ALICE"
DM = "D" + ALICE
CHANNEL = "C0TEAM"
ALICE_KEY = UserKey("slack", TEAM, ALICE)

# After "/reframe <setback>": every answer to the summary, typed or pressed.
DIALOGUE = (
    ("type", "A promotion to senior engineer"),
    ("press", "soft"),
    ("press", "maybe"),
    ("type", "They may have a headcount freeze"),
    ("type", "I lead the platform migration"),
    ("type", "Shipped the new CI pipeline"),
    ("type", "A senior who mentors the juniors"),
    ("press", "timeline"),
    ("type", "Ask again in March with a growth plan"),
    ("press", "2w"),
    ("type", "What would you need to see from me by March?"),
    ("press", "pause"),
    ("type", "Getting clear criteria for the promotion"),
)


def slack_settings(tmp_path: Path, fake: FakeSlackApi, **extra: Any) -> Settings:
    """Settings for HTTP mode on an ephemeral port, with the Web API pointed at the fake."""
    values: dict[str, Any] = {
        "db_path": tmp_path / "reframe.db",
        "prompts_dir": PROMPTS,
        "migrations_dir": MIGRATIONS,
        "slack_bot_token": "xoxb-test",
        "slack_signing_secret": SECRET,
        "slack_api_url": fake.base_url,
        "port": 0,
    }
    values.update(extra)
    return Settings(**values)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    """The fake Slack, where Alice lives in Berlin."""
    async with FakeSlackApi(zones={ALICE: "Europe/Berlin"}) as api:
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
    """The adapter in HTTP mode, serving on 127.0.0.1."""
    core = Core(slack_settings(tmp_path, fake), db, catalog, service, clock)
    slack = create_slack_adapter(core, host="127.0.0.1")
    await slack.start()
    yield slack
    await slack.stop()


@pytest.fixture
async def slack(adapter: SlackAdapter, fake: FakeSlackApi) -> AsyncIterator[SlackSender]:
    """Signed requests to the adapter, each waited on until handled."""
    sender = SlackSender(f"http://127.0.0.1:{adapter.port}", SECRET, adapter, fake)
    yield sender
    await sender.close()


def with_buttons(fake: FakeSlackApi, channel: str = DM) -> Call:
    """The latest message posted with buttons to a channel."""
    return [
        p for p in fake.posts(channel) if any(b["type"] == "actions" for b in p.args["blocks"])
    ][-1]


def all_text(call: Call) -> str:
    """Every text of a posted message (fallback and sections), joined."""
    texts = [call.args.get("text", "")]
    texts += [b["text"]["text"] for b in call.args.get("blocks", []) if b["type"] == "section"]
    return "\n".join(texts)


async def run_dialogue(
    slack: SlackSender, fake: FakeSlackApi, setback: str, typed: str | None = None
) -> None:
    """/reframe in the team channel, then every answer up to the summary (each typed answer
    replaced by `typed` when given)."""
    await slack.command(ALICE, setback, CHANNEL)
    for kind, value in DIALOGUE:
        if kind == "type":
            await slack.dm(ALICE, typed or value)
        else:
            await slack.press(ALICE, with_buttons(fake), value)


async def snapshot(db: Database) -> list[tuple[Any, ...]]:
    """Every row the coach keeps, to prove a refused request changed nothing."""
    rows: list[tuple[Any, ...]] = []
    async with db.transaction() as conn:
        for table in ("users", "sessions", "reminders", "processed_events"):
            found = await conn.fetch_all(f"SELECT * FROM {table} ORDER BY 1")
            rows += [(table, *row.values()) for row in found]
    return rows


async def test_full_dialogue_from_a_channel(
    slack: SlackSender, fake: FakeSlackApi, db: Database, catalog: Catalog
) -> None:
    """A /reframe in a channel acks ephemerally, runs to the summary in the DM, and the share
    button posts only the fixed note to the channel."""
    ack = await slack.command(ALICE, "<!channel> my manager said no", CHANNEL)
    assert json.loads(ack.body) == {
        "text": escape(catalog.text("error.dm_only")),
        "response_type": "ephemeral",
    }
    for kind, value in DIALOGUE:
        if kind == "type":
            await slack.dm(ALICE, value)
        else:
            await slack.press(ALICE, with_buttons(fake), value)
    summary = with_buttons(fake)
    assert "share" in json.dumps(summary.args["blocks"])
    assert not fake.posts(CHANNEL)

    await slack.press(ALICE, summary, "share")

    channel_posts = [p for p in fake.posts() if not p.args["channel"].startswith("D")]
    assert [p.args["channel"] for p in channel_posts] == [CHANNEL]
    assert all_text(channel_posts[0]).endswith(escape(catalog.text("share.note")))
    assert "setback" not in all_text(channel_posts[0]).lower()
    # Every press took its buttons away, so a second click has nothing to press.
    updates = fake.called("chat.update")
    assert len(updates) == 6
    assert all(b["type"] != "actions" for u in updates for b in u.args["blocks"])
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=ALICE_KEY)
    assert record is not None and record.session is not None
    assert record.session.status is Status.FINISHED
    assert record.session.answers["shared"] == "yes"
    assert record.platform_timezone == "Europe/Berlin"


async def test_double_click_changes_nothing(
    slack: SlackSender, fake: FakeSlackApi, db: Database, catalog: Catalog
) -> None:
    """A second press on an answered question gets the engine's polite note and changes nothing."""
    await slack.command(ALICE, "my manager said no", CHANNEL)
    await slack.dm(ALICE, "A promotion to senior engineer")
    boundary = with_buttons(fake)
    await slack.press(ALICE, boundary, "soft")
    before = await snapshot(db)

    await slack.press(ALICE, boundary, "hard")

    assert await snapshot(db) == before
    assert fake.posts(DM)[-1].args["text"] == escape(catalog.text("button.already"))


async def test_user_text_is_escaped(slack: SlackSender, fake: FakeSlackApi) -> None:
    """`<!channel>` typed into a setback comes back escaped in the summary and never raw."""
    await run_dialogue(slack, fake, "<!channel> & <@U0BOSS> said no")
    card = next(p for p in fake.posts(DM) if "&lt;!channel&gt;" in all_text(p))
    assert "&amp; &lt;@U0BOSS&gt;" in all_text(card)
    for call in fake.calls:
        assert "<!channel>" not in json.dumps(call.args.get("blocks", "")), call.method
        assert "<!channel>" not in str(call.args.get("text", "")), call.method


async def deliver_nudge(
    slack: SlackSender,
    fake: FakeSlackApi,
    adapter: SlackAdapter,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> RunReport:
    """A finished dialogue whose nudge the scheduler has just delivered (calls cleared first)."""
    await run_dialogue(slack, fake, "My manager said no")
    async with db.transaction() as conn:
        send_after = await conn.fetch_value("SELECT send_after FROM reminders")
    assert send_after is not None
    due = from_db(send_after)
    clock.set(due)
    fake.calls.clear()
    return await NudgeScheduler(db, catalog, clock, {"slack": adapter}).run_once(due)


async def test_nudge_delivered_through_the_outbox_and_answered(
    slack: SlackSender,
    fake: FakeSlackApi,
    adapter: SlackAdapter,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """A due nudge shows the short card with the outcome buttons; "Got a yes" is recorded, then
    the own-win question is asked and "Partly" is recorded too (the two-part revisit)."""
    report = await deliver_nudge(slack, fake, adapter, db, catalog, clock)

    assert report.delivered == 1
    assert [c.method for c in fake.calls] == ["chat.postMessage"]  # the DM id is cached
    nudge = with_buttons(fake)
    values = [
        e["value"] for b in nudge.args["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert values == [f"1|nudge|{c}" for c in ("yes", "maybe", "no", "snooze", "stop")]
    assert "Next move: Ask again in March with a growth plan" in all_text(nudge)
    await slack.press(ALICE, nudge, "yes")
    said, asked = fake.posts(DM)[-2:]
    assert said.args["text"].startswith(escape(catalog.text("nudge.yes")[:20]))
    assert "Getting clear criteria for the promotion" in all_text(asked)
    await slack.press(ALICE, with_buttons(fake), "partly")
    session = await stored_session(db, ALICE_KEY, 1)
    assert session.outcome is Outcome.YES
    assert session.own_win is OwnWin.PARTLY
    assert fake.posts(DM)[-1].args["text"] == escape(catalog.text("nudge_win.partly"))


async def test_a_nudge_answered_in_words_is_recorded(
    slack: SlackSender,
    fake: FakeSlackApi,
    adapter: SlackAdapter,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """A typed "they said yes in the end!" DM after a nudge records a yes; no new reframe starts."""
    await deliver_nudge(slack, fake, adapter, db, catalog, clock)
    await slack.dm(ALICE, "they said yes in the end!")
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=ALICE_KEY)
        assert record is not None
        sessions = await repos.list_sessions(conn, user_ref=record.ref, user=ALICE_KEY)
    assert [(s.number, s.outcome) for s in sessions] == [(1, Outcome.YES)]
    said = escape(catalog.text("nudge.yes")[:20])
    assert any(post.args["text"].startswith(said) for post in fake.posts(DM))


async def test_outbox_refusal_raises_delivery_error(
    adapter: SlackAdapter, fake: FakeSlackApi
) -> None:
    """An ok:false from Slack during delivery raises DeliveryError, so the scheduler retries."""
    from bot.domain import Message
    from bot.errors import DeliveryError

    fake.fail_next("conversations.open", error="user_not_found")
    with pytest.raises(DeliveryError):
        await adapter.deliver(ALICE_KEY, (Message("hello"),))


async def test_retried_event_is_deduplicated(slack: SlackSender, fake: FakeSlackApi) -> None:
    """The same event_id delivered again with X-Slack-Retry-Num posts nothing the second time."""
    event = {"type": "message", "channel_type": "im", "channel": DM, "user": ALICE, "text": "hi"}
    first, event_id = await slack.event(event)
    posted = len(fake.posts(DM))
    assert first.status == 200 and posted > 0

    retry, _ = await slack.event(event, event_id=event_id, retry=1)

    assert retry.status == 200
    assert len(fake.posts(DM)) == posted


async def test_rate_limit_is_survived(slack: SlackSender, fake: FakeSlackApi) -> None:
    """A 429 with Retry-After from chat.postMessage is retried and the reply still arrives."""
    fake.fail_next("chat.postMessage", status=429, retry_after=0)

    await slack.dm(ALICE, "hi")

    attempts = fake.called("chat.postMessage")
    assert attempts[0].args["_ok"] is False
    assert len(fake.posts(DM)) >= 1
    assert fake.posts(DM)[0].args["text"] == attempts[0].args["text"]


async def test_a_refused_reply_is_retried_and_the_answer_never_said_lost(
    slack: SlackSender,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    adapter: SlackAdapter,
) -> None:
    """When Slack refuses the reply, the answer stays saved, the reply is posted by the retry
    pass, and the user is never told that their answer could not be saved."""
    await slack.dm(ALICE, "hi")
    fake.fail_next("chat.postMessage", error="internal_error")

    await slack.dm(ALICE, "My landlord said no")
    refused = len(fake.posts(DM))
    clock.set(clock.now() + timedelta(minutes=1))
    retried = await adapter.core.pipeline.deliverer.run_once()

    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=ALICE_KEY)
    assert record is not None and record.session is not None
    assert record.session.answers["setback"] == "My landlord said no"
    assert retried.sent >= 1 and len(fake.posts(DM)) == refused + retried.sent
    sorry = escape(catalog.text("error.try_again"))[:300]
    assert all(post.args["text"] != sorry for post in fake.posts(DM))


@pytest.mark.parametrize(
    ("secret", "age"), [("forged-secret", 0), (SECRET, 301)], ids=["forged", "stale"]
)
async def test_bad_signature_or_stale_request_is_refused(
    slack: SlackSender, fake: FakeSlackApi, db: Database, secret: str, age: int
) -> None:
    """A forged signature or a timestamp older than 300 s gets 401 and changes nothing."""
    before = await snapshot(db)
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": TEAM,
            "event_id": "EvBAD",
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": DM,
                "user": ALICE,
                "text": "hi",
            },
        }
    )

    answer = await slack.post(
        body, "application/json", secret=secret, timestamp=int(time.time()) - age
    )

    assert answer.status == 401
    assert await snapshot(db) == before
    assert not fake.called("chat.postMessage")


async def test_ignores_bots_edits_and_other_subtypes(
    slack: SlackSender, fake: FakeSlackApi
) -> None:
    """The bot's own posts, edits, deletions and channel messages never start a turn."""
    base = {"type": "message", "channel_type": "im", "channel": DM, "user": ALICE, "text": "hi"}
    # Bolt drops the bot's own post before any listener runs, so there is nothing to wait for.
    own, _ = await slack.event({**base, "user": BOT_USER, "bot_id": "B0BOT"}, wait=False)
    assert own.status == 200
    for extra in (
        {"bot_id": "B0OTHER"},
        {"subtype": "message_changed"},
        {"subtype": "message_deleted"},
        {"channel_type": "channel", "channel": CHANNEL},
    ):
        await slack.event({**base, **extra})
    assert not fake.called("chat.postMessage")


async def test_mention_in_channel_gets_only_an_ephemeral_pointer(
    slack: SlackSender, fake: FakeSlackApi, catalog: Catalog
) -> None:
    """An app_mention gets an ephemeral pointer in the channel and the conversation in the DM."""
    await slack.event(
        {"type": "app_mention", "channel": CHANNEL, "user": ALICE, "text": "<@U0BOT> boss said no"}
    )
    [pointer] = fake.called("chat.postEphemeral")
    assert pointer.args["channel"] == CHANNEL and pointer.args["user"] == ALICE
    assert pointer.args["text"] == escape(catalog.text("error.dm_only"))
    assert {p.args["channel"] for p in fake.posts()} == {DM}
    assert all("boss" not in all_text(p) for p in fake.posts())


async def test_slash_command_words_and_dm_start(
    slack: SlackSender, fake: FakeSlackApi, catalog: Catalog
) -> None:
    """`/reframe help` answers with the help text in the DM; `/reframe` in the DM just starts."""
    ack = await slack.command(ALICE, "help", CHANNEL)
    assert ack.status == 200
    assert any(catalog.text("help.text")[:30] in p.args["text"] for p in fake.posts(DM))

    ack = await slack.command(ALICE, "", DM)
    assert ack.status == 200 and ack.body == ""
    assert {p.args["channel"] for p in fake.posts()} == {DM}


async def test_command_tells_the_user_via_response_url_when_dm_fails(
    slack: SlackSender, fake: FakeSlackApi, catalog: Catalog
) -> None:
    """When the DM cannot be opened, the caller hears 'try again' through response_url."""
    fake.fail_next("conversations.open", error="internal_error")

    await slack.command(ALICE, "my client said no", CHANNEL)

    [told] = fake.called("respond")
    assert told.args["text"] == escape(catalog.text("error.try_again"))
    assert told.args["response_type"] == "ephemeral"


async def test_export_is_uploaded_as_a_file(slack: SlackSender, fake: FakeSlackApi) -> None:
    """`export` in the DM uploads the JSON through the three files_upload_v2 steps."""
    await slack.dm(ALICE, "hi")
    await slack.dm(ALICE, "export")

    [url] = fake.called("files.getUploadURLExternal")
    assert url.args["filename"] == "reframe-export.json"
    [upload] = fake.called("upload")
    assert json.loads(upload.args["content"])["user"]["user_id"] == ALICE
    [done] = fake.called("files.completeUploadExternal")
    assert done.args["channel_id"] == DM


async def test_app_home_shows_the_overview(
    slack: SlackSender, fake: FakeSlackApi, catalog: Catalog
) -> None:
    """Opening the Home tab publishes the three overview messages as a home view."""
    await slack.event({"type": "app_home_opened", "user": ALICE, "channel": DM, "tab": "home"})

    [published] = fake.called("views.publish")
    assert published.args["user_id"] == ALICE
    view = published.args["view"]
    assert view["type"] == "home"
    assert [b["type"] for b in view["blocks"]].count("divider") == 2
    assert escape(catalog.text("wins.none")) in json.dumps(view, ensure_ascii=False)


async def test_health_endpoint(adapter: SlackAdapter) -> None:
    """HTTP mode answers GET /healthz with 200."""
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{adapter.port}/healthz") as response,
    ):
        assert response.status == 200
        assert (await response.json())["ok"] is True


async def test_refused_bot_token_fails_start_clearly(
    tmp_path: Path,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> None:
    """A bot token Slack refuses stops start() with PlatformRefused naming the reason."""
    from bot.errors import PlatformRefused

    fake.fail_next("auth.test", error="invalid_auth")
    core = Core(slack_settings(tmp_path, fake), db, catalog, service, clock)
    adapter = create_slack_adapter(core, host="127.0.0.1")

    with pytest.raises(PlatformRefused, match="invalid_auth"):
        await adapter.start()
    assert adapter.port is None


async def test_a_refused_share_is_undone_and_can_be_tried_again(
    slack: SlackSender, fake: FakeSlackApi, catalog: Catalog
) -> None:
    """When Slack refuses the note, the user is told so, and the share button works later."""
    await run_dialogue(slack, fake, "my manager said no")
    summary = with_buttons(fake)
    fake.fail_next("chat.postMessage", error="not_in_channel")
    await slack.press(ALICE, summary, "share")
    assert escape(catalog.text("share.failed")) in all_text(fake.posts(DM)[-1])
    assert not fake.posts(CHANNEL)
    await slack.press(ALICE, summary, "share")
    [note] = fake.posts(CHANNEL)
    assert escape(catalog.text("share.note")) in all_text(note)
    assert escape(catalog.text("share.done")) in all_text(fake.posts(DM)[-1])


async def test_crisis_lines_follow_the_users_slack_time_zone(
    slack: SlackSender, fake: FakeSlackApi
) -> None:
    """A Slack user in Europe/Berlin with Slack's default en-US locale gets Germany's lines."""
    fake.locales[ALICE] = "en-US"
    fake.zones[ALICE] = "Europe/Berlin"
    await slack.dm(ALICE, "I keep thinking about suicide")
    assert "0800 111 0 111" in all_text(fake.posts(DM)[-1])
    assert "988" not in all_text(fake.posts(DM)[-1])
    [info] = fake.called("users.info")
    assert info.args.get("include_locale") in (True, "true", "1")


async def test_a_second_worker_reuses_the_dm_channel_the_first_opened(
    fake: FakeSlackApi, db: Database, catalog: Catalog
) -> None:
    """Two workers' Web API sides on one store: conversations.open is called once for a user."""
    async with db.transaction() as conn:
        await repos.ensure_user(conn, user=ALICE_KEY, now=START)
    first, second = (
        SlackWeb(AsyncWebClient(token="xoxb-test", base_url=fake.base_url), catalog, None, db)
        for _ in range(2)
    )
    opened = await first.open_dm(ALICE_KEY)
    assert await second.open_dm(ALICE_KEY) == opened
    assert len(fake.called("conversations.open")) == 1
