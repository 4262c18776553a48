"""The dialogue's building blocks: rules, step names, asking a question, keeping an answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from types import MappingProxyType

from bot import (
    choice_words,
    dialogue,
    owed,
    traps,
)
from bot.dialogue import QUESTIONS, REVISIT_CHOICES
from bot.domain import (
    Choice,
    Inbound,
    Pending,
    Reply,
    Session,
    Step,
    UserKey,
)


@dataclass(frozen=True, slots=True)
class Rules:
    """The tunable limits of a conversation (set from the settings)."""

    idle_after: timedelta = timedelta(days=7)
    far_revisit: timedelta = timedelta(days=365)
    snooze: timedelta = timedelta(days=7)


DEFAULT_RULES = Rules()


PENDING_CHOICES: Mapping[Pending, tuple[str, ...]] = MappingProxyType(
    {
        Pending.RESUME: ("resume", "fresh"),
        Pending.FORGET: ("yes", "no"),
        Pending.FAR_DATE: ("yes", "no"),
        Pending.TIMEZONE: ("default",),
        Pending.RESTART: ("yes", "no"),
        Pending.NUDGE_DATE: REVISIT_CHOICES,
        Pending.WHICH_DATE: ("first", "second"),
    }
)


# Side questions without choices, answered in words or let lapse by any other message.
ANSWERED_IN_WORDS = frozenset({Pending.ZONE_NAME})


# Side questions that confirm or complete one thing: `cancel` there drops only the question.
CONFIRMATIONS = frozenset(
    {Pending.RESTART, Pending.FORGET, Pending.FAR_DATE, Pending.WHICH_DATE, Pending.TIMEZONE}
)


NUDGE_CHOICES = ("yes", "maybe", "no", "snooze", "stop")


CLOSINGS = ("soft", "hard", "hard_owed", "plain", "revisit", "win", "default", "self")


REVISIT_DAYS: Mapping[str, int] = MappingProxyType({"1w": 7, "2w": 14, "1m": 30})


NUDGE_STEP = "nudge"


NUDGE_DATE_STEP = "nudge_date"


SUMMARY_STEP = "summary"


SHARE_CHOICE = "share"


# The service marks a typed, recognised IANA zone name with this choice id.
ZONE_CHOICE = "zone"


def new_session(user: UserKey, number: int, now: datetime, *, welcome: bool) -> Session:
    """A fresh conversation; a user's very first one starts with the welcome."""
    return Session(
        user=user,
        number=number,
        step=Step.WELCOME if welcome else Step.SETBACK,
        started_at=now,
        updated_at=now,
    )


def ask(step: Step, session: Session) -> Reply:
    """The reply that asks the question of a step, with its choices."""
    offered = dialogue.choices(step, session.answers)
    key = f"{step.value}.ask"
    if QUESTIONS[step].reflection:
        key = f"trap.{session.answers.get('trap', '')}"
    elif (path := dialogue.path_of(session.answers)) is dialogue.Path.HARD and step in OWED_ASKS:
        if owed.owed(session.answers):
            # What they may owe: nothing to offer for it; what backs the person and what
            # the other side gains by doing it; the door is not closed, others can make them.
            key = f"{step.value}.ask_owed"
        elif step in PATH_ASKS[path]:
            key = f"{step.value}.ask_{path.value}"
    elif step in PATH_ASKS.get(path, ()):
        key = f"{step.value}.ask_{path.value}"
    return Reply(
        key,
        choices=choices(step.value, offered),
        choice_step=step.value if offered else None,
    )


# Questions worded for their path: once a hard boundary is respected they look elsewhere;
# with nobody to go back to, success is about the user's own next days, not "a yes".
PATH_ASKS: dict[dialogue.Path, tuple[Step, ...]] = {
    dialogue.Path.HARD: (Step.OPTION, Step.REVISIT),
    dialogue.Path.SELF: (Step.SUCCESS,),
}


# Questions worded for a hard no about something the other side may owe (bot/owed.py).
OWED_ASKS = (Step.OFFER, Step.GAIN, Step.OPTION)


def choices(prefix: str, ids: tuple[str, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(choice_id, f"{prefix}.choice.{choice_id}") for choice_id in ids)


def pending_reply(
    pending: Pending, key: str, variables: Mapping[str, str] = MappingProxyType({})
) -> Reply:
    """A reply that asks a pending side question with its choices."""
    return Reply(
        key,
        variables,
        choices=choices(pending.value, PENDING_CHOICES[pending]),
        choice_step=pending.value,
    )


def touch(session: Session, now: datetime, **changes: object) -> Session:
    return replace(session, updated_at=now, **changes)  # type: ignore[arg-type]


def idle(session: Session, now: datetime, rules: Rules) -> bool:
    last = session.updated_at or session.started_at
    return (
        last is not None
        and now - last > rules.idle_after
        and session.step not in (Step.WELCOME, Step.SETBACK)
    )


def in_progress(session: Session) -> bool:
    return session.is_open and session.step not in (Step.WELCOME, Step.SETBACK)


def matched_choice(choices: tuple[str, ...], inbound: Inbound) -> str | None:
    """A choice pressed, or typed as its id, its number or a yes/no word; None when neither."""
    return typed_choice(choices, inbound)[0]


def typed_choice(choices: tuple[str, ...], inbound: Inbound) -> tuple[str | None, str]:
    """The choice pressed or typed, and the words typed beside it ("2 and …" -> note)."""
    if inbound.choice is not None:
        return (inbound.choice if inbound.choice in choices else None), ""
    return choice_words.read_choice(inbound.text, choices)


def record(
    session: Session,
    at: Step,
    value: str,
    now: datetime,
    *,
    also: Mapping[str, str] = MappingProxyType({}),
    **extra: object,
) -> Session:
    """Keep one answer (and any notes beside it) and move to the next question on the path."""
    # The note beside an earlier choice, and words offered from an earlier answer
    # (said_before.py), give way to the answer given now.
    gone = (f"{at.value}_note", f"{at.value}_said")
    answers = {key: val for key, val in session.answers.items() if key not in gone}
    answers[at.value] = value
    answers.update(also)
    if at is Step.ASK:
        # A thinking trap in the user's words gets its own reflection, asked as a question.
        trap = traps.strongest_trap(answers.get("setback", ""), value)
        answers.pop("trap", None)
        if trap is not None:
            answers["trap"] = trap.value
    return touch(
        session,
        now,
        answers=MappingProxyType(answers),
        step=dialogue.next_step(at, answers),
        history=(*session.history, at),
        **extra,
    )


def with_answer(session: Session, key: str, value: str) -> Session:
    answers = dict(session.answers)
    answers[key] = value
    return replace(session, answers=MappingProxyType(answers))


def reprompt(current: Step, session: Session) -> Reply:
    return Reply(
        f"{current.value}.reprompt",
        choices=choices(current.value, dialogue.choices(current, session.answers)),
        choice_step=current.value,
    )


def which_date(session: Session, key: str) -> Reply:
    """Which of the two days a numeric date may be, each a choice labelled with its day."""
    first, second = (session.pending_data or " ").split(" ", 1)
    reply = pending_reply(Pending.WHICH_DATE, key)
    return replace(reply, dates={"first": first, "second": second})


def continue_asking(session: Session) -> tuple[Reply, ...]:
    """Re-ask the current question, if the session still has one."""
    if session.is_open and session.step in QUESTIONS:
        return (ask(session.step, session),)
    return ()
