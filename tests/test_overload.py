"""20,000 /reframe commands and DMs offered to a real `reframe run` faster than it can process
them: every acknowledged one is processed, the rest are refused for Slack to send again."""

from __future__ import annotations

from pathlib import Path

from tests import chaos, overload
from tests.fakes.slack_api import FakeSlackApi

OFFERED = 20_000
IN_FLIGHT = 50
BACKLOG = 200
DRAIN_WAIT = 60.0


async def test_every_acknowledged_request_of_20000_is_processed(tmp_path: Path) -> None:
    """With the inbox's backlog capped at 200, 20,000 requests offered 50 at a time are either
    acknowledged and then processed (each exactly once), or refused with 503, never dropped."""
    async with FakeSlackApi() as fake:
        env = chaos.run_env(tmp_path, fake, INBOX_BACKLOG_LIMIT=str(BACKLOG))
        coach = chaos.Coach(env)
        await coach.start()
        try:
            offered = await overload.offer(coach, fake, OFFERED, IN_FLIGHT)
            await chaos.drained(tmp_path / "coach.db", DRAIN_WAIT)
            exit_code = await coach.stop()
        finally:
            await coach.kill()
    events, commands = overload.processed(tmp_path / "coach.db")
    assert exit_code == 0
    assert offered.acked + offered.refused == OFFERED
    assert offered.acked > BACKLOG and offered.refused > 0
    assert events == offered.acked_events
    assert commands == offered.acked_commands
