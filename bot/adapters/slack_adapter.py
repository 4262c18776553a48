"""Slack: Bolt over HTTP (/slack/events) or Socket Mode, DMs driving the shared engine.

One workspace runs on SLACK_BOT_TOKEN. Many workspaces install the coach through OAuth
(slack_oauth.py); each request then carries its workspace's client, and each nudge looks
its workspace's token up.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
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
from bot.adapters import slack_work as work
from bot.adapters.slack_web import SlackWeb, client_with
from bot.core import Core
from bot.domain import Message, UserKey
from bot.errors import ConfigError, DeliveryError, PlatformRefused, ReframeError
from bot.inbox_workers import InboxWorkers
from bot.ops import bound_port, healthz
from bot.storage.inbox import InboxRow

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
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
# Seconds Slack is asked to wait before sending again, when the inbox backlog is too long.
RETRY_LATER = 30


class SlackAdapter:
    """The Slack front end: stores each request in the inbox before its ack, hands the rows
    to the pipeline (slack_work), and delivers the outbox's rows (slack_web)."""

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
            client=self.client if self.oauth else client_with(self.client, None),
            authorize=self.startup_auth,
            signing_secret=settings.slack_signing_secret,
            request_verification_enabled=not self.socket_mode,
            logger=bolt_logger,
            # Listeners store the request in the inbox before Bolt answers Slack: an ack
            # always means the request is in the database.
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
        self.web = SlackWeb(self.client, core.catalog, self.oauth, core.db)
        self.work = work.SlackWork(core, self.web)
        self.inbox = InboxWorkers(
            core.db,
            core.clock,
            self.platform,
            self._handle,
            backlog_limit=core.settings.inbox_backlog_limit,
        )
        core.pipeline.deliverer.add(self.web)
        core.pipeline.add_sharer(self.platform, self.web)
        self._runner: web.AppRunner | None = None
        self.guard: guard.ConnectionGuard | None = None
        self._throttle = guard.ThrottledLog(log)
        self._delivering_only = False
        self._socket: AsyncSocketModeHandler | None = None
        self._session: aiohttp.ClientSession | None = None
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
        try:
            if self.oauth is not None:
                await self.oauth.store.check_key()
            else:
                await self._check_token()
            if not receive:
                return
            # Whatever was acknowledged before a stop or a crash is handled first.
            await self.inbox.start()
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
        # Rows not handled within the grace stay in the inbox for the next start.
        await self.inbox.stop(STOP_GRACE)
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

    async def deliver(
        self, user: UserKey, messages: Sequence[Message], route: Mapping[str, str] | None = None
    ) -> None:
        """Outbox: post to the route's channel and thread, else the user's DM (slack_web)."""
        await self.web.deliver(user, messages, route)

    async def _handle(self, row: InboxRow) -> None:
        """An inbox worker's call: the row's work, then counted as handled."""
        try:
            await self.work.handle(row)
        finally:
            await self._count_handled()

    async def _count_handled(self) -> None:
        self._handled += 1
        async with self._changed:
            self._changed.notify_all()

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
            await self._count_handled()
            return
        stored = await self.inbox.add(
            key=f"slack:{kind}:{key or uuid.uuid4().hex}",
            user=user,
            kind=kind,
            payload={"body": dict(body), **extra},
        )
        if not stored:
            # A retry of an event stored before: the first copy is (being) handled.
            await self._count_handled()

    # ---- HTTP ---------------------------------------------------------------------------

    async def _http_events(self, request: web.Request) -> web.Response:
        return await self._dispatch_checked(request)

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
        if self.inbox.overloaded:
            # Back-pressure, not a drop: Slack sends events again; a command's user sees it.
            metrics.INBOX_REFUSED.labels(self.platform).inc()
            return web.Response(status=503, headers={"Retry-After": str(RETRY_LATER)})
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

    # ---- listeners: parse just enough to know whose it is, store, ack ---------------

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
            await self._count_handled()

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
                text=blocks.escape(self.core.catalog.text("error.dm_only")),
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
    event = body.get("event")
    user = event.get("user") if isinstance(event, dict) else None
    return user if isinstance(user, str) else ""


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
