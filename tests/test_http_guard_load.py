"""The HTTP guard against the coach served in a thread of its own: fuzzed bodies and headers never
get a 500, and a signed request is answered while 1,100 slow connections are held."""

from __future__ import annotations

import asyncio
import json
import logging
import resource
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.adapters.slack_adapter import create_slack_adapter
from bot.app import open_core
from bot.clock import ManualClock
from tests.conftest import START
from tests.fakes.slack_api import TEAM, FakeSlackApi
from tests.http_guard_harness import JUNK, LogBook, post, served, sign
from tests.slack_harness import SECRET, slack_settings
from tests.test_cli import spawn
from tests.test_run_process import LISTENING, read_until, slack_env

__all__ = ["served"]  # fixtures, shared


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
