"""A nudge's post and the acknowledgement of its user's event never overlap in one process.

The outbox claims a nudge only while its user has no event waiting in the inbox, but the
claim and the post are apart in time (a DM to open, a busy loop): a press stored and
acknowledged in between used to be followed by the nudge it answered. So the deliverer holds
the user's gate from its last look at the database until the platform took the post, and an
adapter passes through the gate after storing an event and before acknowledging it: either
the event is stored before that last look (the nudge waits, and an answer drops it), or the
post is done before the acknowledgement. Within one process only: workers of a PostgreSQL
deployment that post and receive in different processes keep the window of a post in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from bot.domain import UserKey

log = logging.getLogger(__name__)
# The longest an acknowledgement waits for a post in flight (seconds): Slack and Discord
# want theirs within 3 s of sending, and the event is stored already, so past this the
# acknowledgement goes and only the order is lost.
PASS_WAIT = 2.0


class UserGate:
    """One asyncio lock per user with a post in flight, dropped when nobody holds or waits."""

    def __init__(self, most: float = PASS_WAIT) -> None:
        # The longest pass_through waits (seconds).
        self.most = most
        self._locks: dict[UserKey, asyncio.Lock] = {}
        self._users: dict[UserKey, int] = {}
        self._passing: dict[UserKey, int] = {}
        self._changed = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def hold(self, user: UserKey) -> AsyncIterator[None]:
        """Hold the user's gate (the deliverer, around its last check and the post)."""
        lock = self._enter(user)
        try:
            async with lock:
                yield
        finally:
            self._leave(user)

    async def pass_through(self, user: UserKey) -> bool:
        """Wait until nobody holds the user's gate, at most `most` seconds; False on timeout."""
        if user not in self._locks:
            return True
        lock = self._enter(user)
        self._passing[user] = self._passing.get(user, 0) + 1
        async with self._changed:
            self._changed.notify_all()
        try:
            await asyncio.wait_for(lock.acquire(), self.most)
        except TimeoutError:
            log.warning("acknowledged an event while a nudge post was still in flight")
            return False
        else:
            lock.release()
            return True
        finally:
            self._passing[user] -= 1
            if not self._passing[user]:
                del self._passing[user]
            self._leave(user)

    async def waiting_for(self, user: UserKey) -> None:
        """Return once an acknowledgement of the user's event waits at the held gate (tests)."""
        async with self._changed:
            await self._changed.wait_for(lambda: user in self._passing)

    def _enter(self, user: UserKey) -> asyncio.Lock:
        self._users[user] = self._users.get(user, 0) + 1
        return self._locks.setdefault(user, asyncio.Lock())

    def _leave(self, user: UserKey) -> None:
        left = self._users[user] - 1
        if left:
            self._users[user] = left
        else:
            del self._users[user]
            del self._locks[user]
