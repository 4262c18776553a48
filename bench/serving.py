"""A benchmark's serving child: `python -m ARGS` prints `PORT <n>` and serves until stdin closes.

Children keep the served side's CPU apart from the measuring side's (bench.acks, bench.bursts).
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

STOP_WAIT = 10.0
START_WAIT = 30.0


@asynccontextmanager
async def serving_child(*args: str) -> AsyncIterator[int]:
    """Run `python -m ARGS` that prints `PORT <n>` and serves until stdin closes; yield n."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        *args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        line = await asyncio.wait_for(process.stdout.readline(), START_WAIT)
        if not line.startswith(b"PORT "):
            raise RuntimeError(f"{' '.join(args)} did not start: {line!r}")
        yield int(line.split()[1])
    finally:
        process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), STOP_WAIT)
        except TimeoutError:
            process.kill()
            await process.wait()
        await process.stdout.read()
        with contextlib.suppress(ConnectionError):
            await process.stdin.wait_closed()


async def wait_for_stdin_eof() -> None:
    """Return once the parent closes our stdin (how a serving child is told to stop)."""
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
