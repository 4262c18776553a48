"""The acks benchmark's Slack side: signed /reframe requests sent as Slack sends them, DMs counted.

Each /reframe comes from a new user in a channel; ours answers each in that user's DM, which
DmPosts counts on the fake Web API.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests.fakes.slack_api import TEAM, WAIT, FakeSlackApi

SECRET = "bench-acks-signing-secret"
CHANNEL = "C0BENCH"
DRAIN_WAIT = 120.0


def command_body(user: str, response_url: str) -> str:
    """A /reframe slash command from `user` in a team channel, form-encoded as Slack sends it."""
    return urlencode(
        {
            "token": "unused",
            "team_id": TEAM,
            "team_domain": "bench",
            "channel_id": CHANNEL,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/reframe",
            "text": "my manager said no to the promotion",
            "api_app_id": "A0APP",
            "response_url": response_url,
            "trigger_id": f"{user}.2.3",  # unique, as Slack makes it
        }
    )


async def load(
    url: str, users: range, in_flight: int, response_url: str
) -> tuple[list[float], float]:
    """One signed /reframe per user, `in_flight` at a time; (ack latencies in s, wall time)."""
    verifier = SignatureVerifier(SECRET)
    latencies: list[float] = []
    pending = iter(users)
    failures: list[int] = []

    async def worker(session: aiohttp.ClientSession) -> None:
        for index in pending:
            body = command_body(f"U{index:07d}", response_url)
            stamp = str(int(time.time()))
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body) or "",
            }
            began = time.perf_counter()
            async with session.post(url, data=body, headers=headers) as response:
                await response.read()
                status = response.status
            latencies.append(time.perf_counter() - began)
            if status != 200:
                failures.append(status)

    connector = aiohttp.TCPConnector(limit=in_flight)
    async with aiohttp.ClientSession(connector=connector) as session:
        start = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(in_flight)))
        elapsed = time.perf_counter() - start
    if failures:
        raise RuntimeError(f"{len(failures)} requests refused, e.g. HTTP {failures[0]}")
    return latencies, elapsed


class DmPosts:
    """Counts the users whose DM got a post (each /reframe ends in one), reading calls once."""

    def __init__(self, fake: FakeSlackApi) -> None:
        self.fake = fake
        self.channels: set[str] = set()
        self._read = 0

    def count(self) -> int:
        """Users with a DM post so far."""
        calls = self.fake.calls
        for call in calls[self._read :]:
            if call.method == "chat.postMessage" and call.args.get("_ok"):
                self.channels.add(str(call.args.get("channel")))
        self._read = len(calls)
        return len(self.channels)

    async def wait(self, expected: int) -> None:
        """Wait, at most DRAIN_WAIT seconds, until `expected` users had their DM post."""
        for _ in range(int(DRAIN_WAIT / WAIT)):
            with contextlib.suppress(TimeoutError):
                await self.fake.wait_until(lambda: self.count() >= expected)
                return
        raise RuntimeError(f"only {self.count()} of {expected} turns answered in the DM")
