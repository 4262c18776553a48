"""A fake Discord on 127.0.0.1: REST and the gateway in one aiohttp app, recording every request.

An unmodified discord.py client talks to it through Route.BASE and
DiscordWebSocket.DEFAULT_GATEWAY. Tests push gateway dispatches (a DM, a slash command, a
button press) and wait, on asyncio conditions, for the requests the client makes in answer.
The REST routes and the faults tests inject (`fail()`, `hang()`) are discord_rest.py's; the
objects sent, discord_objects.py's.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import Awaitable, Callable

from aiohttp import WSMsgType, web

from tests.fakes.discord_objects import (
    APP_ID,
    BOT_ID,
    COMMAND_ID,
    Json,
    interaction_json,
    ready_json,
    user_json,
)
from tests.fakes.discord_rest import API_PREFIX, DiscordRest, Recorded

__all__ = ["APP_ID", "BOT_ID", "FakeDiscord", "Json"]


class FakeDiscord(DiscordRest):
    """Fake Discord REST API and gateway for one test."""

    def __init__(self) -> None:
        super().__init__()
        self.gateway_ops: list[int] = []
        self.identified = asyncio.Event()
        self.resumed = asyncio.Event()
        self._sessions: dict[str, tuple[int, int]] = {}
        # A close code to answer IDENTIFY with instead of READY (4004: bad token, ...).
        self.refuse_identify: int | None = None
        # Everything users wrote to the bot in DMs, to check it reaches no log line.
        self.user_texts: list[str] = []
        # The [id, count] each IDENTIFY asked for.
        self.identifies: list[tuple[int, int]] = []
        self._shard_of: dict[web.WebSocketResponse, tuple[int, int]] = {}
        self._seq = itertools.count(1)
        self._sockets: set[web.WebSocketResponse] = set()
        self._runner: web.AppRunner | None = None
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

    # ---- what tests inspect ------------------------------------------------------------

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
        # A guild's channel is made up unless given; a DM's is the user's.
        if guild_id is not None:
            channel = channel_id or next(self._ids)
        else:
            channel = self.dm_channel(user_id)
        payload = interaction_json(
            interaction_id,
            kind,
            user_id,
            data,
            channel=channel,
            guild_id=guild_id,
            message=message,
            locale=locale,
        )
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
                    ready = ready_json(next(self._seq), shard, count, self.gateway_url)
                    await socket.send_str(json.dumps(ready))
                    self.identified.set()
        finally:
            self._sockets.discard(socket)
            self._shard_of.pop(socket, None)
        return socket
