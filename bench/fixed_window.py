"""A fixed-window rate limit, as the benchmarks' fake platforms count requests."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


class FixedWindow:
    """At most `limit` requests in each `period`-second window, counted from the first use."""

    def __init__(self, limit: int, period: float = 1.0, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self.period = period
        self._clock = clock
        self._start = clock()
        self._index = 0
        self.used = 0

    def _roll(self) -> float:
        """Move to the window holding now; return the seconds left in it."""
        elapsed = self._clock() - self._start
        index = int(elapsed // self.period)
        if index != self._index:
            self._index = index
            self.used = 0
        return (index + 1) * self.period - elapsed

    def wait(self) -> float:
        """0 when a request may pass now, else the seconds until the window resets."""
        left = self._roll()
        return 0.0 if self.used < self.limit else left

    def take(self) -> None:
        """Count one request in the current window."""
        self._roll()
        self.used += 1

    def reset_after(self) -> float:
        """Seconds until the current window ends."""
        return self._roll()

    @property
    def remaining(self) -> int:
        """Requests still allowed in the current window."""
        self._roll()
        return max(0, self.limit - self.used)
