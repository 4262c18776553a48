"""The revisit nudge: how did it go?, its buttons, typed outcomes and the maybe's new date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from types import MappingProxyType

from bot import (
    datewords,
    intents,
    nudge_words,
    own_win,
    plan,
    timeparse,
    wording,
)
from bot.dialogue import REVISIT_CHOICES
from bot.domain import (
    CancelNudges,
    Outcome,
    Pending,
    Reply,
    ScheduleNudge,
    Session,
    Status,
    Transition,
)
from bot.revisit_answer import unread_key, unread_words
from bot.steps import (
    DEFAULT_RULES,
    NUDGE_CHOICES,
    NUDGE_DATE_STEP,
    NUDGE_STEP,
    REVISIT_DAYS,
    Rules,
    choices,
    touch,
)


def nudge_reply(session: Session) -> Reply:
    """The revisit nudge: the short plan card, then how did it go? with the outcome buttons."""
    card = plan.card_reply(session, "plan.title_nudge", with_date=False)
    return replace(
        card,
        items=(Reply("nudge.ask"),),
        choices=choices(NUDGE_STEP, NUDGE_CHOICES),
        choice_step=NUDGE_STEP,
    )


# `pending_data` of a finished reframe whose check-in was answered "not yet" or "stop":
# `back` then never reopens its last question (commands_flow.just_finished).
CHECKED_IN = "checked-in"
# `pending_data` of a finished reframe whose check-in a crisis interrupted and that the coach
# asked again once the person said they were safe: typed words are read as its answer still.
CHECK_IN_AGAIN = "check-in-again"
# How long after a check-in answer "wait no thats a maybe" still changes it (UTC).
CORRECTION_WINDOW = timedelta(days=2)


def checked_in(session: Session) -> bool:
    """Whether this reframe's check-in was answered, whatever the answer."""
    return session.outcome is not None or (session.pending_data or "").startswith(CHECKED_IN)


def just_checked_in(session: Session, now: datetime) -> bool:
    """Whether this finished reframe's check-in was answered within CORRECTION_WINDOW."""
    at = session.updated_at
    recent = at is not None and now - at <= CORRECTION_WINDOW
    return session.status is Status.FINISHED and checked_in(session) and recent


def answer_nudge(
    session: Session, choice: str, now: datetime, timezone: str, rules: Rules = DEFAULT_RULES
) -> Transition:
    """Record how a revisited 'no' went (on the nudged session, not the current one)."""
    if choice in (Outcome.YES, Outcome.MAYBE, Outcome.NO):
        # After a maybe, typed words are read as its new date until one is given.
        waiting = Pending.NUDGE_DATE if choice == Outcome.MAYBE else session.pending
        done = touch(session, now, outcome=Outcome(choice), outcome_at=now, pending=waiting)
        said = Reply(f"nudge.{choice}")
        if choice == Outcome.MAYBE:
            said = replace(
                said,
                choices=choices(NUDGE_DATE_STEP, REVISIT_CHOICES),
                choice_step=NUDGE_DATE_STEP,
            )
        # Step 5: whatever the outcome, then ask about the win they named for themselves.
        return Transition(done, (said, *own_win.question(done)))
    if choice == "snooze":
        due = timeparse.add_local(now, rules.snooze, timezone)
        return Transition(
            touch(session, now, revisit_at=due, pending_data=CHECKED_IN),
            (Reply("nudge.snoozed", dates={"revisit_at": due.isoformat()}),),
            (ScheduleNudge(due),),
        )
    if choice == "stop":
        stopped = touch(session, now, pending_data=CHECKED_IN)
        return Transition(stopped, (Reply("nudge.stopped"),), (CancelNudges(),))
    return Transition(session, (nudge_reply(session),))


def answer_nudge_date(session: Session, choice: str, now: datetime, timezone: str) -> Transition:
    """After a maybe: schedule the next revisit, or leave it."""
    settled = (
        touch(session, now, pending=None) if session.pending is Pending.NUDGE_DATE else session
    )
    if choice in REVISIT_DAYS:
        due = timeparse.days_ahead(now, REVISIT_DAYS[choice], timezone)
        return Transition(
            replace(settled, revisit_at=due),
            (Reply("nudge.rescheduled", dates={"revisit_at": due.isoformat()}),),
            (ScheduleNudge(due),),
        )
    return Transition(settled, (Reply("nudge.no_date"),))


# Typed answers to "How did it go?", read by the recogniser, as the nudge's button ids.
NUDGE_READINGS: Mapping[intents.Intent, str] = MappingProxyType(
    {
        intents.Intent.YES: "yes",
        intents.Intent.MAYBE: "maybe",
        intents.Intent.NO: "no",
        intents.Intent.SNOOZE: "snooze",
        intents.Intent.STOP: "stop",
    }
)


def read_nudge_answer(text: str) -> str | None:
    """The nudge button a typed answer means ("they said yes!" -> "yes"), or None if unclear."""
    return NUDGE_READINGS.get(nudge_words.nudge(text))


def nudge_unclear() -> Reply:
    """How did it go? asked again, with the buttons, after words that could not be read."""
    return Reply(
        "nudge.unclear", choices=choices(NUDGE_STEP, NUDGE_CHOICES), choice_step=NUDGE_STEP
    )


def answer_nudge_words(
    session: Session, text: str, now: datetime, timezone: str, locale: str | None = None
) -> Transition:
    """After a maybe, a date typed in words ("in 3 weeks"), read as the revisit step reads it."""
    typed = wording.normalise(text)
    if typed in NO_NEW_DATE or intents.free_text(text) is intents.Intent.EXIT:
        return answer_nudge_date(session, "none", now, timezone)
    reading = datewords.read_when(text, now, timezone, locale)
    if reading.choices is not None:
        first, second = (moment.isoformat() for moment in reading.choices)
        return Transition(
            session, (Reply("revisit.which", dates={"first": first, "second": second}),)
        )
    if reading.when is None:
        # Said once, with the choices: a past date, a holiday not guessed, or words unread.
        unread = "nudge_date.unclear" if reading.past is None and not reading.holiday else ""
        said = Reply(
            unread or unread_key(reading),
            unread_words(reading),
            choices=choices(NUDGE_DATE_STEP, REVISIT_CHOICES),
            choice_step=NUDGE_DATE_STEP,
        )
        return Transition(session, (said,))
    due = reading.when
    settled = touch(session, now, pending=None, revisit_at=due)
    return Transition(
        settled,
        (Reply("nudge.rescheduled", dates={"revisit_at": due.isoformat()}),),
        (ScheduleNudge(due),),
    )


# Typed words that decline a new date after a maybe (input words, not coach text).
NO_NEW_DATE = frozenset(
    {
        "no",
        "none",
        "no date",
        "no new date",
        "don't schedule",
        "never",
        "no thanks",
        "nah",
        "not now",
    }
)


def answer_date_and_own_win(
    session: Session,
    text: str,
    win: str | None,
    now: datetime,
    timezone: str,
    locale: str | None = None,
) -> Transition:
    """After a maybe, with the own-win question open too: the new date in `text`, and the own
    win when one clause answered it (`win`); when it did not, the own-win question again."""
    answered = own_win.answer(session, win, now) if win else Transition(session, ())
    dated = answer_nudge_words(answered.session, text, now, timezone, locale)
    asked_again = (
        () if win or not own_win.awaiting(dated.session, now) else own_win.question(dated.session)
    )
    return Transition(
        dated.session,
        (*answered.replies, *dated.replies, *asked_again),
        (*answered.effects, *dated.effects),
    )
