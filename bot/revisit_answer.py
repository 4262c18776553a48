"""The revisit question answered: a choice, a date in words (set, asked about, or asked
again), and the date said back as it will really be sent (pure)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import datewords, timeparse
from bot.domain import Inbound, Pending, Reply, Session, Step, Transition
from bot.moving_on import after_answer
from bot.steps import REVISIT_DAYS, Rules, pending_reply, record, reprompt, touch, which_date


def answer_revisit(
    session: Session, inbound: Inbound, chosen: str | None, now: datetime, rules: Rules
) -> Transition:
    if chosen == "none":
        return after_answer(session, record(session, Step.REVISIT, "none", now), Step.REVISIT)
    if chosen is not None:
        due = timeparse.days_ahead(now, REVISIT_DAYS[chosen], inbound.timezone)
        return set_revisit(session, due, now, inbound.timezone)
    return revisit_in_words(session, inbound, now, rules)


def revisit_in_words(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    """The revisit question answered with a date in words: set, asked about, or asked again."""
    text = inbound.text.strip()
    if not text:
        return Transition(session, (reprompt(Step.REVISIT, session),))
    reading = datewords.read_when(text, now, inbound.timezone, inbound.locale)
    if reading.choices is not None:
        # "1/2" from someone whose date order we do not know: ask which one, as two choices.
        both = " ".join(moment.isoformat() for moment in reading.choices)
        asked = touch(session, now, pending=Pending.WHICH_DATE, pending_data=both)
        return Transition(asked, (which_date(asked, "which_date.ask"),))
    if reading.past is not None or reading.when is None:
        # Said once, with the choices and an example of what is read.
        again = reprompt(Step.REVISIT, session)
        return Transition(
            session, (replace(again, key=unread_key(reading), variables=unread_words(reading)),)
        )
    parsed = reading.when
    if parsed - now > rules.far_revisit:
        asked = touch(session, now, pending=Pending.FAR_DATE, pending_data=parsed.isoformat())
        return Transition(
            asked,
            (
                replace(
                    pending_reply(Pending.FAR_DATE, "far_date.confirm"),
                    dates={"revisit_at": parsed.isoformat()},
                ),
            ),
        )
    return set_revisit(session, parsed, now, inbound.timezone)


def unread_key(reading: datewords.Reading) -> str:
    """What to say about a date not taken: in the past, a holiday not guessed, or unread."""
    if reading.past is not None:
        return "revisit.past"
    return "revisit.holiday" if reading.holiday else "revisit.unreadable"


def unread_words(reading: datewords.Reading) -> dict[str, str]:
    """The holiday named, as it reads mid-sentence: a name capitalised ("Thanksgiving"), a
    common noun not ("the holidays", "half term")."""
    if not reading.holiday:
        return {}
    name = reading.holiday
    common = name.startswith("the ") or name in _COMMON_HOLIDAYS
    return {"holiday": name if common else name.title()}


# Holidays said with common nouns, not names: lower case mid-sentence.
_COMMON_HOLIDAYS = frozenset({"bank holiday", "half term", "spring break", "summer break"})


def set_revisit(
    session: Session, due: datetime, now: datetime, zone: str | None = None
) -> Transition:
    """The revisit set and said back; with the user's `zone`, a check-in that falls on a day
    before the next move's own date ("call next Monday") is said so."""
    moved = replace(record(session, Step.REVISIT, due.isoformat(), now), revisit_at=due)
    moved_on = after_answer(session, moved, Step.REVISIT)
    # The date is said back at once, as it will really be sent.
    confirmed: tuple[Reply, ...] = (Reply("revisit.set", dates={"revisit_at": due.isoformat()}),)
    move = _move_day(session, now, zone) if zone else None
    if move is not None and due.astimezone(move.tzinfo).date() < move.date():
        confirmed += (Reply("revisit.before_move", dates={"move_day": move.isoformat()}),)
    return replace(moved_on, replies=(*confirmed, *moved_on.replies))


def _move_day(session: Session, now: datetime, zone: str) -> datetime | None:
    """The day the next move names for itself ("call next Monday"), in the user's zone."""
    move = session.answers.get("option_detail") or session.answers.get("next_move") or ""
    found = datewords.read_when(move, now, zone).when if move else None
    return found.astimezone(timeparse.zone(zone)) if found else None
