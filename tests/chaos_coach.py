"""The coach under chaos: `reframe run` (Slack HTTP mode), a child process killed and restarted."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
from pathlib import Path

from tests.fakes.slack_api import FakeSlackApi

SECRET = "chaos-signing-secret"
LISTENING = re.compile(rb"slack listening on [\d.]+:(\d+)/slack/events")
# A bound, not a speed: at load 15 on two cores a start took over 30 s (imports, the model).
START_WAIT = 120.0

ROOT = Path(__file__).resolve().parents[1]


class Coach:
    """A `reframe run` process that can be killed and started again on the same database."""

    def __init__(self, env: dict[str, str], ready: re.Pattern[bytes] = LISTENING) -> None:
        self.env = env
        # The log line that says the process serves (its group, if any: the port).
        self.ready = ready
        self.process: asyncio.subprocess.Process | None = None
        self.port = 0
        self.up = asyncio.Event()
        self.starts = 0
        self._drain: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start the process and wait until it serves (/slack/events, or its `ready` line)."""
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=ROOT,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        assert self.process.stderr is not None
        stream = self.process.stderr
        while True:
            line = await asyncio.wait_for(stream.readline(), START_WAIT)
            if not line:
                raise AssertionError("reframe run ended before it served")
            found = self.ready.search(line)
            if found:
                self.port = int(found.group(1)) if found.groups() else 0
                break
        # Keep reading the log so the pipe never fills and blocks the process.
        self._drain = asyncio.create_task(_drain(stream))
        self.starts += 1
        self.up.set()

    async def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, whatever was in flight."""
        self.up.clear()
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()
        if self._drain is not None:
            await self._drain

    async def stop(self) -> int:
        """SIGTERM and wait for a clean exit; the exit code."""
        self.up.clear()
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.process.wait(), 30)
        if self._drain is not None:
            await self._drain
        return self.process.returncode or 0


async def _drain(stream: asyncio.StreamReader) -> None:
    while await stream.readline():
        pass


def run_env(folder: Path, fake: FakeSlackApi, **extra: str) -> dict[str, str]:
    """`reframe run` in Slack HTTP mode on a free port, against the fake, on folder's db."""
    from tests.test_cli import cli_env

    return cli_env(
        folder,
        SLACK_BOT_TOKEN="xoxb-chaos",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.base_url,
        PORT="0",
        LOG_LEVEL="INFO",
        # This checkout's texts and schema, whichever copy the package was installed from.
        REFRAME_PROMPTS_DIR=str(ROOT / "prompts"),
        REFRAME_MIGRATIONS_DIR=str(ROOT / "migrations"),
        **extra,
    )
