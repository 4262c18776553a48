"""Per-user ordered workers over the durable inbox, woken by a signal, never the only copy.

An adapter stores each event (`add`) before it acknowledges it, then wakes the workers.
A dispatcher leases the oldest row of users nobody is serving and hands each to a worker,
which then takes that user's next rows one by one: one user's events never run at once or
out of order, different users run in parallel. At start, rows left by a stopped or killed
process are handled first (a killed process on this host gives its leases back at once;
elsewhere they run out). At most `workers` rows are in memory at a time, whatever the backlog.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from typing import Any

from bot import metrics
from bot.clock import Clock
from bot.domain import UserKey
from bot.errors import StorageFault
from bot.inbox_writer import InboxWriter
from bot.lease_owners import owner_is_dead, process_owner
from bot.storage import inbox
from bot.storage.inbox import InboxRow, NewEvent
from bot.storage.store import Store
from bot.user_gate import UserGate

log = logging.getLogger(__name__)
Handler = Callable[[InboxRow], Awaitable[None]]
WORKERS = 16
LEASE = timedelta(minutes=2)
# How often an idle dispatcher looks again without a wake-up (leases run out, retries due).
POLL_SECONDS = 5.0
# Beyond this many events waiting, an adapter asks the platform to send again later.
BACKLOG_LIMIT = 50_000


class InboxWorkers:
    """The inbox of one platform in this process: store, wake, serve users in order."""

    def __init__(
        self,
        db: Store,
        clock: Clock,
        platform: str,
        handler: Handler,
        *,
        workers: int = WORKERS,
        lease: timedelta = LEASE,
        backlog_limit: int = BACKLOG_LIMIT,
        owner: str | None = None,
        gate: UserGate | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.platform = platform
        self.handler = handler
        self.workers = workers
        self.lease = lease
        self.backlog_limit = backlog_limit
        self.owner = owner or process_owner()
        # The deliverer's: an event is acknowledged only after its user's nudge post in flight.
        self.gate = gate
        self.writer = InboxWriter(db)
        self.backlog = 0
        self._wake = asyncio.Event()
        self._free = asyncio.Semaphore(workers)
        self._dispatcher: asyncio.Task[None] | None = None
        self._running: set[asyncio.Task[None]] = set()
        self._stopping = False

    async def add(self, *, key: str, user: UserKey, kind: str, payload: Mapping[str, Any]) -> bool:
        """Store an event before it is acknowledged; False when it was stored before.

        Events arriving together are committed together (inbox_writer.py); this returns once
        this one's batch is committed and no nudge to its user is being posted (bounded,
        user_gate.py). Raises StorageFault (or the driver's error) when it
        could not be stored: the caller must then not acknowledge it, so the platform sends
        it again.
        """
        event = NewEvent(
            key=key, user=user, kind=kind, payload=payload, received_at=self.clock.now()
        )
        stored = await self.writer.add(event) is not None
        if stored:
            self.backlog += 1
            metrics.INBOX_BACKLOG.set(self.backlog)
            self._wake.set()
        if self.gate is not None:
            await self.gate.pass_through(user)
        return stored

    @property
    def overloaded(self) -> bool:
        """Whether the backlog is over its limit (then ask the platform to retry later)."""
        return self.backlog >= self.backlog_limit

    async def start(self) -> None:
        """Take back leases of killed processes, count the backlog, start serving."""
        now = self.clock.now()
        async with self.db.transaction("inbox") as conn:
            for owner in await inbox.lease_owners(conn, now=now):
                if owner_is_dead(owner):
                    released = await inbox.release_owner(conn, owner=owner)
                    log.info("took back %d events from a stopped process", released)
        await self._count()
        self._stopping = False
        self._dispatcher = asyncio.create_task(self._dispatch())
        self._wake.set()

    async def stop(self, grace: float) -> None:
        """Stop taking rows; let rows in hand finish for up to `grace` s. Nothing is dropped:
        what was not handled stays in the inbox for the next start."""
        self._stopping = True
        self._wake.set()
        # Workers finish the row in hand and take no other; cancelling one inside a database
        # call could leave the connection mid-transaction, so only the late are cancelled.
        waiting = [*self._running, *([self._dispatcher] if self._dispatcher else [])]
        if waiting:
            _, late = await asyncio.wait(waiting, timeout=max(grace, 0.001))
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
            if late:
                log.warning("stopping: %d events left in the inbox for the next start", len(late))
        self._dispatcher = None
        await self.writer.drain()
        # Rows leased but not handled go back at once, for whichever process starts next.
        async with self.db.transaction("inbox") as conn:
            await inbox.release_owner(conn, owner=self.owner)

    async def idle(self) -> None:
        """Wait until nothing is being handled and nothing is claimable now (for tests)."""
        while True:
            while self._running:
                await asyncio.gather(*list(self._running), return_exceptions=True)
            if not await self._claim_and_start():
                return

    async def _count(self) -> None:
        async with self.db.autocommit() as conn:
            self.backlog = await inbox.backlog(conn)
        metrics.INBOX_BACKLOG.set(self.backlog)

    async def _dispatch(self) -> None:
        """Lease users' oldest rows as workers free up; sleep on the wake-up signal."""
        while not self._stopping:
            self._wake.clear()
            try:
                started = await self._claim_and_start()
            except StorageFault as error:
                log.error("inbox: %s", error)
                started = False
            except Exception:
                log.exception("inbox dispatch failed")
                started = False
            if self._stopping:
                break
            if started:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)
            if not self._wake.is_set() and not self._running:
                await self._count()

    async def _claim_and_start(self) -> bool:
        """Lease rows for the free workers and start them; whether any was started."""
        await self._free.acquire()
        free = 1
        while not self._free.locked():
            await self._free.acquire()
            free += 1
        if self._stopping:
            for _ in range(free):
                self._free.release()
            return False
        now = self.clock.now()
        try:
            async with self.db.transaction("inbox") as conn:
                rows = await inbox.claim(
                    conn,
                    owner=self.owner,
                    now=now,
                    lease_until=now + self.lease,
                    platforms=(self.platform,),
                    limit=free,
                )
        except BaseException:
            for _ in range(free):
                self._free.release()
            raise
        for _ in range(free - len(rows)):
            self._free.release()
        for row in rows:
            task = asyncio.create_task(self._serve(row))
            self._running.add(task)
            task.add_done_callback(self._running.discard)
        return bool(rows)

    async def _serve(self, row: InboxRow) -> None:
        """Handle a row, then the same user's next rows, in order; free the worker."""
        try:
            current: InboxRow | None = row
            while current is not None and not self._stopping:
                await self._handle(current)
                now = self.clock.now()
                async with self.db.transaction("inbox") as conn:
                    current = await inbox.claim_next(
                        conn,
                        owner=self.owner,
                        user=current.user,
                        now=now,
                        lease_until=now + self.lease,
                    )
        except StorageFault as error:
            log.error("inbox: %s", error)
        finally:
            self._free.release()
            self._wake.set()

    async def _handle(self, row: InboxRow) -> None:
        try:
            await self.handler(row)
        except Exception:
            # The handler settles its own failures; this is the last line (a bug).
            log.exception("inbox handler failed for a %s %s event", self.platform, row.kind)
        finally:
            self.backlog = max(0, self.backlog - 1)
            metrics.INBOX_BACKLOG.set(self.backlog)
