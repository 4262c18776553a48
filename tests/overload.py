"""Offer `reframe run` far more /reframe commands and DMs than it can process at once.

Each request comes from a new user (a /reframe in a channel, or a first DM), `in_flight` at a
time, as fast as the process answers. An answer of 200 is an acknowledgement: that request
must be processed. Anything else (503 with Retry-After: back-pressure) is Slack's to send
again later and is only counted. Afterwards the inbox must hold every acknowledged request,
handled; the process's peak RSS (VmHWM) says whether memory stayed bounded.
Used by tests/test_overload.py and bench/overload.py.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests import chaos
from tests.fakes.slack_api import TEAM, FakeSlackApi

CHANNEL = "C0LOAD"


@dataclass
class Offered:
    """What the load saw: acknowledged DM event ids and commands, and the rest refused."""

    acked_events: set[str] = field(default_factory=set)
    acked_commands: int = 0
    refused: int = 0
    seconds: float = 0.0

    @property
    def acked(self) -> int:
        """Acknowledged requests of both kinds."""
        return len(self.acked_events) + self.acked_commands


def _command(user: str, response_url: str) -> tuple[str, str, str | None]:
    body = urlencode(
        {
            "command": "/reframe",
            "text": "my manager said no to the promotion",
            "user_id": user,
            "team_id": TEAM,
            "channel_id": CHANNEL,
            "response_url": response_url,
            "trigger_id": f"{user}.2.3",  # unique, as Slack makes it
        }
    )
    return body, "application/x-www-form-urlencoded", None


def _dm(user: str, event_id: str) -> tuple[str, str, str | None]:
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": "D" + user,
        "user": user,
        "text": "my landlord said no to the repairs",
        "ts": "1.1",
    }
    body = {
        "type": "event_callback",
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "event_id": event_id,
        "event_time": int(time.time()),
        "event": event,
    }
    return json.dumps(body), "application/json", event_id


async def offer(coach: chaos.Coach, fake: FakeSlackApi, count: int, in_flight: int) -> Offered:
    """Send `count` requests, half /reframe commands and half DMs, `in_flight` at a time."""
    offered = Offered()
    verifier = SignatureVerifier(chaos.SECRET)
    numbers = iter(range(count))
    url = f"http://127.0.0.1:{coach.port}/slack/events"

    async def sender(session: aiohttp.ClientSession) -> None:
        for number in numbers:
            user = f"U{number:07d}LOAD"
            if number % 2:
                body, kind, event_id = _dm(user, f"EvLOAD{number:07d}")
            else:
                body, kind, event_id = _command(user, fake.response_url())
            stamp = str(int(time.time()))
            headers = {
                "Content-Type": kind,
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body) or "",
            }
            try:
                async with session.post(url, data=body, headers=headers) as response:
                    await response.read()
                    ok = response.status == 200
            except (aiohttp.ClientError, TimeoutError, OSError):
                ok = False
            if not ok:
                offered.refused += 1
            elif event_id is not None:
                offered.acked_events.add(event_id)
            else:
                offered.acked_commands += 1

    connector = aiohttp.TCPConnector(limit=in_flight)
    timeout = aiohttp.ClientTimeout(total=30)
    began = time.monotonic()
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(sender(session) for _ in range(in_flight)))
    offered.seconds = time.monotonic() - began
    return offered


def processed(db_path: Path) -> tuple[set[str], int]:
    """(DM event ids handled, /reframe commands handled), from the inbox."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT event_key, kind FROM inbox WHERE status = 'done'").fetchall()
    events = {key.rsplit(":", 1)[-1] for key, kind in rows if key.startswith("slack:message:")}
    commands = sum(1 for _, kind in rows if kind == "command")
    return events, commands


def peak_rss_mb(pid: int) -> float:
    """A live process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
