"""NudgeScheduler: puts due nudges in the outbox, runs the outbox's retry pass, purges."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot import engine, metrics
from bot.adapters.base import Outbox
from bot.clock import Clock
from bot.delivery import Deliverer
from bot.delivery_policy import DeliveryPolicy
from bot.domain import UserKey
from bot.errors import StorageFault
from bot.logtags import user_tag
from bot.preferences import (
    DEFAULT_QUIET_END,
    DEFAULT_QUIET_START,
    DEFAULT_TIMEZONE,
    Defaults,
    QuietHours,
    delivery_time,
    resolve,
)
from bot.prompts import Catalog
from bot.storage import inbox, outbox, reminders, repos
from bot.storage.store import Conn, Store

log = logging.getLogger(__name__)
# Slack retries an event for minutes, not days: older event ids need not be remembered.
EVENT_MEMORY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class SchedulerConfig:
    """How the scheduler paces itself."""

    batch_size: int = 200
    lease: timedelta = timedelta(minutes=5)
    delivery: DeliveryPolicy = field(default_factory=DeliveryPolicy)
    poll_interval: float = 15.0
    concurrency: int = 32
    default_timezone: str = DEFAULT_TIMEZONE
    quiet_start: str = DEFAULT_QUIET_START
    quiet_end: str = DEFAULT_QUIET_END
    retention_days: int = 180
    purge_interval: timedelta = timedelta(minutes=5)
    purge_batch: int = 100
    # Seconds between two purge batches: a backlog drains at a steady trickle, so a turn
    # rarely finds the database busy with a batch (0 in tests: nothing sleeps there).
    purge_pause: float = 0.1


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one pass did."""

    delivered: int = 0
    deferred: int = 0
    failed: int = 0
    given_up: int = 0

    def __add__(self, other: RunReport) -> RunReport:
        return RunReport(
            self.delivered + other.delivered,
            self.deferred + other.deferred,
            self.failed + other.failed,
            self.given_up + other.given_up,
        )


