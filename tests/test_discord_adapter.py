"""The Discord adapter end to end: an unmodified discord.py client against a local fake Discord."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.adapters.discord_adapter import DiscordAdapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import Inbound, Status
from bot.errors import PlatformRefused
from bot.prompts import Catalog
from bot.runner import serve
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE
from tests.discord_harness import (
    CHANNEL,
    EPHEMERAL,
    GUILD,
    KEY,
    USER,
    core,
    discord_settings,
    dm,
    fake,
    has_button,
    press,
    running,
    says,
    summary_from_a_guild_start,
    walk_to_summary,
)
from tests.fakes.discord_server import APP_ID, BOT_ID, FakeDiscord

__all__ = ["core", "fake"]  # fixtures, shared


async def test_dm_dialogue_reaches_the_summary_with_buttons(
    fake: FakeDiscord, core: Core, catalog: Catalog, db: Database
) -> None:
    """A DM conversation, typed and pressed, reaches the summary and disables pressed buttons."""
    async with running(core):
        pressed = await walk_to_summary(fake, catalog)
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=KEY)
    assert record is not None and record.session is not None
    assert record.session.status is Status.FINISHED
    assert record.session.answers["boundary"] == "soft"
    for message in pressed:
        buttons = [b for row in message["components"] for b in row["components"]]
        assert buttons and all(button["disabled"] for button in buttons)
    assert fake.matching("POST", rf"/channels/{CHANNEL}/messages") == []


async def test_dm_replies_carry_no_mentions_and_at_most_five_buttons_a_row(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """Every message the bot posts disables mentions and keeps at most five buttons per row."""
    async with running(core):
        await walk_to_summary(fake, catalog)
    posted = [r.body for r in fake.matching("POST", r"/channels/\d+/messages|/webhooks/.*")]
    assert posted and all(body["allowed_mentions"]["parse"] == [] for body in posted)
    rows = [row for body in posted for row in body.get("components", [])]
    assert rows and all(1 <= len(row["components"]) <= 5 for row in rows)


async def test_everyone_in_user_text_is_sent_without_mentions(
    fake: FakeDiscord, core: Core, catalog: Catalog, service: CoachService
) -> None:
    """User text with @everyone, echoed in the summary, goes out with allowed_mentions parse []."""
    for line in FULL_DIALOGUE[:-1]:
        await service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    async with running(core):
        summary = await dm(fake, "Get @everyone to agree", says(catalog, "plan.title"))
    request = next(
        r
        for r in fake.matching("POST", r"/channels/\d+/messages")
        if "@everyone" in r.body["content"]
    )
    assert "@everyone" in summary["content"]
    assert request.body["allowed_mentions"] == {"parse": []}


async def test_slash_in_a_guild_is_ephemeral_and_opens_the_dm(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """/reframe in a guild is deferred ephemerally (flags 64) and the conversation opens in a DM."""
    async with running(core):
        mark = len(fake.sent)
        await fake.slash(USER, setback="My landlord said no", guild_id=GUILD, channel_id=CHANNEL)
        note = await fake.wait_sent(says(catalog, "error.dm_only"), after=mark)
    callback = fake.matching("POST", r"/interactions/\d+/[^/]+/callback")[0]
    assert callback.body == {"type": 5, "data": {"flags": EPHEMERAL}}
    assert callback.query == {"with_response": "1"}
    assert note["flags"] == EPHEMERAL
    opened = fake.matching("POST", "/users/@me/channels")
    assert [r.body for r in opened] == [{"recipient_id": USER}]
    dm_posts = fake.matching("POST", rf"/channels/{fake.dm_channel(USER)}/messages")
    assert any(r.body["content"] == catalog.text("ask.ask") for r in dm_posts)
    assert fake.matching("POST", rf"/channels/{CHANNEL}/messages") == []


async def test_slash_in_a_dm_starts_there(fake: FakeDiscord, core: Core, catalog: Catalog) -> None:
    """/reframe help in a DM answers in place with the help text, not ephemerally."""
    async with running(core):
        mark = len(fake.sent)
        await fake.slash(USER, setback="help")
        answer = await fake.wait_sent(says(catalog, "help.text"), after=mark)
    callback = fake.matching("POST", r"/interactions/\d+/[^/]+/callback")[0]
    assert callback.body["type"] == 5 and "flags" not in callback.body.get("data", {})
    assert answer["flags"] == 0
    assert fake.matching("POST", "/users/@me/channels") == []


async def test_closed_dms_get_an_ephemeral_explanation(
    fake: FakeDiscord, core: Core, db: Database
) -> None:
    """A user whose DMs are closed (403) is told ephemerally how to open them; the turn is kept."""
    fake.fail(
        "POST",
        rf"/channels/{fake.dm_channel(USER)}/messages",
        403,
        {"message": "Cannot send messages to this user", "code": 50007},
    )
    async with running(core):
        mark = len(fake.sent)
        await fake.slash(USER, setback="My landlord said no", guild_id=GUILD, channel_id=CHANNEL)
        closed = core.catalog.text("error.dm_closed")
        note = await fake.wait_sent(lambda m: m["content"] == closed, after=mark)
    assert note["flags"] == EPHEMERAL
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=KEY)
    assert record is not None and record.session is not None
    assert record.session.answers["setback"] == "My landlord said no"


async def test_a_button_still_works_after_a_restart(
    fake: FakeDiscord, core: Core, catalog: Catalog, db: Database, clock: ManualClock
) -> None:
    """A button sent by one client is handled by a new client on the same database."""
    async with running(core) as first:
        await dm(fake, "hi", says(catalog, "setback.ask"))
        await dm(fake, "My manager said no", says(catalog, "ask.ask"))
        boundary = await dm(fake, "A promotion", has_button("rf:1:boundary:hard"))
        old_client = first.client
    restarted = replace(core, service=CoachService(db, catalog, clock))
    async with running(restarted) as second:
        assert second.client is not old_client
        await press(fake, boundary, "rf:1:boundary:soft", has_button("rf:1:timing:no"))
    edit = fake.matching("POST", r"/interactions/\d+/[^/]+/callback")[-1]
    assert edit.body["type"] == 7
    assert fake.gateway_ops.count(2) == 2


async def test_a_button_from_a_finished_session_gets_the_polite_note(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """Pressing an old button after the conversation is over answers with button.stale."""
    async with running(core):
        boundary, *_ = await walk_to_summary(fake, catalog)
        await press(fake, boundary, "rf:1:boundary:hard", says(catalog, "button.stale"))


async def test_guild_messages_and_bot_messages_are_not_read(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """Only a person's DM gets an answer: guild channel messages and bots' DMs are ignored."""
    async with running(core):
        await fake.send_guild_message(USER, GUILD, CHANNEL)
        await fake.send_dm(BOT_ID, "my own message", bot=True)
        await fake.send_dm(USER + 1, "another bot", bot=True)
        await dm(fake, "hi", says(catalog, "setback.ask"))
    channels = {r.path for r in fake.matching("POST", r"/channels/\d+/messages")}
    assert channels == {f"/channels/{fake.dm_channel(USER)}/messages"}


async def test_a_shared_note_is_the_only_channel_post(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """The share button posts share.note, and only that, to the channel /reframe came from."""
    async with running(core):
        summary = await summary_from_a_guild_start(fake, core, catalog)
        await press(fake, summary, "rf:1:summary:share", says(catalog, "share.done"))
        await fake.wait_for("POST", rf"/channels/{CHANNEL}/messages")
    posts = fake.matching("POST", rf"/channels/{CHANNEL}/messages")
    assert [r.body["content"] for r in posts] == [catalog.text("share.note")]


async def test_export_arrives_as_a_file(fake: FakeDiscord, core: Core, catalog: Catalog) -> None:
    """`export` in a DM sends the user's data as a JSON file attachment."""
    async with running(core):
        await dm(fake, "hi", says(catalog, "setback.ask"))
        await dm(fake, "export", says(catalog, "export.ready"))
    upload = next(r for r in fake.matching("POST", r"/channels/\d+/messages") if r.files)
    name, content = upload.files[0]
    assert name == "reframe-export.json"
    assert json.loads(content)["user"] == {
        "platform": "discord",
        "workspace": "discord",
        "user_id": str(USER),
    }


