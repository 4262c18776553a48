"""20,000 /reframe commands and DMs offered to a real `reframe run` as fast as it answers.

Every acknowledged request must be processed (read back from the inbox), and the process's
peak RSS stays bounded whatever the backlog (tests/overload.py does the work).
Run: python -m bench.overload [--quick] [--requests N] [--in-flight N]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import print_table, verdict, write_json
from tests import chaos, overload
from tests.fakes.slack_api import FakeSlackApi

DRAIN_WAIT = 1800.0
RSS_TARGET_MB = 150.0


async def measure(folder: Path, requests: int, in_flight: int) -> dict[str, Any]:
    """Offer the requests, wait until every acknowledged one is processed; the figures."""
    async with FakeSlackApi() as fake:
        coach = chaos.Coach(chaos.run_env(folder, fake))
        await coach.start()
        assert coach.process is not None
        try:
            offered = await overload.offer(coach, fake, requests, in_flight)
            began = time.monotonic()
            await chaos.drained(folder / "coach.db", DRAIN_WAIT)
            drained = time.monotonic() - began + offered.seconds
            peak = overload.peak_rss_mb(coach.process.pid)
            await coach.stop()
        finally:
            await coach.kill()
    events, commands = overload.processed(folder / "coach.db")
    lost = len(offered.acked_events - events) + max(0, offered.acked_commands - commands)
    return {
        "requests": requests,
        "acked": offered.acked,
        "refused": offered.refused,
        "offer_seconds": offered.seconds,
        "acks_per_s": offered.acked / offered.seconds,
        "processed_per_s": (len(events) + commands) / drained,
        "lost": lost,
        "peak_rss_mb": peak,
    }


def run(requests: int = 20_000, in_flight: int = 50, *, quick: bool = False) -> dict[str, Any]:
    """Measure once; print and write bench/results/overload.json."""
    if quick:
        requests = 2_000
    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(measure(Path(tmp), requests, in_flight))
    result["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    print_table(
        f"Overload: {requests:,} /reframe commands and DMs, {in_flight} in flight",
        [
            ("acknowledged", f"{result['acked']:,}", "", ""),
            ("refused (503, Slack retries)", f"{result['refused']:,}", "", ""),
            ("acks/s", f"{result['acks_per_s']:,.0f}", "", ""),
            ("processed/s", f"{result['processed_per_s']:,.0f}", "", ""),
            ("acknowledged and lost", f"{result['lost']}", "0", verdict(result["lost"] == 0)),
            (
                "peak RSS of reframe run",
                f"{result['peak_rss_mb']:.0f} MB",
                f"< {RSS_TARGET_MB:.0f} MB",
                verdict(result["peak_rss_mb"] < RSS_TARGET_MB),
            ),
        ],
    )
    write_json("overload", result)
    return result


def main() -> None:
    """Command line: python -m bench.overload."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2,000 requests")
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--in-flight", type=int, default=50)
    args = parser.parse_args()
    run(args.requests, args.in_flight, quick=args.quick)


if __name__ == "__main__":
    main()
