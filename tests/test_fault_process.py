"""Faults seen in issue 15, reproduced on a real `reframe run` against the fake Slack: each
ends with the user's data intact and the user told the truth."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from tests import chaos
from tests.conftest import MIGRATIONS, PROMPTS
from tests.fakes.slack_api import FakeSlackApi

USER = "U0NUDGED"
DM = "D" + USER
ALREADY = "That question is already answered"


async def test_a_kill_while_the_nudge_is_posted_leaves_it_answerable_once(
    tmp_path: Path,
) -> None:
    """SIGKILL while the nudge's chat.postMessage is in flight (Slack took it): after the
    restart the user's press on it is recorded, not refused as already answered, and the
    nudge is not posted again once that press was acknowledged."""
    db_path = tmp_path / "coach.db"
    await asyncio.to_thread(chaos.seed_nudges, db_path, [USER], MIGRATIONS, PROMPTS)
    async with FakeSlackApi() as fake:
        env = chaos.run_env(tmp_path, fake)
        coach = chaos.Coach(env)
        tally = chaos.Tally()
        slack = chaos.Slack(coach, fake, tally)
        in_flight = fake.hang("chat.postMessage")
        try:
            await coach.start()
            await in_flight.wait_held()
            await coach.kill()
            fake.clear()  # Slack finishes taking the post the process was waiting on
            await fake.wait_until(lambda: bool(fake.posts(DM)))
            await coach.start()
            nudge = fake.posts(DM)[0]
            mark = len(fake.posts(DM))
            pressed = await slack.press(USER, nudge, chaos.nudge_buttons(nudge)[0])
            acked = time.monotonic()
            await fake.wait_until(lambda: len(fake.posts(DM)) > mark)
            await chaos.drained(db_path, 10.0)
            exit_code = await coach.stop()
        finally:
            await slack.close()
            await coach.kill()
    with sqlite3.connect(db_path) as conn:
        outcomes = conn.execute("SELECT outcome FROM sessions").fetchall()
    after = fake.posts(DM)[mark:]
    assert pressed and exit_code == 0
    assert outcomes == [("yes",)]
    assert not any(ALREADY in str(call.args.get("text")) for call in after)
    # The restart may post the nudge once more before the press (README: the window).
    assert not chaos.nudged_after(fake, USER, acked)
