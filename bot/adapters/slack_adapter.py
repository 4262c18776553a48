"""Slack: Bolt over HTTP (/slack/events) or Socket Mode, DMs driving the shared engine.

One workspace runs on SLACK_BOT_TOKEN. Many workspaces install the coach through OAuth
(slack_oauth.py); each request then carries its workspace's client, and each nudge looks
its workspace's token up. Requests come in through slack_http.py or slack_socket_mode.py,
are stored by Bolt's listeners (slack_listeners.py) and handled by the inbox workers.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence

import aiohttp
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters import slack_auth, slack_errors
from bot.adapters import slack_oauth as oauth
from bot.adapters import slack_payloads as payloads
from bot.adapters import slack_socket_mode as socket_mode
from bot.adapters import slack_work as work
from bot.adapters.http_guard import ConnectionGuard
from bot.adapters.slack_http import SlackHttp
from bot.adapters.slack_listeners import SlackListeners
from bot.adapters.slack_web import SlackWeb, client_with
from bot.core import Core
from bot.domain import Message, UserKey
from bot.errors import ConfigError, PlatformRefused, ReframeError
from bot.inbox_workers import InboxWorkers
from bot.storage.inbox import InboxRow

log = logging.getLogger(__name__)

RATE_LIMIT_RETRIES = 3
API_TIMEOUT = 30
STOP_GRACE = 20.0


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
        self.web = SlackWeb(self.client, core.catalog, self.oauth, core.db)
        self.work = work.SlackWork(core, self.web)
        self.inbox = InboxWorkers(
            core.db,
            core.clock,
            self.platform,
            self._handle,
            backlog_limit=core.settings.inbox_backlog_limit,
            gate=core.pipeline.deliverer.gate,
        )
        SlackListeners(self.inbox, core.catalog, self._count_handled).register(self.app)
        core.pipeline.deliverer.add(self.web)
        core.pipeline.add_sharer(self.platform, self.web)
        self.http = SlackHttp(self.app, self.inbox, settings.slack_signing_secret, self.oauth)
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
        return self.http.port

    @property
    def guard(self) -> ConnectionGuard | None:
        """HTTP mode's connection guard once serving, else None."""
        return self.http.guard

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
                self._socket = await socket_mode.connect(
                    self.app, self.core.settings.slack_app_token, self.client
                )
            else:
                await self.http.serve(self.host, self.core.settings.port)
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

    async def stop(self) -> None:
        """Stop taking requests, let in-flight turns finish, then close every connection."""
        if self._warming is not None:
            self._warming.cancel()
            await asyncio.gather(self._warming, return_exceptions=True)
            self._warming = None
        await self.http.close()
        if self._socket is not None:
            await socket_mode.close(self._socket)
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
        return self.http.serving

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
        """One more request fully handled: wake whoever waits for a count."""
        self._handled += 1
        async with self._changed:
            self._changed.notify_all()


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
