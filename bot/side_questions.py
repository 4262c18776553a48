"""Side questions asked mid-dialogue (resume, restart, forget, far date, which date, zone)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot import datewords, intents, numeric_dates, pushback
from bot.datewords import Reading
from bot.domain import (
    ForgetUser,
    Inbound,
    Pending,
    Reply,
    Session,
    SetTimezone,
    Step,
    Transition,
)
from bot.opening import after_summary, begin
from bot.revisit_answer import revisit_in_words, set_revisit
from bot.steps import (
    CONFIRMATIONS,
    PENDING_CHOICES,
    ZONE_CHOICE,
    Rules,
    ask,
    continue_asking,
    matched_choice,
    pending_reply,
    reprompt,
    touch,
    which_date,
)


def answer_pending(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    pending = session.pending
    assert pending is not None
    chosen = matched_choice(PENDING_CHOICES.get(pending, ()), inbound)
    leaving = chosen is None and intents.free_text(inbound.text) is intents.Intent.EXIT
    if leaving and pending in CONFIRMATIONS:
        # "never mind" at "Start a new reframe?": that question is dropped, nothing else.
        return drop_side_question(session, now)
    if pending is Pending.TIMEZONE:
        return _answer_timezone(session, inbound, now)
    if pending is Pending.NUDGE_DATE:
        # The service answers the maybe's date; here only a stray message clears it.
        return after_summary(touch(session, now, pending=None), inbound, now)
    if pending is Pending.WHICH_DATE:
        return _answer_which_date(session, inbound, now, rules)
    cleared = touch(session, now, pending=None, pending_data=None)
    if chosen != "yes" and pending is Pending.FAR_DATE and _another_date(inbound, now):
        # "no, March 3 2027" at "that far?": the new date answers the revisit question.
        return revisit_in_words(cleared, inbound, now, rules)
    if chosen is None and pending is Pending.FORGET and pushback.hesitates(inbound.text):
        # "hmm no wait" before deleting everything: a no, and said so.
        chosen = "no"
    if chosen is None:
        return Transition(session, (pending_reprompt(session),))
    if pending is Pending.RESUME:
        if chosen == "resume":
            return Transition(cleared, (Reply("resume.back"), ask(cleared.step, cleared)))
        restarted = replace(inbound, text=session.pending_data or "")
        return begin(cleared, restarted, now, setback=session.pending_data)
    if pending is Pending.RESTART:
        if chosen == "yes":
            return begin(cleared, inbound, now, setback=None)
        return Transition(cleared, (Reply("restart.kept"), *continue_asking(cleared)))
    if pending is Pending.FORGET:
        if chosen == "yes":
            return Transition(cleared, (Reply("forget.done"),), (ForgetUser(),))
        return Transition(cleared, (Reply("forget.kept"), *continue_asking(cleared)))
    # Pending.FAR_DATE
    if chosen == "yes" and session.pending_data:
        return set_revisit(cleared, datetime.fromisoformat(session.pending_data), now)
    return Transition(cleared, (reprompt(Step.REVISIT, session),))


# What dropping a side question says: the thing it would have done is not done.
_DROPPED = {Pending.RESTART: "restart.kept", Pending.FORGET: "forget.kept"}


def drop_side_question(session: Session, now: datetime) -> Transition:
    """The side question cancelled alone: the conversation goes on where it was."""
    assert session.pending is not None
    said = Reply(_DROPPED.get(session.pending, "cancel.side_question"))
    kept = touch(session, now, pending=None, pending_data=None)
    return Transition(kept, (said, *continue_asking(kept)))


def pending_reprompt(session: Session) -> Reply:
    """The side question asked again, with what it needs to be understood."""
    assert session.pending is not None
    reply = pending_reply(session.pending, f"{session.pending.value}.reprompt")
    if session.pending is Pending.FAR_DATE and session.pending_data:
        return replace(reply, dates={"revisit_at": session.pending_data})
    if session.pending is Pending.WHICH_DATE:
        return which_date(session, reply.key)
    return reply


# Words that refuse both days offered ("neither", "none of them", "another day").
_NEITHER = re.compile(r"\b(?:neither|none|nor|other|another|different|wrong)\b")


def _answer_which_date(
    session: Session, inbound: Inbound, now: datetime, rules: Rules
) -> Transition:
    """The day meant: its choice ("2") or month ("feb"); another date; neither; else ask again."""
    days = tuple(
        datetime.fromisoformat(iso) for iso in (session.pending_data or "").split(" ") if iso
    )
    chosen = matched_choice(PENDING_CHOICES[Pending.WHICH_DATE], inbound)
    if chosen is not None and len(days) == 2:
        due: datetime | None = days[0 if chosen == "first" else 1]
    else:
        due = numeric_dates.pick_by_month(inbound.text, days, inbound.timezone)
    cleared = touch(session, now, pending=None, pending_data=None)
    if due is not None:
        return set_revisit(cleared, due, now)
    if _another_date(inbound, now):
        # Another date ("neither, in 2 minutes"): it answers the revisit question instead.
        return revisit_in_words(cleared, inbound, now, rules)
    if _NEITHER.search(inbound.text.lower()):
        # Neither day: the question is dropped and the revisit question, with its menu, is back.
        return Transition(cleared, (Reply("which_date.neither"), reprompt(Step.REVISIT, cleared)))
    return Transition(session, (pending_reprompt(session),))


def _another_date(inbound: Inbound, now: datetime) -> bool:
    """Whether the words name a date of their own (a number alone is a choice, never a day)."""
    if inbound.choice is not None or inbound.text.strip().isdigit():
        return False
    read = datewords.read_when(inbound.text, now, inbound.timezone, inbound.locale)
    return read != Reading()


def zone_named(session: Session, zone: str, now: datetime) -> Transition:
    """The zone named after `timezone IST` asked which: set, and the open question again."""
    cleared = touch(session, now, pending=None, pending_data=None)
    return Transition(cleared, continue_asking(cleared), (SetTimezone(zone),))


def _answer_timezone(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """The once-only time zone question: keep the default, or a zone the service recognised."""
    if matched_choice(PENDING_CHOICES[Pending.TIMEZONE], inbound) == "default":
        zone = inbound.timezone
    elif inbound.choice == ZONE_CHOICE and inbound.text:
        zone = inbound.text
    else:
        return Transition(session, (pending_reprompt(session),))
    cleared = touch(session, now, pending=None, pending_data=None)
    return Transition(cleared, (ask(cleared.step, cleared),), (SetTimezone(zone),))
