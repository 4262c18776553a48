"""The gateway client: discord.py pointed at the configured hosts, /reframe, the shards."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

import discord
import discord.gateway
import discord.http
import yarl
from discord import app_commands

from bot.adapters.discord_payloads import ButtonRef
from bot.adapters.discord_send import NO_MENTIONS
from bot.adapters.discord_views import ChoiceButton
from bot.config import Settings

if TYPE_CHECKING:
    from bot.adapters.discord_adapter import DiscordAdapter

log = logging.getLogger(__name__)

# A 429 asking us to wait longer than this raises instead, so a nudge is retried by the
# scheduler's backoff rather than holding a delivery slot (discord.py's minimum is 30 s).
MAX_RATELIMIT_WAIT = 60.0


def throttle_bucket_sweep(http: discord.http.HTTPClient, interval: float) -> None:
    """Let discord.py sweep its expired rate-limit buckets at most once per `interval` s.

    discord.py 2.7 scans every bucket whenever it creates one, and a nudge burst creates one
    per DM channel: 10,000 nudges cost 17 s of CPU in that scan alone. Buckets live 300 s,
    so sweeping every 30 s frees the same memory. The hook is private: if a later
    discord.py renames it, this quietly does nothing and only the burst gets slower.
    """
    sweep = getattr(http, "_try_clear_expired_ratelimits", None)
    if sweep is None:
        return
    last = -interval

    def throttled() -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= interval:
            last = now
            sweep()

    http._try_clear_expired_ratelimits = throttled  # type: ignore[method-assign]


class Endpoints:
    """Where discord.py connects: the real Discord unless settings point it elsewhere."""

    def __init__(self, settings: Settings) -> None:
        self.api_base = settings.discord_api_base.rstrip("/")
        self.gateway = settings.discord_gateway_url
        self._saved: tuple[str, yarl.URL] | None = None

    def apply(self) -> None:
        """Point discord.py (process-wide class attributes) at the configured hosts."""
        if self._saved is None:
            self._saved = (
                discord.http.Route.BASE,
                discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY,
            )
        if self.api_base:
            discord.http.Route.BASE = self.api_base
        if self.gateway:
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway)

    def restore(self) -> None:
        """Put back what was there before apply()."""
        if self._saved is not None:
            discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._saved
            self._saved = None


@app_commands.describe(
    setback="What happened, or a command: help, wins, reminders, export, forget me, timezone X"
)
async def _reframe(interaction: discord.Interaction[Any], setback: str | None = None) -> None:
    client = interaction.client
    if isinstance(client, CoachClient):
        await client.adapter.on_reframe(interaction, setback)


def reframe_command() -> app_commands.Command[Any, ..., None]:
    """The /reframe slash command, usable in guild channels and in a DM with the bot."""
    command: app_commands.Command[Any, ..., None] = app_commands.Command(
        name="reframe",
        description="Turn a no into a plan, privately in a DM.",
        callback=_reframe,
    )
    command = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=False)(command)
    return app_commands.allowed_installs(guilds=True, users=False)(command)


class CoachClient(discord.AutoShardedClient):
    """The gateway client: routes DMs, /reframe and button presses to the adapter.

    Sharded: by default one process runs as many shards as Discord recommends (GET
    /gateway/bot); DISCORD_SHARD_COUNT and DISCORD_SHARD_IDS split them over processes.
    """

    def __init__(self, adapter: DiscordAdapter, *, ready_timeout: float) -> None:
        # No privileged intent: DMs with the bot are exempt from the message content intent.
        intents = discord.Intents.none()
        intents.guilds = True
        intents.dm_messages = True
        settings = adapter.core.settings
        shard_ids = settings.discord_shard_ids
        super().__init__(
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            max_ratelimit_timeout=MAX_RATELIMIT_WAIT,
            chunk_guilds_at_startup=False,
            guild_ready_timeout=ready_timeout,
            shard_count=settings.discord_shard_count,
        )
        if shard_ids is not None:
            # Set here: the keyword is typed as never None. Settings checked it has a count.
            self.shard_ids = list(shard_ids)
        self.adapter = adapter
        self.tree: app_commands.CommandTree[CoachClient] = app_commands.CommandTree(self)
        self.tree.add_command(reframe_command())
        self.ready = asyncio.Event()

    async def setup_hook(self) -> None:
        """Register the persistent buttons, then publish /reframe (a dev guild gets it at once).

        Only the process running shard 0 publishes: the commands are the application's, one
        set for every shard.
        """
        self.add_dynamic_items(ChoiceButton)
        if not self.adapter.receiving:
            return
        if self.shard_count is None and self.adapter.endpoints.gateway:
            # Left to itself discord.py would connect where GET /gateway/bot says; ask it for
            # the recommended count here, so the configured gateway URL is the one used.
            self.shard_count, _, _ = await self.http.get_bot_gateway()
        if self.shard_ids is not None and 0 not in self.shard_ids:
            return
        guild_id = self.adapter.core.settings.discord_guild_id
        try:
            if guild_id is not None:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                await self.tree.sync(guild=guild)
            else:
                await self.tree.sync()
        except discord.HTTPException as error:
            # Discord keeps the last synced commands: DMs and buttons still work without this.
            log.warning("could not sync /reframe: %s", error)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Space this process's IDENTIFYs by the adapter's identify_interval (Discord: 5 s)."""
        if not initial:
            await asyncio.sleep(self.adapter.identify_interval)

    async def on_ready(self) -> None:
        """Connected: the adapter's start() may return."""
        log.info(
            "discord connected as bot %s, shards %s of %s",
            self.user.id if self.user else "?",
            sorted(self.shards),
            self.shard_count,
        )
        self.ready.set()

    async def on_message(self, message: discord.Message) -> None:
        """A message the bot can see: only DMs from people reach the coach."""
        await self.adapter.on_dm(message)

    async def on_choice(self, interaction: discord.Interaction[Any], ref: ButtonRef) -> None:
        """A coach button was pressed (called by ChoiceButton)."""
        await self.adapter.on_choice(interaction, ref)
