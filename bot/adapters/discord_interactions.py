"""Discord interactions (/reframe and coach buttons): stored in the inbox before their ack,
handled by an inbox worker in the user's order (with their DMs), answered through the outbox.

Discord never sends an interaction again and wants an answer within 3 s, so the gateway
handler only stores it (keyed by the interaction id: a repeat is dropped) and then acks it:
a deferred, "thinking" response for /reframe (ephemeral in a guild), and for a button the
message edited with its buttons disabled. The worker runs the turn later, now or after a
restart. Its replies carry an interaction route: while the interaction token is valid
(15 minutes from the interaction, https://discord.com/developers/docs/interactions/
receiving-and-responding#followup-messages) they go as followups through the interaction
webhook; after that, or when Discord no longer knows the token, to the user's DM, never to
a channel. A guild /reframe moves the conversation to the DM and leaves an ephemeral note
where it was typed (or, when the DM was refused, how to open DMs).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any

import discord

from bot.adapters import discord_errors, discord_send
from bot.adapters.discord_payloads import (
    ButtonRef,
    answered_in_place,
    button_inbound,
    command_inbound,
)
from bot.adapters.discord_routes import (
    BUTTON,
    COMMAND,
    TOKEN_LIFETIME,
    followup_webhook,
    interaction_route,
    stored_inbound,
    token_valid,
)
from bot.adapters.discord_views import disabled_view
from bot.core import Core
from bot.domain import Inbound, Message, UserKey
from bot.errors import DeliveryError
from bot.inbox_workers import InboxWorkers
from bot.logtags import user_tag
from bot.storage import outbox
from bot.storage.inbox import InboxRow

log = logging.getLogger(__name__)

# How long a worker's followup waits for this process's own ack of the interaction
# (Discord refuses a followup before the interaction was answered).
ACK_WAIT = 3.0

DmSender = Callable[[UserKey, Sequence[Message], str | None], Awaitable[None]]
DmOpener = Callable[[UserKey], Awaitable[str]]


class Interactions:
    """Stores, acks, handles and answers /reframe and button interactions."""

    def __init__(
        self,
        core: Core,
        inbox: InboxWorkers,
        client: Callable[[], discord.Client | None],
        send_dm: DmSender,
        open_dm: DmOpener,
    ) -> None:
        self.core = core
        self.inbox = inbox
        self.client = client
        self.send_dm = send_dm
        self.open_dm = open_dm
        # Interactions stored by this process whose ack is still on its way.
        self._acking: dict[str, asyncio.Event] = {}

    # ---- the gateway side: store, then ack ----------------------------------------------

    async def on_reframe(self, interaction: discord.Interaction[Any], setback: str | None) -> None:
        """/reframe: stored, then deferred (ephemerally in a guild) within Discord's 3 s."""
        inbound = command_inbound(
            user_id=interaction.user.id,
            guild_id=interaction.guild_id,
            channel_id=interaction.channel_id,
            setback=setback,
            interaction_id=interaction.id,
            locale=interaction.locale,
        )
        in_guild = interaction.guild_id is not None
        async with self._answering(interaction):
            if await self.store(interaction, COMMAND, inbound, {"setback": setback}):
                await interaction.response.defer(ephemeral=in_guild, thinking=True)

    async def on_choice(self, interaction: discord.Interaction[Any], ref: ButtonRef) -> None:
        """A coach button: stored, then its message's buttons disabled (the ack)."""
        inbound = button_inbound(
            user_id=interaction.user.id,
            custom_id=ref.custom_id,
            interaction_id=interaction.id,
            locale=interaction.locale,
        )
        async with self._answering(interaction):
            if not await self.store(interaction, BUTTON, inbound, {"custom_id": ref.custom_id}):
                return
            if interaction.message is not None:
                # A second click finds nothing to press; the press itself is already stored.
                await interaction.response.edit_message(
                    view=disabled_view(interaction.message, ref.custom_id),
                    allowed_mentions=discord_send.NO_MENTIONS,
                )
            else:
                await interaction.response.defer()

    @contextlib.asynccontextmanager
    async def _answering(self, interaction: discord.Interaction[Any]) -> AsyncIterator[None]:
        """Around the store and the ack: workers' followups for this interaction wait until
        the ack is done; an ack that failed is logged (the worker still answers)."""
        key = str(interaction.id)
        owned = key not in self._acking  # else a repeat of an interaction being acked now
        done = self._acking.setdefault(key, asyncio.Event())
        try:
            yield
        except Exception as error:
            log.warning("ack failed: %s", discord_errors.classify(error, "ack"))
        finally:
            if owned:
                self._acking.pop(key, None)
                done.set()

    async def store(
        self,
        interaction: discord.Interaction[Any],
        kind: str,
        inbound: Inbound | None,
        data: Mapping[str, Any],
    ) -> bool:
        """Write the interaction to the inbox; whether it is new and must be acked by us.

        A repeat of a stored id is not acked again (its first copy was). When it cannot be
        stored, the user is told at once that nothing was saved.
        """
        if inbound is None:
            await self._refuse(interaction)
            return False
        received = self.core.clock.now()
        payload = {
            **data,
            "user_id": interaction.user.id,
            "guild_id": interaction.guild_id,
            "channel_id": interaction.channel_id,
            "interaction_id": interaction.id,
            "locale": str(interaction.locale),
            "application_id": interaction.application_id,
            "token": interaction.token,
            "expires": (received + TOKEN_LIFETIME).isoformat(),
        }
        try:
            added = await self.inbox.add(
                key=f"discord:interaction:{interaction.id}",
                user=inbound.user,
                kind=kind,
                payload=payload,
            )
        except Exception:
            log.exception("could not store a %s from %s", kind, user_tag(inbound.user))
            await self._refuse(interaction)
            return False
        if not added:
            log.info("a repeated %s from %s was dropped", kind, user_tag(inbound.user))
        return added

    async def _refuse(self, interaction: discord.Interaction[Any]) -> None:
        """Answer at once, only to the user, that nothing was saved."""
        try:
            await interaction.response.send_message(
                self.core.catalog.text("error.try_again"),
                ephemeral=True,
                allowed_mentions=discord_send.NO_MENTIONS,
            )
        except Exception as error:
            failed = discord_errors.classify(error, "ack")
            log.warning("could not answer an interaction: %s", failed)

    # ---- the worker side: the turn -------------------------------------------------------

    async def handle(self, row: InboxRow) -> None:
        """An inbox worker's call: a stored interaction's turn, through the pipeline."""
        data = row.payload
        pipeline = self.core.pipeline
        route = interaction_route(data)
        inbound = stored_inbound(row.kind, data)
        if inbound is None:
            await pipeline.skip(row, "ignored")
            return
        replies: Mapping[str, str] = route
        then: tuple[Mapping[str, str], Message] | None = None
        setback = data.get("setback")
        if (
            row.kind == COMMAND
            and data.get("guild_id") is not None
            and not answered_in_place(setback)
        ):
            # The conversation moves to the DM; where /reframe was typed, only a note.
            try:
                replies = {"channel": await self.open_dm(inbound.user)}
            except DeliveryError as error:
                await pipeline.failed(row, route, error)
                return
            pointer = {**route, "pointer": pipeline.turn_key(row)}
            then = (pointer, Message(self.core.catalog.text("error.dm_only")))
        try:
            await pipeline.turn(inbound, route=replies, row=row, then=then)
        except Exception as error:
            log.debug("discord interaction turn failure", exc_info=True)
            await pipeline.failed(row, route, error)

    # ---- the outbox side: followups, or the DM -------------------------------------------

    async def deliver(
        self, user: UserKey, messages: Sequence[Message], route: Mapping[str, str]
    ) -> None:
        """Answer an interaction: a followup while its token is valid, else the user's DM.

        DeliveryError when Discord refuses for a passing reason (the outbox retries; by
        then the token may have run out, and the DM is used).
        """
        turn = route.get("pointer")
        if turn is not None and await self._dm_refused(user, turn):
            messages = (Message(self.core.catalog.text("error.dm_closed")),)
        client = self.client()
        if client is None or client.is_closed():
            raise DeliveryError("Discord is not connected")
        if token_valid(route, self.core.clock.now()):
            await self._acked(route.get("interaction", ""))
            try:
                await discord_send.followup(
                    followup_webhook(client, route),
                    messages,
                    ephemeral=route.get("ephemeral") == "1",
                )
                return
            except DeliveryError as error:
                if not error.permanent:
                    raise
                # The token is unknown to Discord (never acked: a kill right after the
                # store) or the interaction is gone: the user's DM still reaches them.
                log.info("followup to %s refused (%s): to the DM", user_tag(user), error)
        if turn is not None:
            return  # A note about the DM belongs where /reframe was typed, or nowhere.
        await self.send_dm(user, messages, route.get("dm") or None)

    async def _dm_refused(self, user: UserKey, turn: str) -> bool:
        async with self.core.db.autocommit() as conn:
            return await outbox.turn_failed(conn, user=user, turn=turn)

    async def _acked(self, interaction_id: str) -> None:
        """Wait (at most ACK_WAIT s) for this process's own ack of the interaction."""
        acking = self._acking.get(interaction_id)
        if acking is not None:
            try:
                await asyncio.wait_for(acking.wait(), ACK_WAIT)
            except TimeoutError:
                log.info("an interaction's ack is late; following up anyway")
