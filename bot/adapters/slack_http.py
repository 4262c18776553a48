"""HTTP mode: Slack's request URL (/slack/events), /healthz, and the OAuth install pages.

Every request's signature is checked on the raw bytes first, then the body's shape, and only
then is it given to Bolt; one request per connection, behind the connection guard.
"""

from __future__ import annotations

import asyncio
import logging
import time

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from bot import metrics
from bot.adapters import http_guard as guard
from bot.adapters import slack_oauth as oauth
from bot.adapters import slack_requests as checks
from bot.inbox_workers import InboxWorkers
from bot.ops import bound_port, healthz

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Seconds Slack is asked to wait before sending again, when the inbox backlog is too long.
RETRY_LATER = 30


class SlackHttp:
    """Serves the request URL for one Bolt app; refuses what is unsigned, slow or too large."""

    def __init__(
        self,
        app: AsyncApp,
        inbox: InboxWorkers,
        signing_secret: str,
        oauth_flow: oauth.SlackOAuth | None,
    ) -> None:
        self.app = app
        self.inbox = inbox
        self.signing_secret = signing_secret
        self.oauth = oauth_flow
        self.guard: guard.ConnectionGuard | None = None
        self._runner: web.AppRunner | None = None
        self._throttle = guard.ThrottledLog(log)

    @property
    def port(self) -> int | None:
        """The port being served (useful when configured as 0), or None."""
        return bound_port(self._runner)

    @property
    def serving(self) -> bool:
        """Whether the request URL is being served."""
        return self._runner is not None

    async def serve(self, host: str, port: int) -> None:
        """Listen on host:port for Slack's requests, the liveness probe and the install pages."""
        web_app = web.Application(client_max_size=guard.MAX_BODY)
        # One request per connection: the guard's header deadline then covers every request.
        web_app.on_response_prepare.append(_close_after)
        web_app.router.add_post(EVENTS_PATH, self._events)
        # The same liveness answer as the operations endpoint's (OPS_PORT).
        web_app.router.add_get(HEALTH_PATH, healthz)
        if self.oauth is not None:
            web_app.router.add_get(oauth.INSTALL_PATH, self._install)
            web_app.router.add_get(oauth.REDIRECT_PATH, self._oauth_redirect)
        self._runner = web.AppRunner(web_app, access_log=None, shutdown_timeout=5.0)
        await self._runner.setup()
        self.guard = guard.ConnectionGuard(guard.connection_cap())
        guard.quiet_accept_errors()
        site = guard.GuardedSite(self._runner, host, port, self.guard)
        await site.start()
        log.info("slack listening on %s:%s%s", host, self.port, EVENTS_PATH)
        if self.oauth is not None:
            log.info("slack: Add to Slack at %s:%s%s", host, self.port, oauth.INSTALL_PATH)

    async def close(self) -> None:
        """Stop listening and close every connection."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _events(self, request: web.Request) -> web.Response:
        """Signature first, on the raw bytes; then the body's shape; only then Bolt."""
        throttle = self._throttle
        try:
            body = await asyncio.wait_for(request.read(), guard.BODY_TIMEOUT)
        except TimeoutError:
            return guard.reject(throttle, 408, "body_timeout", "request body too slow")
        except web.HTTPRequestEntityTooLarge:
            return guard.reject(throttle, 413, "too_large", "request body too large")
        if not checks.signature_ok(self.signing_secret, body, request.headers, time.time()):
            return guard.reject(throttle, 401, "signature", "invalid or missing Slack signature")
        if self.inbox.overloaded:
            # Back-pressure, not a drop: Slack sends events again; a command's user sees it.
            metrics.INBOX_REFUSED.labels(self.inbox.platform).inc()
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

    async def _install(self, request: web.Request) -> web.Response:
        """ "Add to Slack": Bolt sets the state cookie and sends the admin on to Slack."""
        assert self.oauth is not None
        bolt_response = await self.oauth.flow.handle_installation(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    async def _oauth_redirect(self, request: web.Request) -> web.Response:
        """Slack's redirect back: Bolt checks the state, exchanges the code, saves the install."""
        assert self.oauth is not None
        bolt_response = await self.oauth.flow.handle_callback(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)


async def _close_after(request: web.Request, response: web.StreamResponse) -> None:
    """Every answer closes its connection (see ConnectionGuard's header deadline)."""
    # The hook runs after the headers are prepared and before they are written.
    response.headers["Connection"] = "close"
    response.force_close()
