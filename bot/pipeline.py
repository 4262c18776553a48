"""The one turn pipeline every front end calls: Slack, Discord and the terminal.

For one event (an inbox row, or a line typed in the terminal) it runs the turn, writes the
rendered replies to the outbox in the turn's own transaction (with the inbox row marked
handled, and a share note the user asked for ahead of the replies), then delivers the
user's outbox. A share note the platform refuses for good (or for too long) is undone: the
"shared" reply is dropped and the user told that nothing was posted. Adapters only
translate payloads and render messages.

The truth it keeps: a reply the platform refuses is retried, never apologised for (the
answer was saved); the apology ("I couldn't save that") is sent only when nothing was saved.
A message that arrived while the user's last reply was still undelivered is not stored as
an answer to a question they had not seen: they get that question again.

Logging follows one rule: users appear as a tag (bot.logtags), never their words, at
INFO or above.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta

from bot.adapters.base import Sharer
from bot.commands import CommandName, parse_command
from bot.delivery import Deliverer
from bot.domain import Inbound, InboundKind, Message, ShareNote, UserKey
from bot.logtags import user_tag
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import inbox, outbox
from bot.storage.inbox import InboxRow
from bot.storage.outbox import OutboxRow
from bot.storage.store import Conn, Store
from bot.turn import TurnHook, TurnResult

log = logging.getLogger(__name__)
# A turn that raised is tried again this many times (a full disk may clear) before the
# event is given up and the user told that it was not saved.
TURN_ATTEMPTS = 3
TURN_RETRY = timedelta(seconds=30)
# Commands that move the dialogue relative to a question: not run against one unseen.
_ANSWER_LIKE = frozenset({CommandName.BACK, CommandName.SKIP})


# A message with its own route, written after a turn's replies (a note where /reframe was
# typed saying that the conversation went on in the DM).
Note = tuple[Mapping[str, str], Message]


class _Handled(Exception):
    """The inbox row was handled already (another worker): nothing more to do."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the pipeline did with one event."""

    result: TurnResult
    # "turn", "missed" (not stored: the question was re-sent), "duplicate", "flooded"...
    kind: str


