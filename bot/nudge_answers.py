"""Answers to a nudge (the revisit) and its own-win question: pressed, or typed in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot import (
    about_coach,
    datewords,
    engine,
    intents,
    new_date_aside,
    nudge_flow,
    nudge_words,
    opening_words,
    own_win,
    revisit_words,
)
from bot.clock import Clock
from bot.commands import parse_command
from bot.domain import (
    CancelNudges,
    Inbound,
    InboundKind,
    Message,
    Pending,
    Reply,
    Session,
    Step,
)
from bot.rendering import Renderer
from bot.storage import reminders, repos
from bot.storage.store import Conn, Store
from bot.text import as_number
from bot.turn import Turn, TurnResult
from bot.turn_commit import AlreadyAnswered, Committer

# The buttons that answer a nudge rather than the dialogue in progress.
NUDGE_STEPS = (engine.NUDGE_STEP, engine.NUDGE_DATE_STEP, own_win.STEP)
# How long after a maybe typed words are still read as its new date.
NUDGE_DATE_WINDOW = timedelta(days=2)


def asked_again(session: Session, last: reminders.LastNudge) -> bool:
    """Whether the coach asked this session's check-in again after a crisis interrupted it."""
    again = session.pending_data == nudge_flow.CHECK_IN_AGAIN
    return again and session.number == last.session_number and last.answered_at is None


def at_check_in(session: Session, last: reminders.LastNudge | None) -> bool:
    """Whether this session's check-in ("how did it go?") is the last thing said, unanswered."""
    if last is None or last.answered_at is not None or last.session_number != session.number:
        return False
    since = session.updated_at or session.started_at
    return since is None or last.sent_at >= since or asked_again(session, last)


