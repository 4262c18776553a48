"""The HTTP guard under test: the adapter served over the fake Slack, junk, signing, a log book."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.clock import ManualClock
from bot.core import Core
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.fakes.slack_api import FakeSlackApi
from tests.slack_harness import SECRET, slack_settings

DEEP = "[" * 20_000 + "]" * 20_000
HUGE = "9" * 5_000
# Each kind of junk the issue saw, as raw bytes.
JUNK: dict[str, bytes] = {
    "truncated JSON": b'{"type": "event_callback", "event": {"type": "mess',
    "not UTF-8": b'{"type": "\xff\xfe\xfd"}',
    "20,000 nesting levels": ('{"a": ' + DEEP + "}").encode(),
    "a 5,000-digit integer": ('{"type": "event_callback", "event_time": ' + HUGE + "}").encode(),
    "a number where a user id belongs": json.dumps(
        {
            "type": "event_callback",
            "team_id": 42,
            "event_id": ["Ev1"],
            "event": {"type": "message", "channel_type": "im", "user": 12345, "channel": 7},
        }
    ).encode(),
    "a form whose payload is not JSON": b"payload=%7B%22type%22%3A",
    "a form whose payload is a list": b"payload=%5B1%2C2%5D",
}


def sign(body: bytes, stamp: str | None = None, secret: str = SECRET) -> dict[str, str]:
    """Headers with Slack's signature of exactly these bytes."""
    stamp = stamp or str(int(time.time()))
    digest = hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": "v0=" + digest.hexdigest()}


class LogBook(logging.Handler):
    """Every log record from WARNING up, formatted, kept in memory."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def size(self) -> int:
        """Bytes written so far."""
        return sum(len(line) + 1 for line in self.lines)


@pytest.fixture
def logbook() -> Iterator[LogBook]:
    """The root logger's WARNING+ lines during one test."""
    book = LogBook()
    logging.getLogger().addHandler(book)
    yield book
    logging.getLogger().removeHandler(book)


@pytest.fixture
async def served(
    tmp_path: Path, db: Database, catalog: Catalog, clock: ManualClock, service: CoachService
) -> AsyncIterator[tuple[SlackAdapter, FakeSlackApi]]:
    """The Slack adapter in HTTP mode on 127.0.0.1, with its Web API faked."""
    async with FakeSlackApi() as fake:
        core = Core(slack_settings(tmp_path, fake), db, catalog, service, clock)
        adapter = create_slack_adapter(core, host="127.0.0.1")
        await adapter.start()
        yield adapter, fake
        await adapter.stop()


async def post(port: int, body: bytes, headers: dict[str, str]) -> int:
    """POST raw bytes to /slack/events; the status."""
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers) as r,
    ):
        await r.read()
        return r.status
