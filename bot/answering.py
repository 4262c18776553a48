"""Answering the current question: a choice, free text, a date, or words about the question."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot import (
    asking_back,
    boundary_words,
    choice_words,
    corrections,
    datewords,
    dialogue,
    impatience,
    intents,
    owed,
    timeparse,
    tone,
    undo_cancel,
)
from bot.dialogue import QUESTIONS
from bot.domain import (
    Inbound,
    InboundKind,
    Pending,
    Reply,
    Session,
    Status,
    Step,
    Transition,
)
from bot.opening import ack_setback, after_summary, previous_setback
from bot.pushing_back import hedged, notes, pushed_back, said_back, with_choices
from bot.steps import (
    REVISIT_DAYS,
    Rules,
    ask,
    choices,
    pending_reply,
    record,
    reprompt,
    touch,
    typed_choice,
    which_date,
)
from bot.summary import finish
from bot.wording import has_words


def answer(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    current = session.step
    if current is Step.SUMMARY:
        return after_summary(session, inbound, now)
    question = QUESTIONS[current]
    offered = dialogue.choices(current, session.answers)
    text = inbound.text.strip()
    said_again = corrections.after_already_said(text) if inbound.choice is None else None
    if said_again is not None and current is not Step.SETBACK:
        # "i just told u, 5 yrs": the answer is what follows the complaint (at the setback,
        # "I said, can I…" may be the story itself).
        text = said_again
        inbound = replace(inbound, text=said_again)
    if offered and inbound.kind is InboundKind.MESSAGE:
        both = choice_words.two_picked(inbound.choice, text, offered)
        if both is not None:
            # "3 or 5 idk": neither is taken silently; which one, with the list again.
            return Transition(session, (_which_choice(session, current, both),))
    chosen, note = typed_choice(offered, inbound) if offered else (None, "")
    if chosen is not None and inbound.choice is not None:
        note = text
    if inbound.choice is None and current is not Step.SETBACK:
        pushed = pushed_back(session, current, text)
        if pushed is not None:
            return pushed
    taken = hedged(current, offered, text) if inbound.choice is None else None
    if taken is not None:
        # "idk maybe? is this gonna take long": the choice taken and said back, the question
        # beside it answered.
        chosen, note = taken
        told, asked = said_back(session, current, chosen, note)
        moved = record(session, current, chosen, now, also=notes(current, "" if asked else note))
        transition = after_answer(session, moved, current)
        return replace(transition, replies=(told, *transition.replies))
    if chosen is None and text and inbound.choice is None:
        if current is Step.BOUNDARY:
            read, note = boundary_words.boundary(text)
            if read.value in offered:
                chosen = read.value
        if chosen is None and impatience.impatient(text):
            # "how many more of these": how far it is, and the question again; never kept.
            left = dialogue.counted(session.answers)
            total = len(left) - left.index(current) if current in left else 1
            said = Reply("listen.impatient", {"total": str(total)})
            return Transition(session, (said, ask(current, session)))
        if chosen is None and current is not Step.SETBACK and impatience.venting(text):
            # "im so done lol" may be about the no or about us: asked, never ended on a guess
            # nor kept as the answer.
            return Transition(session, (Reply("listen.venting"), ask(current, session)))
        if chosen is None and corrections.already_said(text):
            return _already_said(session, current, now)
        if chosen is None:
            listened = _listen(session, current, text, now)
            if listened is not None:
                return listened
    if offered:
        if current is Step.REVISIT:
            return _answer_revisit(session, inbound, chosen, now, rules)
        if chosen is None and not (question.free_text_with_choices and text):
            return Transition(session, (reprompt(current, session),))
        value = chosen if chosen is not None else text
        moved = record(session, current, value, now, also=notes(current, note))
        return after_answer(session, moved, current)
    if not text:
        return Transition(session, (Reply("empty.reask"), ask(current, session)))
    if current is Step.SETBACK and tone.tells_nothing(text):
        # "ok new one": a reframe asked for, its no not told yet.
        return Transition(session, (Reply("start.fresh"), ask(current, session)))
    if previous_setback(session):
        # Their own no told: the earlier one is no longer on offer.
        session = replace(session, pending_data=None)
    moved = record(session, current, text, now)
    replies: list[Reply] = []
    if inbound.truncated:
        replies.append(Reply("input.truncated"))
    transition = after_answer(session, moved, current, zone_known=inbound.timezone_known)
    return replace(transition, replies=(*replies, *transition.replies))


def _listen(session: Session, current: Step, text: str, now: datetime) -> Transition | None:
    """A message about the question rather than an answer to it; None when it is an answer."""
    kind = intents.free_text(text, answer_is_a_question=current is Step.QUESTION)
    if kind is intents.Intent.ANSWER:
        return None
    if kind is intents.Intent.EXIT:
        return cancel(session, now)
    if kind is intents.Intent.SKIP and QUESTIONS[current].optional:
        # "skip this one" where the question may be skipped: as the `skip` command does.
        return after_answer(session, record(session, current, "", now), current)
    if kind is intents.Intent.QUESTION:
        term = asking_back.term_asked(text)
        if term and current not in TERM_STEPS[term]:
            # A word of the method asked about away from its own step: that word explained.
            return Transition(session, (Reply(f"term.{term}"), ask(current, session)))
        return Transition(session, (with_choices(session, current, "explain"),))
    if kind in (intents.Intent.DONT_KNOW, intents.Intent.SKIP):
        if _stuck_again(session):
            # The gentle text once was not enough: an example this time, and a way on.
            way_on = "listen.stuck_skip" if QUESTIONS[current].optional else "listen.stuck_draft"
            return Transition(session, (with_choices(session, current, "explain"), Reply(way_on)))
        # A question that may not be skipped: asked again gently, as for not knowing.
        return Transition(session, (with_choices(session, current, "gentle"),))
    if not has_words(text):
        # An emoji alone: it cannot be read as an answer, and "no rush" would not fit it.
        return Transition(session, (Reply("listen.emoji"), ask(current, session)))
    return Transition(session, (Reply("listen.ack"), ask(current, session)))


# The steps whose own explanation (`<step>.explain`) already says what a word means.
TERM_STEPS: dict[str, tuple[Step, ...]] = {
    "clarifying_question": (Step.QUESTION,),
    "third_option": (Step.OPTION,),
    "boundary": (Step.BOUNDARY,),
    "delayed_yes": (),
    "revisit": (),
    "self_aware": (),
    "reframe": (),
    "own_win": (Step.SUCCESS,),
}


def _stuck_again(session: Session) -> bool:
    """Whether the message before this one also said "I don't know" (odd repeats alternate)."""
    repeats = 0
    for earlier in reversed(session.recent):
        if intents.free_text(earlier) not in (intents.Intent.DONT_KNOW, intents.Intent.SKIP):
            break
        repeats += 1
    return repeats % 2 == 1


# "No to the promotion", "refused to fix the heating": what the setback says they hoped for.
_NO_TO = re.compile(
    r"\b(?:no to|refused(?: to)?|(?:turned|turn|turns) down|rejected|"
    r"declined|denied(?: me)?|won't(?: let me)?|wouldn't(?: let me)?|didn't approve|"
    r"wasn't approved for|didn't get)\s+(?P<ask>[^.!?;,\n]{3,80})",
    re.IGNORECASE,
)


def _already_said(session: Session, current: Step, now: datetime) -> Transition:
    """ "Like I just said": reuse what they told, or own it and ask in other words."""
    given = ""
    if current is Step.SETBACK:
        given = previous_setback(session)
    elif current is Step.ASK:
        found = _NO_TO.search(session.answers.get(Step.SETBACK.value, ""))
        given = found.group("ask").strip(" ,") if found else ""
    elif current is Step.OPTION_DETAIL:
        given = session.answers.get("option_note", "")
    if given:
        moved = record(replace(session, pending_data=None), current, given, now)
        transition = after_answer(session, moved, current)
        taken = Reply("listen.reused", {"answer": given})
        return replace(transition, replies=(taken, *transition.replies))
    again = with_choices(session, current, "explain")
    return Transition(session, (Reply("listen.already_said"), again))


def _which_choice(session: Session, current: Step, both: tuple[str, str]) -> Reply:
    """Two choices named at once: which of them, with the whole list shown again."""
    offered = dialogue.choices(current, session.answers)
    first, second = (f"{current.value}.choice.{choice}" for choice in both)
    return Reply(
        "choice.which",
        labels={"first": first, "second": second},
        choices=choices(current.value, offered),
        choice_step=current.value,
    )


def cancel(session: Session, now: datetime) -> Transition:
    """End the conversation; its answers stay kept."""
    if not session.is_open or session.step is Step.WELCOME:
        return Transition(session, (Reply("cancel.nothing"),))
    # The mark lets "undo" within the hour bring it back (bot/undo_cancel.py).
    cancelled = touch(
        session, now, status=Status.CANCELLED, pending=None, pending_data=undo_cancel.mark(now)
    )
    return Transition(cancelled, (Reply("cancel.done"),))


def after_answer(
    before: Session, moved: Session, answered: Step, *, zone_known: bool = True
) -> Transition:
    """What the coach says once a question is answered: an echo, then the next question."""
    replies: list[Reply] = []
    if answered is Step.SETBACK:
        replies.append(ack_setback(moved))
    if answered is Step.BOUNDARY and moved.answers.get("boundary") in ("hard", "closed"):
        heard = moved.answers["boundary"]
        if heard == "hard" and owed.owed(moved.answers):
            heard = "hard_owed"
        replies.append(Reply(f"boundary.heard_{heard}"))
    if moved.step is Step.SUMMARY:
        return finish(moved)
    if moved.step is Step.REVISIT and not zone_known:
        # Dates mean nothing without a zone: ask once, with the default offered.
        asking = replace(moved, pending=Pending.TIMEZONE)
        replies.append(pending_reply(Pending.TIMEZONE, "timezone.ask"))
        return Transition(asking, tuple(replies))
    replies.append(ask(moved.step, moved))
    return Transition(moved, tuple(replies))


def _answer_revisit(
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
