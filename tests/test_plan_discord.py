"""The plan on Discord end to end: `/reframe plan` answered ephemerally, `plan` in the DM, and
the two-part revisit, against the fake REST and gateway."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.core import Core
from bot.domain import Inbound, Outcome, OwnWin
from bot.prompts import Catalog
from bot.runner import scheduler_config
from bot.scheduler import NudgeScheduler
from bot.storage.db import Database
from tests import discord_harness as on_discord
from tests.conftest import FULL_DIALOGUE, stored_session
from tests.discord_harness import (
    CHANNEL,
    EPHEMERAL,
    GUILD,
    KEY,
    USER,
    dm,
    has_button,
    ids,
    press,
    running,
    says,
)
from tests.fakes.discord_server import FakeDiscord

# The Discord adapter's fixtures: the fake REST and gateway, the core on the real database.
fake, core = on_discord.fake, on_discord.core


async def finish_a_plan(core: Core) -> None:
    """One whole reframe, straight through the service."""
    for line in FULL_DIALOGUE:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))


async def test_reframe_plan_in_a_guild_is_answered_ephemerally(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """/reframe plan in a guild shows the card only to the caller, there; no DM is opened."""
    await finish_a_plan(core)
    async with running(core):
        mark = len(fake.sent)
        await fake.slash(USER, setback="plan", guild_id=GUILD, channel_id=CHANNEL)
        card = await fake.wait_sent(says(catalog, "plan.title"), after=mark)
    assert card["flags"] == EPHEMERAL
    assert "The no: My manager said no to the promotion" in card["content"]
    assert fake.matching("POST", "/users/@me/channels") == []
    assert fake.matching("POST", rf"/channels/{CHANNEL}/messages") == []


async def test_plan_typed_in_the_dm_shows_the_card(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """`plan` in the DM answers with the card, in one message within 2,000 characters."""
    await finish_a_plan(core)
    async with running(core):
        card = await dm(fake, "plan", says(catalog, "plan.title"))
    assert "Your own win: Getting clear criteria for the promotion" in card["content"]
    assert len(card["content"]) <= 2000


async def test_the_revisit_asks_how_it_went_then_about_the_own_win(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """The nudge shows the short card with outcome buttons; after "Got a maybe" it asks whether
    the named win happened, and "Not yet" is kept beside the outcome."""
    await finish_a_plan(core)
    async with running(core) as adapter:
        scheduler = NudgeScheduler(
            db, catalog, clock, {"discord": adapter}, scheduler_config(core.settings)
        )
        clock.set(clock.now() + timedelta(days=15))
        await scheduler.run_once(clock.now())
        nudge = await fake.wait_sent(has_button("rf:1:nudge:maybe"))
        asked = await press(fake, nudge, "rf:1:nudge:maybe", has_button("rf:1:nudge_win:not_yet"))
        done = await press(
            fake, asked, "rf:1:nudge_win:not_yet", says(catalog, "nudge_win.not_yet")
        )
    assert nudge["content"].startswith(catalog.text("plan.title_nudge"))
    assert "Next move: Ask again in March with a growth plan" in nudge["content"]
    assert ids(asked) == [f"rf:1:nudge_win:{c}" for c in ("yes", "partly", "not_yet")]
    assert "Getting clear criteria for the promotion" in asked["content"]
    assert done
    session = await stored_session(db, KEY, 1)
    assert session.outcome is Outcome.MAYBE
    assert session.own_win is OwnWin.NOT_YET
