"""A fake Slack on 127.0.0.1: the Web API, response_url, uploads, Socket Mode; and a signed sender.

Messages and views over Slack's limits are refused as Slack refuses them (see slack_limits).

`FakeSlackApi` records every call and injects faults per method (or "*" for every method):
`fail()` answers a status, `ok: false` with a chosen error, a 429 with Retry-After or a body
that is not JSON (an HTML 500), once, n times or until `clear()`; `hang()` holds calls until
the test releases them (bounded by a deadline, never by sleeping). It also plays
several workspaces installing the app: `install()` prepares an OAuth code whose exchange
(oauth.v2.access) yields that workspace's own bot token, auth.test answers per token, and a
token in `revoked` is refused everywhere. `SlackSender` sends the adapter signed requests, as
Slack would (from one workspace), and waits until each one is handled.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from slack_sdk.signature import SignatureVerifier

from tests.fakes import slack_limits
from tests.fakes.faults import Hang

TEAM = "T0TEAM"
BOT_USER = "U0BOT"
WAIT = 10.0
# Arguments that slack_sdk sends as JSON strings in form or query parameters.
_JSON_ARGS = ("blocks", "view", "files", "attachments")


@dataclass(frozen=True, slots=True)
class Call:
    """One request the fake received: the API method (or "upload", "respond") and its args."""

    method: str
    args: Mapping[str, Any]
    token: str | None = None
    # When the fake took the request (time.monotonic(), this process's clock).
    at: float = field(default_factory=time.monotonic)


@dataclass(frozen=True, slots=True)
class Sent:
    """What the adapter answered a request with."""

    status: int
    body: str


@dataclass(slots=True)
class FakeWorkspace:
    """A workspace that can install the app: its OAuth code and current bot token."""

    team_id: str
    code: str
    token: str
    refresh_token: str | None = None
    enterprise_id: str | None = None
    org_wide: bool = False
    expires_in: int = 43200
    refreshes: int = 0


@dataclass(slots=True)
class _Failure:
    """A canned answer: `error` as ok:false JSON, or `body` as is; `times` None = until cleared."""

    status: int
    error: str
    retry_after: float | None
    body: str | None = None
    content_type: str = "application/json"
    times: int | None = 1


@dataclass(slots=True)
class FakeSlackApi:
    """The Slack Web API, as far as the coach uses it, plus a Socket Mode websocket."""

    zones: dict[str, str] = field(default_factory=dict)
    locales: dict[str, str] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    envelopes: list[dict[str, Any]] = field(default_factory=list)
    socket_acks: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0
    workspaces: dict[str, FakeWorkspace] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)
    _failures: dict[str, deque[_Failure]] = field(default_factory=lambda: defaultdict(deque))
    _hangs: dict[str, Hang] = field(default_factory=dict)
    _posted: dict[str, list[Call]] = field(default_factory=lambda: defaultdict(list))
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _runner: web.AppRunner | None = None
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def __aenter__(self) -> FakeSlackApi:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        """Where the adapter's AsyncWebClient should point (SLACK_API_URL)."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "cmd") -> str:
        """A slash command's response_url, served by the fake."""
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    def fail_next(
        self, method: str, *, status: int = 200, error: str = "fatal_error", retry_after: int = 0
    ) -> None:
        """Make the next call to `method` fail: 429 with Retry-After, or ok:false with `error`."""
        self.fail(method, status=status, error=error, retry_after=retry_after)

    def fail(
        self,
        method: str,
        *,
        status: int = 200,
        error: str = "fatal_error",
        retry_after: float | None = None,
        body: str | None = None,
        content_type: str = "application/json",
        times: int | None = 1,
    ) -> None:
        """Make the next `times` calls to `method` ("*": any) fail (None: until clear()).

        A 429 says `ratelimited` with Retry-After (0 unless given); `body` replaces the JSON
        answer as is, sent with `content_type` (an HTML page: "text/html").
        """
        if status == 429:
            error, retry_after = "ratelimited", retry_after or 0
        self._failures[method].append(
            _Failure(status, error, retry_after, body, content_type, times)
        )

    def hang(self, method: str, *, most: float = WAIT) -> Hang:
        """Hold every call to `method` ("*": any) until the returned Hang is released
        (or `most` seconds pass); held calls then get their normal (or failing) answer."""
        hang = Hang(most)
        self._hangs[method] = hang
        return hang

    def clear(self, method: str | None = None) -> None:
        """Stop injecting faults into `method` (None: every method) and release its hangs."""
        for name in [method] if method is not None else [*self._failures, *self._hangs]:
            self._failures.pop(name, None)
            hang = self._hangs.pop(name, None)
            if hang is not None:
                hang.release()

    def install(
        self,
        team_id: str,
        *,
        rotating: bool = False,
        enterprise_id: str | None = None,
        org_wide: bool = False,
    ) -> FakeWorkspace:
        """A workspace whose admin can install the app with the returned workspace's code."""
        workspace = FakeWorkspace(
            team_id,
            code=f"code-{team_id}",
            token=f"xoxb-{team_id}-0",
            refresh_token=f"xoxe-{team_id}-0" if rotating else None,
            enterprise_id=enterprise_id,
            org_wide=org_wide,
        )
        self.workspaces[team_id] = workspace
        return workspace

    def team_of(self, token: str | None) -> str:
        """The workspace a bearer token (or Authorization header) belongs to; TEAM by default."""
        token = (token or "").removeprefix("Bearer ")
        found = (w for w in self.workspaces.values() if w.token == token)
        return next((w.team_id for w in found), TEAM)

    def called(self, method: str) -> list[Call]:
        """Every recorded call to one method, in order."""
        return [call for call in self.calls if call.method == method]

    def posts(self, channel: str | None = None) -> list[Call]:
        """chat.postMessage calls that succeeded, optionally to one channel only."""
        if channel is not None:
            return list(self._posted.get(channel, ()))
        return [call for call in self.called("chat.postMessage") if call.args.get("_ok")]

    async def wait_until(self, predicate: Callable[[], bool]) -> None:
        """Wait (bounded) until a condition over the recorded calls holds."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), WAIT)

    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        if call.method == "chat.postMessage" and call.args.get("_ok"):
            self._posted[str(call.args.get("channel"))].append(call)
        async with self._changed:
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            args.update(await request.json())
        elif request.can_read_body:
            args.update(await request.post())
        for name in _JSON_ARGS:
            if isinstance(args.get(name), str):
                args[name] = json.loads(args[name])
        auth = request.headers.get("Authorization", "")
        for name in (method, "*"):
            hang = self._hangs.get(name)
            if hang is not None:
                await hang.hold()
        failure = self._take_failure(method)
        if failure is not None:
            await self._record(Call(method, {**args, "_ok": False, "_error": failure.error}, auth))
            return _failure_response(failure)
        token = auth.removeprefix("Bearer ")
        if token in self.revoked:
            await self._record(Call(method, {**args, "_ok": False}, auth))
            return web.json_response({"ok": False, "error": "token_revoked"})
        refused = slack_limits.refusal(method, args)
        if refused is not None:
            # Over one of Slack's limits: refused as Slack refuses it, nothing posted.
            await self._record(Call(method, {**args, "_ok": False, "_error": refused[0]}, auth))
            return web.json_response({"ok": False, "error": refused[0], "errors": refused[1]})
        answer = self._oauth(args) if method == "oauth.v2.access" else self._answer(method, args)
        if method == "auth.test" and answer["ok"]:
            answer["team_id"] = self.team_of(token)
        recorded = {**args, "_ok": answer.get("ok", False), "_ts": answer.get("ts")}
        await self._record(Call(method, recorded, auth))
        return web.json_response(answer)

    def _take_failure(self, method: str) -> _Failure | None:
        """The fault to answer this call with, counting it down; None to answer normally."""
        for name in (method, "*"):
            failures = self._failures.get(name)
            if failures:
                failure = failures[0]
                if failure.times is not None:
                    failure.times -= 1
                    if failure.times <= 0:
                        failures.popleft()
                return failure
        return None

    def _answer(self, method: str, args: Mapping[str, Any]) -> dict[str, Any]:
        ts = f"1700000000.{next(self._ts):06d}"
        user = str(args.get("user", ""))
        answers: dict[str, dict[str, Any]] = {
            "auth.test": {"user_id": BOT_USER, "bot_id": "B0BOT", "team_id": TEAM, "team": "t"},
            "conversations.open": {"channel": {"id": "D" + str(args.get("users", "X"))}},
            "users.info": {
                "user": {
                    "id": args.get("user"),
                    "tz": self.zones.get(user),
                    "locale": self.locales.get(user) if args.get("include_locale") else None,
                }
            },
            "chat.postMessage": {"channel": args.get("channel"), "ts": ts},
            "chat.update": {"channel": args.get("channel"), "ts": args.get("ts")},
            "chat.postEphemeral": {"message_ts": ts},
            "views.publish": {"view": {"id": "V1"}},
            "files.getUploadURLExternal": {
                "upload_url": f"http://127.0.0.1:{self.port}/upload/F0{ts[-3:]}",
                "file_id": f"F0{ts[-3:]}",
            },
            "files.completeUploadExternal": {"files": [{"id": "F0", "title": "export"}]},
            "apps.connections.open": {"url": f"ws://127.0.0.1:{self.port}/socket"},
        }
        if method not in answers:
            return {"ok": False, "error": "unknown_method"}
        return {"ok": True, **answers[method]}

    def _oauth(self, args: Mapping[str, Any]) -> dict[str, Any]:
        """oauth.v2.access: exchange an install code, or a refresh token for a new token."""
        if args.get("grant_type") == "refresh_token":
            found = [
                w for w in self.workspaces.values() if w.refresh_token == args.get("refresh_token")
            ]
            if not found:
                return {"ok": False, "error": "invalid_refresh_token"}
            workspace = found[0]
            workspace.refreshes += 1
            workspace.token = f"xoxb-{workspace.team_id}-{workspace.refreshes}"
            workspace.refresh_token = f"xoxe-{workspace.team_id}-{workspace.refreshes}"
            return {
                "ok": True,
                "token_type": "bot",
                "access_token": workspace.token,
                "refresh_token": workspace.refresh_token,
                "expires_in": 43200,  # a fresh token lasts 12 hours
            }
        found = [w for w in self.workspaces.values() if w.code == args.get("code")]
        if not found:
            return {"ok": False, "error": "invalid_code"}
        workspace = found[0]
        answer: dict[str, Any] = {
            "ok": True,
            "app_id": "A0APP",
            "authed_user": {"id": "U0ADMIN"},
            "scope": "chat:write,commands,im:history",
            "token_type": "bot",
            "access_token": workspace.token,
            "bot_user_id": BOT_USER,
            "team": None if workspace.org_wide else {"id": workspace.team_id, "name": "t"},
            "enterprise": {"id": workspace.enterprise_id} if workspace.enterprise_id else None,
            "is_enterprise_install": workspace.org_wide,
        }
        if workspace.refresh_token is not None:
            answer.update(refresh_token=workspace.refresh_token, expires_in=workspace.expires_in)
        return answer

    async def _upload(self, request: web.Request) -> web.Response:
        content = await request.read()
        await self._record(
            Call(
                "upload",
                {
                    "file_id": request.match_info["file_id"],
                    "size": len(content),
                    "content": content,
                },
            )
        )
        return web.Response(text="OK")

    async def _respond(self, request: web.Request) -> web.Response:
        await self._record(Call("respond", await request.json()))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})
        for envelope in self.envelopes:
            await ws.send_json(envelope)
        async for message in ws:
            if message.type is aiohttp.WSMsgType.TEXT:
                self.socket_acks.append(json.loads(message.data))
                async with self._changed:
                    self._changed.notify_all()
        return ws


def _failure_response(failure: _Failure) -> web.Response:
    """The HTTP answer a fault stands for."""
    headers = {}
    if failure.retry_after is not None:
        headers["Retry-After"] = f"{failure.retry_after:g}"
    if failure.body is not None:
        return web.Response(
            text=failure.body,
            status=failure.status,
            headers={**headers, "Content-Type": failure.content_type},
        )
    body = {"ok": False, "error": failure.error}
    return web.json_response(body, status=failure.status, headers=headers)


class Handled(Protocol):
    """What the sender needs of the adapter: a count of fully handled requests."""

    @property
    def handled(self) -> int: ...

    async def wait_handled(self, count: int) -> None: ...


class SlackSender:
    """Sends the adapter what Slack would, signed, and waits until the adapter has handled it."""

    def __init__(
        self, url: str, secret: str, adapter: Handled, fake: FakeSlackApi, *, team: str = TEAM
    ) -> None:
        self.url = url
        self.team = team
        self.verifier = SignatureVerifier(secret)
        self.adapter = adapter
        self.fake = fake
        self.session = aiohttp.ClientSession()
        self._events = itertools.count(1)

    async def close(self) -> None:
        """Close the HTTP session."""
        await self.session.close()

    def trigger_id(self) -> str:
        """A new trigger_id: Slack gives every command and interaction its own."""
        return f"{next(self._events)}.2.3"

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: Mapping[str, str] | None = None,
        timestamp: int | None = None,
        secret: str | None = None,
        wait: bool = True,
    ) -> Sent:
        """POST a raw body to /slack/events, signed (optionally with a wrong secret or old time)."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        verifier = self.verifier if secret is None else SignatureVerifier(secret)
        signature = verifier.generate_signature(timestamp=stamp, body=body) or ""
        sent = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature,
            **(headers or {}),
        }
        before = self.adapter.handled
        async with self.session.post(
            f"{self.url}/slack/events", data=body, headers=sent
        ) as response:
            answer = Sent(response.status, await response.text())
        if wait and answer.status == 200:
            await asyncio.wait_for(self.adapter.wait_handled(before + 1), WAIT)
        return answer

    async def event(
        self,
        event: Mapping[str, Any],
        *,
        event_id: str | None = None,
        retry: int = 0,
        wait: bool = True,
    ) -> tuple[Sent, str]:
        """An Events API callback; returns the response and the event_id used.

        Pass wait=False for an event Bolt drops before any listener (the bot's own post).
        """
        # Slack's event ids are unique across workspaces; the coach relies on that.
        event_id = event_id or f"Ev{self.team}{next(self._events):06d}"
        body = {
            "type": "event_callback",
            "team_id": self.team,
            "api_app_id": "A0APP",
            "event": dict(event),
            "event_id": event_id,
            "event_time": int(time.time()),
        }
        headers = (
            {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "timeout"} if retry else {}
        )
        response = await self.post(json.dumps(body), "application/json", headers=headers, wait=wait)
        return response, event_id

    async def dm(self, user: str, text: str, *, wait: bool = True) -> Sent:
        """The user types text in their DM with the coach (wait=False: only the ack)."""
        event = {
            "type": "message",
            "channel_type": "im",
            "channel": "D" + user,
            "user": user,
            "text": text,
            "ts": "1.1",
        }
        response, _ = await self.event(event, wait=wait)
        return response

    async def command(self, user: str, text: str, channel: str) -> Sent:
        """The user types `/reframe text` in a channel (or a DM)."""
        form = {
            "command": "/reframe",
            "text": text,
            "user_id": user,
            "team_id": self.team,
            "channel_id": channel,
            "response_url": self.fake.response_url(),
            "trigger_id": self.trigger_id(),
        }
        return await self.post(urlencode(form), "application/x-www-form-urlencoded")

    async def press(self, user: str, posted: Call, choice: str, *, wait: bool = True) -> Sent:
        """The user presses the button for `choice` on a message the adapter posted
        (wait=False: only the ack)."""
        button = next(
            element
            for block in posted.args["blocks"]
            if block["type"] == "actions"
            for element in block["elements"]
            if element["value"].endswith("|" + choice)
        )
        payload = {
            "type": "block_actions",
            "user": {"id": user, "team_id": self.team},
            "team": {"id": self.team},
            "channel": {"id": posted.args["channel"]},
            "container": {"type": "message", "channel_id": posted.args["channel"]},
            "message": {
                "ts": posted.args.get("_ts", "1700000000.000001"),
                "blocks": posted.args["blocks"],
            },
            "actions": [{**button, "block_id": "b", "action_ts": "1.1"}],
            "response_url": self.fake.response_url("action"),
            "trigger_id": self.trigger_id(),
        }
        return await self.post(
            urlencode({"payload": json.dumps(payload)}),
            "application/x-www-form-urlencoded",
            wait=wait,
        )
