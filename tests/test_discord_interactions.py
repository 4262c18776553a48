"""Discord interactions through the durable inbox: stored before the ack, handled once in the
user's order, answered by followup while the token lives and in the DM after, against the
fake Discord with an unmodified discord.py client."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.core import Core
from bot.prompts import Catalog
from bot.storage.db import Database
from tests import discord_harness as on_discord
from tests.conftest import stored_session
from tests.discord_harness import CHANNEL, GUILD, KEY, USER, dm, has_button, running, says
from tests.fakes.discord_server import APP_ID, FakeDiscord

# The Discord adapter's fixtures: the fake REST and gateway, the core on the real database.
fake, core = on_discord.fake, on_discord.core


async def inbox_rows(db: Database) -> list[tuple[str, str, str | None]]:
    """(kind, status, outcome) of every inbox row, in arrival order."""
    async with db.autocommit() as conn:
        rows = await conn.fetch_all("SELECT kind, status, outcome FROM inbox ORDER BY id")
    return [(r["kind"], r["status"], r["outcome"]) for r in rows]


async def test_an_interaction_is_stored_before_its_ack_and_handled_from_the_inbox(
    fake: FakeDiscord, core: Core, catalog: Catalog, db: Database
) -> None:
    """/reframe help in a DM is written to the inbox, deferred, answered by one followup, and
    its row is marked done with the token blanked."""
    async with running(core) as adapter:
        mark = len(fake.sent)
        interaction = await fake.slash(USER, setback="help")
        answer = await fake.wait_sent(says(catalog, "help.text"), after=mark)
        await adapter.inbox.idle()
    assert await inbox_rows(db) == [("command", "done", "turn")]
    async with db.autocommit() as conn:
        payload = await conn.fetch_value("SELECT payload FROM inbox")
    assert payload == "{}"
    followups = fake.matching("POST", rf"/webhooks/{APP_ID}/token-{interaction}")
    assert len(followups) == 1 and answer["webhook_id"] == str(APP_ID)


async def test_a_repeated_interaction_id_is_handled_once(
    fake: FakeDiscord, core: Core, catalog: Catalog, db: Database
) -> None:
    """The same INTERACTION_CREATE dispatched twice is acked once and runs one turn."""
    async with running(core) as adapter:
        mark = len(fake.sent)
        interaction = await fake.slash(USER, setback="My landlord said no")
        await fake.repeat(interaction)
        await fake.wait_sent(says(catalog, "ask.ask"), after=mark)
        await adapter.inbox.idle()
        await adapter.core.pipeline.deliverer.flush(KEY)
    assert len(fake.matching("POST", rf"/interactions/{interaction}/[^/]+/callback")) == 1
    assert await inbox_rows(db) == [("command", "done", "turn")]
    asked = [m for m in fake.sent if says(catalog, "ask.ask")(m)]
    assert len(asked) == 1
    session = await stored_session(db, KEY, 1)
    assert session.answers["setback"] == "My landlord said no"


async def test_a_double_click_is_answered_and_stores_one_answer(
    fake: FakeDiscord, core: Core, catalog: Catalog, db: Database
) -> None:
    """Two presses of the same button (two interactions) store one answer: the second is
    told the question is already answered."""
    async with running(core) as adapter:
        await dm(fake, "hi", says(catalog, "setback.ask"))
        await dm(fake, "My manager said no", says(catalog, "ask.ask"))
        boundary = await dm(fake, "A promotion", has_button("rf:1:boundary:soft"))
        mark = len(fake.sent)
        await fake.press(USER, int(boundary["id"]), "rf:1:boundary:soft")
        await fake.press(USER, int(boundary["id"]), "rf:1:boundary:soft")
        await fake.wait_sent(says(catalog, "button.already"), after=mark)
        await adapter.inbox.idle()
    timing = [m for m in fake.sent[mark:] if has_button("rf:1:timing:maybe")(m)]
    assert len(timing) == 1
    assert await inbox_rows(db) == [("dm", "done", "turn")] * 3 + [("button", "done", "turn")] * 2
    session = await stored_session(db, KEY, 1)
    assert session.answers["boundary"] == "soft"


async def test_an_interaction_handled_after_its_token_expired_is_answered_in_the_dm(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """While the user's guild /reframe is held (its DM not yet opened), their /reframe help
    in the DM waits in the inbox; handled 16 minutes later, both answers go to the DM and no
    followup uses the expired tokens."""
    opening = fake.hang("POST", "/users/@me/channels")
    async with running(core) as adapter:
        first = await fake.slash(USER, setback="My landlord said no", guild_id=GUILD)
        await opening.wait_held()
        second = await fake.slash(USER, setback="help")
        await fake.wait_for("POST", rf"/interactions/{second}/[^/]+/callback")
        assert await inbox_rows(db) == [("command", "pending", None)] * 2
        clock.set(clock.now() + timedelta(minutes=16))
        mark = len(fake.sent)
        opening.release()
        await fake.wait_sent(says(catalog, "help.text"), after=mark)
        await adapter.inbox.idle()
    dm_channel = fake.dm_channel(USER)
    in_dm = [m for m in fake.sent[mark:] if m["channel_id"] == str(dm_channel)]
    asked = next(i for i, m in enumerate(in_dm) if m["content"] == catalog.text("ask.ask"))
    helped = next(i for i, m in enumerate(in_dm) if says(catalog, "help.text")(m))
    assert asked < helped
    assert fake.matching("POST", rf"/webhooks/{APP_ID}/token-({first}|{second})") == []
    assert fake.matching("POST", rf"/channels/{CHANNEL}/messages") == []
    assert await inbox_rows(db) == [("command", "done", "turn")] * 2


async def test_an_interaction_whose_ack_failed_is_still_answered_in_the_dm(
    fake: FakeDiscord, core: Core, catalog: Catalog, db: Database
) -> None:
    """When the ack is refused (Discord: unknown interaction, as after 3 s), the stored
    /reframe is still handled once and, its webhook unknown, answered in the DM."""
    fake.fail(
        "POST",
        r"/interactions/\d+/[^/]+/callback",
        404,
        {"message": "Unknown interaction", "code": 10062},
    )
    async with running(core) as adapter:
        mark = len(fake.sent)
        interaction = await fake.slash(USER, setback="help")
        answer = await fake.wait_sent(says(catalog, "help.text"), after=mark)
        await adapter.inbox.idle()
    assert answer["channel_id"] == str(fake.dm_channel(USER)) and "webhook_id" not in answer
    refused = fake.matching("POST", rf"/webhooks/{APP_ID}/token-{interaction}")
    assert len(refused) == 1
    assert await inbox_rows(db) == [("command", "done", "turn")]
