"""The Discord adapter end to end: an unmodified discord.py client against a local fake Discord."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.adapters.discord_adapter import DiscordAdapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import Button, Inbound, Message, Outcome, Status, UserKey
from bot.errors import PlatformRefused
from bot.prompts import Catalog
from bot.runner import scheduler_config, serve
from bot.scheduler import NudgeScheduler
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, MIGRATIONS, PROMPTS
from tests.fakes.discord_server import APP_ID, BOT_ID, FakeDiscord, Json

USER = 424242424242424242
GUILD = 777777777777777777
CHANNEL = 555555555555555555
KEY = UserKey("discord", "discord", str(USER))
EPHEMERAL = 64


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A fake Discord (REST and gateway) on 127.0.0.1."""
    server = FakeDiscord()
    await server.start()
    yield server
    await server.close()


def discord_settings(fake: FakeDiscord, tmp_path: Path, guild: int | None = GUILD) -> Settings:
    """Settings that point discord.py at the fake."""
    return Settings(
        db_path=tmp_path / "reframe.db",
        prompts_dir=PROMPTS,
        migrations_dir=MIGRATIONS,
        discord_token="fake-token",
        discord_api_base=fake.api_base,
        discord_gateway_url=fake.gateway_url,
        discord_guild_id=guild,
    )


