"""Per-user flood control: a token bucket per user, in bounded memory."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from bot.domain import UserKey

MAX_TRACKED_USERS = 10_000


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: datetime


class FloodGate:
    """Allows `burst` messages per user, refilled evenly over `window_seconds`."""

    def __init__(
        self, burst: int, window_seconds: float, max_users: int = MAX_TRACKED_USERS
    ) -> None:
        self.burst = float(burst)
        self.rate = burst / window_seconds
        self.max_users = max_users
        # Least recently seen users are forgotten first: memory stays bounded under any load.
        self._buckets: OrderedDict[UserKey, _Bucket] = OrderedDict()

    def allow(self, user: UserKey, now: datetime) -> bool:
        """Take one token for this user's message; False when they are over the limit."""
        bucket = self._buckets.pop(user, None)
        if bucket is None:
            bucket = _Bucket(self.burst, now)
        elapsed = max(0.0, (now - bucket.updated).total_seconds())
        bucket.tokens = min(self.burst, bucket.tokens + elapsed * self.rate)
        bucket.updated = now
        allowed = bucket.tokens >= 1.0
        if allowed:
            bucket.tokens -= 1.0
        self._buckets[user] = bucket
        if len(self._buckets) > self.max_users:
            self._buckets.popitem(last=False)
        return allowed
