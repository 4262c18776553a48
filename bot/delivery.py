"""Delivers the outbox: replies, nudges and share notes, per user in order, leased, retried.

A turn's replies are delivered right after its commit (flush); whatever a platform refused
for a passing reason is tried again by the retry pass (run_once), with pauses growing from
`backoff_base` to `backoff_cap`, until `give_up_after` has passed since it was written. A
permanent refusal (DMs closed, token revoked) stops that row at once, logged once. A nudge
whose reminder was answered or cancelled meanwhile is dropped, never sent. A share note goes
to its channel through the platform's Sharer; given up (after `share_give_up_after`, since
the user's replies wait behind it), it is handed to `share_refused` (the pipeline's undo).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta

from bot.adapters.base import Outbox, Sharer
from bot.clock import Clock
from bot.delivery_policy import DEFAULT_POLICY, Delivered, DeliveryPolicy, count_result
from bot.domain import UserKey
from bot.errors import DeliveryError
from bot.lease_owners import owner_is_dead, process_owner
from bot.logtags import user_tag
from bot.storage import outbox, reminders
from bot.storage.store import Store
from bot.user_gate import UserGate

# Also importable from here, as before the policy and the owners had modules of their own.
__all__ = [
    "SEND_FAILURES",
    "Delivered",
    "Deliverer",
    "DeliveryPolicy",
    "ShareRefused",
    "owner_is_dead",
    "process_owner",
]

log = logging.getLogger(__name__)
# What a platform call may raise besides DeliveryError when it fails on the way.
SEND_FAILURES = (DeliveryError, TimeoutError, OSError)
# Called for a share note given up (refused for good, or retried too long), instead of
# settling it: the pipeline settles it, undoes the share and tells the user.
ShareRefused = Callable[[outbox.OutboxRow, str], Awaitable[None]]


class Deliverer:
    """Takes rows from the outbox and hands them to each platform's Outbox."""

    def __init__(
        self,
        db: Store,
        clock: Clock,
        outboxes: Mapping[str, Outbox],
        policy: DeliveryPolicy = DEFAULT_POLICY,
        *,
        owner: str | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.outboxes = dict(outboxes)
        self.policy = policy
        self.owner = owner or process_owner()
        self.sharers: dict[str, Sharer] = {}
        self.share_refused: ShareRefused | None = None
        # Held around a nudge's last look and post; adapters pass it before an ack.
        self.gate = UserGate()
        # Rows being posted and settled now, and an event set whenever there are none.
        self._posting = 0
        self._quiet = asyncio.Event()
        self._quiet.set()
        # Ids of the rows being delivered here: a lease that ran out during a slow post
        # (429 waits, a slow upload) lets the retry pass claim the row again, not post it.
        self._rows: set[int] = set()

    def add(self, target: Outbox) -> None:
        """Deliver this platform's rows through `target` (an adapter joining at start)."""
        self.outboxes[target.platform] = target

    def add_sharer(self, platform: str, sharer: Sharer) -> None:
        """Post this platform's share notes through `sharer`."""
        self.sharers[platform] = sharer

    async def flush(self, user: UserKey, now: datetime | None = None) -> Delivered:
        """Deliver the user's due rows in order, stopping at the first that must wait.

        Two flushes of one user never post at once: a row is claimed only while no older
        row of that user is pending and nobody holds its lease.
        """
        total = Delivered()
        while True:
            moment = now or self.clock.now()
            async with self.db.transaction("claim_outbox") as conn:
                row = await outbox.claim_user(
                    conn,
                    owner=self.owner,
                    user=user,
                    now=moment,
                    lease_until=moment + self.policy.lease,
                )
            if row is None:
                return total
            done = await self._deliver(row, moment)
            total = total + done
            if done.retrying:
                return total

    async def run_once(self, now: datetime | None = None) -> Delivered:
        """The retry pass: every user with a due row gets a flush (a batch of users at once)."""
        now = now or self.clock.now()
        total = Delivered()
        platforms = tuple(self.outboxes)
        while True:
            async with self.db.transaction("claim_outbox") as conn:
                heads = await outbox.claim_due(
                    conn,
                    owner=self.owner,
                    now=now,
                    lease_until=now + self.policy.lease,
                    platforms=platforms,
                    limit=self.policy.batch,
                )
            if not heads:
                return total
            rest = (self._head_then_rest(row, now) for row in heads)
            for result in await asyncio.gather(*rest):
                total = total + result
            if len(heads) < self.policy.batch:
                return total

    async def _head_then_rest(self, row: outbox.OutboxRow, now: datetime) -> Delivered:
        first = await self._deliver(row, now)
        if first.retrying:
            return first
        return first + await self.flush(row.user, now)

    async def quiet(self) -> None:
        """Wait until no row is being posted or settled here (tests: a person reads a reply
        only once it was posted, and it is settled a moment later)."""
        await self._quiet.wait()

    async def _deliver(self, row: outbox.OutboxRow, now: datetime) -> Delivered:
        """Post one leased row and settle it (not while this process still posts it)."""
        if row.id in self._rows:
            return Delivered()
        self._rows.add(row.id)
        self._posting += 1
        self._quiet.clear()
        try:
            return await self._deliver_row(row, now)
        finally:
            self._rows.discard(row.id)
            self._posting -= 1
            if not self._posting:
                self._quiet.set()

    async def _deliver_row(self, row: outbox.OutboxRow, now: datetime) -> Delivered:
        if row.kind != outbox.NUDGE:
            return await self._settle_post(row, now, await self._try_post(row))
        if row.reminder_status != reminders.QUEUED:
            # Answered (pressed after an interrupted delivery) or cancelled: never sent again.
            await self._settle(row, "dropped", now)
            return Delivered(dropped=1)
        # Claimed a while ago: an event of its user stored since goes first, and one stored
        # from the last look on is acknowledged only once the post is done (user_gate.py).
        failure: BaseException | None = None
        async with self.gate.hold(row.user):
            async with self.db.transaction("settle_outbox") as conn:
                look = await outbox.nudge_look(conn, row_id=row.id, owner=self.owner)
                if look == outbox.WAIT:
                    await outbox.give_back(conn, row_id=row.id, owner=self.owner)
            if look == outbox.POST:
                failure = await self._try_post(row)
        if look == outbox.POST:
            return await self._settle_post(row, now, failure)
        if look == outbox.DROP:
            await self._settle(row, "dropped", now)
            return Delivered(dropped=1)
        # WAIT: that event's turn flushes the user's outbox after it. LOST: not ours now.
        return Delivered()

    async def _try_post(self, row: outbox.OutboxRow) -> BaseException | None:
        """Post one row; what it failed with (one of SEND_FAILURES), or None once posted."""
        try:
            await self._post(row)
        except SEND_FAILURES as error:
            return error
        return None

    async def _settle_post(
        self, row: outbox.OutboxRow, now: datetime, failure: BaseException | None
    ) -> Delivered:
        """Settle a row after its post: sent, or the failure's retry or give-up."""
        if failure is not None:
            return await self._failed(row, failure, now)
        sent_at = max(now, self.clock.now())
        async with self.db.transaction("settle_outbox") as conn:
            await outbox.settle(conn, row_id=row.id, owner=self.owner, status="sent", now=sent_at)
            if row.reminder_id is not None:
                await reminders.mark_delivered(conn, reminder_id=row.reminder_id, now=sent_at)
        count_result(row, "sent")
        if row.kind == outbox.NUDGE:
            log.info("nudge delivered to %s", user_tag(row.user))
        return Delivered(sent=1)

    async def _post(self, row: outbox.OutboxRow) -> None:
        """Hand one row to its platform: a share note to the channel, else the Outbox."""
        platform = row.user.platform
        if row.kind == outbox.SHARE:
            sharer = self.sharers.get(platform)
            if sharer is None:
                raise DeliveryError(f"{platform} cannot share here", permanent=True)
            await sharer.share(row.user, row.route.get("channel", ""))
            return
        target = self.outboxes.get(platform)
        if target is None:
            raise DeliveryError(f"no {platform} adapter here", permanent=True)
        await target.deliver(row.user, (row.message,), route=row.route or None)

    async def _failed(
        self, row: outbox.OutboxRow, error: BaseException, now: datetime
    ) -> Delivered:
        permanent = isinstance(error, DeliveryError) and error.permanent
        window = (
            self.policy.share_give_up_after
            if row.kind == outbox.SHARE
            else self.policy.give_up_after
        )
        too_old = now - row.created_at >= window
        reason = f"{type(error).__name__}: {error}"[:500]
        if not (permanent or too_old):
            async with self.db.transaction("settle_outbox") as conn:
                await outbox.retry_at(
                    conn,
                    row_id=row.id,
                    owner=self.owner,
                    when=now + self._pause(row, error),
                    error=reason,
                )
            log.info(
                "%s %d to %s not delivered (attempt %d, %s), retrying later",
                row.kind,
                row.id,
                user_tag(row.user),
                row.attempts,
                type(error).__name__,
            )
            count_result(row, "retrying")
            return Delivered(retrying=1)
        if row.kind == outbox.SHARE and self.share_refused is not None:
            await self.share_refused(row, reason)
        else:
            await self._settle(row, "failed", now, reason)
        # Logged once, when given up: the type only (an error's text may quote the message).
        log.warning(
            "gave up %s %d to %s after %d attempts: %s (%s)",
            row.kind,
            row.id,
            user_tag(row.user),
            row.attempts,
            type(error).__name__,
            "permanent" if permanent else "retried too long",
        )
        count_result(row, "failed")
        return Delivered(failed=1)

    def _pause(self, row: outbox.OutboxRow, error: BaseException) -> timedelta:
        """The backoff, or longer when the platform asked for a longer wait (Retry-After)."""
        pause = self.policy.backoff(row.attempts)
        asked = error.retry_after if isinstance(error, DeliveryError) else None
        return max(pause, timedelta(seconds=asked)) if asked else pause

    async def _settle(
        self, row: outbox.OutboxRow, status: str, now: datetime, error: str | None = None
    ) -> None:
        async with self.db.transaction("settle_outbox") as conn:
            await outbox.settle(
                conn, row_id=row.id, owner=self.owner, status=status, now=now, error=error
            )
            if row.reminder_id is not None and status == "failed":
                await reminders.give_up(conn, reminder_id=row.reminder_id, error=error or "")

    async def take_over_dead(self, now: datetime) -> int:
        """At start: leases held by killed processes on this host run out now; how many."""
        released = 0
        async with self.db.transaction("claim_outbox") as conn:
            for owner in await outbox.lease_owners(conn, now=now):
                if owner_is_dead(owner):
                    # Just past: claimable at `now` itself.
                    gone = now - timedelta(seconds=1)
                    released += await outbox.expire_owner(conn, owner=owner, now=gone)
        return released