class Pipeline:
    """Runs turns and delivers their replies; one per process, shared by every adapter."""

    def __init__(
        self,
        service: CoachService,
        db: Store,
        catalog: Catalog,
        deliverer: Deliverer,
        sharers: Mapping[str, Sharer] | None = None,
    ) -> None:
        self.service = service
        self.db = db
        self.catalog = catalog
        self.deliverer = deliverer
        self.clock = service.clock
        for platform, sharer in (sharers or {}).items():
            self.add_sharer(platform, sharer)
        deliverer.share_refused = self._unshare

    def add_sharer(self, platform: str, sharer: Sharer) -> None:
        """Let a platform's adapter post share notes (through the outbox)."""
        self.deliverer.add_sharer(platform, sharer)

    async def turn(
        self,
        inbound: Inbound,
        *,
        route: Mapping[str, str],
        row: InboxRow | None = None,
        then: Note | None = None,
    ) -> Outcome:
        """Run the turn for `inbound` (from inbox `row`, if any) and deliver its replies to
        `route`, then the note `then` (a route and a message: where the replies went) to
        its own route, in the same transaction.

        Raises what the turn raised when it failed; `failed(row, error)` then decides
        between trying again later and telling the user that nothing was saved.
        """
        user = inbound.user
        turn_id = self.turn_key(row) if row is not None else f"turn:{uuid.uuid4().hex}"
        if row is not None:
            # The inbox row is the dedupe now; the flood gate counts by arrival.
            inbound = replace(inbound, received_at=row.received_at, event_id=None)
            if self._answer_like(inbound) and await self._missed(row, route, turn_id):
                await self.deliverer.flush(user)
                return Outcome(TurnResult(()), "missed")
        hook = self._hook(user, route, turn_id, row, then)
        try:
            result = await self.service.handle(inbound, hook)
            if result.duplicate:
                return Outcome(result, "duplicate")
            if not result.committed:
                await self._record(user, route, turn_id, row, result.messages, then)
        except _Handled:
            return Outcome(TurnResult((), duplicate=True), "duplicate")
        await self.deliverer.flush(user)
        return Outcome(result, "turn" if result.committed else "answered")

    async def failed(self, row: InboxRow, route: Mapping[str, str], error: BaseException) -> None:
        """A turn raised: try the event again later, or give it up and say it was not saved."""
        now = self.clock.now()
        name = type(error).__name__
        if row.attempts < TURN_ATTEMPTS:
            log.warning("turn for %s failed (%s), trying again later", user_tag(row.user), name)
            async with self.db.transaction("inbox") as conn:
                await inbox.retry_later(
                    conn,
                    row_id=row.id,
                    owner=self._owner(),
                    retry_at=now + TURN_RETRY * row.attempts,
                    error=name,
                )
            return
        log.error(
            "gave up an event for %s after %d failures (%s)", user_tag(row.user), row.attempts, name
        )
        sorry = Message(self.catalog.text("error.try_again"))
        async with self.db.transaction("inbox") as conn:
            await inbox.give_up(conn, row_id=row.id, error=name, now=now)
            await outbox.enqueue(
                conn,
                user=row.user,
                kind=outbox.REPLY,
                turn=f"inbox:{row.id}",
                route=route,
                messages=(sorry,),
                now=now,
            )
        await self.deliverer.flush(row.user)

    async def skip(self, row: InboxRow, outcome: str) -> None:
        """Mark a row handled that needs no turn (an edit, a file alone, a Home tab view)."""
        async with self.db.transaction("inbox") as conn:
            await inbox.finish(conn, row_id=row.id, outcome=outcome, now=self.clock.now())

    @staticmethod
    def turn_key(row: InboxRow) -> str:
        """The outbox's name for the turn that handles an inbox row (its replies' `turn`)."""
        return f"inbox:{row.id}"

    # ---- inside ---------------------------------------------------------------------------

    def _owner(self) -> str:
        return self.deliverer.owner

    @staticmethod
    def _answer_like(inbound: Inbound) -> bool:
        """Typed words that could be taken as an answer to the question showing."""
        if inbound.kind is not InboundKind.MESSAGE:
            return False  # A press or a /reframe answers no question it did not see.
        command = parse_command(inbound.text) if inbound.text else None
        return command is None or command.name in _ANSWER_LIKE

    async def _missed(self, row: InboxRow, route: Mapping[str, str], turn_id: str) -> bool:
        """When the user wrote before their last reply reached them: mark the message handled
        without storing it, and send that reply again after a word of explanation."""
        now = self.clock.now()
        async with self.db.transaction("inbox") as conn:
            if not await outbox.unseen_replies(conn, user=row.user, since=row.received_at):
                return False
            last = await outbox.last_turn(conn, user=row.user)
            await outbox.drop_pending_replies(conn, user=row.user, now=now)
            if not await inbox.finish(conn, row_id=row.id, outcome="missed", now=now):
                return True
            lead = Message(self.catalog.text("error.missed"))
            await outbox.enqueue(
                conn,
                user=row.user,
                kind=outbox.REPLY,
                turn=turn_id,
                route=route,
                messages=(lead, *(each.message for each in last)),
                now=now,
            )
        log.info("a message from %s crossed an undelivered reply: sent again", user_tag(row.user))
        return True

    def _hook(
        self,
        user: UserKey,
        route: Mapping[str, str],
        turn_id: str,
        row: InboxRow | None,
        then: Note | None = None,
    ) -> TurnHook:
        async def within(
            conn: Conn, messages: tuple[Message, ...], shares: tuple[ShareNote, ...]
        ) -> bool:
            now = self.clock.now()
            if row is not None and not await inbox.finish(
                conn, row_id=row.id, outcome="turn", now=now
            ):
                return False
            # A share note goes first: "shared" reaches the user only once it was posted.
            for share in shares:
                note = Message(self.catalog.text("share.note"), session_number=share.session_number)
                await outbox.enqueue(
                    conn,
                    user=user,
                    kind=outbox.SHARE,
                    turn=turn_id,
                    route={"channel": share.channel_id, "reply": json.dumps(dict(route))},
                    messages=(note,),
                    now=now,
                )
            # The replies, then the note that says where they went (if any).
            batches = [(outbox.REPLY, route, messages)]
            if then is not None:
                batches.append((outbox.NOTE, then[0], (then[1],)))
            for kind, where, what in batches:
                await outbox.enqueue(
                    conn,
                    user=user,
                    kind=kind,
                    turn=turn_id,
                    route=where,
                    messages=what,
                    now=now,
                )
            return True

        return within

    async def _record(
        self,
        user: UserKey,
        route: Mapping[str, str],
        turn_id: str,
        row: InboxRow | None,
        messages: tuple[Message, ...],
        then: Note | None = None,
    ) -> None:
        """A turn that wrote nothing (flooded, a stale button): settle its row, queue its words."""
        async with self.db.transaction("inbox") as conn:
            if not await self._hook(user, route, turn_id, row, then)(conn, messages, ()):
                raise _Handled

    async def _unshare(self, row: OutboxRow, reason: str) -> None:
        """A share note given up: in one transaction, settle it failed, undo the share, drop
        the turn's "shared" reply and tell the user nothing was posted."""
        user = row.user
        route = json.loads(row.route.get("reply") or "{}")
        enqueue = self._hook(user, route, f"{row.turn}:unshare", None)

        async def instead(
            conn: Conn, messages: tuple[Message, ...], shares: tuple[ShareNote, ...]
        ) -> bool:
            now = self.clock.now()
            if not await outbox.settle(
                conn, row_id=row.id, owner=self._owner(), status="failed", now=now, error=reason
            ):
                raise _Handled  # Another process took the row over: it decides.
            await outbox.drop_pending_replies(conn, user=user, now=now, turn=row.turn)
            return await enqueue(conn, messages, ())

        log.warning("share note not posted for %s: undone", user_tag(user))
        try:
            number = row.message.session_number or 0
            result = await self.service.undo_share(user, number, instead)
            if not result.committed:
                async with self.db.transaction("settle_outbox") as conn:
                    await instead(conn, result.messages, ())
        except _Handled:
            return
