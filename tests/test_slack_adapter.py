"""End to end: the real Bolt AsyncApp over HTTP on 127.0.0.1, the real service and SQLite file,
and a fake Slack Web API that records every call."""

from __future__ import annotations

import json
import time
from pathlib import Path

import aiohttp
import pytest

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.adapters.slack_blocks import escape
from bot.clock import ManualClock
from bot.core import Core
from bot.domain import Status
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.fakes.slack_api import TEAM, FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.fakes.slack_workspaces import BOT_USER
from tests.slack_harness import (
    ALICE,
    ALICE_KEY,
    CHANNEL,
    DIALOGUE,
    DM,
    SECRET,
    adapter,
    all_text,
    fake,
    run_dialogue,
    slack,
    slack_settings,
    snapshot,
    with_buttons,
)

__all__ = ["adapter", "fake", "slack"]  # fixtures, shared


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
