"""Hostile requests to /slack/events: refused with 400/401 before any parsing, in a small log."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from bot.adapters import http_guard
from bot.adapters.http_guard import AcceptErrorFilter, ThrottledLog
from bot.adapters.slack_adapter import SlackAdapter
from tests.fakes.slack_api import FakeSlackApi
from tests.http_guard_harness import HUGE, JUNK, LogBook, logbook, post, served, sign

__all__ = ["logbook", "served"]  # fixtures, shared


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
