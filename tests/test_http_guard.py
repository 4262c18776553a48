"""Hostile requests to /slack/events: refused with 400/401 before any parsing, in a small log."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import resource
import signal
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.adapters import http_guard
from bot.adapters.http_guard import AcceptErrorFilter, ThrottledLog
from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.app import open_core
from bot.clock import ManualClock
from bot.core import Core
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import START
from tests.fakes.slack_api import TEAM, FakeSlackApi
from tests.slack_harness import SECRET, slack_settings
from tests.test_cli import spawn
from tests.test_run_process import LISTENING, read_until, slack_env

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


async def test_each_kind_of_unsigned_junk_gets_401_and_at_most_one_log_line(
    served: tuple[SlackAdapter, FakeSlackApi], logbook: LogBook
) -> None:
    """Unsigned junk of every kind is refused 401 before parsing; a hundred of them leave
    one short WARNING line and no traceback."""
    adapter, fake = served
    assert adapter.port is not None
    for _ in range(15):
        for body in JUNK.values():
            headers = {"Content-Type": "application/json"}
            assert await post(adapter.port, body, headers) == 401
    assert len(logbook.lines) == 1 and logbook.lines[0].startswith("WARNING")
    assert logbook.size < 200 and "Traceback" not in "".join(logbook.lines)
    assert not fake.calls or {c.method for c in fake.calls} == {"auth.test"}


async def test_badly_signed_requests_get_401(
    served: tuple[SlackAdapter, FakeSlackApi], logbook: LogBook
) -> None:
    """A wrong secret, a stale timestamp, a 5,000-digit timestamp and a malformed signature
    header are all 401, never 500."""
    adapter, _ = served
    assert adapter.port is not None
    body = b'{"type": "event_callback"}'
    stale = str(int(time.time()) - 301)
    cases = [
        sign(body, secret="not-the-secret"),
        sign(body, stamp=stale),
        {**sign(body), "X-Slack-Request-Timestamp": HUGE},
        {**sign(body), "X-Slack-Signature": "v0=" + "g" * 64},
        {"X-Slack-Signature": "v1=abc"},
    ]
    for headers in cases:
        assert await post(adapter.port, body, headers) == 401
    assert all("Traceback" not in line for line in logbook.lines)


async def test_signed_junk_gets_400_never_500(
    served: tuple[SlackAdapter, FakeSlackApi], logbook: LogBook
) -> None:
    """Even correctly signed, each kind of junk is a 400 (or a plain ack), never a 500 or a
    traceback, and no turn runs."""
    adapter, _ = served
    assert adapter.port is not None
    for name, body in JUNK.items():
        status = await post(adapter.port, body, {"Content-Type": "application/json", **sign(body)})
        assert status in (200, 400), name
    assert adapter.handled == 0
    assert len(logbook.lines) <= 2 and "Traceback" not in "".join(logbook.lines)


async def test_a_body_over_the_limit_is_413(served: tuple[SlackAdapter, FakeSlackApi]) -> None:
    """A body past the size limit is refused without being read whole."""
    adapter, _ = served
    assert adapter.port is not None
    body = b"{" + b" " * http_guard.MAX_BODY + b"}"
    assert await post(adapter.port, body, sign(body)) == 413


def test_throttled_log_keeps_one_line_a_window_and_counts_the_rest(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Repeats within the window are left out; the next line says how many."""
    now = [0.0]
    throttle = ThrottledLog(logging.getLogger("t"), every=60.0, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="t"):
        logged = [throttle.warning("signature", "bad signature") for _ in range(1000)]
        now[0] = 61.0
        throttle.warning("signature", "bad signature")
    assert logged.count(True) == 1
    assert [r.getMessage() for r in caplog.records] == [
        "bad signature",
        "bad signature (999 more in the last 60 s)",
    ]


def test_accept_errors_are_logged_once_a_minute(caplog: pytest.LogCaptureFixture) -> None:
    """asyncio's "socket.accept() out of system resource" passes once per window, untraced."""
    now = [0.0]
    flt = AcceptErrorFilter(clock=lambda: now[0])
    record = logging.LogRecord(
        "asyncio", logging.ERROR, "", 0, "socket.accept() out of system resource", (), None
    )
    with caplog.at_level(logging.WARNING, logger=http_guard.log.name):
        kept = [flt.filter(record) for _ in range(10_000)]
    assert not any(kept)
    assert len(caplog.records) == 1 and caplog.records[0].exc_info is None


def test_the_connection_cap_stays_under_the_open_file_limit() -> None:
    """With the common 1,024 open-file limit, the cap leaves room for everything else."""
    assert http_guard.connection_cap(1024) <= 256
    assert http_guard.connection_cap(65_536) == http_guard.MAX_CONNECTIONS
    assert http_guard.connection_cap() < 20_000


