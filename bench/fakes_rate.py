"""Rate-limited fake Slack and Discord for the benchmarks, served from a child process.

The test fakes (tests/fakes) answer every call; these subclasses put a fixed-window limit in
front of them and answer 429 past it as the real platforms do. They run in their own process
(`python -m bench.fakes_rate slack|discord --rate N`) so that the platform's CPU is not ours:
the child prints `PORT <n>`, serves 127.0.0.1 until its stdin closes, and reports its counts
at /api/bench.stats (Slack) or /api/v10/_bench/stats (Discord), which are never limited.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakes.discord_server import FakeDiscord
from tests.fakes.slack_api import FakeSlackApi

SLACK_STATS = "bench.stats"
DISCORD_STATS = "/_bench/stats"
STOP_WAIT = 10.0
START_WAIT = 30.0
Clock = Callable[[], float]


class FixedWindow:
    """At most `limit` requests in each `period`-second window, counted from the first use."""

    def __init__(self, limit: int, period: float = 1.0, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self.period = period
        self._clock = clock
        self._start = clock()
        self._index = 0
        self.used = 0

    def _roll(self) -> float:
        """Move to the window holding now; return the seconds left in it."""
        elapsed = self._clock() - self._start
        index = int(elapsed // self.period)
        if index != self._index:
            self._index = index
            self.used = 0
        return (index + 1) * self.period - elapsed

    def wait(self) -> float:
        """0 when a request may pass now, else the seconds until the window resets."""
        left = self._roll()
        return 0.0 if self.used < self.limit else left

    def take(self) -> None:
        """Count one request in the current window."""
        self._roll()
        self.used += 1

    def reset_after(self) -> float:
        """Seconds until the current window ends."""
        return self._roll()

    @property
    def remaining(self) -> int:
        """Requests still allowed in the current window."""
        self._roll()
        return max(0, self.limit - self.used)


class RateLimitedSlack(FakeSlackApi):
    """The fake Web API behind one per-app limit: `rate` calls a second, then 429 Retry-After."""

    def __init__(self, rate: int) -> None:
        FakeSlackApi.__init__(self)
        self.window = FixedWindow(rate)
        self.accepted: Counter[str] = Counter()
        self.refused: Counter[str] = Counter()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == SLACK_STATS:
            return web.json_response(self.stats())
        wait = self.window.wait()
        if wait > 0:
            await request.read()
            self.refused[method] += 1
            # Slack's Retry-After is whole seconds, at least 1.
            headers = {"Retry-After": str(max(1, math.ceil(wait)))}
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers=headers
            )
        self.window.take()
        self.accepted[method] += 1
        return await FakeSlackApi._api(self, request)

    def stats(self) -> dict[str, Any]:
        """Calls answered and refused by method, and posts per DM channel (one per user)."""
        per_channel = Counter(str(call.args.get("channel")) for call in self.posts())
        return {
            "accepted": dict(self.accepted),
            "refused": dict(self.refused),
            "posts": sum(per_channel.values()),
            "users": len(per_channel),
            "most_per_user": max(per_channel.values(), default=0),
        }


def _discord_json(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    """JSON with Content-Type exactly application/json (discord.py ignores it otherwise)."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


