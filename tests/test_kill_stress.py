"""SIGKILL at random moments: a real `reframe run` (Slack HTTP mode) killed 20 times while 12
users answer their nudge and talk on loses no acknowledged DM or press, doubles no turn,
resends no nudge already answered."""

from __future__ import annotations

from pathlib import Path

from tests import chaos

USERS = [f"U{number:02d}CHAOS" for number in range(12)]
NUDGED = USERS
KILLS = 20


async def test_sigkill_at_random_moments_loses_nothing_acknowledged(tmp_path: Path) -> None:
    """20 SIGKILLs while 12 users answer their nudge, then type and press through a new
    reframe: every acknowledged DM and press is handled once, no answer is stored twice, no
    answered nudge is posted again."""
    run = await chaos.stress(tmp_path, users=USERS, nudged=NUDGED, kills=KILLS, seed=15)
    found = run.found
    assert run.kills == KILLS and run.exit_code == 0
    assert found.acked_events > 50 and found.acked_presses >= len(NUDGED) // 2
    assert found.lost_events == [] and found.lost_presses == {}
    assert found.doubled == []
    assert found.resent_nudges == [] and len(run.tally.nudge_pressed_at) >= len(NUDGED) // 2
    assert found.unfinished == 0
