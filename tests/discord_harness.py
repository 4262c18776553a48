"""The Discord adapter under test against the fake Discord (REST and gateway), and its helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.adapters.discord_adapter import DiscordAdapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import Inbound, UserKey
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, MIGRATIONS, PROMPTS
from tests.fakes.discord_server import FakeDiscord, Json

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


async def summary_from_a_guild_start(fake: FakeDiscord, core: Core, catalog: Catalog) -> Json:
    """/reframe in a guild channel, then the dialogue up to the summary with its share button."""
    mark = len(fake.sent)
    await fake.slash(USER, setback="My landlord said no", guild_id=GUILD, channel_id=CHANNEL)
    await fake.wait_sent(says(catalog, "error.dm_only"), after=mark)
    for line in FULL_DIALOGUE[2:-1]:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    return await dm(fake, "A clear answer", has_button("rf:1:summary:share"))
