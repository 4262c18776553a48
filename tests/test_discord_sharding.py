"""Discord sharding against the fake gateway: Discord's recommended count, or shards per process."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings
from bot.core import Core
from bot.errors import ConfigError
from bot.prompts import Catalog
from tests import discord_harness
from tests.discord_harness import USER, discord_settings, dm, running, says
from tests.fakes.discord_server import FakeDiscord

# The fake Discord and the core configured for it, shared with the adapter's tests.
fake = discord_harness.fake
core = discord_harness.core

# Guild ids whose events Discord sends to shard 0 and to shard 1 of two: (id >> 22) % 2.
GUILD_ON_0 = (900 << 22) | 17
GUILD_ON_1 = (901 << 22) | 17
CHANNEL = 555555555555555555


async def slash_answered(fake: FakeDiscord, guild: int) -> None:
    """The user runs /reframe in a guild; wait until the bot answers that interaction."""
    interaction = await fake.slash(
        USER, setback="my boss said no", guild_id=guild, channel_id=CHANNEL
    )
    await fake.wait_for("POST", rf"/interactions/{interaction}/[^/]+/callback")


def sharded(core: Core, **changes: object) -> Core:
    """The same core with its settings changed (shard count and ids)."""
    return replace(core, settings=replace(core.settings, **changes))  # type: ignore[arg-type]


async def test_by_default_one_process_runs_the_shards_discord_recommends(
    fake: FakeDiscord, core: Core, catalog: Catalog, tmp_path: Path
) -> None:
    """Unset, the bot runs the shards GET /gateway/bot recommends; it syncs once, serves all."""
    fake.recommended_shards = 2
    async with running(
        replace(core, settings=discord_settings(fake, tmp_path, guild=None))
    ) as adapter:
        assert sorted(fake.identifies) == [(0, 2), (1, 2)]
        assert await adapter.connected()
        await dm(fake, "hi", says(catalog, "setback.ask"))
        await slash_answered(fake, GUILD_ON_1)
        await slash_answered(fake, GUILD_ON_0)
    assert len(fake.matching("GET", "/gateway/bot")) == 1
    assert len(fake.matching("PUT", r"/applications/\d+/commands")) == 1


async def test_two_processes_split_the_shards_and_only_shard_0_syncs_commands(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """Clients for shards 0 and 1 of 2 (as two processes): 0 syncs and gets DMs, 1 its guilds."""
    first = sharded(core, discord_shard_count=2, discord_shard_ids=(0,), discord_guild_id=None)
    second = sharded(core, discord_shard_count=2, discord_shard_ids=(1,), discord_guild_id=None)
    async with running(first), running(second) as other:
        assert fake.identifies == [(0, 2), (1, 2)]
        assert await other.connected()
        await dm(fake, "hi", says(catalog, "setback.ask"))
        await slash_answered(fake, GUILD_ON_1)
    assert fake.matching("GET", "/gateway/bot") == []
    assert len(fake.matching("PUT", r"/applications/\d+/commands")) == 1


def test_shard_settings_are_checked(tmp_path: Path) -> None:
    """Shard ids parse as lists or ranges, and need a count they stay below."""
    base = {"REFRAME_DB": str(tmp_path / "r.db")}
    settings = Settings.from_env(base | {"DISCORD_SHARD_COUNT": "4", "DISCORD_SHARD_IDS": "0-1,3"})
    assert (settings.discord_shard_count, settings.discord_shard_ids) == (4, (0, 1, 3))
    assert Settings.from_env(base).discord_shard_ids is None
    for bad in ({"DISCORD_SHARD_IDS": "0"}, {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "2"}):
        with pytest.raises(ConfigError, match="DISCORD_SHARD"):
            Settings.from_env(base | bad)
    with pytest.raises(ConfigError, match="DISCORD_SHARD_IDS"):
        Settings.from_env(base | {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "one"})
