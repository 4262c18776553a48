"""A post slower than its lease (429 waits, a slow upload): the retry pass claims the row
again once the lease ran out, but never posts it a second time while the first is on its way."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from datetime import timedelta

from bot.clock import ManualClock
from bot.delivery import Deliverer
from bot.domain import Message, UserKey
from bot.storage import outbox
from bot.storage.db import Database
from tests.conftest import ALICE, START


class SlowOutbox:
    """An Outbox whose posts wait until the test lets them through; counts each one begun."""

    platform = "console"

    def __init__(self) -> None:
        self.begun = 0
        self.posted: list[Message] = []
        self.release = asyncio.Event()
        self._changed = asyncio.Condition()

    async def deliver(
        self, user: UserKey, messages: Sequence[Message], route: Mapping[str, str] | None = None
    ) -> None:
        """Count the post begun, wait for the release, then record it."""
        self.begun += 1
        async with self._changed:
            self._changed.notify_all()
        await self.release.wait()
        self.posted.extend(messages)

    async def begun_at_least(self, count: int) -> None:
        """Return once `count` posts have begun."""
        async with self._changed:
            await self._changed.wait_for(lambda: self.begun >= count)


async def test_a_row_whose_lease_ran_out_mid_post_is_not_posted_again_meanwhile(
    db: Database, clock: ManualClock
) -> None:
    """The retry pass 3 minutes on (the 2-minute lease ran out) finds the row still being
    posted here and leaves it; the first post settles it, and it went out once."""
    async with db.transaction() as conn:
        await outbox.enqueue(
            conn,
            user=ALICE,
            kind=outbox.REPLY,
            turn="t1",
            route={},
            messages=(Message("the next question"),),
            now=START,
        )
    slow = SlowOutbox()
    deliverer = Deliverer(db, clock, {"console": slow})
    first = asyncio.create_task(deliverer.run_once(START))
    await slow.begun_at_least(1)

    later = asyncio.create_task(deliverer.run_once(START + timedelta(minutes=3)))
    twice = asyncio.create_task(slow.begun_at_least(2))
    done, _ = await asyncio.wait({later, twice}, return_when=asyncio.FIRST_COMPLETED)
    twice.cancel()
    assert done == {later}, "the row was posted again while its first post was on its way"
    assert (await later).sent == 0

    slow.release.set()
    assert (await first).sent == 1
    again = await deliverer.run_once(START + timedelta(minutes=4))
    assert (again.sent, slow.begun, len(slow.posted)) == (0, 1, 1)
    async with db.autocommit() as conn:
        assert await conn.fetch_value("SELECT status FROM outbox") == "sent"
