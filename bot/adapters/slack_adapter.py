"""Slack: Bolt over HTTP (/slack/events) or Socket Mode, DMs driving the shared engine.

One workspace runs on SLACK_BOT_TOKEN. Many workspaces install the coach through OAuth
(slack_oauth.py); each request then carries its workspace's client, and each nudge looks
its workspace's token up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Coroutine, Sequence
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot import metrics
from bot.adapters import http_guard as guard
from bot.adapters import slack_auth, slack_errors
from bot.adapters import slack_blocks as blocks
from bot.adapters import slack_oauth as oauth
from bot.adapters import slack_payloads as payloads
from bot.adapters import slack_requests as checks
from bot.core import Core
from bot.domain import Inbound, Message, UserKey
from bot.errors import ConfigError, DeliveryError, PlatformRefused, ReframeError
from bot.ops import bound_port, healthz
from bot.service import TurnResult, user_tag

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# The turn queue's name in reframe_queue_depth and reframe_dropped.
TURN_QUEUE = "slack_turns"
# The manifest's bot events, each with the Bolt event type whose listener serves it.
MANIFEST_EVENTS = {
    "message.im": "message",
    "app_mention": "app_mention",
    "app_home_opened": "app_home_opened",
    "app_uninstalled": "app_uninstalled",
    "tokens_revoked": "tokens_revoked",
}
COMMANDS = (payloads.COMMAND,)
RATE_LIMIT_RETRIES = 3
API_TIMEOUT = 30
STOP_GRACE = 20.0
CONNECT_TIMEOUT = 30.0
CACHE_SIZE = 4096
# Turns run on a few workers, not one task per request: under a burst the event loop keeps
# acking within Slack's 3 s while the turns queue up, instead of every turn competing at once.
TURN_WORKERS = 8
QUEUE_LIMIT = 10_000
ACK_PRIORITY = 0.05
ZONE_TTL = 6 * 3600.0
# The Web API client of the request (its workspace's token) or nudge being handled. Each
# turn worker and each delivery runs in its own task, so the value never leaks between them.
_CLIENT: ContextVar[AsyncWebClient] = ContextVar("slack_client")
# The DM channel and thread a message was written in: answers to it go to that thread.
_THREAD: ContextVar[tuple[str, str | None]] = ContextVar("slack_thread", default=("", None))


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


class SlackAdapter:
    """The Slack front end: a PlatformAdapter and the nudges' Outbox."""

    platform = payloads.PLATFORM

    def __init__(self, core: Core, *, host: str = "0.0.0.0") -> None:
        settings = core.settings
        self.core = core
        self.host = host
        self.socket_mode = bool(settings.slack_app_token)
        api_url = settings.slack_api_url or AsyncWebClient.BASE_URL
        self.client = AsyncWebClient(
            token=settings.slack_bot_token or None,
            base_url=api_url if api_url.endswith("/") else api_url + "/",
            timeout=API_TIMEOUT,
        )
        # slack_sdk does not retry a 429 by default; this honours its Retry-After.
        self.client.retry_handlers.append(
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)
        )
        bolt_logger = logging.getLogger("slack_bolt.reframe")
        self.oauth = (
            oauth.build_oauth(settings, core.db, core.clock, self.client, bolt_logger)
            if settings.slack_oauth
            else None
        )
        # One token: Bolt's authorize step answers from the start-up auth.test, so no ack
        # ever waits on Slack (slack_auth.py). Bolt's client then carries no token of its
        # own; the authorize result gives each request's client the token.
        self.startup_auth = (
            None if self.oauth else slack_auth.StartupAuthorization(settings.slack_bot_token)
        )
        self._warming: asyncio.Task[None] | None = None
        self.app = AsyncApp(
            client=self.client if self.oauth else _client_with(self.client, None),
            authorize=self.startup_auth,
            signing_secret=settings.slack_signing_secret,
            request_verification_enabled=not self.socket_mode,
            logger=bolt_logger,
            # Listeners only ack and hand the turn to a task we own, before Bolt answers
            # Slack: the turn is then known to stop() and to tests from the first moment.
            process_before_response=True,
            # The flow brings our stores and authorize step (see slack_oauth.build_oauth).
            oauth_flow=self.oauth.flow if self.oauth else None,
        )
        listeners = {
            "message": self._on_message,
            "app_mention": self._on_mention,
            "app_home_opened": self._on_home,
            "app_uninstalled": self._on_uninstalled,
            "tokens_revoked": self._on_tokens_revoked,
        }
        for bolt_event in MANIFEST_EVENTS.values():
            self.app.event(bolt_event)(listeners[bolt_event])
        for command in COMMANDS:
            self.app.command(command)(self._on_command)
        self.app.action(payloads.ACTION_PATTERN)(self._on_button)
        self._zones = _Lru(CACHE_SIZE, ZONE_TTL)
        self._locales = _Lru(CACHE_SIZE, ZONE_TTL)
        self._dms = _Lru(CACHE_SIZE)
        self._told_files = _Lru(CACHE_SIZE)
        self._runner: web.AppRunner | None = None
        self.guard: guard.ConnectionGuard | None = None
        self._throttle = guard.ThrottledLog(log)
        self._delivering_only = False
        self._socket: AsyncSocketModeHandler | None = None
        self._session: aiohttp.ClientSession | None = None
        self._queue: asyncio.Queue[tuple[str, Coroutine[Any, Any, object], AsyncWebClient]] = (
            asyncio.Queue(QUEUE_LIMIT)
        )
        self._workers: list[asyncio.Task[None]] = []
        self._acking = 0
        self._acks_done = asyncio.Event()
        self._acks_done.set()
        self._handled = 0
        self._changed = asyncio.Condition()
        # Seconds before the first background auth.test after a failed one at start.
        self.warm_wait = slack_auth.FIRST_WAIT

    # ---- lifecycle ----------------------------------------------------------------------

    @property
    def port(self) -> int | None:
        """The port HTTP mode listens on (useful when configured as 0), or None."""
        return bound_port(self._runner)

    async def start(self, *, receive: bool = True) -> None:
        """Connect Socket Mode, or serve /slack/events and /healthz on the configured port.

        With receive=False, only check the token and open the Web API session, to deliver.
        """
        self._delivering_only = not receive
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=API_TIMEOUT))
        self.client.session = self._session
        self.app.client.session = self._session
        self._workers = [asyncio.create_task(self._work()) for _ in range(TURN_WORKERS)]
        try:
            if self.oauth is not None:
                await self.oauth.store.check_key()
            else:
                await self._check_token()
            if not receive:
                return
            if self.socket_mode:
                await self._connect_socket()
            else:
                await self._serve_http()
        except BaseException:
            await self.stop()
            raise

    async def _check_token(self) -> None:
        """Fail at start, with a clear message, on a token Slack refuses; on a passing failure
        (429, 5xx, a timeout) serve anyway and keep asking auth.test in the background."""
        assert self.startup_auth is not None
        try:
            await self.startup_auth.check(self.client)
        except Exception as error:
            failed = slack_errors.classify(error, "auth.test")
            if failed.permanent or slack_errors.error_code(error) in slack_errors.AUTH_CODES:
                raise PlatformRefused(
                    f"Slack refused SLACK_BOT_TOKEN ({slack_errors.reason(error)}): copy the Bot "
                    "User OAuth Token (xoxb-) again from the app's OAuth & Permissions page, or "
                    "reinstall the app"
                ) from error
            log.warning("slack auth.test failed at start (%s): serving, and asking again", failed)
            self._warming = asyncio.create_task(
                self.startup_auth.keep_trying(self.client, first_wait=self.warm_wait)
            )

    async def _connect_socket(self) -> None:
        self._socket = AsyncSocketModeHandler(
            self.app, self.core.settings.slack_app_token, web_client=self.client
        )
        # slack_sdk retries a failed connect forever; a bad app token must not hang `run`.
        connect = self._socket.connect_async()  # type: ignore[no-untyped-call]  # untyped in bolt
        try:
            await asyncio.wait_for(connect, CONNECT_TIMEOUT)
        except TimeoutError as error:
            raise DeliveryError(
                f"Socket Mode did not connect within {CONNECT_TIMEOUT:.0f} s "
                "(check SLACK_APP_TOKEN and its connections:write scope)"
            ) from error
        log.info("slack connected in Socket Mode")

    async def _serve_http(self) -> None:
        web_app = web.Application(client_max_size=guard.MAX_BODY)
        # One request per connection: the guard's header deadline then covers every request.
        web_app.on_response_prepare.append(_close_after)
        web_app.router.add_post(EVENTS_PATH, self._http_events)
        # The same liveness answer as the operations endpoint's (OPS_PORT).
        web_app.router.add_get(HEALTH_PATH, healthz)
        if self.oauth is not None:
            web_app.router.add_get(oauth.INSTALL_PATH, self._http_install)
            web_app.router.add_get(oauth.REDIRECT_PATH, self._http_oauth_redirect)
        self._runner = web.AppRunner(web_app, access_log=None, shutdown_timeout=5.0)
        await self._runner.setup()
        self.guard = guard.ConnectionGuard(guard.connection_cap())
        guard.quiet_accept_errors()
        site = guard.GuardedSite(self._runner, self.host, self.core.settings.port, self.guard)
        await site.start()
        log.info("slack listening on %s:%s%s", self.host, self.port, EVENTS_PATH)
        if self.oauth is not None:
            log.info("slack: Add to Slack at %s:%s%s", self.host, self.port, oauth.INSTALL_PATH)

    async def stop(self) -> None:
        """Stop taking requests, let in-flight turns finish, then close every connection."""
        if self._warming is not None:
            self._warming.cancel()
            await asyncio.gather(self._warming, return_exceptions=True)
            self._warming = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._socket is not None:
            await self._close_socket(self._socket)
            self._socket = None
        if self._workers:
            try:
                await asyncio.wait_for(self._queue.join(), STOP_GRACE)
            except TimeoutError:
                log.warning("slack stopping: dropping %d queued turns", self._queue.qsize())
            for worker in self._workers:
                worker.cancel()
            await asyncio.gather(*self._workers, return_exceptions=True)
            self._workers = []
            while not self._queue.empty():
                _, work, _ = self._queue.get_nowait()
                work.close()
                self._queue.task_done()
                metrics.DROPPED.labels(TURN_QUEUE).inc()
            metrics.QUEUE_DEPTH.labels(TURN_QUEUE).set(0)
        if self._session is not None:
            await self._session.close()
            self._session = None
            self.client.session = None

    async def failure(self) -> ReframeError:
        """Slack refuses per workspace (a revoked token is a permanent DeliveryError) and a bad
        token already fails start(): nothing after start ends the process."""
        never: asyncio.Future[ReframeError] = asyncio.get_running_loop().create_future()
        return await never

    async def connected(self) -> bool:
        """Socket Mode: the websocket is open; HTTP mode: /slack/events is being served;
        delivering only: the Web API session is open."""
        if self._socket is not None:
            return bool(await self._socket.client.is_connected())
        if self._delivering_only:
            return self._session is not None
        return self._runner is not None

    @staticmethod
    async def _close_socket(handler: AsyncSocketModeHandler) -> None:
        client = handler.client
        await handler.close_async()  # type: ignore[no-untyped-call]  # untyped in bolt
        # close() cancels its tasks without waiting: wait, so none outlives the loop.
        running = (
            client.message_processor,
            client.current_session_monitor,
            client.message_receiver,
        )
        await asyncio.gather(
            *(task for task in running if task is not None), return_exceptions=True
        )

    async def wait_handled(self, count: int) -> None:
        """Wait until `count` Slack requests have been fully handled (for tests and probes)."""
        async with self._changed:
            await self._changed.wait_for(lambda: self._handled >= count)

    @property
    def handled(self) -> int:
        """How many Slack requests have been fully handled so far."""
        return self._handled

    @property
    def api(self) -> AsyncWebClient:
        """The Web API client with the token of the workspace being served."""
        return _CLIENT.get(self.client)

    def _spawn(self, kind: str, work: Coroutine[Any, Any, object], client: AsyncWebClient) -> None:
        """Queue one request's work, with its workspace's client, for the turn workers."""
        try:
            self._queue.put_nowait((kind, work, client))
            metrics.QUEUE_DEPTH.labels(TURN_QUEUE).set(self._queue.qsize())
        except asyncio.QueueFull:
            metrics.DROPPED.labels(TURN_QUEUE).inc()
            work.close()
            log.warning("slack overloaded: dropped a %s request (%d queued)", kind, QUEUE_LIMIT)

    async def _work(self) -> None:
        """A turn worker: take queued work in arrival order, one request at a time."""
        while True:
            kind, work, client = await self._queue.get()
            metrics.QUEUE_DEPTH.labels(TURN_QUEUE).set(self._queue.qsize())
            # Slack's 3 s ack deadline comes first: let requests being acked finish, but
            # never hold a turn back for long under sustained load.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._acks_done.wait(), ACK_PRIORITY)
            bound = _CLIENT.set(client)
            try:
                await self._run(kind, work)
            finally:
                _CLIENT.reset(bound)
                self._queue.task_done()

    async def _run(self, kind: str, work: Coroutine[Any, Any, object]) -> None:
        """The top handler: log, never raise, whatever fails in a request's work."""
        try:
            await work
        except Exception as error:
            # The type only: an exception's message could carry what the user wrote.
            log.warning("slack %s handler failed: %s", kind, type(error).__name__)
            log.debug("slack %s handler failure", kind, exc_info=True)
        finally:
            self._handled += 1
            async with self._changed:
                self._changed.notify_all()

    # ---- HTTP ---------------------------------------------------------------------------

    async def _http_events(self, request: web.Request) -> web.Response:
        self._acking += 1
        self._acks_done.clear()
        try:
            return await self._dispatch_checked(request)
        finally:
            self._acking -= 1
            if self._acking == 0:
                self._acks_done.set()

    async def _dispatch_checked(self, request: web.Request) -> web.Response:
        """Signature first, on the raw bytes; then the body's shape; only then Bolt."""
        throttle = self._throttle
        try:
            body = await asyncio.wait_for(request.read(), guard.BODY_TIMEOUT)
        except TimeoutError:
            return guard.reject(throttle, 408, "body_timeout", "request body too slow")
        except web.HTTPRequestEntityTooLarge:
            return guard.reject(throttle, 413, "too_large", "request body too large")
        secret = self.core.settings.slack_signing_secret
        if not checks.signature_ok(secret, body, request.headers, time.time()):
            return guard.reject(throttle, 401, "signature", "invalid or missing Slack signature")
        text = checks.readable_body(body, request.headers.get("Content-Type", ""))
        if text is None:
            return guard.reject(throttle, 400, "malformed", "signed body is not Slack's format")
        try:
            bolt_request = AsyncBoltRequest(
                body=text, query=request.query_string, headers=dict(request.headers)
            )
            bolt_response = await self.app.async_dispatch(bolt_request)
        except Exception as error:
            # A signed request Bolt cannot handle: Slack's mistake or a leaked secret.
            return guard.reject(throttle, 400, "malformed", f"not handled: {type(error).__name__}")
        return await to_aiohttp_response(bolt_response)

    async def _http_install(self, request: web.Request) -> web.Response:
        """ "Add to Slack": Bolt sets the state cookie and sends the admin on to Slack."""
        assert self.oauth is not None
        bolt_response = await self.oauth.flow.handle_installation(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    async def _http_oauth_redirect(self, request: web.Request) -> web.Response:
        """Slack's redirect back: Bolt checks the state, exchanges the code, saves the install."""
        assert self.oauth is not None
        bolt_response = await self.oauth.flow.handle_callback(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    # ---- listeners ----------------------------------------------------------------------

    # Bolt calls these with the request; each acks at once and leaves the work to a task.

    # `client` is Bolt's per-request client, holding the token of the request's workspace.

    async def _on_message(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        self._spawn("message", self._message(payloads.direct_message(body)), client)

    async def _on_mention(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        self._spawn("mention", self._mention(payloads.mention(body)), client)

    async def _on_home(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        self._spawn("home", self._home(payloads.home_opened(body)), client)

    async def _on_uninstalled(self, context: AsyncBoltContext, client: AsyncWebClient) -> None:
        self._spawn("uninstall", oauth.forget_workspace(self.core.db, **_install(context)), client)

    async def _on_tokens_revoked(
        self, event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        tokens = event.get("tokens")
        bots = tokens.get("bot") if isinstance(tokens, dict) else None
        # Only the bot's token sends nudges; a user token (none is asked for) changes nothing.
        if bots:
            self._spawn("revoked", oauth.stop_workspace(self.core.db, **_install(context)), client)

    async def _on_command(
        self, ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        command = payloads.slash_command(body)
        if command is None or command.in_dm:
            # In the DM itself the conversation simply carries on there.
            await ack()
        else:
            await ack(
                text=blocks.escape(self.core.catalog.text("error.dm_only")),
                response_type="ephemeral",
            )
        self._spawn("command", self._command(command, respond), client)

    async def _on_button(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        self._spawn("button", self._button(payloads.button_press(body)), client)

    # ---- the work behind each listener ---------------------------------------------------

    async def _message(self, message: payloads.DirectMessage | None) -> None:
        if message is None:
            return
        _THREAD.set((message.channel_id, message.thread_ts))
        if message.inbound is not None:
            await self._converse(message.inbound, message.channel_id)
        if message.files:
            await self._files_not_read(message)

    async def _files_not_read(self, message: payloads.DirectMessage) -> None:
        """Say that files are not read: once per DM when words came with them, and every
        time a file comes alone (else it would get no answer at all)."""
        key = (message.channel_id, "files")
        if message.inbound is not None and self._told_files.get(key)[0]:
            return
        self._told_files.put(key, "told")
        with contextlib.suppress(DeliveryError):
            text = self.core.catalog.text("error.files_not_read")
            await self._post(message.channel_id, blocks.plain_payload(text))

    async def _mention(self, mention: payloads.Mention | None) -> None:
        if mention is None:
            return
        user = mention.inbound.user
        channel = await self._open_dm(user)
        result = await self._turn(mention.inbound, channel)
        if result is None:
            return
        # Only the mentioning user sees the pointer; nothing of theirs goes in the channel.
        with contextlib.suppress(Exception):  # best effort: the DM carries the conversation
            await self.api.chat_postEphemeral(
                channel=mention.channel_id,
                user=user.user_id,
                text=blocks.escape(self.core.catalog.text("error.dm_only")),
            )
        if not await self._reply(channel, result, user):
            await self._try_again(channel)

    async def _home(self, user: UserKey | None) -> None:
        if user is not None:
            overview = await self.core.service.overview(user)
            await self.api.views_publish(user_id=user.user_id, view=blocks.home_view(overview))

    async def _command(self, command: payloads.SlashCommand | None, respond: AsyncRespond) -> None:
        if command is None:
            return
        try:
            channel = await self._open_dm(command.inbound.user)
        except DeliveryError:
            await self._respond_try_again(respond, command)
            return
        result = await self._turn(command.inbound, channel)
        if result is not None and not await self._reply(channel, result, command.inbound.user):
            await self._respond_try_again(respond, command)

    async def _button(self, press: payloads.ButtonPress | None) -> None:
        if press is None:
            return
        _THREAD.set((press.channel_id, press.thread_ts))
        # Take the buttons away first, so a second click finds nothing to press.
        if press.message_ts is not None:
            with contextlib.suppress(Exception):  # best effort: the press itself is recorded
                await self.api.chat_update(
                    channel=press.channel_id,
                    ts=press.message_ts,
                    text=blocks.escape(press.label),
                    blocks=blocks.answered_blocks(press.blocks, press.label),
                )
        await self._converse(press.inbound, press.channel_id)

    # ---- one turn -----------------------------------------------------------------------

    async def _turn(self, inbound: Inbound, channel: str) -> TurnResult | None:
        """Run the turn; None when there is nothing to post (a retry, or a failure told)."""
        zone, locale = await self._profile(inbound.user)
        inbound = replace(inbound, timezone_hint=zone, locale_hint=locale)
        try:
            result = await self.core.service.handle(inbound)
        except Exception as error:
            log.warning(
                "slack turn failed for %s: %s", user_tag(inbound.user), type(error).__name__
            )
            log.debug("slack turn failure", exc_info=True)
            await self._try_again(channel)
            return None
        return None if result.duplicate else result

    async def _converse(self, inbound: Inbound, channel: str) -> None:
        """One turn in a DM: run it, post what it says, apologise there if posting failed."""
        result = await self._turn(inbound, channel)
        if result is not None and not await self._reply(channel, result, inbound.user):
            await self._try_again(channel)

    async def _reply(self, channel: str, result: TurnResult, user: UserKey) -> bool:
        """Post the turn's share notes, then its messages; False if Slack refused one."""
        for share in result.shares:
            # The only thing ever posted to a channel: the fixed, non-sensitive note.
            note = blocks.plain_payload(self.core.catalog.text("share.note"))
            try:
                await self._post(share.channel_id, note)
            except DeliveryError as error:
                log.warning("share note not posted: %s", error)
                result = await self.core.service.undo_share(user, share.session_number)
                break
        try:
            await self._post_messages(channel, result.messages)
        except DeliveryError as error:
            log.warning("slack reply not delivered: %s", error)
            return False
        return True

    async def _try_again(self, channel: str) -> None:
        """Best effort: the answers are already saved, so the user only needs to resend."""
        with contextlib.suppress(DeliveryError):
            await self._post(
                channel, blocks.plain_payload(self.core.catalog.text("error.try_again"))
            )

    async def _respond_try_again(
        self, respond: AsyncRespond, command: payloads.SlashCommand
    ) -> None:
        """Tell a /reframe caller through response_url when their DM could not be reached."""
        if command.response_url is None:
            return
        with contextlib.suppress(Exception):  # best effort: the answers are already saved
            await respond(
                text=blocks.escape(self.core.catalog.text("error.try_again")),
                response_type="ephemeral",
            )

    # ---- Web API ------------------------------------------------------------------------

    async def deliver(self, user: UserKey, messages: Sequence[Message]) -> None:
        """Outbox: open the user's DM and post the messages; DeliveryError when Slack refuses.

        The error is permanent when the workspace's token is gone (uninstalled, revoked).
        """
        bound = _CLIENT.set(await self._workspace_client(user))
        try:
            await self._post_messages(await self._open_dm(user), messages)
        finally:
            _CLIENT.reset(bound)

    async def _workspace_client(self, user: UserKey) -> AsyncWebClient:
        """The client for a nudge to this user: the one bot token, or their workspace's."""
        if self.oauth is None:
            return self.client
        try:
            token = await self.oauth.bot_token(user.workspace)
        except Exception as error:
            # A refresh that Slack refused (invalid_refresh_token) will not work next time.
            raise slack_errors.refresh_failed(error) from error
        if token is None:
            raise DeliveryError("the workspace has not installed the app", permanent=True)
        return _client_with(self.client, token)

    async def _post_messages(self, channel: str, messages: Sequence[Message]) -> None:
        for message in messages:
            for payload in blocks.message_payloads(message):
                await self._post(channel, payload)
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

    async def _post(self, channel: str, payload: blocks.Payload) -> None:
        thread_channel, thread_ts = _THREAD.get()
        try:
            await self.api.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts if channel == thread_channel else None,
                text=payload.text,
                blocks=payload.blocks,
                unfurl_links=False,
                unfurl_media=False,
            )
        except Exception as error:
            raise slack_errors.classify(error, "chat.postMessage") from error

    async def _open_dm(self, user: UserKey) -> str:
        key = (user.workspace, user.user_id)
        found, channel = self._dms.get(key)
        if found and channel:
            return channel
        try:
            response = await self.api.conversations_open(users=user.user_id)
            channel = payloads.channel_id(response.data)
        except Exception as error:
            raise slack_errors.classify(error, "conversations.open") from error
        if channel is None:
            raise DeliveryError("conversations.open: no channel id in the answer")
        self._dms.put(key, channel)
        return channel

    async def _profile(self, user: UserKey) -> tuple[str | None, str | None]:
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
            log.info(
                "no time zone for %s: %s",
                user_tag(user),
                slack_errors.classify(error, "users.info"),
            )
            zone = None
        self._zones.put(key, zone)
        self._locales.put(key, locale)
        return zone, locale


async def _close_after(request: web.Request, response: web.StreamResponse) -> None:
    """Every answer closes its connection (see ConnectionGuard's header deadline)."""
    # The hook runs after the headers are prepared and before they are written.
    response.headers["Connection"] = "close"
    response.force_close()


def _install(context: AsyncBoltContext) -> dict[str, Any]:
    """Which installation an app_uninstalled or tokens_revoked event is about."""
    return {
        "enterprise_id": context.enterprise_id,
        "team_id": context.team_id,
        "org_wide": bool(context.is_enterprise_install),
    }


def _client_with(base: AsyncWebClient, token: str | None) -> AsyncWebClient:
    """A client like `base` (same API URL, session, 429 retries) with another token (or none)."""
    return AsyncWebClient(
        token=token,
        base_url=base.base_url,
        timeout=base.timeout,
        session=base.session,
        retry_handlers=list(base.retry_handlers),
    )


def create_slack_adapter(core: Core, *, host: str = "0.0.0.0") -> SlackAdapter:
    """The Slack adapter for these settings: Socket Mode with an app token, else HTTP.

    With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET instead of a bot token, HTTP mode serves
    any workspace that installs the coach.
    """
    settings = core.settings
    if not (settings.slack_bot_token or settings.slack_oauth):
        raise ConfigError(
            ["SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) is not set"]
        )
    if not settings.slack_app_token and not settings.slack_signing_secret:
        raise ConfigError(["Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN)"])
    return SlackAdapter(core, host=host)
