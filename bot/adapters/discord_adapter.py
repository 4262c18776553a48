"""The Discord front end: DMs and /reframe in, coach messages and buttons out, nudges by DM."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import discord
import discord.gateway
import discord.http
import yarl
from discord import app_commands

from bot.adapters import discord_errors
from bot.adapters.discord_closes import refusal, stopped
from bot.adapters.discord_payloads import (
    PLATFORM,
    WORKSPACE,
    ButtonRef,
    Piece,
    answered_in_place,
    button_inbound,
    command_inbound,
    dm_inbound,
    pieces,
)
from bot.adapters.discord_views import ChoiceButton, choice_view, disabled_view
from bot.config import Settings
from bot.core import Core
from bot.domain import Attachment, Inbound, Message, UserKey
from bot.errors import DeliveryError, PlatformRefused, ReframeError
from bot.inbox_workers import InboxWorkers
from bot.service import TurnResult, user_tag
from bot.storage import channels
from bot.storage.inbox import InboxRow

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
# A 429 asking us to wait longer than this raises instead, so a nudge is retried by the
# scheduler's backoff rather than holding a delivery slot (discord.py's minimum is 30 s).
MAX_RATELIMIT_WAIT = 60.0
START_TIMEOUT = 60.0
DRAIN_TIMEOUT = 10.0
BUCKET_SWEEP_INTERVAL = 30.0
# Discord accepts one IDENTIFY per 5 s (per max_concurrency bucket): the shards of one
# process connect that far apart, as discord.py's own default hook does.
IDENTIFY_INTERVAL = 5.0


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


class DiscordAdapter:
    """Runs the Discord client and delivers coach messages to users' DMs."""

    platform = PLATFORM

    def __init__(
        self,
        core: Core,
        *,
        ready_timeout: float = 2.0,
        identify_interval: float = IDENTIFY_INTERVAL,
    ) -> None:
        self.core = core
        self.ready_timeout = ready_timeout
        self.identify_interval = identify_interval
        self.endpoints = Endpoints(core.settings)
        self.client: CoachClient | None = None
        self.receiving = True
        self._runner: asyncio.Task[None] | None = None
        self._failure: asyncio.Future[PlatformRefused] | None = None
        self._stopping = False
        self._inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        core.pipeline.deliverer.add(self)
        core.pipeline.add_sharer(self.platform, self)
        self.inbox = InboxWorkers(core.db, core.clock, self.platform, self._handle)

    # ---- lifecycle -----------------------------------------------------------------------

    async def start(self, *, receive: bool = True) -> None:
        """Log in, connect to the gateway and return once Discord says the bot is ready.

        With receive=False, only log in to the REST API, to deliver: no gateway, no shards.
        """
        self.endpoints.apply()
        self._stopping = False
        self.receiving = receive
        client = CoachClient(self, ready_timeout=self.ready_timeout)
        throttle_bucket_sweep(client.http, BUCKET_SWEEP_INTERVAL)
        self.client = client
        if not receive:
            try:
                await client.login(self.core.settings.discord_token)
            except BaseException as error:
                await self.stop()
                refused = refusal(error)
                if refused is not None:
                    raise refused from error
                raise
            return
        # DMs acknowledged before a stop or a crash are handled first.
        await self.inbox.start()
        runner = asyncio.create_task(client.start(self.core.settings.discord_token))
        self._runner = runner
        self._failure = asyncio.get_running_loop().create_future()
        runner.add_done_callback(self._ended)
        ready = asyncio.create_task(client.ready.wait())
        done, _ = await asyncio.wait(
            {runner, ready}, timeout=START_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if ready in done:
            return
        ready.cancel()
        await self.stop()
        if runner in done:
            why = None if runner.cancelled() else runner.exception()
            raise stopped(why) from why  # why the client stopped: a bad token, say
        raise DeliveryError(f"Discord did not become ready within {START_TIMEOUT:.0f} s")

    def _ended(self, runner: asyncio.Task[None]) -> None:
        """The client stopped by itself (a fatal gateway close): tell whoever awaits failure()."""
        if self._stopping or runner.cancelled() or self._failure is None:
            return
        if not self._failure.done():
            self._failure.set_result(stopped(runner.exception()))

    async def failure(self) -> ReframeError:
        """Wait until Discord refuses this bot for good after start (4004, 4010-4014); why."""
        if self._failure is None:
            self._failure = asyncio.get_running_loop().create_future()
        return await asyncio.shield(self._failure)

    async def stop(self) -> None:
        """Take no new events, let turns in flight finish, then close the connection."""
        self._stopping = True
        # DMs stored but not handled stay in the inbox for the next start.
        await self.inbox.stop(DRAIN_TIMEOUT)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), timeout=DRAIN_TIMEOUT)
        if self.client is not None:
            await self.client.close()
        if self._runner is not None:
            try:
                await self._runner
            except Exception as error:  # Already failing; closing must not raise.
                if self._failure is None or not self._failure.done():
                    log.warning("discord client ended with %s", type(error).__name__)
        self.client = None
        self._runner = None
        self.endpoints.restore()

    async def connected(self) -> bool:
        """Whether Discord said READY on every shard and each shard's connection is open
        (delivering only: whether the REST login holds)."""
        client = self.client
        if client is not None and not self.receiving:
            return client.user is not None and not client.is_closed()
        if client is None or client.is_closed() or not client.is_ready():
            return False
        shards = client.shards
        return bool(shards) and not any(shard.is_closed() for shard in shards.values())

    @contextlib.asynccontextmanager
    async def _tracked(self) -> AsyncIterator[None]:
        self._inflight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._inflight -= 1
            if self._inflight == 0:
                self._idle.set()

    # ---- Outbox --------------------------------------------------------------------------

    async def deliver(
        self, user: UserKey, messages: Sequence[Message], route: Mapping[str, str] | None = None
    ) -> None:
        """Outbox: send messages to the user's DM; DeliveryError lets the outbox retry."""
        client = self.client
        if (
            client is None
            or client.is_closed()
            or not (user.user_id.isascii() and user.user_id.isdigit())
        ):
            raise DeliveryError("Discord is not connected or the user id is not a Discord id")
        channel = (route or {}).get("channel", "")
        if not (channel.isascii() and channel.isdigit()):
            # The DM channel another worker opened, else open it and keep its id for them.
            async with self.core.db.autocommit() as conn:
                channel = await channels.dm_channel(conn, user=user) or ""
        if channel.isascii() and channel.isdigit():
            await self._send(client.get_partial_messageable(int(channel)), messages)
            return
        try:
            dm = await client.create_dm(discord.Object(id=int(user.user_id)))
        except Exception as error:
            raise discord_errors.classify(error, "create DM") from error
        async with self.core.db.autocommit() as conn:
            await channels.remember_dm_channel(conn, user=user, channel=str(dm.id))
        await self._send(dm, messages)

    # ---- inbound -------------------------------------------------------------------------

    async def on_dm(self, message: discord.Message) -> None:
        """A DM from a person drives the coach; everything else is ignored."""
        client = self.client
        if self._stopping or client is None:
            return
        inbound = dm_inbound(
            author_id=message.author.id,
            author_is_bot=message.author.bot,
            own_id=client.user.id if client.user else None,
            in_dm=isinstance(message.channel, discord.DMChannel),
            content=message.content,
            message_id=message.id,
            message_type=message.type.value,
        )
        if inbound is None:
            return
        # The gateway never sends a message again: it is stored before anything else.
        await self.inbox.add(
            key=f"discord:dm:{message.id}",
            user=inbound.user,
            kind="dm",
            payload={
                "author_id": message.author.id,
                "own_id": client.user.id if client.user else None,
                "content": message.content,
                "message_id": message.id,
                "message_type": message.type.value,
                "channel_id": message.channel.id,
            },
        )

    async def _handle(self, row: InboxRow) -> None:
        """An inbox worker's call: a stored DM's turn, through the pipeline."""
        data = row.payload
        inbound = dm_inbound(
            author_id=int(data["author_id"]),
            author_is_bot=False,
            own_id=data.get("own_id"),
            in_dm=True,
            content=str(data["content"]),
            message_id=int(data["message_id"]),
            message_type=int(data["message_type"]),
        )
        route = {"channel": str(data["channel_id"])}
        if inbound is None:
            await self.core.pipeline.skip(row, "ignored")
            return
        async with self._tracked():
            try:
                await self.core.pipeline.turn(inbound, route=route, row=row)
            except Exception as error:
                log.debug("discord turn failure", exc_info=True)
                await self.core.pipeline.failed(row, route, error)

    async def share(self, user: UserKey, channel_id: str) -> None:
        """The pipeline's share note: the fixed line, never the user's words."""
        client = self.client
        if client is None or not (channel_id.isascii() and channel_id.isdigit()):
            raise DeliveryError("not connected, or not a Discord channel id")
        channel = client.get_partial_messageable(int(channel_id))
        await self._send_text(channel, self._text("share.note"))

    async def on_reframe(self, interaction: discord.Interaction[Any], setback: str | None) -> None:
        """/reframe: in a guild, an ephemeral note and the conversation in a DM; in a DM, there."""
        client = self.client
        if self._stopping or client is None:
            return
        in_guild = interaction.guild_id is not None
        inbound = command_inbound(
            user_id=interaction.user.id,
            guild_id=interaction.guild_id,
            channel_id=interaction.channel_id,
            setback=setback,
            interaction_id=interaction.id,
            locale=interaction.locale,
        )
        async with self._tracked():
            # Answer within Discord's 3 s at once; the turn and the DM may take longer.
            await interaction.response.defer(ephemeral=in_guild, thinking=True)
            if inbound is None:
                await self._followup(interaction, self._text("error.try_again"), private=True)
                return
            result = await self._share(client, inbound.user, await self._turn(inbound))
            if in_guild and not answered_in_place(setback):
                await self._open_dm(client, interaction, result)
            else:
                await self._followups(interaction, result.messages)

    async def on_choice(self, interaction: discord.Interaction[Any], ref: ButtonRef) -> None:
        """A pressed button: disable the message's buttons, then run the turn and answer."""
        client = self.client
        if self._stopping or client is None:
            return
        inbound = button_inbound(
            user_id=interaction.user.id,
            custom_id=ref.custom_id,
            interaction_id=interaction.id,
            locale=interaction.locale,
        )
        async with self._tracked():
            if interaction.message is not None:
                await interaction.response.edit_message(
                    view=disabled_view(interaction.message, ref.custom_id),
                    allowed_mentions=NO_MENTIONS,
                )
            else:
                await interaction.response.defer()
            if inbound is None:
                return
            result = await self._share(client, inbound.user, await self._turn(inbound))
            await self._followups(interaction, result.messages)

    async def _turn(self, inbound: Inbound) -> TurnResult:
        """One turn of the service; an unexpected failure becomes a polite reply."""
        try:
            return await self.core.service.handle(inbound)
        except Exception:
            log.exception("turn failed for %s", user_tag(inbound.user))
            return TurnResult((Message(self._text("error.try_again")),))

    # ---- outbound ------------------------------------------------------------------------

    async def _open_dm(
        self, client: CoachClient, interaction: discord.Interaction[Any], result: TurnResult
    ) -> None:
        """Move a guild /reframe to the user's DM; explain how to open DMs when they are closed."""
        try:
            await self._send_dm(client, interaction.user.id, result.messages)
        except DeliveryError as error:
            # Forbidden (DMs closed) is permanent; either way the user hears how to open DMs.
            log.info("DM to %s not delivered: %s", _tag(interaction.user.id), error)
            await self._followup(interaction, self.core.catalog.text("error.dm_closed"), True)
            return
        await self._followup(interaction, self._text("error.dm_only"), private=True)

    async def _send_dm(
        self, client: CoachClient, user_id: int, messages: Sequence[Message]
    ) -> None:
        """Open the user's DM and send there; DeliveryError (classified) when Discord refuses."""
        try:
            channel = await client.create_dm(discord.Object(id=user_id))
        except Exception as error:
            raise discord_errors.classify(error, "create DM") from error
        await self._send(channel, messages)

    async def _send(self, channel: discord.abc.Messageable, messages: Sequence[Message]) -> None:
        """Send each piece; DeliveryError (classified) when Discord refuses one."""
        try:
            for piece in _pieces(messages):
                await channel.send(piece.text, allowed_mentions=NO_MENTIONS, **_extras(piece))
        except Exception as error:
            raise discord_errors.classify(error, "send") from error

    async def _followups(
        self, interaction: discord.Interaction[Any], messages: Sequence[Message]
    ) -> None:
        # A followup in a guild channel would be public: keep it to the user who acted.
        private = interaction.guild_id is not None
        try:
            for piece in _pieces(messages):
                await interaction.followup.send(
                    piece.text, ephemeral=private, allowed_mentions=NO_MENTIONS, **_extras(piece)
                )
        except Exception as error:
            failed = discord_errors.classify(error, "followup")
            log.warning("followup to %s failed: %s", _tag(interaction.user.id), failed)

    async def _followup(
        self, interaction: discord.Interaction[Any], text: str, private: bool
    ) -> None:
        try:
            await interaction.followup.send(text, ephemeral=private, allowed_mentions=NO_MENTIONS)
        except Exception as error:
            failed = discord_errors.classify(error, "followup")
            log.warning("followup to %s failed: %s", _tag(interaction.user.id), failed)

    async def _share(self, client: CoachClient, user: UserKey, result: TurnResult) -> TurnResult:
        """The one channel post: the short note a user chose to share, never their words.

        When Discord refuses it, the share is undone and the user is told instead.
        """
        for share in result.shares:
            try:
                if not (share.channel_id.isascii() and share.channel_id.isdigit()):
                    raise DeliveryError("not a Discord channel id")
                channel = client.get_partial_messageable(int(share.channel_id))
                await self._send_text(channel, self._text("share.note"))
            except DeliveryError as error:
                log.warning("share note not posted: %s", error)
                return await self.core.service.undo_share(user, share.session_number)
        return result

    async def _send_text(self, channel: discord.abc.Messageable, text: str) -> None:
        """Send one plain text; DeliveryError (classified) when Discord refuses it."""
        try:
            await channel.send(text, allowed_mentions=NO_MENTIONS)
        except Exception as error:
            raise discord_errors.classify(error, "send") from error

    def _text(self, key: str, default: str = "") -> str:
        return self.core.catalog.texts.get(key, default)


def _tag(user_id: int) -> str:
    return user_tag(UserKey(PLATFORM, WORKSPACE, str(user_id)))


def _extras(piece: Piece) -> dict[str, Any]:
    """The buttons and file that go with one piece of a message, as send() keywords."""
    extra: dict[str, Any] = {}
    view = choice_view(piece.buttons)
    if view is not None:
        extra["view"] = view
    if piece.attachment is not None:
        extra["file"] = _file(piece.attachment)
    return extra


def _pieces(messages: Sequence[Message]) -> list[Piece]:
    return [piece for message in messages for piece in pieces(message)]


def _file(attachment: Attachment) -> discord.File:
    return discord.File(io.BytesIO(attachment.content), filename=attachment.filename)


def create_discord_adapter(core: Core) -> DiscordAdapter:
    """The Discord adapter for `reframe run`, configured from core.settings."""
    return DiscordAdapter(core)
