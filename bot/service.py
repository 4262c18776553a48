"""CoachService: one user's turns, one at a time: read for safety, step, commit, render.

The phases live beside it: loading (turn.py), typed choices (typed_choice.py), answers to a
nudge (nudge_answers.py), saving with the effects (turn_commit.py, effects.py) and
rendering (rendering.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot import crisis_flow, crisis_lines, engine, english_note, language, metrics, plan, safety
from bot.clock import Clock
from bot.commands import parse_command
from bot.domain import Inbound, InboundKind, Message, Reply, Session, UserKey
from bot.errors import ConflictError
from bot.flood import FloodGate
from bot.logtags import user_tag
from bot.nudge_answers import NUDGE_STEPS, NudgeAnswers
from bot.preferences import (
    DEFAULT_QUIET_END,
    DEFAULT_QUIET_START,
    DEFAULT_TIMEZONE,
    Defaults,
    QuietHours,
    resolve,
)
from bot.prompts import Catalog
from bot.rendering import Renderer
from bot.storage import reminders, repos
from bot.storage.store import Store
from bot.text import clean_text, garbled
from bot.turn import Turn, TurnHook, TurnResult, load_turn
from bot.turn_commit import Committer, Duplicate
from bot.typed_choice import resolve_choice
from bot.userdata import reminders_reply, wins_reply

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
LOCK_STRIPES = 256


class UserLocks:
    """Per-user serialisation in one process, in a fixed number of stripes (bounded memory)."""

    def __init__(self, stripes: int = LOCK_STRIPES) -> None:
        self._locks = [asyncio.Lock() for _ in range(stripes)]

    def for_user(self, user: UserKey) -> asyncio.Lock:
        """The lock that serialises this user's turns."""
        return self._locks[hash(user) % len(self._locks)]


