"""A fake Slack on 127.0.0.1: the Web API, response_url, uploads and Socket Mode.

Messages and views over Slack's limits are refused as Slack refuses them (see slack_limits).

`FakeSlackApi` records every call and injects faults per method (or "*" for every method):
`fail()` answers a status, `ok: false` with a chosen error, a 429 with Retry-After or a body
that is not JSON (an HTML 500), once, n times or until `clear()`; `hang()` holds calls until
the test releases them (bounded by a deadline, never by sleeping). It also plays
several workspaces installing the app: `install()` prepares an OAuth code whose exchange
(oauth.v2.access) yields that workspace's own bot token (slack_workspaces.py), auth.test
answers per token, and a token in `revoked` is refused everywhere. The faults are
slack_faults.py's; `SlackSender` (slack_sender.py) sends the adapter signed requests.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakes import slack_limits
from tests.fakes.faults import Hang
from tests.fakes.slack_faults import Failure, failure_response, take_failure
from tests.fakes.slack_workspaces import BOT_USER, FakeWorkspace, oauth_access

TEAM = "T0TEAM"
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
    _failures: dict[str, deque[Failure]] = field(default_factory=lambda: defaultdict(deque))
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
            Failure(status, error, retry_after, body, content_type, times)
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
        failure = take_failure(self._failures, method)
        if failure is not None:
            await self._record(Call(method, {**args, "_ok": False, "_error": failure.error}, auth))
            return failure_response(failure)
        token = auth.removeprefix("Bearer ")
        if token in self.revoked:
            await self._record(Call(method, {**args, "_ok": False}, auth))
            return web.json_response({"ok": False, "error": "token_revoked"})
        refused = slack_limits.refusal(method, args)
        if refused is not None:
            # Over one of Slack's limits: refused as Slack refuses it, nothing posted.
            await self._record(Call(method, {**args, "_ok": False, "_error": refused[0]}, auth))
            return web.json_response({"ok": False, "error": refused[0], "errors": refused[1]})
        answer = (
            oauth_access(self.workspaces, args)
            if method == "oauth.v2.access"
            else self._answer(method, args)
        )
        if method == "auth.test" and answer["ok"]:
            answer["team_id"] = self.team_of(token)
        recorded = {**args, "_ok": answer.get("ok", False), "_ts": answer.get("ts")}
        await self._record(Call(method, recorded, auth))
        return web.json_response(answer)

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