async def test_commands_sync_to_the_dev_guild_or_globally(
    fake: FakeDiscord, core: Core, tmp_path: Path
) -> None:
    """With DISCORD_GUILD_ID /reframe syncs to that guild; without it, globally."""
    async with running(core):
        pass
    async with running(replace(core, settings=discord_settings(fake, tmp_path, guild=None))):
        pass
    puts = [r.path for r in fake.matching("PUT", r"/applications/.*")]
    assert puts == [
        f"/applications/{APP_ID}/guilds/{GUILD}/commands",
        f"/applications/{APP_ID}/commands",
    ]


async def test_a_bad_token_fails_start_cleanly(fake: FakeDiscord, core: Core) -> None:
    """A token Discord refuses (401) makes start() raise our PlatformRefused naming
    DISCORD_TOKEN, leaving nothing open."""
    fake.fail("GET", "/users/@me", 401, {"message": "401: Unauthorized", "code": 0})
    adapter = DiscordAdapter(core, ready_timeout=0.01)
    with pytest.raises(PlatformRefused, match="DISCORD_TOKEN"):
        await adapter.start()
    assert adapter.client is None
    assert fake.gateway_ops == []


async def test_reframe_run_serves_discord(fake: FakeDiscord, tmp_path: Path) -> None:
    """`reframe run` settings from the environment start the Discord adapter and answer a DM."""
    from bot.app import open_core

    settings = Settings.from_env(
        {
            "REFRAME_DB": str(tmp_path / "run.db"),
            "DISCORD_TOKEN": "fake-token",
            "DISCORD_API_BASE": fake.api_base,
            "DISCORD_GATEWAY_URL": fake.gateway_url,
        }
    )
    stop = asyncio.Event()
    async with open_core(settings) as run_core:
        task = asyncio.create_task(serve(run_core, stop))
        try:
            await asyncio.wait_for(fake.identified.wait(), 10)
            await dm(fake, "hi", says(run_core.catalog, "setback.ask"))
        finally:
            stop.set()
            await task
    assert fake.matching("GET", "/users/@me")
    assert fake.gateway_ops[:2] == [1, 2]  # a heartbeat on HELLO, then IDENTIFY


async def test_a_refused_share_is_undone_and_can_be_tried_again(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """When the channel refuses the note, the user is told nothing was shared, and may retry."""
    fake.fail(
        "POST", rf"/channels/{CHANNEL}/messages", 403, {"message": "Missing Access", "code": 50001}
    )
    async with running(core):
        summary = await summary_from_a_guild_start(fake, core, catalog)
        await press(fake, summary, "rf:1:summary:share", says(catalog, "share.failed"))
        await press(fake, summary, "rf:1:summary:share", says(catalog, "share.done"))
    posts = fake.matching("POST", rf"/channels/{CHANNEL}/messages")
    assert [r.body["content"] for r in posts] == [catalog.text("share.note")] * 2


async def test_a_discord_locale_does_not_choose_the_crisis_lines(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """Discord's en-GB is a language, not a country: the international directory is shown."""
    async with running(core):
        mark = len(fake.sent)
        await fake.slash(USER, setback="I want to end my life", locale="en-GB")
        reply = await fake.wait_sent(
            lambda m: "findahelpline.com" in m.get("content", ""), after=mark
        )
    assert "116 123" not in reply["content"]
    assert "988" not in reply["content"]
