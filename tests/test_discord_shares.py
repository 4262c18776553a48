"""Discord share notes through the outbox: a passing refusal is retried and the note posted
once, a lasting one is undone and the user told, against the fake Discord."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.core import Core
from bot.domain import Message
from bot.prompts import Catalog
from bot.storage import outbox
from bot.storage.db import Database
from tests import discord_harness as on_discord
from tests.conftest import START, stored_session
from tests.discord_harness import CHANNEL, KEY, USER, running, says, summary_from_a_guild_start
from tests.fakes.discord_server import FakeDiscord

# The Discord adapter's fixtures: the fake REST and gateway, the core on the real database.
fake, core = on_discord.fake, on_discord.core
NOTES = rf"/channels/{CHANNEL}/messages"
HTML_503 = "<html><body>503 Service Unavailable</body></html>"


async def test_a_share_refused_with_a_5xx_is_retried_and_posted_once(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """The channel answers 503 (an HTML page) once: "shared" waits, the retry pass posts the
    note once, and only then is the user told it was shared."""
    async with running(core) as adapter:
        summary = await summary_from_a_guild_start(fake, core, catalog)
        fake.fail("POST", NOTES, 503, HTML_503, content_type="text/html")
        mark = len(fake.sent)
        await fake.press(USER, int(summary["id"]), "rf:1:summary:share")
        await fake.wait_for("POST", NOTES)
        await adapter.inbox.idle()
        waiting = [m["content"] for m in fake.sent[mark:]]
        clock.set(clock.now() + timedelta(seconds=11))
        await adapter.core.pipeline.deliverer.run_once()
        done = await fake.wait_sent(says(catalog, "share.done"), after=mark)
    assert waiting == []
    notes = [m for m in fake.sent if m["channel_id"] == str(CHANNEL) and "webhook_id" not in m]
    assert [m["content"] for m in notes] == [catalog.text("share.note")]
    assert fake.sent.index(notes[0]) < fake.sent.index(done)
    assert len(fake.matching("POST", NOTES)) == 2
    session = await stored_session(db, KEY, 1)
    assert session.answers["shared"] == "yes"


async def test_a_share_refused_for_good_is_undone_and_the_user_told(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """The channel refuses the note (403 Missing Access) every time: it is tried once, the
    user hears that nothing was shared (never that it was), and the share is undone."""
    async with running(core) as adapter:
        summary = await summary_from_a_guild_start(fake, core, catalog)
        fake.fail("POST", NOTES, 403, {"message": "Missing Access", "code": 50001}, times=None)
        mark = len(fake.sent)
        await fake.press(USER, int(summary["id"]), "rf:1:summary:share")
        await fake.wait_sent(says(catalog, "share.failed"), after=mark)
        clock.set(clock.now() + timedelta(hours=2))
        await adapter.core.pipeline.deliverer.run_once()
    assert not any(says(catalog, "share.done")(m) for m in fake.sent[mark:])
    assert len(fake.matching("POST", NOTES)) == 1
    session = await stored_session(db, KEY, 1)
    assert "shared" not in session.answers


async def test_a_share_refused_for_an_hour_is_given_up_and_the_user_told(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """A channel that answers 503 for more than an hour: the note is given up, the share
    undone and the user told, so their later replies no longer wait behind it."""
    async with running(core) as adapter:
        summary = await summary_from_a_guild_start(fake, core, catalog)
        fake.fail("POST", NOTES, 503, HTML_503, content_type="text/html", times=None)
        mark = len(fake.sent)
        await fake.press(USER, int(summary["id"]), "rf:1:summary:share")
        await fake.wait_for("POST", NOTES)
        await adapter.inbox.idle()
        clock.set(clock.now() + timedelta(minutes=61))
        await adapter.core.pipeline.deliverer.run_once()
        await fake.wait_sent(says(catalog, "share.failed"), after=mark)
    assert not any(says(catalog, "share.done")(m) for m in fake.sent[mark:])
    assert fake.matching("POST", rf"/channels/{CHANNEL}/messages")
    session = await stored_session(db, KEY, 1)
    assert "shared" not in session.answers


async def test_the_question_missed_is_the_turns_replies_without_its_share_or_note(
    db: Database,
) -> None:
    """The replies re-sent to a message that crossed them are the latest turn's replies only:
    never its share note (a channel's text) nor its note where /reframe was typed."""
    channel = {"channel": str(CHANNEL)}
    async with db.transaction() as conn:
        for kind, text in (
            (outbox.SHARE, "note for the channel"),
            (outbox.REPLY, "shared"),
            (outbox.NOTE, "sent you a DM"),
        ):
            await outbox.enqueue(
                conn,
                user=KEY,
                kind=kind,
                turn="inbox:7",
                route=channel,
                messages=(Message(text),),
                now=START,
            )
        last = await outbox.last_turn(conn, user=KEY)
    assert [row.message.text for row in last] == ["shared"]
