"""A fake Discord on 127.0.0.1: REST and the gateway in one aiohttp app, recording every request.

An unmodified discord.py client talks to it through Route.BASE and
DiscordWebSocket.DEFAULT_GATEWAY. Tests push gateway dispatches (a DM, a slash command, a
button press) and wait, on asyncio conditions, for the requests the client makes in answer.
Faults: `fail()` answers chosen requests with a status and a JSON or raw (HTML) body, once, n
times or until `clear()`; `hang()` holds them until the test releases them (bounded).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, WSMsgType, web

from tests.fakes.faults import Hang

APP_ID = 900000000000000001
BOT_ID = 900000000000000002
COMMAND_ID = 900000000000000003
TIMESTAMP = "2026-11-25T09:00:00.000000+00:00"
API_PREFIX = "/api/v10"
Json = dict[str, Any]


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


def user_json(user_id: int, *, bot: bool = False) -> Json:
    """A Discord user object."""
    return {
        "id": str(user_id),
        "username": f"user{user_id}",
        "discriminator": "0",
        "global_name": None,
        "avatar": None,
        "bot": bot,
    }


def _json(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    # discord.py parses JSON only when Content-Type is exactly application/json, and aiohttp's
    # json_response appends "; charset=utf-8": build the response by hand.
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


class FakeDiscord:
    """Fake Discord REST API and gateway for one test."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        # Messages the bot posted (channel messages and interaction followups), in order; an
        # edit (a PATCH or an UPDATE_MESSAGE callback) changes the stored dict in place.
        self.sent: list[Json] = []
        self.gateway_ops: list[int] = []
        self.identified = asyncio.Event()
        self.resumed = asyncio.Event()
        self._sessions: dict[str, tuple[int, int]] = {}
        # A close code to answer IDENTIFY with instead of READY (4004: bad token, ...).
        self.refuse_identify: int | None = None
        # What GET /gateway/bot recommends, and the [id, count] each IDENTIFY asked for.
        self.recommended_shards = 1
        # Everything users wrote to the bot in DMs, to check it reaches no log line.
        self.user_texts: list[str] = []
        self.identifies: list[tuple[int, int]] = []
        self._shard_of: dict[web.WebSocketResponse, tuple[int, int]] = {}
        self._state = _State()
        self._ids = itertools.count(1_000_000_000_000_000)
        self._seq = itertools.count(1)
        self._sockets: set[web.WebSocketResponse] = set()
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        # Awaited by wait_sent before it returns: the bot settling what it posted (a person
        # reads a reply, and answers, only after that).
        self.settled: Callable[[], Awaitable[None]] | None = None

    # ---- lifecycle ---------------------------------------------------------------------

    async def start(self) -> None:
        """Serve on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Close open gateway sockets and stop serving."""
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """What DISCORD_API_BASE should be."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """What DISCORD_GATEWAY_URL should be."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # ---- what tests arrange and inspect ------------------------------------------------

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

    def matching(self, method: str, path: str) -> list[Recorded]:
        """Recorded requests with this method whose path full-matches the regex."""
        pattern = re.compile(path)
        return [r for r in self.requests if r.method == method and pattern.fullmatch(r.path)]

    async def wait_for(
        self, method: str, path: str, *, count: int = 1, within: float = 5.0
    ) -> list[Recorded]:
        """Wait until at least `count` such requests were made; return them all."""

        async def enough() -> list[Recorded]:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.matching(method, path)) >= count)
            return self.matching(method, path)

        return await asyncio.wait_for(enough(), within)

    async def wait_sent(
        self, predicate: Callable[[Json], bool], *, after: int = 0, within: float = 5.0
    ) -> Json:
        """Wait for the first message posted from index `after` on that matches; return it."""

        def found() -> Json | None:
            return next((m for m in self.sent[after:] if predicate(m)), None)

        async def arrived() -> Json:
            async with self._changed:
                await self._changed.wait_for(lambda: found() is not None)
            message = found()
            assert message is not None
            if self.settled is not None:
                await self.settled()
            return message

        return await asyncio.wait_for(arrived(), within)

    # ---- gateway dispatches ------------------------------------------------------------

    async def close_gateway(self, code: int) -> None:
        """Close every gateway connection with this close code, as Discord does."""
        for socket in list(self._sockets):
            await socket.close(code=code)

    async def dispatch(self, event: str, data: Json) -> None:
        """Push one dispatch (op 0) to the shard Discord would use, on every connection.

        As Discord does: a guild's events go to shard (guild_id >> 22) % shard count, and
        everything else (DMs) to shard 0.
        """
        payload = {"op": 0, "t": event, "s": next(self._seq), "d": data}
        guild = data.get("guild_id")
        for socket, (shard, count) in list(self._shard_of.items()):
            if shard == (int(guild) >> 22) % count if guild else shard == 0:
                await socket.send_str(json.dumps(payload))

    async def send_dm(self, user_id: int, content: str, *, bot: bool = False, kind: int = 0) -> int:
        """A user (or a bot) writes to the bot in their DM (`kind`: Discord's message type,
        6 for a pin notice); returns the message id."""
        self.user_texts.append(content)
        message = self._message_json(self.dm_channel(user_id), user_json(user_id, bot=bot), content)
        message["type"] = kind
        await self.dispatch("MESSAGE_CREATE", message)
        return int(message["id"])

    async def send_guild_message(self, user_id: int, guild_id: int, channel_id: int) -> int:
        """A user writes in a guild channel the bot can see; returns the message id."""
        message = self._message_json(channel_id, user_json(user_id), "my boss said no")
        message["guild_id"] = str(guild_id)
        await self.dispatch("MESSAGE_CREATE", message)
        return int(message["id"])

    async def slash(
        self,
        user_id: int,
        *,
        setback: str | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
        locale: str = "en-US",
    ) -> int:
        """The user runs /reframe in a guild channel or, without guild_id, in their DM."""
        options = [] if setback is None else [{"name": "setback", "type": 3, "value": setback}]
        data: Json = {"id": str(COMMAND_ID), "name": "reframe", "type": 1, "options": options}
        if guild_id is not None:
            data["guild_id"] = str(guild_id)
        return await self._interaction(
            2, user_id, data, guild_id=guild_id, channel_id=channel_id, locale=locale
        )

    async def press(self, user_id: int, message_id: int, custom_id: str) -> int:
        """The user presses a button on a message the bot sent them in their DM."""
        data: Json = {"custom_id": custom_id, "component_type": 2}
        return await self._interaction(3, user_id, data, message=self.message(message_id))

    async def repeat(self, interaction_id: int) -> None:
        """Dispatch an interaction once more with the same id (a gateway replay)."""
        await self.dispatch("INTERACTION_CREATE", self._state.payloads[interaction_id])

    async def _interaction(
        self,
        kind: int,
        user_id: int,
        data: Json,
        *,
        guild_id: int | None = None,
        channel_id: int | None = None,
        message: Json | None = None,
        locale: str = "en-US",
    ) -> int:
        interaction_id = next(self._ids)
        payload: Json = {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "token": f"token-{interaction_id}",
            "version": 1,
            "data": data,
            "locale": locale,
            "attachment_size_limit": 8_388_608,
            "entitlements": [],
            "app_permissions": "0",
        }
        if guild_id is not None:
            channel = channel_id or next(self._ids)
            payload |= {
                "guild_id": str(guild_id),
                "channel_id": str(channel),
                "channel": {
                    "id": str(channel),
                    "type": 0,
                    "guild_id": str(guild_id),
                    "name": "general",
                    "position": 0,
                    "permission_overwrites": [],
                    "nsfw": False,
                    "parent_id": None,
                },
                "member": {
                    "user": user_json(user_id),
                    "roles": [],
                    "joined_at": TIMESTAMP,
                    "deaf": False,
                    "mute": False,
                    "flags": 0,
                    "permissions": "0",
                },
                "authorizing_integration_owners": {"0": str(guild_id)},
                "context": 0,
            }
        else:
            dm = self.dm_channel(user_id)
            payload |= {
                "channel_id": str(dm),
                "channel": {"id": str(dm), "type": 1, "recipients": [user_json(user_id)]},
                "user": user_json(user_id),
                "authorizing_integration_owners": {"0": str(user_id)},
                "context": 1,
            }
        if message is not None:
            payload["message"] = message
        self._state.interactions[interaction_id] = (
            kind,
            int(payload["channel_id"]),
            int(message["id"]) if message is not None else None,
        )
        self._state.payloads[interaction_id] = payload
        await self.dispatch("INTERACTION_CREATE", payload)
        return interaction_id

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.add(socket)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 45_000}}))
        try:
            async for frame in socket:
                if frame.type is not WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                op = message.get("op")
                self.gateway_ops.append(op)
                if op == 1:
                    await socket.send_str(json.dumps({"op": 11}))
                elif op == 2 and self.refuse_identify is not None:
                    await socket.close(code=self.refuse_identify)
                elif op == 6:  # RESUME after a transient close: the session carries on
                    self._shard_of[socket] = self._sessions[message["d"]["session_id"]]
                    resumed = {"op": 0, "t": "RESUMED", "s": next(self._seq), "d": {}}
                    await socket.send_str(json.dumps(resumed))
                    self.resumed.set()
                elif op == 2:
                    shard, count = message["d"].get("shard") or (0, 1)
                    self.identifies.append((shard, count))
                    self._shard_of[socket] = (shard, count)
                    self._sessions[f"fake-session-{shard}"] = (shard, count)
                    await socket.send_str(json.dumps(self._ready(shard, count)))
                    self.identified.set()
        finally:
            self._sockets.discard(socket)
            self._shard_of.pop(socket, None)
        return socket

    def _ready(self, shard: int, count: int) -> Json:
        return {
            "op": 0,
            "t": "READY",
            "s": next(self._seq),
            "d": {
                "v": 10,
                "user": user_json(BOT_ID, bot=True),
                "guilds": [],
                "session_id": f"fake-session-{shard}",
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(APP_ID), "flags": 0},
                "shard": [shard, count],
            },
        }

    def _gateway_bot(self) -> Json:
        return {
            "url": self.gateway_url,
            "shards": self.recommended_shards,
            "session_start_limit": {
                "total": 1000,
                "remaining": 1000,
                "reset_after": 0,
                "max_concurrency": 1,
            },
        }

    # ---- REST --------------------------------------------------------------------------

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
                return _json(failure.body, failure.status, failure.headers)
        for route_method, pattern, handler in self._routes():
            match = pattern.fullmatch(path)
            if route_method == method and match is not None:
                return handler(match, body)
        return _json({"message": "404: Not Found", "code": 0}, 404)

    def _routes(
        self,
    ) -> list[tuple[str, re.Pattern[str], Callable[[re.Match[str], Any], web.Response]]]:
        table: list[tuple[str, str, Callable[[re.Match[str], Any], web.Response]]] = [
            ("GET", r"/users/@me", lambda m, b: _json(user_json(BOT_ID, bot=True))),
            ("GET", r"/gateway/bot", lambda m, b: _json(self._gateway_bot())),
            ("GET", r"/oauth2/applications/@me", lambda m, b: _json(self._app())),
            ("GET", r"/users/(\d+)", lambda m, b: _json(user_json(int(m[1])))),
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

    def _app(self) -> Json:
        return {
            "id": str(APP_ID),
            "name": "Reframe Coach",
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": user_json(1),
            "verify_key": "0" * 64,
            "flags": 0,
            "interactions_endpoint_url": None,
        }

    def _commands(self, match: re.Match[str], body: Any) -> web.Response:
        commands = [
            {**command, "id": str(COMMAND_ID), "application_id": str(APP_ID), "version": "1"}
            for command in body or []
        ]
        return _json(commands)

    def _open_dm(self, match: re.Match[str], body: Any) -> web.Response:
        user_id = int(body["recipient_id"])
        channel = {
            "id": str(self.dm_channel(user_id)),
            "type": 1,
            "last_message_id": None,
            "recipients": [user_json(user_id)],
        }
        return _json(channel)

    def _create(self, match: re.Match[str], body: Any) -> web.Response:
        message = self._message_json(int(match[1]), user_json(BOT_ID, bot=True), "", body)
        self.sent.append(message)
        return _json(message)

    def _edit(self, match: re.Match[str], body: Any) -> web.Response:
        message = self._state.messages[int(match[2])]
        message.update({k: v for k, v in (body or {}).items() if k in ("content", "components")})
        return _json(message)

    def _callback(self, match: re.Match[str], body: Any) -> web.Response:
        kind = body.get("type") if isinstance(body, dict) else None
        data = (body.get("data") if isinstance(body, dict) else None) or {}
        interaction_kind, _, message_id = self._state.interactions[int(match[1])]
        if int(match[1]) in self._state.acked:
            return _json(
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
        return _json({"interaction": interaction})

    def _followup(self, match: re.Match[str], body: Any) -> web.Response:
        interaction_id = int(match[1].removeprefix("token-"))
        _, channel_id, _ = self._state.interactions[interaction_id]
        if interaction_id not in self._state.acked:
            # Discord knows an interaction's webhook only once the interaction was answered.
            return _json({"message": "Unknown Webhook", "code": 10015}, 404)
        message = self._message_json(channel_id, user_json(BOT_ID, bot=True), "", body)
        message["webhook_id"] = str(APP_ID)
        self.sent.append(message)
        return _json(message)

    def _edit_original(self, match: re.Match[str], body: Any) -> web.Response:
        interaction_id = int(match[1].removeprefix("token-"))
        _, channel_id, _ = self._state.interactions[interaction_id]
        return _json(self._message_json(channel_id, user_json(BOT_ID, bot=True), "", body))

    def _deleted(self, match: re.Match[str], body: Any) -> web.Response:
        return web.Response(status=204)

    def _message_json(
        self, channel_id: int, author: Json, content: str, body: Json | None = None
    ) -> Json:
        body = body or {}
        message_id = next(self._ids)
        message: Json = {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "author": author,
            "content": body.get("content") or content,
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags", 0),
            "components": body.get("components", []),
        }
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
