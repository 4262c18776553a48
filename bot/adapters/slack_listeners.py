"""Bolt's listeners: read just enough of each request to know whose it is, store it, then ack.

Each event, slash command and block action is put in the inbox before Bolt answers Slack,
so an ack always means the request is in the database; the inbox workers do the work.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.adapters import slack_blocks as blocks
from bot.adapters import slack_payloads as payloads
from bot.adapters import slack_work as work
from bot.domain import UserKey
from bot.inbox_workers import InboxWorkers
from bot.prompts import Catalog

# The manifest's bot events, each with the Bolt event type whose listener serves it.
MANIFEST_EVENTS = {
    "message.im": "message",
    "app_mention": "app_mention",
    "app_home_opened": "app_home_opened",
    "app_uninstalled": "app_uninstalled",
    "tokens_revoked": "tokens_revoked",
}
COMMANDS = (payloads.COMMAND,)


class SlackListeners:
    """Stores each request a Bolt app receives in the inbox; `counted` is called for requests
    with no work (nobody's, or seen before), which are handled once acknowledged."""

    platform = payloads.PLATFORM

    def __init__(
        self, inbox: InboxWorkers, catalog: Catalog, counted: Callable[[], Awaitable[None]]
    ) -> None:
        self.inbox = inbox
        self.catalog = catalog
        self.counted = counted

    def register(self, app: AsyncApp) -> None:
        """Listen to every manifest event, the slash command and the coach's buttons."""
        listeners = {
            "message": self._on_message,
            "app_mention": self._on_mention,
            "app_home_opened": self._on_home,
            "app_uninstalled": self._on_uninstalled,
            "tokens_revoked": self._on_tokens_revoked,
        }
        for bolt_event in MANIFEST_EVENTS.values():
            app.event(bolt_event)(listeners[bolt_event])
        for command in COMMANDS:
            app.command(command)(self._on_command)
        app.action(payloads.ACTION_PATTERN)(self._on_button)

    async def _store(
        self,
        kind: str,
        key: str | None,
        user: UserKey | None,
        body: Mapping[str, Any],
        **extra: Any,
    ) -> None:
        """Put a request in the inbox before Bolt acks it; a request with no work is only
        counted. Raises when it could not be stored: Bolt then answers 500, so Slack retries."""
        if user is None:
            await self.counted()
            return
        stored = await self.inbox.add(
            key=f"slack:{kind}:{key or uuid.uuid4().hex}",
            user=user,
            kind=kind,
            payload={"body": dict(body), **extra},
        )
        if not stored:
            # A retry of an event stored before: the first copy is (being) handled.
            await self.counted()

    async def _on_message(self, body: dict[str, Any]) -> None:
        message = payloads.direct_message(body)
        user = message.inbound.user if message and message.inbound else None
        if message is not None and message.inbound is None and message.files:
            user = UserKey(self.platform, payloads.workspace_of(body) or "", _event_user(body))
        await self._store(work.MESSAGE, body.get("event_id"), user, body)

    async def _on_mention(self, body: dict[str, Any]) -> None:
        mention = payloads.mention(body)
        user = mention.inbound.user if mention else None
        await self._store(work.MENTION, body.get("event_id"), user, body)

    async def _on_home(self, body: dict[str, Any]) -> None:
        await self._store(work.HOME, body.get("event_id"), payloads.home_opened(body), body)

    async def _on_uninstalled(self, body: dict[str, Any], context: AsyncBoltContext) -> None:
        await self._workspace_event(work.UNINSTALLED, body, context)

    async def _on_tokens_revoked(
        self, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        tokens = event.get("tokens")
        bots = tokens.get("bot") if isinstance(tokens, dict) else None
        # Only the bot's token sends nudges; a user token (none is asked for) changes nothing.
        if bots:
            await self._workspace_event(work.REVOKED, body, context)
        else:
            await self.counted()

    async def _workspace_event(
        self, kind: str, body: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        workspace = payloads.workspace_of(body) or context.team_id or ""
        user = UserKey(self.platform, workspace, work.WORKSPACE_USER)
        await self._store(kind, body.get("event_id"), user, body, install=_install(context))

    async def _on_command(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        command = payloads.slash_command(body)
        await self._store(
            work.COMMAND, body.get("trigger_id"), command.inbound.user if command else None, body
        )
        if command is None or command.in_dm:
            # In the DM itself the conversation simply carries on there.
            await ack()
        else:
            await ack(
                text=blocks.escape(self.catalog.text("error.dm_only")),
                response_type="ephemeral",
            )

    async def _on_button(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        press = payloads.button_press(body)
        actions = body.get("actions") or [{}]
        action_ts = actions[0].get("action_ts", "") if isinstance(actions[0], dict) else ""
        key = f"{body.get('trigger_id')}:{action_ts}" if body.get("trigger_id") else None
        await self._store(work.BUTTON, key, press.inbound.user if press else None, body)
        await ack()


def _event_user(body: Mapping[str, Any]) -> str:
    """The user id of an event's body, or "" when it names none."""
    event = body.get("event")
    user = event.get("user") if isinstance(event, dict) else None
    return user if isinstance(user, str) else ""


def _install(context: AsyncBoltContext) -> dict[str, Any]:
    """Which installation an app_uninstalled or tokens_revoked event is about."""
    return {
        "enterprise_id": context.enterprise_id,
        "team_id": context.team_id,
        "org_wide": bool(context.is_enterprise_install),
    }