class CoachService:
    """Runs one user turn at a time per user, safely under concurrency, and renders it."""

    def __init__(
        self,
        db: Store,
        catalog: Catalog,
        clock: Clock,
        *,
        rules: engine.Rules = engine.DEFAULT_RULES,
        default_timezone: str = DEFAULT_TIMEZONE,
        lines: crisis_lines.LineBook | None = None,
        locale: str = "",
        country: str = "",
        quiet_start: str = DEFAULT_QUIET_START,
        quiet_end: str = DEFAULT_QUIET_END,
        flood: FloodGate | None = None,
    ) -> None:
        self.db = db
        self.catalog = catalog
        self.clock = clock
        self.rules = rules
        self.default_timezone = default_timezone
        self.lines = lines
        self.defaults = Defaults(
            default_timezone, locale, QuietHours(quiet_start, quiet_end), country
        )
        self._locks = UserLocks()
        self.flood = flood or FloodGate(burst=20, window_seconds=10)
        self.renderer = Renderer(catalog, clock, lines)
        self.committer = Committer(db, clock, self.renderer)
        self.nudges = NudgeAnswers(db, clock, self.renderer, self.committer, rules)

    # ---- public entry points ------------------------------------------------------------

    async def handle(self, inbound: Inbound, hook: TurnHook | None = None) -> TurnResult:
        """Process one thing a user did and return what to show them (timed and counted).

        `hook` runs inside the turn's transaction with the rendered messages; a result that
        is not `committed` (flooded, a stale button) wrote nothing and ran no hook.
        """
        platform = inbound.user.platform
        with metrics.TURN_SECONDS.labels(platform).time():
            try:
                return await self._handle(inbound, hook)
            except Exception:
                metrics.TURNS.labels(platform, "failed").inc()
                raise

    async def _handle(self, inbound: Inbound, hook: TurnHook | None) -> TurnResult:
        platform = inbound.user.platform
        # Messages count by when they arrived: a backlog released at once is not a flood.
        if not self.flood.allow(inbound.user, inbound.received_at or self.clock.now()):
            # Over the limit: a polite word, and nothing read, written or kept.
            log.info("flood limit reached for %s", user_tag(inbound.user))
            metrics.TURNS.labels(platform, "flooded").inc()
            return self.renderer.say(Reply("error.busy"), resolve(self.defaults))
        text, truncated = clean_text(inbound.text)
        junk = garbled(inbound.text)
        inbound = replace(inbound, text="" if junk else text, truncated=truncated, garbled=junk)

        async def attempt() -> TurnResult:
            try:
                result = await self._turn(inbound, hook)
            except Duplicate:
                log.info("dropped a repeated event for %s", user_tag(inbound.user))
                metrics.TURNS.labels(platform, "duplicate").inc()
                return TurnResult((), duplicate=True)
            metrics.TURNS.labels(platform, "ok").inc()
            return result

        return await self._retrying(inbound.user, attempt)

    async def greet(self, user: UserKey) -> TurnResult:
        """What to show when a user opens the chat (the terminal's first screen)."""

        async def attempt() -> TurnResult:
            turn = await self._load(user)
            greeting = crisis_flow.greet(turn.session) or engine.greet(
                turn.session, self.clock.now(), self.rules
            )
            return await self.committer.commit(turn, greeting)

        return await self._retrying(user, attempt)

    async def undo_share(
        self, user: UserKey, session_number: int, hook: TurnHook | None = None
    ) -> TurnResult:
        """The platform refused the share note: record that nothing was shared, and say so."""

        async def attempt() -> TurnResult:
            turn = replace(await self._load(user), hook=hook)
            target: Session | None = None
            if turn.record is not None:
                async with self.db.autocommit() as conn:
                    target = await repos.load_session(
                        conn, user_ref=turn.record.ref, user=user, number=session_number
                    )
            if target is None:
                return self.renderer.say(Reply("share.failed"), turn.prefs)
            unsharing = replace(turn, session=target, expected_version=target.version)
            return await self.committer.commit(
                unsharing, engine.share_failed(target, self.clock.now())
            )

        return await self._retrying(user, attempt)

    async def _retrying(
        self, user: UserKey, attempt: Callable[[], Awaitable[TurnResult]]
    ) -> TurnResult:
        """Run a turn under the user's lock, redoing it when another process wrote first.

        The store's turn scope makes the whole turn (reads and writes) one transaction under
        the user's lock where the database has one (PostgreSQL); the version check still
        guards a writer that holds no lock (a second process on a SQLite file).
        """
        async with self._locks.for_user(user):
            for tries in range(1, MAX_ATTEMPTS + 1):
                try:
                    async with self.db.turn(user):
                        return await attempt()
                except ConflictError:
                    log.debug("conflict for %s, attempt %d", user_tag(user), tries)
        log.warning("gave up a turn for %s after %d conflicts", user_tag(user), MAX_ATTEMPTS)
        metrics.TURNS.labels(user.platform, "gave_up").inc()
        return self.renderer.say(Reply("error.try_again"), resolve(self.defaults))

    async def overview(self, user: UserKey) -> tuple[Message, ...]:
        """Read-only: the current plan and next revisit, the conversation, revisits, wins."""
        turn = await self._load(user)
        status = engine.step(turn.session, Inbound(user, text="status"), self.clock.now())
        replies: list[Reply] = [status.replies[0]]
        if turn.record is not None:
            async with self.db.autocommit() as conn:
                sessions = await repos.list_sessions(conn, user_ref=turn.record.ref, user=user)
                upcoming = await reminders.upcoming(conn, user_ref=turn.record.ref)
            current = plan.latest_plan(sessions, upcoming[0].due_at if upcoming else None)
            replies = [
                *current,
                *replies,
                reminders_reply(sessions, upcoming),
                wins_reply(sessions),
            ]
        else:
            replies += [Reply("reminders.none"), Reply("wins.none")]
        return tuple(self.renderer.render(reply, turn.prefs, None) for reply in replies)

    # ---- one turn -----------------------------------------------------------------------

    async def _load(self, user: UserKey, inbound: Inbound | None = None) -> Turn:
        """The user's turn as stored, with `inbound`'s zone and locale hints."""
        return await load_turn(self.db, self.defaults, self.clock.now(), user, inbound)

    async def _turn(self, inbound: Inbound, hook: TurnHook | None = None) -> TurnResult:
        turn = replace(await self._load(inbound.user, inbound), hook=hook)
        now = self.clock.now()
        inbound = replace(
            inbound,
            timezone=turn.timezone,
            timezone_known=turn.zone_known,
            locale=turn.prefs.date_locale,
        )
        if inbound.kind is InboundKind.BUTTON and inbound.button_step in NUDGE_STEPS:
            return await self.nudges.pressed(turn, inbound)
        found = None
        typed = inbound.kind is not InboundKind.BUTTON and bool(inbound.text)
        if typed:
            # Every message is read for safety first, with the user's last few in view.
            # Inside the flow the message is an answer to a safety question: read it alone.
            inside = turn.session.pending in crisis_flow.SAFETY_PENDING
            found = safety.screen(inbound.text, () if inside else turn.session.recent)
        # A risk read at a check-in ("how did it go?") keeps its reminder (crisis_flow).
        fresh = found is not None and turn.session.pending not in crisis_flow.SAFETY_PENDING
        transition = crisis_flow.step(
            turn.session,
            inbound,
            found,
            now,
            country_known=turn.prefs.country is not None,
            country_typed=self._country_typed(
                turn.session, inbound, unknown=turn.prefs.country is None
            ),
            check_in=fresh and await self.nudges.checking_in(turn),
        )
        if transition is not None and turn.session.pending in crisis_flow.SAFETY_PENDING:
            # Back to the English questions from a flow in their language: said once, there.
            transition = english_note.after_crisis(turn.session, inbound, transition)
        if transition is not None and found is not None:
            log.info(
                "safety %s for %s (%s)",
                found.tier.value,
                user_tag(inbound.user),
                found.concern.value,
            )
        if transition is None:
            typed_win = await self.nudges.typed_own_win(turn, inbound)
            if typed_win is not None:
                return await self.nudges.pressed(turn, typed_win)
            if inbound.kind is InboundKind.MESSAGE:
                answered = await self.nudges.typed(turn, inbound)
                if answered is not None:
                    return answered
            transition = engine.step(
                turn.session, resolve_choice(self.catalog, turn.session, inbound), now, self.rules
            )
        if typed and (parse_command(inbound.text) is None or language.foreign(inbound.text)):
            # A command in another language is kept too: the English note is said once.
            recent = (*turn.session.recent, inbound.text)[-safety.CONTEXT_MESSAGES :]
            transition = replace(transition, session=replace(transition.session, recent=recent))
        log.debug(
            "turn %s: %s -> %s",
            user_tag(inbound.user),
            turn.session.step.value,
            transition.session.step.value,
        )
        result = await self.committer.commit(turn, transition)
        command = parse_command(inbound.text) if typed else None
        if found is None and command is not None and command.name in engine.GO_ON_AFTER:
            again = await self.nudges.own_win_again(turn, transition.session)
            result = replace(result, messages=(*result.messages, *again))
        if found is not None:
            metrics.SAFETY_REPLIES.labels(found.tier.value, found.concern.value).inc()
        return result

    def _country_typed(self, session: Session, inbound: Inbound, *, unknown: bool) -> str | None:
        """The country a message after a crisis reply names ("Canada", "uk"), if any."""
        if self.lines is None or session.pending not in crisis_flow.LISTENING:
            return None
        if not inbound.text:
            return None
        return self.lines.country_named(inbound.text, beyond_the_book=unknown)
