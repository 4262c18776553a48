"""CoachService: load, engine.step, save session and effects in one transaction, render."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta

from bot import (
    crisis_flow,
    crisis_lines,
    dialogue,
    engine,
    intents,
    language,
    metrics,
    own_win,
    plan,
    safety,
)
from bot.clock import Clock
from bot.commands import CommandName, parse_command
from bot.domain import (
    Attachment,
    CancelNudges,
    Effect,
    ForgetUser,
    Inbound,
    InboundKind,
    Message,
    Pending,
    Reply,
    ScheduleNudge,
    Session,
    SetCountry,
    SetQuietHours,
    SetTimezone,
    ShareNote,
    ShowData,
    Step,
    Transition,
    UserKey,
)
from bot.errors import ConflictError
from bot.flood import FloodGate
from bot.logtags import user_tag as user_tag
from bot.preferences import (
    DEFAULT_QUIET_END,
    DEFAULT_QUIET_START,
    DEFAULT_TIMEZONE,
    Defaults,
    Preferences,
    QuietHours,
    delivery_time,
    resolve,
)
from bot.prompts import Catalog
from bot.storage import inbox, outbox, reminders, repos
from bot.storage.reschedule import Moved, reschedule
from bot.storage.store import Conn, Store
from bot.text import as_number, clean_text, garbled
from bot.timeparse import is_valid_zone
from bot.userdata import EXPORT_FILENAME, export_json, reminders_reply, wins_reply
from bot.zones import find_zone

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


@dataclass(frozen=True, slots=True)
class TurnResult:
    """What a turn produced: messages for the user, and effects for the platform."""

    messages: tuple[Message, ...]
    shares: tuple[ShareNote, ...] = ()
    duplicate: bool = False
    # The user's data was deleted this turn: files a front end wrote for them go too.
    forgotten: bool = False
    # The turn's hook ran in its transaction (its messages are in the outbox).
    committed: bool = False


# Runs inside a turn's transaction with its rendered messages and its share notes (the
# pipeline marks the inbox row handled and enqueues both); False: handled before.
TurnHook = Callable[[Conn, tuple[Message, ...], tuple[ShareNote, ...]], Awaitable[bool]]


@dataclass(slots=True)
class _Turn:
    """What a turn has loaded and decided, passed between its phases."""

    record: repos.UserRecord | None
    session: Session
    expected_version: int | None
    timezone: str
    event_id: str | None = None
    new_platform_zone: str | None = None
    zone_known: bool = True
    locale: str | None = None
    new_locale: str | None = None
    prefs: Preferences = field(default_factory=Preferences)
    hook: TurnHook | None = None


NUDGE_STEPS = (engine.NUDGE_STEP, engine.NUDGE_DATE_STEP, own_win.STEP)
# How long after a maybe typed words are still read as its new date.
NUDGE_DATE_WINDOW = timedelta(days=2)


class _AlreadyAnswered(Exception):
    """A nudge button pressed a second time: roll back and say so."""


class _Duplicate(Exception):
    """A platform event seen before (a retry): roll back, say nothing."""


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
            return self._say(Reply("error.busy"), resolve(self.defaults))
        text, truncated = clean_text(inbound.text)
        junk = garbled(inbound.text)
        inbound = replace(inbound, text="" if junk else text, truncated=truncated, garbled=junk)

        async def attempt() -> TurnResult:
            try:
                result = await self._turn(inbound, hook)
            except _Duplicate:
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
            return await self._commit(turn, greeting)

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
                return self._say(Reply("share.failed"), turn.prefs)
            unsharing = replace(turn, session=target, expected_version=target.version)
            return await self._commit(unsharing, engine.share_failed(target, self.clock.now()))

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
        return self._say(Reply("error.try_again"), resolve(self.defaults))

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
        return tuple(self._render(reply, turn.prefs, None) for reply in replies)

    # ---- one turn -----------------------------------------------------------------------

    async def _load(self, user: UserKey, inbound: Inbound | None = None) -> _Turn:
        now = self.clock.now()
        async with self.db.autocommit("load_user") as conn:
            record = await repos.load_user(conn, user=user)
        if record is not None and record.session is not None:
            session: Session = record.session
            expected: int | None = session.version
        else:
            session = engine.new_session(user, 1, now, welcome=True)
            expected = None
        hint = inbound.timezone_hint if inbound is not None else None
        if hint is not None and not is_valid_zone(hint):
            hint = None
        stored_locale = record.locale if record else None
        locale_hint = inbound.locale_hint[:32] if inbound and inbound.locale_hint else None
        platform_zone = record.platform_timezone if record else None
        prefs = resolve(
            self.defaults,
            zone=record.timezone if record else None,
            zone_hint=hint,
            platform_zone=platform_zone,
            locale=stored_locale,
            locale_hint=locale_hint,
            quiet_start=record.quiet_start if record else None,
            quiet_end=record.quiet_end if record else None,
            country=record.country if record else None,
            # Discord's locales are languages ("en-US" is what every English client sends,
            # from Canada or India too): on Discord a locale says nothing about the country.
            locale_names_country=user.platform != "discord",
        )
        return _Turn(
            record,
            session,
            expected,
            prefs.timezone,
            event_id=inbound.event_id if inbound is not None else None,
            new_platform_zone=hint if hint is not None and hint != platform_zone else None,
            zone_known=prefs.zone_known,
            locale=prefs.locale,
            new_locale=locale_hint if locale_hint and locale_hint != stored_locale else None,
            prefs=prefs,
        )

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
            return await self._nudge_turn(turn, inbound)
        found = None
        typed = inbound.kind is not InboundKind.BUTTON and bool(inbound.text)
        if typed:
            # Every message is read for safety first, with the user's last few in view.
            # Inside the flow the message is an answer to a safety question: read it alone.
            inside = turn.session.pending in crisis_flow.SAFETY_PENDING
            found = safety.screen(inbound.text, () if inside else turn.session.recent)
        transition = crisis_flow.step(
            turn.session,
            inbound,
            found,
            now,
            country_known=turn.prefs.country is not None,
            country_typed=self._country_typed(
                turn.session, inbound, unknown=turn.prefs.country is None
            ),
        )
        if transition is not None and found is not None:
            log.info(
                "safety %s for %s (%s)",
                found.tier.value,
                user_tag(inbound.user),
                found.concern.value,
            )
        if transition is None:
            typed_win = await self._typed_own_win(turn, inbound)
            if typed_win is not None:
                return await self._nudge_turn(turn, typed_win)
            if inbound.kind is InboundKind.MESSAGE:
                answered = await self._nudge_words(turn, inbound)
                if answered is not None:
                    return answered
            transition = engine.step(
                turn.session, self._resolve_choice(turn.session, inbound), now, self.rules
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
        result = await self._commit(turn, transition)
        command = parse_command(inbound.text) if typed else None
        if found is None and command is not None and command.name in engine.GO_ON_AFTER:
            again = await self._own_win_again(turn, transition.session)
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

    def _resolve_choice(self, session: Session, inbound: Inbound) -> Inbound:
        """Typed words that name a choice ("soft", "Soft boundary") become that choice."""
        if inbound.kind is not InboundKind.MESSAGE or inbound.choice is not None:
            return inbound
        command = parse_command(inbound.text) if inbound.text else None
        if command is not None and command.name is CommandName.TIMEZONE and command.argument:
            # `timezone berlin` names one zone: the engine is given its IANA name.
            named = find_zone(command.argument).zone
            return replace(inbound, text=f"timezone {named}") if named else inbound
        if not inbound.text or command is not None:
            return inbound
        if session.pending in (Pending.TIMEZONE, Pending.ZONE_NAME):
            zone = find_zone(inbound.text).zone
            if zone is not None:
                return replace(inbound, choice=engine.ZONE_CHOICE, text=zone)
        if session.pending is not None:
            if session.pending not in engine.PENDING_CHOICES:
                return inbound
            prefix, ids, allow_rest = (
                session.pending.value,
                engine.PENDING_CHOICES[session.pending],
                False,
            )
        elif session.is_open and session.step in engine.QUESTIONS:
            question = engine.QUESTIONS[session.step]
            if not question.choices:
                return inbound
            # The choices shown on the user's path: a hard boundary offers its own list.
            prefix, ids = session.step.value, dialogue.choices(session.step, session.answers)
            allow_rest = not question.free_text_with_choices
        else:
            return inbound
        match = self.catalog.match_choice(prefix, ids, inbound.text, allow_rest=allow_rest)
        if match is None:
            return inbound
        return replace(inbound, choice=match[0], text=match[1])

    async def _typed_own_win(self, turn: _Turn, inbound: Inbound) -> Inbound | None:
        """Words typed while a recent own-win question is open, as its button.

        "partly, I asked but mumbled" is partly; words that answer nothing ask it again (an
        unknown choice), unless they tell a new no or a maybe's new date. Only between
        conversations: in the middle of one, "yes" answers the dialogue.
        """
        if (
            inbound.kind is not InboundKind.MESSAGE
            or not inbound.text
            or turn.session.is_open
            or turn.session.pending not in (None, Pending.NUDGE_DATE)
            or as_number(inbound.text) is not None
            or parse_command(inbound.text) is not None
        ):
            return None
        target = await self._awaiting_own_win(turn)
        if target is None:
            return None
        match = self.catalog.match_choice(
            own_win.STEP, own_win.CHOICES, inbound.text, allow_rest=True
        )
        if match is None and (
            target.pending is Pending.NUDGE_DATE
            or intents.after_summary(inbound.text) is intents.Intent.NEW_SETBACK
        ):
            return None
        return replace(
            inbound,
            kind=InboundKind.BUTTON,
            choice=match[0] if match else "",
            button_step=own_win.STEP,
            session_number=target.number,
        )

    async def _awaiting_own_win(self, turn: _Turn) -> Session | None:
        """The session whose own-win question was asked lately and is still unanswered."""
        if turn.record is None:
            return None
        async with self.db.autocommit() as conn:
            sessions = await repos.list_sessions(
                conn, user_ref=turn.record.ref, user=turn.session.user
            )
        now = self.clock.now()
        return next((s for s in sessions if own_win.awaiting(s, now)), None)

    async def _own_win_again(self, turn: _Turn, session: Session) -> tuple[Message, ...]:
        """After a command between conversations, the own-win question still open, asked again."""
        if session.is_open or session.pending not in (None, Pending.NUDGE_DATE):
            return ()
        target = await self._awaiting_own_win(turn)
        if target is None:
            return ()
        return tuple(
            self._render(reply, turn.prefs, target.number) for reply in own_win.question(target)
        )

    async def _nudge_words(self, turn: _Turn, inbound: Inbound) -> TurnResult | None:
        """Words typed while a nudge (or a maybe's date question) is the last thing said.

        "they said yes!" is the yes button; after a maybe, "in 3 weeks" is the new date;
        unclear words get the buttons again. None when the words are for the dialogue: a
        command, a new no, or anything unclear while a reframe is in progress.
        """
        text = inbound.text
        if turn.record is None or not text or parse_command(text) is not None:
            return None
        async with self.db.autocommit() as conn:
            last = await reminders.last_sent(conn, user_ref=turn.record.ref)
            if last is None:
                return None
            target = await repos.load_session(
                conn, user_ref=turn.record.ref, user=inbound.user, number=last.session_number
            )
        current = turn.session
        since = current.updated_at or current.started_at
        in_progress = current.is_open and current.step not in (Step.WELCOME, Step.SETBACK)
        if target is None:
            return None
        if last.answered_at is None:
            if since is not None and last.sent_at < since:
                return None
            choice = engine.read_nudge_answer(text)
            if choice is None:
                new_no = intents.tells_new_no(text)
                if in_progress or new_no:
                    return None
                return TurnResult(
                    (self._render(engine.nudge_unclear(), turn.prefs, target.number),)
                )
            pressed = replace(
                inbound,
                kind=InboundKind.BUTTON,
                choice=choice,
                session_number=target.number,
                button_step=engine.NUDGE_STEP,
            )
            return await self._nudge_turn(turn, pressed)
        if (
            target.pending is not Pending.NUDGE_DATE
            or self.clock.now() - last.answered_at > NUDGE_DATE_WINDOW
            or (current.number != target.number and current.is_open)
            or intents.free_text(text) is intents.Intent.ACK
        ):
            return None
        if intents.after_summary(text) is intents.Intent.NEW_SETBACK and not any(
            ch.isdigit() for ch in text
        ):
            return None
        transition = engine.answer_nudge_words(
            target, text, self.clock.now(), turn.timezone, turn.locale
        )
        if transition.session == target:
            return TurnResult(
                tuple(self._render(r, turn.prefs, target.number) for r in transition.replies)
            )
        nudged = replace(turn, session=target, expected_version=target.version)
        return await self._commit(nudged, transition)

    async def _nudge_turn(self, turn: _Turn, inbound: Inbound) -> TurnResult:
        """An answer to a nudge: recorded on the nudged session, whatever is in progress."""
        now = self.clock.now()
        target: Session | None = None
        if turn.record is not None and inbound.session_number is not None:
            async with self.db.autocommit() as conn:
                target = await repos.load_session(
                    conn, user_ref=turn.record.ref, user=inbound.user, number=inbound.session_number
                )
        if target is None or turn.record is None:
            return self._say(Reply("button.stale"), turn.prefs)
        choice = inbound.choice or ""
        ref, number = turn.record.ref, target.number
        if inbound.button_step == engine.NUDGE_STEP:
            transition = engine.answer_nudge(target, choice, now, turn.timezone, self.rules)

            async def guard(conn: Conn) -> bool:
                return await reminders.answer(conn, user_ref=ref, session_number=number, now=now)
        elif inbound.button_step == own_win.STEP:
            transition = own_win.answer(target, choice, now)

            async def guard(conn: Conn) -> bool:
                return target is not None and target.own_win is None
        else:
            transition = engine.answer_nudge_date(target, choice, now, turn.timezone)

            async def guard(conn: Conn) -> bool:
                pending = await reminders.has_pending(conn, user_ref=ref, session_number=number)
                return target is not None and target.outcome is not None and not pending

        nudged = replace(turn, session=target, expected_version=target.version)
        try:
            return await self._commit(nudged, transition, guard=guard)
        except _AlreadyAnswered:
            return self._say(Reply("button.already"), turn.prefs)

    def _say(self, reply: Reply, prefs: Preferences) -> TurnResult:
        return TurnResult((self._render(reply, prefs, None),))

    async def _commit(
        self,
        turn: _Turn,
        transition: Transition,
        *,
        guard: Callable[[Conn], Awaitable[bool]] | None = None,
    ) -> TurnResult:
        """Save the session and apply the effects in one transaction, then render."""
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
                    raise _Duplicate
                if guard is not None and not await guard(conn):
                    raise _AlreadyAnswered
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
                    followed = await self._follow_platform_zone(conn, ref, turn)
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
                    reply, prefs = await self._apply(conn, ref, session, effect, prefs)
                    # What an effect answers (data shown, a zone set) comes before the
                    # engine's replies, which end with the question still open.
                    if reply is not None:
                        first.append(reply)
                    if isinstance(effect, ShareNote):
                        shares.append(effect)
                if turn.hook is not None:
                    messages = self._render_all((*first, *transition.replies), prefs, session)
                    if not await turn.hook(conn, messages, tuple(shares)):
                        raise _Duplicate
        if turn.hook is None:
            messages = self._render_all((*first, *transition.replies), prefs, session)
        forgot = any(isinstance(effect, ForgetUser) for effect in transition.effects)
        # SQLite: the deleted words are still in the -wal file until it is checkpointed.
        if forgot and not await self.db.scrub():
            log.warning("forget me: another reader kept the log; it is cut at its next end")
        return TurnResult(
            messages, tuple(shares), forgotten=forgot, committed=turn.hook is not None
        )

    def _render_all(
        self, replies: Sequence[Reply], prefs: Preferences, session: Session
    ) -> tuple[Message, ...]:
        return tuple(self._render(reply, prefs, session.number) for reply in replies)

    async def _apply(
        self,
        conn: Conn,
        ref: int,
        session: Session,
        effect: Effect,
        prefs: Preferences,
    ) -> tuple[Reply | None, Preferences]:
        """Carry out one effect inside the turn's transaction; maybe answer with a reply."""
        if isinstance(effect, SetTimezone):
            return await self._set_timezone(conn, ref, effect.zone, prefs)
        if isinstance(effect, SetCountry):
            await repos.set_country(conn, user_ref=ref, country=effect.code)
            return None, replace(prefs, country=effect.code)
        if isinstance(effect, SetQuietHours):
            await repos.set_quiet_hours(conn, user_ref=ref, start=effect.start, end=effect.end)
            moved = replace(prefs, quiet=QuietHours(effect.start, effect.end))
            await reschedule(conn, user_ref=ref, before=prefs, after=moved)
            return None, moved
        if isinstance(effect, ForgetUser):
            await repos.delete_user(conn, user=session.user, user_ref=ref)
            await inbox.delete_user(conn, user=session.user)
            await outbox.delete_user(conn, user=session.user)
            return None, prefs
        if isinstance(effect, ShowData) and effect.what == "quiet":
            shown = {"start": prefs.quiet.start, "end": prefs.quiet.end}
            return Reply("quiet.current", shown), prefs
        if isinstance(effect, ShowData):
            return await self._show(conn, ref, session, effect, prefs.timezone), prefs
        if isinstance(effect, ScheduleNudge):
            await reminders.schedule(
                conn,
                user_ref=ref,
                platform=session.user.platform,
                session_number=session.number,
                due_at=effect.due_at,
                send_after=delivery_time(effect.due_at, prefs),
                now=self.clock.now(),
            )
            return None, prefs
        if isinstance(effect, CancelNudges):
            await reminders.cancel_for_session(conn, user_ref=ref, session_number=session.number)
            return None, prefs
        if isinstance(effect, ShareNote):
            return None, prefs
        raise AssertionError(f"unhandled effect {effect!r}")

    async def _set_timezone(
        self, conn: Conn, ref: int, wanted: str, prefs: Preferences
    ) -> tuple[Reply, Preferences]:
        match = find_zone(wanted)
        found = match.zone
        if match.choices:
            listed = ", ".join(match.choices[:-1]) + " or " + match.choices[-1]
            return Reply("timezone.which", {"zone": wanted, "suggestion": listed}), prefs
        if found is None:
            if match.suggestion:
                shown = {"zone": wanted, "suggestion": match.suggestion}
                return Reply("timezone.suggest", shown), prefs
            return Reply("timezone.unknown", {"zone": wanted}), prefs
        await repos.set_timezone(conn, user_ref=ref, zone=found)
        moved = replace(prefs, timezone=found, zone_known=True)
        if found == prefs.timezone:
            return Reply("timezone.set", {"zone": found}), moved
        now = self.clock.now()
        kept = await reschedule(conn, user_ref=ref, before=prefs, after=moved, now=now)
        return Reply("timezone.set", {"zone": found}, items=_kept(kept)), moved

    async def _follow_platform_zone(self, conn: Conn, ref: int, turn: _Turn) -> Reply | None:
        """The platform reports a new zone for a user who set none: revisits keep local time."""
        record = turn.record
        if record is None or record.timezone or not record.platform_timezone:
            return None
        if record.platform_timezone == turn.prefs.timezone:
            return None
        before = replace(turn.prefs, timezone=record.platform_timezone)
        kept = await reschedule(
            conn, user_ref=ref, before=before, after=turn.prefs, now=self.clock.now()
        )
        if not kept:
            return None
        return Reply("timezone.followed", {"zone": turn.prefs.timezone}, items=_kept(kept))

    async def _show(
        self, conn: Conn, ref: int, session: Session, effect: ShowData, zone: str
    ) -> Reply:
        upcoming = await reminders.upcoming(conn, user_ref=ref)
        if effect.what == "reminders" and effect.argument.lower().startswith("cancel"):
            return await self._cancel_reminder(conn, ref, upcoming, effect.argument)
        sessions = await repos.list_sessions(conn, user_ref=ref, user=session.user)
        if effect.what == "plan":
            return plan.plan_command_reply(sessions, effect.argument)
        if effect.what == "wins":
            return wins_reply(sessions)
        if effect.what == "reminders":
            return reminders_reply(sessions, upcoming)
        content = export_json(session.user, zone, sessions, upcoming)
        return Reply("export.ready", attachment=Attachment(EXPORT_FILENAME, content))

    async def _cancel_reminder(
        self,
        conn: Conn,
        ref: int,
        upcoming: Sequence[reminders.Upcoming],
        argument: str,
    ) -> Reply:
        words = argument.split()
        number = as_number(words[1]) if len(words) > 1 else None
        index = number - 1 if number is not None else -1
        if not 0 <= index < len(upcoming):
            return Reply("reminders.unknown")
        chosen = upcoming[index]
        await reminders.cancel_one(conn, user_ref=ref, reminder_id=chosen.id)
        return Reply("reminders.cancelled", dates={"revisit_at": chosen.due_at.isoformat()})

    def _render(self, reply: Reply, prefs: Preferences, session_number: int | None) -> Message:
        extra = None
        concern = reply.variables.get("concern")
        if concern is not None and self.lines is not None:
            # The crisis lines for the user's country and this concern, filled in last.
            emergency, lines = self.lines.lines(prefs.country, concern)
            extra = {
                "resources": "\n".join(lines),
                "emergency": emergency,
                "country": self.lines.country_name(prefs.country),
            }
        return self.catalog.message(
            reply,
            prefs.timezone,
            session_number=session_number,
            now=self.clock.now(),
            extra=extra,
            quiet=prefs.quiet,
        )


def _kept(moved: Sequence[Moved]) -> tuple[Reply, ...]:
    """Scheduled revisits keep their local wall time (or, once it is past, their instant)."""
    return tuple(
        Reply(
            "timezone.kept" if kept.wall_kept else "timezone.kept_instant",
            dates={"revisit_at": kept.due.isoformat()},
        )
        for kept in moved
    )
