"""The Discord front end: DMs and interactions stored in the inbox, coach messages and
buttons out through the outbox, nudges by DM."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import discord

from bot.adapters import discord_errors, discord_send
from bot.adapters.discord_client import CoachClient, Endpoints, throttle_bucket_sweep
from bot.adapters.discord_closes import refusal, stopped
from bot.adapters.discord_interactions import Interactions
from bot.adapters.discord_payloads import PLATFORM, ButtonRef, dm_inbound
from bot.adapters.discord_routes import BUTTON, COMMAND, is_interaction
from bot.core import Core
from bot.domain import Message, UserKey
from bot.errors import DeliveryError, PlatformRefused, ReframeError
from bot.inbox_workers import InboxWorkers
from bot.storage import channels
from bot.storage.inbox import InboxRow

log = logging.getLogger(__name__)

START_TIMEOUT = 60.0
DRAIN_TIMEOUT = 10.0
BUCKET_SWEEP_INTERVAL = 30.0
# Discord accepts one IDENTIFY per 5 s (per max_concurrency bucket): the shards of one
# process connect that far apart, as discord.py's own default hook does.
IDENTIFY_INTERVAL = 5.0


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
        self.inbox = InboxWorkers(
            core.db, core.clock, self.platform, self._handle, gate=core.pipeline.deliverer.gate
        )
        self.interactions = Interactions(
            core, self.inbox, lambda: self.client, self._send_dm, self.dm_channel
        )

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
        """Outbox: answer an interaction (followup, else DM), or send to the route's channel
        or the user's DM; DeliveryError lets the outbox retry."""
        if is_interaction(route):
            assert route is not None  # is_interaction checked it
            await self.interactions.deliver(user, messages, route)
            return
        await self._send_dm(user, messages, (route or {}).get("channel"))

    async def _send_dm(
        self, user: UserKey, messages: Sequence[Message], channel: str | None = None
    ) -> None:
        """Send to `channel` (a DM's id) or, without one, to the user's DM channel."""
        client = self._connected()
        if not (channel and channel.isascii() and channel.isdigit()):
            channel = await self.dm_channel(user)
        await discord_send.send(client.get_partial_messageable(int(channel)), messages)

    async def dm_channel(self, user: UserKey) -> str:
        """The id of the user's DM channel: the one a worker opened before, else opened now
        (create_dm) and kept for the others. DeliveryError (classified) when refused."""
        client = self._connected()
        if not (user.user_id.isascii() and user.user_id.isdigit()):
            raise DeliveryError("not a Discord user id", permanent=True)
        async with self.core.db.autocommit() as conn:
            channel = await channels.dm_channel(conn, user=user) or ""
        if channel.isascii() and channel.isdigit():
            return channel
        try:
            dm = await client.create_dm(discord.Object(id=int(user.user_id)))
        except Exception as error:
            raise discord_errors.classify(error, "create DM") from error
        async with self.core.db.autocommit() as conn:
            await channels.remember_dm_channel(conn, user=user, channel=str(dm.id))
        return str(dm.id)

    def _connected(self) -> CoachClient:
        client = self.client
        if client is None or client.is_closed():
            raise DeliveryError("Discord is not connected")
        return client

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

    async def on_reframe(self, interaction: discord.Interaction[Any], setback: str | None) -> None:
        """/reframe from the gateway: stored, then acked (discord_interactions)."""
        if not self._stopping and self.client is not None:
            await self.interactions.on_reframe(interaction, setback)

    async def on_choice(self, interaction: discord.Interaction[Any], ref: ButtonRef) -> None:
        """A coach button from the gateway: stored, then acked (discord_interactions)."""
        if not self._stopping and self.client is not None:
            await self.interactions.on_choice(interaction, ref)

    async def _handle(self, row: InboxRow) -> None:
        """An inbox worker's call: a stored DM's or interaction's turn, through the pipeline."""
        async with self._tracked():
            if row.kind in (COMMAND, BUTTON):
                await self.interactions.handle(row)
            else:
                await self._dm_turn(row)

    async def _dm_turn(self, row: InboxRow) -> None:
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
        try:
            await self.core.pipeline.turn(inbound, route=route, row=row)
        except Exception as error:
            log.debug("discord turn failure", exc_info=True)
            await self.core.pipeline.failed(row, route, error)

    async def share(self, user: UserKey, channel_id: str) -> None:
        """The pipeline's share note: the fixed line, never the user's words."""
        client = self._connected()
        if not (channel_id.isascii() and channel_id.isdigit()):
            raise DeliveryError("not a Discord channel id", permanent=True)
        channel = client.get_partial_messageable(int(channel_id))
        await discord_send.send_text(channel, self.core.catalog.text("share.note"))


def create_discord_adapter(core: Core) -> DiscordAdapter:
    """The Discord adapter for `reframe run`, configured from core.settings."""
    return DiscordAdapter(core)