class NudgeAnswers:
    """Records a nudge's answer on the nudged session, whatever conversation is in progress."""

    def __init__(
        self,
        db: Store,
        clock: Clock,
        renderer: Renderer,
        committer: Committer,
        rules: engine.Rules = engine.DEFAULT_RULES,
    ) -> None:
        self.db = db
        self.clock = clock
        self.renderer = renderer
        self.committer = committer
        self.rules = rules

    async def pressed(self, turn: Turn, inbound: Inbound) -> TurnResult:
        """An answer to a nudge: recorded on the nudged session, whatever is in progress."""
        now = self.clock.now()
        target: Session | None = None
        if turn.record is not None and inbound.session_number is not None:
            async with self.db.autocommit() as conn:
                target = await repos.load_session(
                    conn, user_ref=turn.record.ref, user=inbound.user, number=inbound.session_number
                )
        if target is None or turn.record is None:
            return self.renderer.say(Reply("button.stale"), turn.prefs)
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

        if inbound.text:
            # "she said probably yes in jan but …": kept; "maybe … partly on the win" answers both.
            transition = revisit_words.keep_said(transition, target, inbound.text)
            win_too = (self._names_own_win, revisit_words.names_the_win)
            transition = own_win.said_with_outcome(transition, inbound.text, now, *win_too)
        nudged = replace(turn, session=target, expected_version=target.version)
        try:
            return await self.committer.commit(nudged, transition, guard=guard)
        except AlreadyAnswered:
            return self.renderer.say(Reply("button.already"), turn.prefs)

    async def checking_in(self, turn: Turn) -> bool:
        """Whether the user's current session is at its check-in (see at_check_in)."""
        if turn.record is None or turn.session.is_open:
            return False
        async with self.db.autocommit() as conn:
            last = await reminders.last_sent(conn, user_ref=turn.record.ref)
        return at_check_in(turn.session, last)

    async def typed(self, turn: Turn, inbound: Inbound) -> TurnResult | None:
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
            if since is not None and last.sent_at < since and not asked_again(current, last):
                return None
            choice = engine.read_nudge_answer(text)
            topic = about_coach.asked(text)
            if choice is None and topic is not None:
                # "is this a real person?" at "How did it go?": its answer, then the buttons.
                said = (about_coach.said(topic, target.user), engine.nudge_unclear())
                return TurnResult(
                    tuple(self.renderer.render(reply, turn.prefs, target.number) for reply in said)
                )
            if choice is None:
                new_no = opening_words.tells_new_no(text)
                if in_progress or new_no:
                    return None
                return TurnResult(
                    (self.renderer.render(engine.nudge_unclear(), turn.prefs, target.number),)
                )
            pressed = replace(
                inbound,
                kind=InboundKind.BUTTON,
                choice=choice,
                session_number=target.number,
                button_step=engine.NUDGE_STEP,
            )
            return await self.pressed(turn, pressed)
        changed = await self._changed_answer(turn, target, text)
        if changed is not None:
            return changed
        if (
            target.pending is not Pending.NUDGE_DATE
            or self.clock.now() - last.answered_at > NUDGE_DATE_WINDOW
            or (current.number != target.number and current.is_open)
            or intents.free_text(text) is intents.Intent.ACK
        ):
            return None
        if opening_words.after_summary(text) is intents.Intent.NEW_SETBACK and not any(
            ch.isdigit() for ch in text
        ):
            return None
        now = self.clock.now()
        aside = new_date_aside.answered(target, text, now)
        if aside is not None:
            # "maybe", "who sees this?": not a date; answered, the questions again.
            return TurnResult(
                tuple(self.renderer.render(r, turn.prefs, target.number) for r in aside.replies)
            )
        if own_win.awaiting(target, now):
            # Both questions are open: "march 1st, and yes!!" answers the two of them.
            win, words = own_win.split_off(text, self._names_own_win)
            transition = engine.answer_date_and_own_win(
                target, words, win, now, turn.timezone, turn.locale
            )
        else:
            transition = engine.answer_nudge_words(target, text, now, turn.timezone, turn.locale)
        transition = revisit_words.keep_said(transition, target, text)
        if transition.session == target:
            return TurnResult(
                tuple(
                    self.renderer.render(r, turn.prefs, target.number) for r in transition.replies
                )
            )
        nudged = replace(turn, session=target, expected_version=target.version)
        return await self.committer.commit(nudged, transition)

    async def _changed_answer(self, turn: Turn, target: Session, text: str) -> TurnResult | None:
        """ "wait no thats a maybe" right after a check-in answer: that answer changed."""
        now = self.clock.now()
        if turn.session.is_open or not nudge_flow.just_checked_in(target, now):
            return None
        meant = nudge_words.corrected(text)
        choice = engine.NUDGE_READINGS.get(meant) if meant is not None else None
        if choice is None or choice == (target.outcome.value if target.outcome else None):
            return None
        transition = engine.answer_nudge(target, choice, now, turn.timezone, self.rules)
        # A "not yet" before it left a check-in due: the new answer replaces it.
        transition = replace(transition, effects=(CancelNudges(), *transition.effects))
        nudged = replace(turn, session=target, expected_version=target.version)
        return await self.committer.commit(nudged, transition)

    async def typed_own_win(self, turn: Turn, inbound: Inbound) -> Inbound | None:
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
        # "i literally just said partly", "partly i guess": the answer inside.
        said = revisit_words.said_again(inbound.text)
        match = self.renderer.catalog.match_choice(
            own_win.STEP, own_win.CHOICES, said, allow_rest=True
        ) or self.renderer.catalog.match_choice(
            own_win.STEP, own_win.CHOICES, revisit_words.plain_choice(said), allow_rest=True
        )
        if match is None and (
            target.pending is Pending.NUDGE_DATE
            or opening_words.after_summary(inbound.text) is intents.Intent.NEW_SETBACK
        ):
            return None
        if match is not None and target.pending is Pending.NUDGE_DATE and match[1]:
            # "yes, and march 1st": the maybe's new date is in the words too; both are read
            # where the date is (typed), not the own win alone.
            reading = datewords.read_when(match[1], self.clock.now(), turn.timezone, turn.locale)
            if reading.when or reading.past or reading.choices:
                return None
        return replace(
            inbound,
            kind=InboundKind.BUTTON,
            choice=match[0] if match else "",
            button_step=own_win.STEP,
            session_number=target.number,
        )

    def _names_own_win(self, clause: str) -> str | None:
        """The own-win choice one clause names exactly ("yes!!", "partly", "partly i guess"),
        or None."""
        for said in (clause, revisit_words.plain_choice(clause)):
            match = self.renderer.catalog.match_choice(
                own_win.STEP, own_win.CHOICES, said, allow_rest=False
            )
            if match:
                return match[0]
        return None

    async def own_win_again(self, turn: Turn, session: Session) -> tuple[Message, ...]:
        """After a command between conversations, the own-win question still open, asked again."""
        if session.is_open or session.pending not in (None, Pending.NUDGE_DATE):
            return ()
        target = await self._awaiting_own_win(turn)
        if target is None:
            return ()
        return tuple(
            self.renderer.render(reply, turn.prefs, target.number)
            for reply in own_win.question(target)
        )

    async def _awaiting_own_win(self, turn: Turn) -> Session | None:
        """The session whose own-win question was asked lately and is still unanswered."""
        if turn.record is None:
            return None
        async with self.db.autocommit() as conn:
            sessions = await repos.list_sessions(
                conn, user_ref=turn.record.ref, user=turn.session.user
            )
        now = self.clock.now()
        return next((s for s in sessions if own_win.awaiting(s, now)), None)
