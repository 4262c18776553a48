"""NudgeScheduler: claims due reminders with a lease, delivers them, settles each one."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot import engine, metrics
from bot.adapters.base import Outbox
from bot.clock import Clock
from bot.domain import UserKey
from bot.errors import DeliveryError, StorageFault
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
from bot.service import user_tag
from bot.storage import reminders, repos
from bot.storage.store import Store

log = logging.getLogger(__name__)
# Slack retries an event for minutes, not days: older event ids need not be remembered.
EVENT_MEMORY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class SchedulerConfig:
    """How the scheduler paces itself."""

    batch_size: int = 200
    lease: timedelta = timedelta(minutes=5)
    max_attempts: int = 5
    backoff_base: timedelta = timedelta(minutes=1)
    backoff_cap: timedelta = timedelta(hours=1)
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
    ) -> None:
        self.db = db
        self.catalog = catalog
        self.clock = clock
        self.outboxes = dict(outboxes)
        self.config = config
        self.only_user = only_user
        self.owner = uuid.uuid4().hex
        self.defaults = Defaults(
            config.default_timezone, quiet=QuietHours(config.quiet_start, config.quiet_end)
        )
        self._stop = asyncio.Event()
        self._last_purge: datetime | None = None

    def backoff(self, attempts: int) -> timedelta:
        """How long to wait after the given number of failed attempts."""
        delay: timedelta = self.config.backoff_base * (2 ** max(0, attempts - 1))
        return min(delay, self.config.backoff_cap)

    async def run_once(self, now: datetime | None = None) -> RunReport:
        """Deliver everything due at `now`.

        Reminders are claimed a batch at a time (never all rows in memory) and up to
        `concurrency` deliveries run at once; the next batch is claimed as slots free up,
        so one slow delivery (a 429 sleeping for its Retry-After) never idles the rest.
        """
        now = now or self.clock.now()
        total = RunReport()
        slots = asyncio.Semaphore(self.config.concurrency)
        running: set[asyncio.Task[RunReport]] = set()
        position: tuple[datetime, int] | None = None

        async def deliver(item: reminders.Claimed) -> RunReport:
            try:
                report = await self._deliver(item, now)
            finally:
                slots.release()
            _count(item.user.platform, report)
            return report

        due = 0

        try:
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
                if not batch:
                    break
                last = batch[-1]
                position = (last.send_after or last.due_at, last.id)
                due += len(batch)
                for item in batch:
                    await slots.acquire()
                    running.add(asyncio.create_task(deliver(item)))
                for task in [task for task in running if task.done()]:
                    running.discard(task)
                    total = total + task.result()
            for report in await asyncio.gather(*running):
                total = total + report
            running.clear()
        finally:
            # Only on an error: leave no delivery running behind a failed pass.
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)
        metrics.REMINDERS_DUE.set(due)
        return total

    async def _deliver(self, item: reminders.Claimed, now: datetime) -> RunReport:
        prefs = resolve(
            self.defaults,
            zone=item.timezone,
            platform_zone=item.platform_timezone,
            quiet_start=item.quiet_start,
            quiet_end=item.quiet_end,
        )
        zone = prefs.timezone
        wake = delivery_time(now, prefs)
        if wake > now:
            async with self.db.autocommit("settle_reminder") as conn:
                await reminders.defer(conn, reminder_id=item.id, owner=self.owner, send_after=wake)
            return RunReport(deferred=1)
        session = item.session
        if session is None:
            async with self.db.autocommit("settle_reminder") as conn:
                await reminders.mark_failed(
                    conn, reminder_id=item.id, owner=self.owner, error="session gone", retry_at=None
                )
            return RunReport(given_up=1)
        message = self.catalog.message(
            engine.nudge_reply(session), zone, session_number=session.number, now=now
        )
        try:
            await self.outboxes[item.user.platform].deliver(item.user, (message,))
        except (TimeoutError, DeliveryError, OSError) as error:
            return await self._failed(item, now, error)
        sent_at = self.clock.now()
        async with self.db.autocommit("settle_reminder") as conn:
            await reminders.mark_sent(conn, reminder_id=item.id, owner=self.owner, now=sent_at)
        metrics.DELIVERY_LAG.observe(max(0.0, (sent_at - item.due_at).total_seconds()))
        log.info("nudge delivered to %s", user_tag(item.user))
        return RunReport(delivered=1)

    async def _failed(
        self, item: reminders.Claimed, now: datetime, error: BaseException
    ) -> RunReport:
        reason = f"{type(error).__name__}: {error}"[:500]
        # A revoked token or an uninstalled app will refuse every retry just the same.
        permanent = isinstance(error, DeliveryError) and error.permanent
        give_up = permanent or item.attempts >= self.config.max_attempts
        retry_at = None if give_up else now + self.backoff(item.attempts)
        async with self.db.autocommit("settle_reminder") as conn:
            await reminders.mark_failed(
                conn, reminder_id=item.id, owner=self.owner, error=reason, retry_at=retry_at
            )
        if give_up:
            log.warning(
                "gave up nudge %d for %s after %d attempts: %s",
                item.id,
                user_tag(item.user),
                item.attempts,
                type(error).__name__,
            )
            return RunReport(given_up=1)
        log.info("nudge %d failed (attempt %d), retrying later", item.id, item.attempts)
        return RunReport(failed=1)

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
