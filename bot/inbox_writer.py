"""Group commit for the inbox: events that arrive together are stored in one transaction.

An ack waits until its event's row is committed. Committed one by one, every ack queued
for the database behind the turns' transactions (issue 15: ack p99 695 ms at 50 requests in
flight). Here an event joins the batch being formed while the writer commits the one before;
the writer stores each batch in one transaction and answers its callers only after COMMIT.
Batches grow with the load, and no timer holds back an event that arrives alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bot import metrics
from bot.storage import inbox
from bot.storage.inbox import NewEvent
from bot.storage.store import Store

# At most this many events in one transaction: a batch's commit is one ack's wait.
MAX_BATCH = 200

_Waiting = tuple[NewEvent, asyncio.Future[int | None]]


class InboxWriter:
    """Stores events for one Store, batching those that wait at the same time."""

    def __init__(self, db: Store, *, max_batch: int = MAX_BATCH) -> None:
        self.db = db
        self.max_batch = max_batch
        self._waiting: list[_Waiting] = []
        self._writer: asyncio.Task[None] | None = None

    async def add(self, event: NewEvent) -> int | None:
        """The event's row id once its batch is committed; None when its key was stored
        before (a retry). Raises the batch's error (StorageFault or the driver's) when the
        batch was not committed: then the event must not be acknowledged."""
        future: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
        self._waiting.append((event, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write())
        return await future

    async def drain(self) -> None:
        """Wait until every event handed in so far is committed or refused."""
        while self._writer is not None and not self._writer.done():
            await asyncio.gather(self._writer, return_exceptions=True)

    async def _write(self) -> None:
        """Commit batches until nobody waits; the next add() starts a new writer."""
        while self._waiting:
            batch = self._waiting[: self.max_batch]
            del self._waiting[: self.max_batch]
            try:
                async with self.db.transaction("inbox_add", urgent=True) as conn:
                    ids = await inbox.add_many(conn, [event for event, _ in batch])
            except Exception as error:
                # Nothing of the batch is acknowledged: each caller raises, Slack sends again.
                _settle(batch, error=error)
                continue
            except BaseException:
                # Cancelled (the loop is closing): nobody waiting is told "stored".
                _settle([*batch, *self._waiting], error=None)
                self._waiting.clear()
                raise
            metrics.INBOX_BATCH_ROWS.observe(len(batch))
            _settle(batch, ids=ids, error=None)


def _settle(
    batch: list[_Waiting], *, ids: Sequence[int | None] = (), error: Exception | None
) -> None:
    """Answer a batch's callers: their ids, the error, or (neither) cancelled; a caller
    cancelled meanwhile has gone and is skipped."""
    for position, (_, future) in enumerate(batch):
        if future.done():
            continue
        if error is not None:
            future.set_exception(error)
        elif ids:
            future.set_result(ids[position])
        else:
            future.cancel()
