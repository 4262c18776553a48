"""The fake Discord's REST side: routes answered, requests recorded, faults injected.

FakeDiscord (discord_server.py) adds the gateway and the users' side to it. Faults: `fail()`
answers chosen requests with a status and a JSON or raw (HTML) body, once, n times or until
`clear()`; `hang()` holds them until the test releases them (bounded).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

from tests.fakes.discord_objects import (
    APP_ID,
    BOT_ID,
    COMMAND_ID,
    Json,
    application_json,
    gateway_bot_json,
    json_response,
    message_json,
    user_json,
)
from tests.fakes.faults import Hang

API_PREFIX = "/api/v10"


@dataclass(frozen=True, slots=True)
class Recorded:
    """One REST request the client made: method, path under /api/v10, query, body, files."""

    method: str
    path: str
    query: Mapping[str, str]
    body: Any
    files: tuple[tuple[str, bytes], ...] = ()


@dataclass(slots=True)
class Failure:
    """A canned error answer for the next `times` requests matching method and path (None:
    until cleared); `body` is JSON, or a str sent as is with `content_type`."""

    method: str
    path: re.Pattern[str]
    status: int
    body: Json | str
    headers: Mapping[str, str]
    times: int | None
    content_type: str = "application/json"


@dataclass(slots=True)
class _State:
    """What the fake remembers between requests."""

    messages: dict[int, Json] = field(default_factory=dict)
    dm_channels: dict[int, int] = field(default_factory=dict)
    # interaction id -> (its type, the channel it came from, the message a button was on)
    interactions: dict[int, tuple[int, int, int | None]] = field(default_factory=dict)
    # interaction id -> the INTERACTION_CREATE data dispatched, and the ids answered (acked)
    payloads: dict[int, Json] = field(default_factory=dict)
    acked: set[int] = field(default_factory=set)
    failures: list[Failure] = field(default_factory=list)
    # (method, path pattern, hang) for every request held until the test releases it
    hangs: list[tuple[str, re.Pattern[str], Hang]] = field(default_factory=list)


class DiscordRest:
    """Discord's REST API for one test: what the client asked, what the bot posted."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        # Messages the bot posted (channel messages and interaction followups), in order; an
        # edit (a PATCH or an UPDATE_MESSAGE callback) changes the stored dict in place.
        self.sent: list[Json] = []
        # What GET /gateway/bot recommends.
        self.recommended_shards = 1
        self._state = _State()
        self._ids = itertools.count(1_000_000_000_000_000)
        self._changed = asyncio.Condition()
        self.port = 0

    @property
    def api_base(self) -> str:
        """What DISCORD_API_BASE should be."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """What DISCORD_GATEWAY_URL should be."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # ---- what tests arrange --------------------------------------------------------------

    def fail(
        self,
        method: str,
        path: str,
        status: int,
        body: Json | str,
        *,
        headers: Mapping[str, str] | None = None,
        times: int | None = 1,
        content_type: str = "application/json",
    ) -> None:
        """Answer the next `times` requests to method + path (a regex) with this error
        (None: until clear()); a str body (an HTML page) is sent as is with `content_type`."""
        self._state.failures.append(
            Failure(method, re.compile(path), status, body, headers or {}, times, content_type)
        )

    def hang(self, method: str, path: str, *, most: float = 10.0) -> Hang:
        """Hold requests to method + path (a regex) until the returned Hang is released, or
        `most` seconds pass; they then get their normal (or failing) answer."""
        hang = Hang(most)
        self._state.hangs.append((method, re.compile(path), hang))
        return hang

    def clear(self) -> None:
        """Stop every injected failure and release every hang."""
        self._state.failures.clear()
        for _, _, hang in self._state.hangs:
            hang.release()
        self._state.hangs.clear()

    def message(self, message_id: int) -> Json:
        """A message the client sent or edited, as Discord would store it."""
        return self._state.messages[message_id]

    def dm_channel(self, user_id: int) -> int:
        """The id of the DM channel between the bot and this user."""
        return self._state.dm_channels.setdefault(user_id, next(self._ids))

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await _read_body(request)
        for method, pattern, hang in list(self._state.hangs):
            if method == request.method and pattern.fullmatch(path):
                await hang.hold()
        self.requests.append(Recorded(request.method, path, dict(request.query), body, files))
        response = self._answer(request.method, path, body)
        async with self._changed:
            self._changed.notify_all()
        return response

    def _answer(self, method: str, path: str, body: Any) -> web.Response:
        for failure in self._state.failures:
            matched = failure.method == method and failure.path.fullmatch(path)
            if (failure.times is None or failure.times > 0) and matched:
                if failure.times is not None:
                    failure.times -= 1
                if isinstance(failure.body, str):
                    headers = {**failure.headers, "Content-Type": failure.content_type}
                    return web.Response(text=failure.body, status=failure.status, headers=headers)
                return json_response(failure.body, failure.status, failure.headers)
        for route_method, pattern, handler in self._routes():
            match = pattern.fullmatch(path)
            if route_method == method and match is not None:
                return handler(match, body)
        return json_response({"message": "404: Not Found", "code": 0}, 404)

    def _routes(
        self,
    ) -> list[tuple[str, re.Pattern[str], Callable[[re.Match[str], Any], web.Response]]]:
        table: list[tuple[str, str, Callable[[re.Match[str], Any], web.Response]]] = [
            ("GET", r"/users/@me", lambda m, b: json_response(user_json(BOT_ID, bot=True))),
            (
                "GET",
                r"/gateway/bot",
                lambda m, b: json_response(
                    gateway_bot_json(self.gateway_url, self.recommended_shards)
                ),
            ),
            ("GET", r"/oauth2/applications/@me", lambda m, b: json_response(application_json())),
            ("GET", r"/users/(\d+)", lambda m, b: json_response(user_json(int(m[1])))),
            ("PUT", r"/applications/\d+(?:/guilds/\d+)?/commands", self._commands),
            ("POST", r"/users/@me/channels", self._open_dm),
            ("POST", r"/channels/(\d+)/messages", self._create),
            ("PATCH", r"/channels/(\d+)/messages/(\d+)", self._edit),
            ("POST", r"/interactions/(\d+)/([^/]+)/callback", self._callback),
            ("POST", r"/webhooks/\d+/([^/]+)", self._followup),
            ("PATCH", r"/webhooks/\d+/([^/]+)/messages/(\d+|@original)", self._edit_original),
            ("DELETE", r"/webhooks/\d+/([^/]+)/messages/(\d+|@original)", self._deleted),
        ]
        return [(method, re.compile(path), handler) for method, path, handler in table]

    def _commands(self, match: re.Match[str], body: Any) -> web.Response:
        commands = [
            {**command, "id": str(COMMAND_ID), "application_id": str(APP_ID), "version": "1"}
            for command in body or []
        ]
        return json_response(commands)

    def _open_dm(self, match: re.Match[str], body: Any) -> web.Response:
        user_id = int(body["recipient_id"])
        channel = {
            "id": str(self.dm_channel(user_id)),
            "type": 1,
            "last_message_id": None,
            "recipients": [user_json(user_id)],
        }
        return json_response(channel)

    def _create(self, match: re.Match[str], body: Any) -> web.Response:
        message = self._message_json(int(match[1]), user_json(BOT_ID, bot=True), "", body)
        self.sent.append(message)
        return json_response(message)

    def _edit(self, match: re.Match[str], body: Any) -> web.Response:
        message = self._state.messages[int(match[2])]
        message.update({k: v for k, v in (body or {}).items() if k in ("content", "components")})
        return json_response(message)

    def _callback(self, match: re.Match[str], body: Any) -> web.Response:
        kind = body.get("type") if isinstance(body, dict) else None
        data = (body.get("data") if isinstance(body, dict) else None) or {}
        interaction_kind, _, message_id = self._state.interactions[int(match[1])]
        if int(match[1]) in self._state.acked:
            return json_response(
                {"message": "Interaction has already been acknowledged.", "code": 40060}, 400
            )
        self._state.acked.add(int(match[1]))
        interaction: Json = {"id": match[1], "type": interaction_kind}
        if kind == 7 and message_id is not None:  # UPDATE_MESSAGE: the button's message
            self._state.messages[message_id].update(
                {k: v for k, v in data.items() if k in ("content", "components")}
            )
        if kind == 5:
            interaction |= {
                "response_message_loading": True,
                "response_message_ephemeral": bool(data.get("flags", 0) & 64),
            }
        return json_response({"interaction": interaction})

    def _followup(self, match: re.Match[str], body: Any) -> web.Response:
        interaction_id = int(match[1].removeprefix("token-"))
        _, channel_id, _ = self._state.interactions[interaction_id]
        if interaction_id not in self._state.acked:
            # Discord knows an interaction's webhook only once the interaction was answered.
            return json_response({"message": "Unknown Webhook", "code": 10015}, 404)
        message = self._message_json(channel_id, user_json(BOT_ID, bot=True), "", body)
        message["webhook_id"] = str(APP_ID)
        self.sent.append(message)
        return json_response(message)

    def _edit_original(self, match: re.Match[str], body: Any) -> web.Response:
        interaction_id = int(match[1].removeprefix("token-"))
        _, channel_id, _ = self._state.interactions[interaction_id]
        return json_response(self._message_json(channel_id, user_json(BOT_ID, bot=True), "", body))

    def _deleted(self, match: re.Match[str], body: Any) -> web.Response:
        return web.Response(status=204)

    def _message_json(
        self, channel_id: int, author: Json, content: str, body: Json | None = None
    ) -> Json:
        message_id = next(self._ids)
        message = message_json(message_id, channel_id, author, content, body)
        self._state.messages[message_id] = message
        return message


async def _read_body(request: web.Request) -> tuple[Any, tuple[tuple[str, bytes], ...]]:
    """A JSON body, or a multipart body's payload_json and files."""
    if request.content_type.startswith("multipart/"):
        body: Any = None
        files: list[tuple[str, bytes]] = []
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, BodyPartReader):
                continue
            data = await part.read()
            if part.name == "payload_json":
                body = json.loads(data)
            else:
                files.append((part.filename or "", bytes(data)))
        return body, tuple(files)
    raw = await request.read()
    return (json.loads(raw) if raw else None), ()
