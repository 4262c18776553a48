"""Slack's inbox rows turned into work: the payload read again, the turn run by the pipeline.

Each listener stored the request's body in the inbox before Slack got its ack; a worker
calls `handle` with the row, in the user's order, now or after a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot.adapters import slack_blocks as blocks
from bot.adapters import slack_oauth as oauth
from bot.adapters import slack_payloads as payloads
from bot.adapters.slack_web import SlackWeb
from bot.core import Core
from bot.domain import Inbound
from bot.errors import DeliveryError
from bot.storage import inbox, outbox
from bot.storage.inbox import InboxRow

log = logging.getLogger(__name__)

MESSAGE = "message"
MENTION = "mention"
HOME = "home"
COMMAND = "command"
BUTTON = "button"
UNINSTALLED = "uninstalled"
REVOKED = "revoked"
# Workspace-wide events are kept in order per workspace under this user id.
WORKSPACE_USER = ""


class SlackWork:
    """Handles one stored Slack event at a time (per user), through the shared pipeline."""

    def __init__(self, core: Core, web: SlackWeb) -> None:
        self.core = core
        self.web = web

    async def handle(self, row: InboxRow) -> None:
        """Handle one inbox row; every outcome settles it (done, retried later or given up)."""
        body: Mapping[str, Any] = row.payload.get("body", {})
        if row.kind in (UNINSTALLED, REVOKED):
            await self._workspace(row)
            return
        try:
            async with self.web.as_workspace(row.user):
                await self._handle(row, body)
        except DeliveryError as error:
            # The workspace has no usable token: nobody can be answered there.
            log.info("slack %s not handled: %s", row.kind, error)
            await self.core.pipeline.skip(row, "no_token")

    async def _handle(self, row: InboxRow, body: Mapping[str, Any]) -> None:
        if row.kind == MESSAGE:
            await self._message(row, body)
        elif row.kind == MENTION:
            await self._mention(row, body)
        elif row.kind == COMMAND:
            await self._command(row, body)
        elif row.kind == BUTTON:
            await self._button(row, body)
        elif row.kind == HOME:
            user = payloads.home_opened(body)
            if user is not None:
                overview = await self.core.service.overview(user)
                await self.web.best_effort(
                    "views.publish",
                    self.web.api.views_publish(
                        user_id=user.user_id, view=blocks.home_view(overview)
                    ),
                )
            await self.core.pipeline.skip(row, "home")
        else:
            await self.core.pipeline.skip(row, "unknown")

    async def _turn(self, row: InboxRow, inbound: Inbound, route: Mapping[str, str]) -> None:
        """The pipeline's turn, with the user's Slack zone and locale; failures settled."""
        zone, locale = await self.web.profile(inbound.user)
        inbound = replace(inbound, timezone_hint=zone, locale_hint=locale)
        try:
            await self.core.pipeline.turn(inbound, route=route, row=row)
        except Exception as error:
            log.debug("slack turn failure", exc_info=True)
            await self.core.pipeline.failed(row, route, error)

    async def _message(self, row: InboxRow, body: Mapping[str, Any]) -> None:
        message = payloads.direct_message(body)
        if message is None:
            await self.core.pipeline.skip(row, "ignored")
            return
        route = {"channel": message.channel_id, "thread_ts": message.thread_ts or ""}
        if message.inbound is not None:
            await self._turn(row, message.inbound, route)
        else:
            await self.core.pipeline.skip(row, "file")
        if message.files:
            await self._files_not_read(message, route)

    async def _files_not_read(
        self, message: payloads.DirectMessage, route: Mapping[str, str]
    ) -> None:
        """Say that files are not read: once per DM when words came with them, and every
        time a file comes alone (else it would get no answer at all)."""
        key = (message.channel_id, "files")
        if message.inbound is not None and self.web.told_files.get(key)[0]:
            return
        self.web.told_files.put(key, "told")
        text = self.core.catalog.text("error.files_not_read")
        await self.web.best_effort(
            "files note",
            self.web.post(message.channel_id, blocks.plain_payload(text), message.thread_ts),
        )

    async def _mention(self, row: InboxRow, body: Mapping[str, Any]) -> None:
        mention = payloads.mention(body)
        if mention is None:
            await self.core.pipeline.skip(row, "ignored")
            return
        user = mention.inbound.user
        await self._turn(row, mention.inbound, {})
        # Only the mentioning user sees the pointer; nothing of theirs goes in the channel.
        await self.web.best_effort(
            "ephemeral pointer",
            self.web.api.chat_postEphemeral(
                channel=mention.channel_id,
                user=user.user_id,
                text=blocks.escape(self.core.catalog.text("error.dm_only")),
            ),
        )

    async def _command(self, row: InboxRow, body: Mapping[str, Any]) -> None:
        command = payloads.slash_command(body)
        if command is None:
            await self.core.pipeline.skip(row, "ignored")
            return
        try:
            channel = await self.web.open_dm(command.inbound.user)
        except DeliveryError:
            # Nothing was saved: the caller hears so where they typed the command.
            await self.web.respond(command.response_url, self.core.catalog.text("error.try_again"))
            await self.core.pipeline.skip(row, "dm_unreachable")
            return
        await self._turn(row, command.inbound, {"channel": channel})

    async def _button(self, row: InboxRow, body: Mapping[str, Any]) -> None:
        press = payloads.button_press(body)
        if press is None:
            await self.core.pipeline.skip(row, "ignored")
            return
        # The press is stored: its buttons can go, so a second click finds nothing to press.
        if press.message_ts is not None:
            await self.web.best_effort(
                "chat.update",
                self.web.api.chat_update(
                    channel=press.channel_id,
                    ts=press.message_ts,
                    text=blocks.escape(press.label),
                    blocks=blocks.answered_blocks(press.blocks, press.label),
                ),
            )
        route = {"channel": press.channel_id, "thread_ts": press.thread_ts or ""}
        await self._turn(row, press.inbound, route)

    async def _workspace(self, row: InboxRow) -> None:
        """An uninstall deletes the workspace's users; a revoked bot token stops its nudges."""
        install = row.payload.get("install", {})
        kwargs = {
            "enterprise_id": install.get("enterprise_id"),
            "team_id": install.get("team_id"),
            "org_wide": bool(install.get("org_wide")),
        }
        if row.kind == UNINSTALLED:
            await oauth.forget_workspace(self.core.db, **kwargs)
            async with self.core.db.transaction("inbox") as conn:
                await inbox.delete_workspace(
                    conn, platform=payloads.PLATFORM, workspace=row.user.workspace
                )
                await outbox.delete_workspace(
                    conn, platform=payloads.PLATFORM, workspace=row.user.workspace
                )
        else:
            await oauth.stop_workspace(self.core.db, **kwargs)
        await self.core.pipeline.skip(row, row.kind)