class NudgeScheduler:
    """Delivers the revisit nudges that are due, exactly once in normal operation."""

    def __init__(
        self,
        db: Store,
        catalog: Catalog,
        clock: Clock,
        outboxes: Mapping[str, Outbox],
        config: SchedulerConfig = SchedulerConfig(),
        *,
        only_user: UserKey | None = None,
        deliverer: Deliverer | None = None,
    ) -> None:
        self.db = db
        self.catalog = catalog
        self.clock = clock
        self.outboxes = dict(outboxes)
        self.config = config
        self.only_user = only_user
        self.deliverer = deliverer or Deliverer(db, clock, outboxes, config.delivery)
        self.owner = self.deliverer.owner
        self.defaults = Defaults(
            config.default_timezone, quiet=QuietHours(config.quiet_start, config.quiet_end)
        )
        self._stop = asyncio.Event()
        self._last_purge: datetime | None = None

    async def run_once(self, now: datetime | None = None) -> RunReport:
        """Queue every nudge due at `now` in the outbox, then deliver what the outbox holds.

        Reminders are claimed a batch at a time (never all rows in memory); each due nudge
        is rendered and written to the outbox in the claim's transaction, its reminder marked
        'queued'. The outbox delivers it like a reply (per user, leased, retried).
        """
        now = now or self.clock.now()
        total = RunReport()
        position: tuple[datetime, int] | None = None
        due = 0
        while True:
            async with self.db.transaction("claim_reminders") as conn:
                batch = await reminders.claim(
                    conn,
                    owner=self.owner,
                    now=now,
                    lease_until=now + self.config.lease,
                    platforms=tuple(self.outboxes),
                    limit=self.config.batch_size,
                    only_user=self.only_user,
                    after=position,
                )
                for item in batch:
                    report = await self._queue(conn, item, now)
                    _count(item.user.platform, report)
                    total = total + report
            if not batch:
                break
            last = batch[-1]
            position = (last.send_after or last.due_at, last.id)
            due += len(batch)
        metrics.REMINDERS_DUE.set(due)
        delivered = await self.deliverer.run_once(now)
        return total + RunReport(
            delivered=delivered.sent, failed=delivered.retrying, given_up=delivered.failed
        )

    async def _queue(self, conn: Conn, item: reminders.Claimed, now: datetime) -> RunReport:
        """One claimed reminder: deferred out of quiet hours, or its nudge put in the outbox."""
        prefs = resolve(
            self.defaults,
            zone=item.timezone,
            platform_zone=item.platform_timezone,
            quiet_start=item.quiet_start,
            quiet_end=item.quiet_end,
        )
        wake = delivery_time(now, prefs)
        if wake > now:
            await reminders.defer(conn, reminder_id=item.id, owner=self.owner, send_after=wake)
            return RunReport(deferred=1)
        session = item.session
        if session is None:
            await reminders.mark_failed(
                conn, reminder_id=item.id, owner=self.owner, error="session gone", retry_at=None
            )
            return RunReport(given_up=1)
        message = self.catalog.message(
            engine.nudge_reply(session), prefs.timezone, session_number=session.number, now=now
        )
        await outbox.enqueue(
            conn,
            user=item.user,
            kind=outbox.NUDGE,
            turn=f"nudge:{item.id}",
            route={},
            messages=(message,),
            now=now,
            reminder_id=item.id,
        )
        await reminders.queue(conn, reminder_id=item.id, owner=self.owner)
        metrics.DELIVERY_LAG.observe(max(0.0, (now - item.due_at).total_seconds()))
        log.info("nudge queued for %s", user_tag(item.user))
        return RunReport()

    async def purge(self, now: datetime | None = None) -> int:
        """Blank old conversations' words and drop old event ids; return how many were purged.

        One worker at a time (Store.exclusive): another finding the job taken returns 0.

        Works in small batches, each its own short write transaction, giving way to turns
        between them; each batch starts where the last one stopped, over an index that holds
        only rows not yet purged.
        """
        now = now or self.clock.now()
        async with self.db.exclusive("maintenance") as mine:
            if not mine:
                log.debug("maintenance: another worker is at it")
                return 0
            return await self._purge(now)

    async def _purge(self, now: datetime) -> int:
        before = now - timedelta(days=self.config.retention_days)
        size = self.config.purge_batch
        async with self.db.transaction("purge") as conn:
            await repos.forget_old_events(conn, before=now - EVENT_MEMORY)
            await inbox.forget_done(conn, before=now - EVENT_MEMORY)
            await outbox.forget_settled(conn, before=now - EVENT_MEMORY)
        purged = 0
        position: tuple[str, int] | None = ("", 0)
        while position is not None:
            async with self.db.transaction("purge") as conn:
                count, position = await repos.purge_answers(
                    conn, before=before, now=now, limit=size, after=position
                )
            purged += count
            if count < size:
                break
            # Let waiting turns have the database before the next batch.
            await asyncio.sleep(self.config.purge_pause)
        if purged:
            log.info("retention: purged the answers of %d closed conversations", purged)
        return purged

    async def purge_if_due(self, now: datetime | None = None) -> int | None:
        """Purge when `purge_interval` has passed since the last purge; None when not yet."""
        now = now or self.clock.now()
        if self._last_purge is not None and now - self._last_purge < self.config.purge_interval:
            return None
        self._last_purge = now
        return await self.purge(now)

    async def run_forever(self) -> None:
        """Run passes until stop() is called; a failing pass is logged, never fatal."""
        while not self._stop.is_set():
            try:
                await self.run_once()
                await self.purge_if_due()
            except StorageFault as error:
                # Readiness already says so; one line a pass, not a traceback.
                log.error("scheduler pass failed: %s", error)
            except Exception:
                log.exception("scheduler pass failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=self.config.poll_interval)

    def stop(self) -> None:
        """Ask run_forever to finish after the current pass."""
        self._stop.set()


def _count(platform: str, report: RunReport) -> None:
    """One delivery's result in reframe_nudges."""
    for result, count in (
        ("sent", report.delivered),
        ("deferred", report.deferred),
        ("failed", report.failed),
        ("given_up", report.given_up),
    ):
        if count:
            metrics.NUDGES.labels(platform, result).inc(count)
