"""What a chaos run saw acknowledged, against the database: nudges seeded, queues drained."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.fakes.slack_api import TEAM, Call, FakeSlackApi

# The inbox's kind for a button press (bot.adapters.slack_work.BUTTON).
PRESS_KIND = "button"


def buttons(call: Call) -> list[dict[str, Any]]:
    """Every button of a posted message."""
    return [
        element
        for block in call.args.get("blocks") or []
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    ]


def nudge_buttons(call: Call) -> list[dict[str, Any]]:
    """The nudge buttons of a posted message ([] when it is not a nudge)."""
    return [b for b in buttons(call) if str(b.get("value", "")).split("|")[1:2] == ["nudge"]]


@dataclass
class Tally:
    """What this process (playing Slack) saw acknowledged."""

    acked_events: dict[str, str] = field(default_factory=dict)  # event_id -> user
    acked_presses: Counter[str] = field(default_factory=Counter)  # user -> count
    # user -> when their press on the nudge was acknowledged (time.monotonic())
    nudge_pressed_at: dict[str, float] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)  # user -> every text sent
    sent: int = 0
    refused: int = 0
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def note_ack(self) -> None:
        """Wake whoever waits for a number of acknowledgements."""
        async with self.changed:
            self.changed.notify_all()

    @property
    def acked(self) -> int:
        """Acknowledged requests, DMs and presses."""
        return len(self.acked_events) + sum(self.acked_presses.values())


def nudged_after(fake: FakeSlackApi, user: str, moment: float) -> bool:
    """Whether a nudge reached the user's DM after `moment` (time.monotonic())."""
    return any(nudge_buttons(call) and call.at > moment for call in fake.posts("D" + user))


async def drained(db_path: Path, most: float) -> None:
    """Wait (polling, bounded) until no inbox or outbox row is left to handle."""
    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        if await asyncio.to_thread(_left, db_path) == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{_left(db_path)} inbox/outbox rows still pending")


def _left(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        left = conn.execute("SELECT count(*) FROM inbox WHERE status = 'pending'").fetchone()
        out = conn.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()
    return int(left[0]) + int(out[0])


def seed_nudges(db_path: Path, users: Sequence[str], migrations: Path, prompts: Path) -> None:
    """Give each user a finished reframe whose revisit nudge is due now."""
    asyncio.run(_seed(db_path, users, migrations, prompts))


async def _seed(db_path: Path, users: Sequence[str], migrations: Path, prompts: Path) -> None:
    from bot.clock import ManualClock
    from bot.domain import Inbound, UserKey
    from bot.prompts import load_catalog
    from bot.service import CoachService
    from bot.storage.db import Database
    from bot.storage.migrate import migrate
    from tests.conftest import FULL_DIALOGUE

    clock = ManualClock(datetime.now(UTC) - timedelta(days=30))
    async with Database(db_path) as db:
        await migrate(db, migrations)
        service = CoachService(db, load_catalog(prompts), clock)
        for user in users:
            key = UserKey("slack", TEAM, user)
            for line in FULL_DIALOGUE:
                await service.handle(Inbound(key, text=line, timezone_hint="UTC"))


@dataclass(frozen=True)
class Verdict:
    """What the database says about what was acknowledged."""

    acked_events: int
    lost_events: list[str]
    acked_presses: int
    lost_presses: dict[str, int]
    doubled: list[str]
    resent_nudges: list[str]
    unfinished: int


def verdict(db_path: Path, tally: Tally, fake: FakeSlackApi) -> Verdict:
    """Compare what was acknowledged with what the database and the fake's posts show."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT event_key, user_id, kind, status FROM inbox").fetchall()
        states = conn.execute(
            "SELECT u.user_id, s.state FROM sessions s JOIN users u ON u.id = s.user_ref"
        ).fetchall()
    done_events = {key.rsplit(":", 1)[-1] for key, _, _, status in rows if status == "done"}
    lost = [event for event in tally.acked_events if event not in done_events]
    presses_done: Counter[str] = Counter(
        user for _, user, kind, status in rows if status == "done" and kind == PRESS_KIND
    )
    lost_presses = {
        user: count - presses_done[user]
        for user, count in tally.acked_presses.items()
        if presses_done[user] < count
    }
    answers: dict[str, str] = {}
    for user, state in states:
        answers[user] = answers.get(user, "") + json.dumps(json.loads(state).get("answers", {}))
    doubled = [
        text
        for user, texts in tally.texts.items()
        for text in texts
        if answers.get(user, "").count(json.dumps(text)[1:-1]) > 1
    ]
    resent = [
        user for user, acked in tally.nudge_pressed_at.items() if nudged_after(fake, user, acked)
    ]
    unfinished = sum(1 for *_, status in rows if status not in ("done", "failed"))
    return Verdict(
        len(tally.acked_events),
        lost,
        sum(tally.acked_presses.values()),
        lost_presses,
        doubled,
        resent,
        unfinished,
    )