@pytest.fixture
def core(
    fake: FakeDiscord,
    tmp_path: Path,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> Core:
    """The real service on the real database, configured for the fake Discord."""
    core = Core(discord_settings(fake, tmp_path), db, catalog, service, clock)
    fake.settled = core.pipeline.deliverer.quiet
    return core


@asynccontextmanager
async def running(core: Core) -> AsyncIterator[DiscordAdapter]:
    """A started adapter (a new discord.Client), always stopped and closed afterwards."""
    # No guilds arrive after READY here, so there is no need to wait 2 s for them; the fake
    # takes IDENTIFYs as fast as they come.
    adapter = DiscordAdapter(core, ready_timeout=0.01, identify_interval=0.0)
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()


def ids(message: Json) -> list[str]:
    """The custom_ids of a posted message's buttons."""
    return [button["custom_id"] for row in message["components"] for button in row["components"]]


def has_button(custom_id: str) -> Callable[[Json], bool]:
    """A predicate: the message carries this button."""
    return lambda message: custom_id in ids(message)


def says(catalog: Catalog, key: str) -> Callable[[Json], bool]:
    """A predicate: the message starts with the text of this prompt key."""
    start = catalog.text(key).split("{")[0][:40]
    return lambda message: message["content"].startswith(start)


async def dm(fake: FakeDiscord, text: str, expect: Callable[[Json], bool]) -> Json:
    """The user DMs the bot; wait for the reply that matches."""
    mark = len(fake.sent)
    await fake.send_dm(USER, text)
    return await fake.wait_sent(expect, after=mark)


async def press(
    fake: FakeDiscord, message: Json, custom_id: str, expect: Callable[[Json], bool]
) -> Json:
    """The user presses a button on a message; wait for the answer that matches."""
    mark = len(fake.sent)
    await fake.press(USER, int(message["id"]), custom_id)
    return await fake.wait_sent(expect, after=mark)


async def walk_to_summary(fake: FakeDiscord, catalog: Catalog) -> list[Json]:
    """The whole dialogue in a DM, typing answers and pressing every choice; the messages."""
    asked = await dm(fake, "hi", says(catalog, "setback.ask"))
    asked = await dm(fake, "My manager said no to the promotion", says(catalog, "ask.ask"))
    boundary = await dm(fake, "A promotion to senior engineer", has_button("rf:1:boundary:soft"))
    timing = await press(fake, boundary, "rf:1:boundary:soft", has_button("rf:1:timing:maybe"))
    await press(fake, timing, "rf:1:timing:maybe", says(catalog, "unseen.ask"))
    await dm(fake, "They may have a headcount freeze", says(catalog, "offer.ask"))
    await dm(fake, "I lead the platform migration", says(catalog, "done.ask"))
    await dm(fake, "Shipped the new CI pipeline", says(catalog, "gain.ask"))
    option = await dm(fake, "A senior who mentors juniors", has_button("rf:1:option:timeline"))
    await press(fake, option, "rf:1:option:timeline", says(catalog, "option_detail.ask"))
    zone = await dm(fake, "Ask again in March", has_button("rf:1:timezone:default"))
    revisit = await press(fake, zone, "rf:1:timezone:default", has_button("rf:1:revisit:2w"))
    await press(fake, revisit, "rf:1:revisit:2w", says(catalog, "question.ask"))
    calm = await dm(fake, "What would you need to see?", has_button("rf:1:calm:pause"))
    await press(fake, calm, "rf:1:calm:pause", says(catalog, "success.ask"))
    await dm(fake, "Clear criteria for the promotion", says(catalog, "plan.title"))
    assert asked
    return [boundary, timing, option, zone, revisit, calm]


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


async def test_a_nudge_goes_out_through_the_outbox_and_its_answer_is_recorded(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """NudgeScheduler.run_once delivers the nudge DM with outcome buttons; a press records it."""
    for line in FULL_DIALOGUE:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    async with running(core) as adapter:
        scheduler = NudgeScheduler(
            db, catalog, clock, {"discord": adapter}, scheduler_config(core.settings)
        )
        clock.set(clock.now() + timedelta(days=15))
        report = await scheduler.run_once(clock.now())
        nudge = await fake.wait_sent(has_button("rf:1:nudge:yes"))
        await press(fake, nudge, "rf:1:nudge:yes", says(catalog, "nudge.yes"))
    assert report.delivered == 1
    assert ids(nudge) == [
        f"rf:1:nudge:{choice}" for choice in ("yes", "maybe", "no", "snooze", "stop")
    ]
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=KEY)
        assert record is not None
        session = await repos.load_session(conn, user_ref=record.ref, user=KEY, number=1)
    assert session is not None and session.outcome is Outcome.YES


async def test_a_nudge_answered_in_words_is_recorded(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """A typed "Got a maybe" DM after a nudge records a maybe and asks for the next date."""
    for line in FULL_DIALOGUE:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    async with running(core) as adapter:
        clock.set(clock.now() + timedelta(days=15))
        config = scheduler_config(core.settings)
        await NudgeScheduler(db, catalog, clock, {"discord": adapter}, config).run_once()
        await fake.wait_sent(has_button("rf:1:nudge:yes"))
        await dm(fake, "Got a maybe", has_button("rf:1:nudge_date:2w"))
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=KEY)
        assert record is not None
        sessions = await repos.list_sessions(conn, user_ref=record.ref, user=KEY)
    assert [(s.number, s.outcome) for s in sessions] == [(1, Outcome.MAYBE)]


@pytest.mark.parametrize(
    ("status", "body", "failed", "given_up"),
    [
        (503, "<html>Service Unavailable</html>", 1, 0),
        (403, {"message": "Cannot send messages to this user", "code": 50007}, 0, 1),
    ],
)
async def test_a_failed_delivery_is_retried_or_given_up_as_classified(
    fake: FakeDiscord,
    core: Core,
    catalog: Catalog,
    clock: ManualClock,
    db: Database,
    status: int,
    body: Json | str,
    failed: int,
    given_up: int,
) -> None:
    """A nudge Discord fails with a 503 (an HTML body) is marked failed for a retry; one it
    refuses because the user's DMs are closed (403, 50007) is given up at once."""
    for line in FULL_DIALOGUE:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    fake.fail("POST", r"/channels/\d+/messages", status, body, content_type="text/html")
    async with running(core) as adapter:
        scheduler = NudgeScheduler(
            db, catalog, clock, {"discord": adapter}, scheduler_config(core.settings)
        )
        clock.set(clock.now() + timedelta(days=15))
        report = await scheduler.run_once(clock.now())
    assert (report.delivered, report.failed, report.given_up) == (0, failed, given_up)


async def test_a_rate_limited_send_is_retried(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """A 429 (with Discord's Via header) is retried by discord.py and the message arrives."""
    fake.fail(
        "POST",
        r"/channels/\d+/messages",
        429,
        {"message": "You are being rate limited.", "retry_after": 0.01, "global": False},
        headers={"Via": "1.1 google"},
    )
    async with running(core):
        await dm(fake, "hi", says(catalog, "setback.ask"))
    posts = fake.matching("POST", r"/channels/\d+/messages")
    assert len(posts) == 3
    assert posts[0].body == posts[1].body


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


async def summary_from_a_guild_start(fake: FakeDiscord, core: Core, catalog: Catalog) -> Json:
    """/reframe in a guild channel, then the dialogue up to the summary with its share button."""
    mark = len(fake.sent)
    await fake.slash(USER, setback="My landlord said no", guild_id=GUILD, channel_id=CHANNEL)
    await fake.wait_sent(says(catalog, "error.dm_only"), after=mark)
    for line in FULL_DIALOGUE[2:-1]:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    return await dm(fake, "A clear answer", has_button("rf:1:summary:share"))


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


async def test_deliver_splits_long_text_and_puts_buttons_last(
    fake: FakeDiscord, core: Core
) -> None:
    """A reply over 2,000 characters is split, each piece fits, and the buttons ride the last."""
    paragraph = "This sentence is part of a long paragraph. " * 20
    text = "\n\n".join([paragraph.strip()] * 6)
    buttons = tuple(Button(f"c{i}", f"Choice {i}") for i in range(7))
    message = Message(text, buttons=buttons, step="option", session_number=3)
    async with running(core) as adapter:
        await adapter.deliver(KEY, [message])
    posts = [r.body for r in fake.matching("POST", r"/channels/\d+/messages")]
    assert len(posts) > 1 and all(len(body["content"]) <= 2000 for body in posts)
    assert all(body["components"] == [] for body in posts[:-1])
    assert [len(row["components"]) for row in posts[-1]["components"]] == [5, 2]


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