class RateLimitedDiscord(FakeDiscord):
    """The fake Discord behind a global limit and per-route buckets, with Discord's headers.

    Global: `rate` requests a second for the bot, then 429 with `global: true`. Routes: creating
    a DM shares one bucket (`rate` a second, so never the tighter one); messages have a bucket per
    channel (5 per 5 s, as Discord); anything else 50 a second. Every answer carries the
    X-RateLimit-* headers of its bucket, so discord.py can pace itself.
    """

    def __init__(self, rate: int) -> None:
        super().__init__()
        self.rate = rate
        self.window = FixedWindow(rate)
        self.buckets: dict[tuple[str, str], FixedWindow] = {}
        self.accepted: Counter[str] = Counter()
        self.refused: Counter[str] = Counter()
        self.refused_global = 0
        self.per_channel: Counter[str] = Counter()

    def _bucket(self, method: str, path: str) -> tuple[str, str, int, float]:
        """(bucket hash, major parameter, limit, period) for a request."""
        parts = path.strip("/").split("/")
        if method == "POST" and path == "/users/@me/channels":
            return "dm-open", "", self.rate, 1.0
        if (
            method == "POST"
            and len(parts) == 3
            and parts[0] == "channels"
            and parts[2] == "messages"
        ):
            return "channel-messages", parts[1], 5, 5.0
        return f"{method} {path}", "", 50, 1.0

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        if path == DISCORD_STATS:
            return _discord_json(self.stats())
        name, major, limit, period = self._bucket(request.method, path)
        bucket = self.buckets.get((name, major))
        if bucket is None:
            bucket = self.buckets[(name, major)] = FixedWindow(limit, period)
        route = "POST /channels/{id}/messages" if name == "channel-messages" else name
        global_wait = self.window.wait()
        route_wait = bucket.wait()
        if global_wait > 0 or route_wait > 0:
            await request.read()
            self.refused[route] += 1
            return self._too_many(global_wait, route_wait, name, bucket)
        self.window.take()
        bucket.take()
        self.accepted[route] += 1
        response = await FakeDiscord._rest(self, request)
        if name == "channel-messages" and response.status == 200:
            self.per_channel[major] += 1
        reset_after = bucket.reset_after()
        response.headers.update(
            {
                "X-RateLimit-Limit": str(bucket.limit),
                "X-RateLimit-Remaining": str(bucket.remaining),
                "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
                "X-RateLimit-Reset-After": f"{reset_after:.3f}",
                "X-RateLimit-Bucket": name,
            }
        )
        return response

    def _too_many(
        self, global_wait: float, route_wait: float, name: str, bucket: FixedWindow
    ) -> web.Response:
        """A 429 as Discord sends it: JSON retry_after, Retry-After, Via, and the scope."""
        is_global = global_wait > 0
        if is_global:
            self.refused_global += 1
        retry_after = round(max(global_wait, route_wait), 3) or 0.001
        headers = {
            "Via": "1.1 google",
            "Retry-After": str(max(1, math.ceil(retry_after))),
            "X-RateLimit-Scope": "global" if is_global else "user",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        else:
            headers |= {
                "X-RateLimit-Limit": str(bucket.limit),
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": f"{route_wait:.3f}",
                "X-RateLimit-Reset": f"{time.time() + route_wait:.3f}",
                "X-RateLimit-Bucket": name,
            }
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": is_global,
        }
        return _discord_json(body, 429, headers)

    def stats(self) -> dict[str, Any]:
        """Requests answered and refused by route, and messages per DM channel (one per user)."""
        return {
            "accepted": dict(self.accepted),
            "refused": dict(self.refused),
            "refused_global": self.refused_global,
            "posts": sum(self.per_channel.values()),
            "users": len(self.per_channel),
            "most_per_user": max(self.per_channel.values(), default=0),
        }


async def _serve(platform: str, rate: int) -> None:
    """Serve one fake until stdin closes."""
    if platform == "slack":
        slack = RateLimitedSlack(rate)
        async with slack:
            print(f"PORT {slack.port}", flush=True)
            await wait_for_stdin_eof()
        return
    discord = RateLimitedDiscord(rate)
    await discord.start()
    try:
        print(f"PORT {discord.port}", flush=True)
        await wait_for_stdin_eof()
    finally:
        await discord.close()


class FakeProcess:
    """A running child fake, seen from the benchmark: its port and its counts."""

    def __init__(self, platform: str, port: int, session: aiohttp.ClientSession) -> None:
        self.platform = platform
        self.port = port
        self._session = session

    @property
    def base(self) -> str:
        """The API base URL to configure the adapter with."""
        if self.platform == "slack":
            return f"http://127.0.0.1:{self.port}/api/"
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway(self) -> str:
        """The Discord gateway URL."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def stats(self) -> dict[str, Any]:
        """The child's counts so far."""
        path = "bench.stats" if self.platform == "slack" else "_bench/stats"
        async with self._session.get(f"{self.base.rstrip('/')}/{path}") as response:
            data: dict[str, Any] = await response.json(content_type=None)
        return data


@asynccontextmanager
async def serving_child(*args: str) -> AsyncIterator[int]:
    """Run `python -m ARGS` that prints `PORT <n>` and serves until stdin closes; yield n."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        *args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        line = await asyncio.wait_for(process.stdout.readline(), START_WAIT)
        if not line.startswith(b"PORT "):
            raise RuntimeError(f"{' '.join(args)} did not start: {line!r}")
        yield int(line.split()[1])
    finally:
        process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), STOP_WAIT)
        except TimeoutError:
            process.kill()
            await process.wait()
        await process.stdout.read()
        with contextlib.suppress(ConnectionError):
            await process.stdin.wait_closed()


@asynccontextmanager
async def fake_platform(platform: str, rate: int) -> AsyncIterator[FakeProcess]:
    """Start `python -m bench.fakes_rate PLATFORM --rate N`, yield it, always stop it."""
    async with (
        serving_child("bench.fakes_rate", platform, "--rate", str(rate)) as port,
        aiohttp.ClientSession() as session,
    ):
        yield FakeProcess(platform, port, session)


async def wait_for_stdin_eof() -> None:
    """Return once the parent closes our stdin (how a serving child is told to stop)."""
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


def main() -> None:
    """Command line: python -m bench.fakes_rate slack|discord --rate N (used by bench.bursts)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("platform", choices=("slack", "discord"))
    parser.add_argument("--rate", type=int, default=400, help="requests a second allowed")
    args = parser.parse_args()
    asyncio.run(_serve(args.platform, args.rate))


if __name__ == "__main__":
    main()
