"""Saving a turn: its session, preferences and effects in one transaction, then its messages."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.clock import Clock
from bot.domain import ForgetUser, Message, Reply, ShareNote, Transition
from bot.effects import apply_effect
from bot.rendering import Renderer
from bot.storage import repos
from bot.storage.store import Conn, Store
from bot.turn import Turn, TurnResult
from bot.zone_change import follow_platform_zone

log = logging.getLogger(__name__)

# Checked inside the transaction before anything is written; False rolls the turn back.
Guard = Callable[[Conn], Awaitable[bool]]


class AlreadyAnswered(Exception):
    """A nudge button pressed a second time: roll back and say so."""


class Duplicate(Exception):
    """A platform event seen before (a retry): roll back, say nothing."""


class Committer:
    """Writes what a turn decided and renders what it says."""

    def __init__(self, db: Store, clock: Clock, renderer: Renderer) -> None:
        self.db = db
        self.clock = clock
        self.renderer = renderer

    async def commit(
        self, turn: Turn, transition: Transition, *, guard: Guard | None = None
    ) -> TurnResult:
        """Save the session and apply the effects in one transaction, then render.

        Raises Duplicate for an event seen before (or a hook that finds it handled) and
        AlreadyAnswered when `guard` refuses; both roll everything back. ConflictError
        (from the store) means another writer saved the session first.
        """
        now = self.clock.now()
        session = transition.session
        first: list[Reply] = []
        shares: list[ShareNote] = []
        changed = turn.expected_version is None or session != turn.session
        new_number = turn.expected_version is None or session.number != turn.session.number
        prefs = turn.prefs
        lone_update = (
            changed
            and not new_number
            and not transition.effects
            and turn.record is not None
            and guard is None
            and turn.event_id is None
            and turn.new_platform_zone is None
            and turn.new_locale is None
            and turn.hook is None
        )
        messages: tuple[Message, ...] = ()
        if lone_update and turn.record is not None:
            # Most turns change only the session: one UPDATE, atomic on its own.
            async with self.db.autocommit("save_turn") as conn:
                session = await repos.save_session(
                    conn,
                    user_ref=turn.record.ref,
                    session=session,
                    expected_version=turn.expected_version,
                )
        elif (
            changed
            or transition.effects
            or turn.record is None
            or guard is not None
            or turn.event_id is not None
            or turn.new_platform_zone is not None
            or turn.new_locale is not None
            or turn.hook is not None
        ):
            async with self.db.transaction("save_turn", user=session.user) as conn:
                if turn.event_id is not None and not await repos.remember_event(
                    conn, event_id=turn.event_id, user=session.user, now=now
                ):
                    raise Duplicate
                if guard is not None and not await guard(conn):
                    raise AlreadyAnswered
                ref = (
                    turn.record.ref
                    if turn.record
                    else await repos.ensure_user(conn, user=session.user, now=now)
                )
                if turn.new_locale is not None:
                    await repos.set_locale(conn, user_ref=ref, locale=turn.new_locale)
                if turn.new_platform_zone is not None:
                    await repos.set_platform_timezone(
                        conn, user_ref=ref, zone=turn.new_platform_zone
                    )
                    followed = await follow_platform_zone(conn, ref, turn, self.clock)
                    if followed is not None:
                        first.append(followed)
                if changed:
                    session = await repos.save_session(
                        conn,
                        user_ref=ref,
                        session=session,
                        expected_version=None if new_number else turn.expected_version,
                    )
                for effect in transition.effects:
                    reply, prefs = await apply_effect(conn, ref, session, effect, prefs, self.clock)
                    # What an effect answers (data shown, a zone set) comes before the
                    # engine's replies, which end with the question still open.
                    if reply is not None:
                        first.append(reply)
                    if isinstance(effect, ShareNote):
                        shares.append(effect)
                if turn.hook is not None:
                    messages = self.renderer.render_all(
                        (*first, *transition.replies), prefs, session
                    )
                    if not await turn.hook(conn, messages, tuple(shares)):
                        raise Duplicate
        if turn.hook is None:
            messages = self.renderer.render_all((*first, *transition.replies), prefs, session)
        forgot = any(isinstance(effect, ForgetUser) for effect in transition.effects)
        # SQLite: the deleted words are still in the -wal file until it is checkpointed.
        if forgot and not await self.db.scrub():
            log.warning("forget me: another reader kept the log; it is cut at its next end")
        return TurnResult(
            messages, tuple(shares), forgotten=forgot, committed=turn.hook is not None
        )
