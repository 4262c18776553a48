"""SIGKILL stress, longer than the test suite's: `reframe run` killed N times at random moments
while 12 users answer their nudge and talk on (tests/chaos.py does the work).

Reports the kills, what was acknowledged, and what was lost, doubled or resent (all must be 0).
Run: python -m bench.kills [--quick] [--kills N] [--seed N]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import print_table, verdict, write_json
from tests import chaos

USERS = [f"U{number:02d}CHAOS" for number in range(12)]
NUDGED = USERS


async def stress(folder: Path, kills: int, seed: int) -> dict[str, Any]:
    """One stress run in `folder`; the verdict and counts."""
    run = await chaos.stress(folder, users=USERS, nudged=NUDGED, kills=kills, seed=seed)
    return {
        "kills": run.kills,
        "seconds": run.seconds,
        "requests_sent": run.tally.sent,
        "not_acknowledged": run.tally.refused,
        "nudges_pressed": len(run.tally.nudge_pressed_at),
        **asdict(run.found),
    }


def run(kills: int = 100, seed: int = 15, *, quick: bool = False) -> dict[str, Any]:
    """Kill `kills` times; print and write bench/results/kills.json."""
    if quick:
        kills = 20
    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(stress(Path(tmp), kills, seed))
    result["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    lost = len(result["lost_events"]) + sum(result["lost_presses"].values())
    print_table(
        f"SIGKILL stress ({result['kills']} kills, 12 users, seed {seed})",
        [
            ("DMs acknowledged", f"{result['acked_events']:,}", "", ""),
            ("presses acknowledged", f"{result['acked_presses']:,}", "", ""),
            ("acknowledged and lost", f"{lost}", "0", verdict(lost == 0)),
            (
                "answers stored twice",
                f"{len(result['doubled'])}",
                "0",
                verdict(not result["doubled"]),
            ),
            (
                "nudges answered then resent",
                f"{len(result['resent_nudges'])}",
                "0",
                verdict(not result["resent_nudges"]),
            ),
            ("wall time", f"{result['seconds']:.0f} s", "", ""),
        ],
    )
    write_json("kills", result)
    return result


def main() -> None:
    """Command line: python -m bench.kills."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20 kills")
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    run(args.kills, args.seed, quick=args.quick)


if __name__ == "__main__":
    main()