async def test_headers_that_never_end_are_cut_off(
    served: tuple[SlackAdapter, FakeSlackApi], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A connection that has not finished its headers by the deadline is closed."""
    adapter, _ = served
    assert adapter.guard is not None and adapter.port is not None
    monkeypatch.setattr(adapter.guard, "header_timeout", 0.2)
    reader, writer = await asyncio.open_connection("127.0.0.1", adapter.port)
    writer.write(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")
    await writer.drain()
    assert await asyncio.wait_for(reader.read(), 5) == b""
    writer.close()


async def test_a_body_that_never_ends_gets_408(
    served: tuple[SlackAdapter, FakeSlackApi], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Complete headers but a body that stops coming: 408 once the body deadline passes."""
    adapter, _ = served
    assert adapter.port is not None
    monkeypatch.setattr(http_guard, "BODY_TIMEOUT", 0.2)
    reader, writer = await asyncio.open_connection("127.0.0.1", adapter.port)
    writer.write(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
    await writer.drain()
    answer = await asyncio.wait_for(reader.readline(), 5)
    assert answer.startswith(b"HTTP/1.1 408")
    writer.close()


async def test_past_the_cap_the_oldest_slow_connection_makes_room(
    served: tuple[SlackAdapter, FakeSlackApi], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every slot held by slow connections, a signed request still gets through: the
    oldest slow connection is closed for it."""
    adapter, _ = served
    assert adapter.guard is not None and adapter.port is not None
    monkeypatch.setattr(adapter.guard, "cap", 20)
    slow = [await asyncio.open_connection("127.0.0.1", adapter.port) for _ in range(40)]
    for _, writer in slow:
        writer.write(b"POST /slack/events HTTP/1.1\r\n")
        await writer.drain()
    body = b'{"type": "event_callback", "team_id": "T0TEAM"}'
    assert await post(adapter.port, body, sign(body)) in (200, 404)
    assert adapter.guard.open <= 20
    closed = [await asyncio.wait_for(reader.read(), 5) for reader, _ in slow[:20]]
    assert closed == [b""] * 20
    for _, writer in slow:
        writer.close()


# ---- a fuzzer of raw bodies and headers ----------------------------------------------------


@dataclass
class ThreadedSlack:
    """The adapter served from its own thread and event loop, for synchronous fuzzing."""

    port: int
    handled: Any


@pytest.fixture(scope="module")
def threaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadedSlack]:
    """The real app (open_core + SlackAdapter) in a background thread."""
    folder = tmp_path_factory.mktemp("fuzz")
    ready: dict[str, Any] = {}
    started = threading.Event()
    loop = asyncio.new_event_loop()

    async def serve() -> None:
        async with FakeSlackApi() as fake:
            settings = slack_settings(folder, fake)
            async with open_core(settings, ManualClock(START)) as core:
                adapter = create_slack_adapter(core, host="127.0.0.1")
                await adapter.start()
                ready["adapter"] = adapter
                ready["stop"] = stop = asyncio.Event()
                started.set()
                await stop.wait()
                await adapter.stop()

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    assert started.wait(30)
    adapter = ready["adapter"]
    yield ThreadedSlack(adapter.port, lambda: adapter.handled)
    loop.call_soon_threadsafe(ready["stop"].set)
    thread.join(30)
    loop.close()


def raw_post(port: int, body: bytes, headers: dict[str, str]) -> int:
    """A synchronous POST with exactly these bytes and headers; the status."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", "/slack/events", body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


HEADER_TEXT = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80)
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "Content-Type": st.sampled_from(
            ["application/json", "application/x-www-form-urlencoded", "text/plain"]
        )
        | HEADER_TEXT,
        "X-Slack-Request-Timestamp": st.integers(-(10**30), 10**30).map(str) | HEADER_TEXT,
        "X-Slack-Signature": st.text("v0=abcdef0123456789", max_size=70) | HEADER_TEXT,
        "X-Slack-Retry-Num": HEADER_TEXT,
    },
)
BODIES = (
    st.binary(max_size=2000)
    | st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=30,
    ).map(lambda value: json.dumps(value).encode())
    | st.sampled_from(list(JUNK.values()))
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=BODIES, headers=HEADERS, signed=st.booleans())
def test_fuzzed_bodies_and_headers_never_get_a_500_or_a_traceback(
    threaded: ThreadedSlack, body: bytes, headers: dict[str, str], signed: bool
) -> None:
    """Any bytes with any headers: unsigned is 401, signed is 200/400/404, never 500; the
    log stays within a few short lines however many requests come."""
    book = LogBook()
    logging.getLogger().addHandler(book)
    try:
        sent = {**headers, **sign(body)} if signed else headers
        status = raw_post(threaded.port, body, sent)
    finally:
        logging.getLogger().removeHandler(book)
    assert status in ((200, 400, 404) if signed else (401,))
    assert book.size < 400 and "Traceback" not in "".join(book.lines)


def _open_files_1024() -> None:
    """In the child: the common service default of 1,024 open files."""
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))


async def test_a_signed_request_is_answered_while_1100_slow_connections_are_held(
    tmp_path: Path,
) -> None:
    """`reframe run` under a 1,024 open-file limit, with 1,100 connections dribbling headers
    from 127.0.0.1: a signed request is still answered within 3 s, and the log stays small."""
    async with FakeSlackApi() as fake:
        env = slack_env(tmp_path, fake, SLACK_SIGNING_SECRET=SECRET)
        process = await spawn(env, "run", preexec_fn=_open_files_1024)
        slow: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        try:
            assert process.stderr is not None
            port = int((await read_until(process.stderr, LISTENING)).group(1))
            for _ in range(1100):
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(b"POST /slack/events HTTP/1.1\r\nHost: coach\r\nX-Slow: ")
                slow.append((reader, writer))
            await asyncio.gather(*(writer.drain() for _, writer in slow))
            body = json.dumps({"type": "event_callback", "team_id": TEAM}).encode()
            began = time.monotonic()
            status = await asyncio.wait_for(
                post(port, body, {"Content-Type": "application/json", **sign(body)}), 3
            )
            answered_in = time.monotonic() - began
            assert status in (200, 404) and answered_in < 3.0
            process.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(process.communicate(), 30)
        finally:
            for _, writer in slow:
                writer.close()
            if process.returncode is None:
                process.kill()
                await process.communicate()
    log = err.decode()
    assert process.returncode == 0, log
    assert "Traceback" not in log and "out of system resource" not in log
    assert len(log) < 2000, log
