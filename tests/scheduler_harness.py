"""The nudge scheduler under test: an outbox that records, a scheduler for a service, nudges."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from bot.clock import ManualClock
from bot.domain import Message, UserKey
from bot.errors import DeliveryError
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler, SchedulerConfig
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, say


class RecordingOutbox:
    """An Outbox that keeps what it was asked to send, and can be told to fail."""

    platform = "console"

    def __init__(self, failures: int = 0) -> None:
        self.sent: list[tuple[UserKey, Message]] = []
        self.failures = failures

    async def deliver(
        self,
        user: UserKey,
        messages: Sequence[Message],
        route: Mapping[str, str] | None = None,
    ) -> None:
        """Record the messages, or fail while failures remain."""
        if self.failures > 0:
            self.failures -= 1
            raise DeliveryError("platform unavailable")
        self.sent.extend((user, message) for message in messages)


def scheduler_for(
    db: Database, catalog: Catalog, clock: ManualClock, outbox: RecordingOutbox, **config: Any
) -> NudgeScheduler:
    """A scheduler delivering console nudges through the given outbox."""
    return NudgeScheduler(db, catalog, clock, {"console": outbox}, SchedulerConfig(**config))


async def finish_with_revisit(service: CoachService, revisit: str = "2") -> None:
    """Run a full dialogue whose revisit answer is `revisit`."""
    lines = list(FULL_DIALOGUE)
    lines[11] = revisit
    for line in lines:
        await service.handle(say(line))


async def reminder_rows(db: Database) -> list[tuple[str, str, int, str | None]]:
    """(status, send_after, attempts, last_error) of every reminder."""
    async with db.autocommit() as conn:
        rows = await conn.fetch_all(
            "SELECT status, send_after, attempts, last_error FROM reminders ORDER BY id"
        )
    return [(row["status"], row["send_after"], row["attempts"], row["last_error"]) for row in rows]


async def nudged(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> RecordingOutbox:
    """A finished session whose nudge has just been delivered."""
    await finish_with_revisit(service)
    outbox = RecordingOutbox()
    clock.set(START + timedelta(days=15))
    await scheduler_for(db, catalog, clock, outbox).run_once()
    assert len(outbox.sent) == 1
    return outbox
