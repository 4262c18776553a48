"""Two real processes on one SQLite file: a stale write is refused and redone, never lost."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.clock import SystemClock
from bot.domain import Step
from bot.prompts import load_catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from bot.storage.migrate import migrate
from tests.conftest import ALICE, MIGRATIONS, ROOT, say

# The other process: reads alice's session, waits, then writes from that stale read; then it
# answers through the service, which must notice the other writer and redo the turn.
CHILD = """
import asyncio, sys
from dataclasses import replace
from pathlib import Path
from bot.clock import SystemClock
from bot.domain import Inbound, UserKey
from bot.errors import ConflictError
from bot.flood import FloodGate
from bot.prompts import load_catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database

async def main(path):
    user = UserKey("console", "local", "alice")
    async with Database(path) as db:
        async with db.autocommit() as conn:
            stale = await repos.load_user(conn, user=user)
        print("loaded", flush=True)
        sys.stdin.readline()
        try:
            async with db.transaction() as conn:
                await repos.save_session(
                    conn, user_ref=stale.ref, session=replace(stale.session, answers={}),
                    expected_version=stale.session.version,
                )
            print("overwrote", flush=True)
        except ConflictError:
            print("conflict", flush=True)
        catalog = load_catalog(Path("prompts"))
        service = CoachService(db, catalog, SystemClock(), flood=FloodGate(9, 1))
        await service.handle(Inbound(user, text="from the other process", timezone_hint="UTC"))
    print("done", flush=True)

asyncio.run(main(sys.argv[1]))
"""


async def test_a_stale_write_from_another_process_is_refused_and_the_turn_redone(
    tmp_path: Path,
) -> None:
    """The other process's stale write conflicts; its next turn is redone on fresh data."""
    path = tmp_path / "shared.db"
    async with Database(path) as db:
        await migrate(db, MIGRATIONS)
        service = CoachService(db, load_catalog(ROOT / "prompts"), SystemClock())
        for line in ("hi", "the setback"):
            await service.handle(say(line))
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            CHILD,
            str(path),
            cwd=ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        assert child.stdout is not None and child.stdin is not None
        assert await asyncio.wait_for(child.stdout.readline(), 30) == b"loaded\n"
        await service.handle(say("the ask, from this process"))
        child.stdin.write(b"go\n")
        await child.stdin.drain()
        out, _ = await asyncio.wait_for(child.communicate(), 30)
        assert out.decode().split() == ["conflict", "done"]
        async with db.autocommit() as conn:
            record = await repos.load_user(conn, user=ALICE)
    assert record is not None and record.session is not None
    answers = record.session.answers
    assert answers["setback"] == "the setback"
    assert answers["ask"] == "the ask, from this process"
    assert record.session.step is Step.BOUNDARY  # the other process's words re-asked the choice
