"""Rate-limited fake Slack and Discord for the benchmarks, served from a child process.

The test fakes (tests/fakes) answer every call; these subclasses put a fixed-window limit in
front of them and answer 429 past it as the real platforms do (Discord's: fakes_rate_discord.py).
They run in their own process (`python -m bench.fakes_rate slack|discord --rate N`) so that
the platform's CPU is not ours: the child prints `PORT <n>`, serves 127.0.0.1 until its stdin
closes, and reports its counts at /api/bench.stats (Slack) or /api/v10/_bench/stats (Discord),
which are never limited.
"""

from __future__ import annotations

import argparse
import asyncio
import math
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from aiohttp import web

from bench.fakes_rate_discord import RateLimitedDiscord
from bench.fixed_window import FixedWindow
from bench.serving import serving_child, wait_for_stdin_eof
from tests.fakes.slack_api import FakeSlackApi

SLACK_STATS = "bench.stats"


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
async def fake_platform(platform: str, rate: int) -> AsyncIterator[FakeProcess]:
    """Start `python -m bench.fakes_rate PLATFORM --rate N`, yield it, always stop it."""
    async with (
        serving_child("bench.fakes_rate", platform, "--rate", str(rate)) as port,
        aiohttp.ClientSession() as session,
    ):
        yield FakeProcess(platform, port, session)


def main() -> None:
    """Command line: python -m bench.fakes_rate slack|discord --rate N (used by bench.bursts)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("platform", choices=("slack", "discord"))
    parser.add_argument("--rate", type=int, default=400, help="requests a second allowed")
    args = parser.parse_args()
    asyncio.run(_serve(args.platform, args.rate))


if __name__ == "__main__":
    main()
