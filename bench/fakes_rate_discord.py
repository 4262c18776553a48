"""A rate-limited fake Discord for the benchmarks: a global limit, per-route buckets, headers.

Served by bench.fakes_rate's child process; its counts at /api/v10/_bench/stats, never limited.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from typing import Any

from aiohttp import web

from bench.fixed_window import FixedWindow
from tests.fakes.discord_objects import json_response
from tests.fakes.discord_server import FakeDiscord

DISCORD_STATS = "/_bench/stats"


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
            return json_response(self.stats())
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
        return json_response(body, 429, headers)

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
