"""Slack's Web API side: each workspace's client, DMs, profiles, posting; the Outbox."""

from __future__ import annotations

import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Mapping, Sequence
from contextvars import ContextVar

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.adapters import slack_blocks as blocks
from bot.adapters import slack_errors
from bot.adapters import slack_oauth as oauth
from bot.adapters import slack_payloads as payloads
from bot.domain import Message, UserKey
from bot.errors import DeliveryError
from bot.logtags import user_tag
from bot.prompts import Catalog
from bot.storage import channels
from bot.storage.store import Store

log = logging.getLogger(__name__)

CACHE_SIZE = 4096
ZONE_TTL = 6 * 3600.0
# The Web API client of the row or nudge being handled. Each inbox worker and each delivery
# runs in its own task, so the value never leaks between them.
_CLIENT: ContextVar[AsyncWebClient] = ContextVar("slack_client")


class _Lru:
    """A small bounded map with per-entry age, for zones and DM channel ids."""

    def __init__(self, size: int, ttl: float | None = None) -> None:
        self._items: OrderedDict[tuple[str, str], tuple[str | None, float]] = OrderedDict()
        self._size = size
        self._ttl = ttl

    def get(self, key: tuple[str, str]) -> tuple[bool, str | None]:
        """(found, value): a miss when absent or older than the ttl."""
        item = self._items.get(key)
        if item is None or (self._ttl is not None and time.monotonic() - item[1] > self._ttl):
            return False, None
        self._items.move_to_end(key)
        return True, item[0]

    def put(self, key: tuple[str, str], value: str | None) -> None:
        """Remember a value, dropping the least recently used beyond the size."""
        self._items[key] = (value, time.monotonic())
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


