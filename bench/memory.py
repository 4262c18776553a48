"""Memory: 100,000 users with finished sessions stored and 1,000 conversations in progress.

RSS must stay under 150 MB and must not grow with the number of stored rows: the same run is
repeated on a database with a tenth of the stored users. Run: python -m bench.memory
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import tempfile
from pathlib import Path
from typing import Any

from bench.common import print_table, rss_mb, verdict, write_json
from bench.seed import migrated, seed_users
from bench.turns import DIALOGUE
from bot.clock import SystemClock
from bot.domain import Inbound, InboundKind, UserKey
from bot.flood import FloodGate
from bot.prompts import load_catalog
from bot.service import CoachService
from bot.storage.db import Database

ROOT = Path(__file__).resolve().parents[1]


async def in_progress(path: Path, conversations: int) -> float:
    """Open the service on the file, put `conversations` users mid-dialogue; return RSS in MB."""
    catalog = load_catalog(ROOT / "prompts")
    async with Database(path) as db:
        service = CoachService(db, catalog, SystemClock(), flood=FloodGate(1000, 1))
        semaphore = asyncio.Semaphore(50)

        async def talk(index: int) -> None:
            user = UserKey("bench", "w", f"live{index}")
            async with semaphore:
                for line in DIALOGUE[:7]:
                    await service.handle(
                        Inbound(user, InboundKind.MESSAGE, text=line, timezone_hint="UTC")
                    )

        await asyncio.gather(*(talk(i) for i in range(conversations)))
        # Everyone asks for their overview and wins: reads that touch stored rows.
        for index in range(0, conversations, 10):
            await service.overview(UserKey("bench", "w", f"live{index}"))
        gc.collect()
        return rss_mb()


def measure(stored: int, conversations: int) -> float:
    """RSS after the run on a database holding `stored` finished users."""
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        path = Path(tmp) / "memory.db"
        conn = migrated(path)
        seed_users(conn, stored)
        conn.close()
        return asyncio.run(in_progress(path, conversations))


def run(stored: int = 100_000, conversations: int = 1000, *, quick: bool = False) -> dict[str, Any]:
    """Measure at full and at a tenth of the stored rows."""
    if quick:
        stored, conversations = 10_000, 100
    small = measure(stored // 10, conversations)
    large = measure(stored, conversations)
    growth = large - small
    result = {
        "stored_users": stored,
        "conversations": conversations,
        "rss_mb": large,
        "rss_mb_tenth": small,
        "growth_mb": growth,
    }
    print_table(
        f"Memory ({stored:,} stored users, {conversations:,} conversations in progress)",
        [
            ("RSS", f"{large:.0f} MB", "< 150 MB", verdict(large < 150)),
            (f"RSS with {stored // 10:,} stored", f"{small:.0f} MB", "", ""),
            (
                "growth with 10x the rows",
                f"{growth:+.1f} MB",
                "flat (< 10 MB)",
                verdict(growth < 10),
            ),
        ],
    )
    write_json("memory", result)
    return result


def main() -> None:
    """Command line: python -m bench.memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--conversations", type=int, default=1000)
    args = parser.parse_args()
    run(args.stored, args.conversations)


if __name__ == "__main__":
    main()
