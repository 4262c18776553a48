"""How the outbox's deliverer paces itself, and what one delivery pass did (and counted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot import metrics
from bot.storage.outbox import NUDGE, OutboxRow


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    """How delivery paces itself: the lease, the backoff and when to give up."""

    lease: timedelta = timedelta(minutes=2)
    backoff_base: timedelta = timedelta(seconds=10)
    backoff_cap: timedelta = timedelta(minutes=15)
    give_up_after: timedelta = timedelta(hours=24)
    # A share note is given up sooner: the user's replies wait behind it, in order.
    share_give_up_after: timedelta = timedelta(hours=1)
    batch: int = 64

    def backoff(self, attempts: int) -> timedelta:
        """The pause after `attempts` failed attempts: doubling from the base, capped."""
        delay: timedelta = self.backoff_base * (2 ** max(0, min(attempts, 30) - 1))
        return min(delay, self.backoff_cap)


# The defaults above, for a Deliverer given no policy.
DEFAULT_POLICY = DeliveryPolicy()


@dataclass(frozen=True, slots=True)
class Delivered:
    """What a delivery pass did with the rows it took."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    dropped: int = 0

    def __add__(self, other: Delivered) -> Delivered:
        return Delivered(
            self.sent + other.sent,
            self.retrying + other.retrying,
            self.failed + other.failed,
            self.dropped + other.dropped,
        )


# reframe_nudges_total keeps its names for nudges: a retry is "failed", giving up "given_up".
_NUDGE_RESULTS = {"sent": "sent", "retrying": "failed", "failed": "given_up"}


def count_result(row: OutboxRow, result: str) -> None:
    """One delivery's result in reframe_deliveries (and reframe_nudges for a nudge)."""
    metrics.DELIVERIES.labels(row.user.platform, row.kind, result).inc()
    if row.kind == NUDGE:
        metrics.NUDGES.labels(row.user.platform, _NUDGE_RESULTS[result]).inc()