class SlackWeb:
    """Posts for the coach: replies and nudges (the Outbox), share notes, DMs, profiles."""

    platform = payloads.PLATFORM

    def __init__(
        self,
        client: AsyncWebClient,
        catalog: Catalog,
        auth: oauth.SlackOAuth | None,
        store: Store | None = None,
    ) -> None:
        self.client = client
        self.catalog = catalog
        self.oauth = auth
        # Where DM channel ids are kept for every worker (None: this process's cache only).
        self.store = store
        self._zones = _Lru(CACHE_SIZE, ZONE_TTL)
        self._locales = _Lru(CACHE_SIZE, ZONE_TTL)
        self._dms = _Lru(CACHE_SIZE)
        self.told_files = _Lru(CACHE_SIZE)

    @property
    def api(self) -> AsyncWebClient:
        """The Web API client with the token of the workspace being served."""
        return _CLIENT.get(self.client)

    @contextlib.asynccontextmanager
    async def as_workspace(self, user: UserKey) -> AsyncIterator[None]:
        """Calls inside use the user's workspace token (DeliveryError when there is none)."""
        bound = _CLIENT.set(await self._workspace_client(user))
        try:
            yield
        finally:
            _CLIENT.reset(bound)

    # ---- the Outbox and the pipeline's share note ------------------------------------------

    async def deliver(
        self, user: UserKey, messages: Sequence[Message], route: Mapping[str, str] | None = None
    ) -> None:
        """Post messages where `route` says (a DM channel and thread), else in the user's DM.

        DeliveryError when Slack refuses; permanent when the workspace's token is gone.
        """
        route = route or {}
        async with self.as_workspace(user):
            channel = route.get("channel") or await self.open_dm(user)
            await self.post_messages(channel, messages, route.get("thread_ts") or None)

    async def share(self, user: UserKey, channel_id: str) -> None:
        """The only thing ever posted to a channel: the fixed, non-sensitive note."""
        async with self.as_workspace(user):
            await self.post(channel_id, blocks.plain_payload(self.catalog.text("share.note")))

    # ---- calls ---------------------------------------------------------------------------

    async def _workspace_client(self, user: UserKey) -> AsyncWebClient:
        """The client for this user: the one bot token, or their workspace's."""
        if self.oauth is None:
            return self.client
        try:
            token = await self.oauth.bot_token(user.workspace)
        except Exception as error:
            # A refresh that Slack refused (invalid_refresh_token) will not work next time.
            raise slack_errors.refresh_failed(error) from error
        if token is None:
            raise DeliveryError("the workspace has not installed the app", permanent=True)
        return client_with(self.client, token)

    async def post_messages(
        self, channel: str, messages: Sequence[Message], thread_ts: str | None = None
    ) -> None:
        """Post rendered messages (and their files) to a channel, in a thread if given."""
        for message in messages:
            for payload in blocks.message_payloads(message):
                await self.post(channel, payload, thread_ts)
            if message.attachment is not None:
                try:
                    await self.api.files_upload_v2(
                        channel=channel,
                        filename=message.attachment.filename,
                        title=message.attachment.filename,
                        content=message.attachment.content,
                    )
                except Exception as error:
                    raise slack_errors.classify(error, "files_upload_v2") from error

    async def post(
        self, channel: str, payload: blocks.Payload, thread_ts: str | None = None
    ) -> None:
        """chat.postMessage; DeliveryError when Slack refuses."""
        try:
            await self.api.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=payload.text,
                blocks=payload.blocks,
                unfurl_links=False,
                unfurl_media=False,
            )
        except Exception as error:
            raise slack_errors.classify(error, "chat.postMessage") from error

    async def open_dm(self, user: UserKey) -> str:
        """The user's DM channel id (cached here, and stored for every worker); DeliveryError
        when Slack will not open it."""
        key = (user.workspace, user.user_id)
        found, channel = self._dms.get(key)
        if found and channel:
            return channel
        if self.store is not None:
            async with self.store.autocommit() as conn:
                channel = await channels.dm_channel(conn, user=user)
            if channel:
                self._dms.put(key, channel)
                return channel
        try:
            response = await self.api.conversations_open(users=user.user_id)
            channel = payloads.channel_id(response.data)
        except Exception as error:
            raise slack_errors.classify(error, "conversations.open") from error
        if channel is None:
            raise DeliveryError("conversations.open: no channel id in the answer")
        self._dms.put(key, channel)
        if self.store is not None:
            async with self.store.autocommit() as conn:
                await channels.remember_dm_channel(conn, user=user, channel=channel)
        return channel

    async def profile(self, user: UserKey) -> tuple[str | None, str | None]:
        """The user's zone and locale from users.info, cached; None where Slack will not say."""
        key = (user.workspace, user.user_id)
        found, zone = self._zones.get(key)
        if found:
            return zone, self._locales.get(key)[1]
        locale = None
        try:
            response = await self.api.users_info(user=user.user_id, include_locale=True)
            zone = payloads.user_timezone(response.data)
            locale = payloads.user_locale(response.data)
        except Exception as error:
            why = slack_errors.classify(error, "users.info")
            log.info("no time zone for %s: %s", user_tag(user), why)
            zone = None
        self._zones.put(key, zone)
        self._locales.put(key, locale)
        return zone, locale

    async def best_effort(self, what: str, call: Awaitable[object]) -> None:
        """Await a call whose failure changes nothing for the user's data (logged, no text)."""
        try:
            await call
        except Exception as error:
            log.info("slack %s not done: %s", what, slack_errors.classify(error, what))

    async def respond(self, url: str | None, text: str) -> None:
        """Answer a /reframe privately through its response_url (best effort)."""
        if url is None:
            return
        await self.best_effort(
            "response_url",
            AsyncWebhookClient(url, session=self.client.session).send(
                text=blocks.escape(text), response_type="ephemeral"
            ),
        )


def client_with(base: AsyncWebClient, token: str | None) -> AsyncWebClient:
    """A client like `base` (same API URL, session, 429 retries) with another token (or none)."""
    return AsyncWebClient(
        token=token,
        base_url=base.base_url,
        timeout=base.timeout,
        session=base.session,
        retry_handlers=list(base.retry_handlers),
    )
