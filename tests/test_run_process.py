"""`reframe run` as an operator runs it: a real process serving Slack, stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import json
import re
import signal
import sqlite3
import sys
import time
from pathlib import Path

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests.conftest import ROOT
from tests.fakes.slack_api import TEAM, FakeSlackApi
from tests.test_cli import cli_env

SECRET = "test-signing-secret"
LISTENING = re.compile(r"slack listening on [\d.]+:(\d+)/slack/events")
OPS_LISTENING = re.compile(r"ops listening on [\d.]+:(\d+)")


async def read_until(stream: asyncio.StreamReader, pattern: re.Pattern[str]) -> re.Match[str]:
    """Read log lines until one matches (bounded in time)."""
    seen: list[str] = []
    while True:
        # A bound against hanging, not a speed check: four processes starting at once on a
        # loaded two-core machine took over 30 s to log a line (seen 2026-12-01 at load 9).
        raw = await asyncio.wait_for(stream.readline(), 120)
        if not raw:
            raise AssertionError("the process ended before it was ready:\n" + "".join(seen))
        line = raw.decode()
        seen.append(line)
        found = pattern.search(line)
        if found:
            return found


def slack_env(tmp_path: Path, fake: FakeSlackApi, **extra: str) -> dict[str, str]:
    """`reframe run`'s environment: Slack over HTTP on a free port, the fake Web API, INFO logs
    (`extra` adds or overrides variables)."""
    slack = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.base_url,
        "PORT": "0",
        "LOG_LEVEL": "INFO",
    }
    return cli_env(tmp_path, **{**slack, **extra})


def signed(body: str) -> dict[str, str]:
    """Headers Slack would send with this body."""
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body) or ""
    return {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
    }


async def test_run_serves_slack_over_http_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    """The real `reframe run` answers a signed DM, is ready and counts the turn on OPS_PORT,
    then exits 0 on SIGTERM with the turn saved."""
    async with FakeSlackApi() as fake:
        env = slack_env(tmp_path, fake, OPS_PORT="0", OPS_HOST="127.0.0.1")
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=ROOT,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            assert process.stderr is not None
            ops_port = int((await read_until(process.stderr, OPS_LISTENING)).group(1))
            port = int((await read_until(process.stderr, LISTENING)).group(1))
            body = json.dumps(
                {
                    "type": "event_callback",
                    "team_id": TEAM,
                    "api_app_id": "A0APP",
                    "event_id": "Ev0001",
                    "event_time": int(time.time()),
                    "event": {
                        "type": "message",
                        "channel_type": "im",
                        "channel": "DU1",
                        "user": "U1",
                        "text": "hello coach",
                        "ts": "1.1",
                    },
                }
            )
            async with aiohttp.ClientSession() as session:
                url = f"http://127.0.0.1:{port}"
                async with session.get(f"{url}/healthz") as health:
                    assert health.status == 200
                async with session.post(
                    f"{url}/slack/events", data=body, headers=signed(body)
                ) as r:
                    assert r.status == 200
            await fake.wait_until(lambda: bool(fake.posts()))
            async with aiohttp.ClientSession() as session:
                ops = f"http://127.0.0.1:{ops_port}"
                async with session.get(f"{ops}/readyz") as ready:
                    assert ready.status == 200, await ready.text()
                async with session.get(f"{ops}/metrics") as scraped:
                    metrics = await scraped.text()
            assert 'reframe_turns_total{outcome="ok",platform="slack"} 1.0' in metrics
            assert "reframe_inbox_backlog " in metrics
            assert (
                'reframe_deliveries_total{kind="reply",platform="slack",result="sent"}' in metrics
            )
            process.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(process.communicate(), 30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.communicate()
    assert process.returncode == 0, err.decode()
    assert "Traceback" not in err.decode()
    assert "hello coach" not in err.decode()
    with sqlite3.connect(tmp_path / "coach.db") as conn:
        rows = conn.execute("SELECT platform, workspace, user_id FROM users").fetchall()
        steps = conn.execute("SELECT step FROM sessions").fetchall()
    assert rows == [("slack", TEAM, "U1")]
    assert steps == [("setback",)]
