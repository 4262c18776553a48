"""The pure state machine of a reframe: step(session, inbound, now) -> Transition.

No I/O, no clock and no coach text here: replies carry prompt keys and variables,
and everything the world must do (schedule a nudge, store a setting) is an effect.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from types import MappingProxyType

from bot import (
    choice_words,
    datewords,
    dialogue,
    intents,
    nudge_words,
    own_win,
    plan,
    timeparse,
    traps,
)
from bot.commands import Command, CommandName, parse_command
from bot.dialogue import DIALOGUE, QUESTIONS, REVISIT_CHOICES, Question
from bot.domain import (
    CancelNudges,
    Choice,
    Effect,
    ForgetUser,
    Inbound,
    InboundKind,
    Origin,
    Outcome,
    Pending,
    Reply,
    ScheduleNudge,
    Session,
    SetQuietHours,
    SetTimezone,
    ShareNote,
    ShowData,
    Status,
    Step,
    Transition,
    UserKey,
)

__all__ = ["DIALOGUE", "QUESTIONS", "REVISIT_CHOICES", "Question"]


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
NUDGE_CHOICES = ("yes", "maybe", "no", "snooze", "stop")
CLOSINGS = ("soft", "hard", "revisit", "win", "default", "self")
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
    elif step in PATH_ASKS.get(path := dialogue.path_of(session.answers), ()):
        key = f"{step.value}.ask_{path.value}"
    return Reply(
        key,
        choices=_choices(step.value, offered),
        choice_step=step.value if offered else None,
    )


# Questions worded for their path: once a hard boundary is respected they look elsewhere;
# with nobody to go back to, success is about the user's own next days, not "a yes".
PATH_ASKS: dict[dialogue.Path, tuple[Step, ...]] = {
    dialogue.Path.HARD: (Step.OPTION, Step.REVISIT),
    dialogue.Path.SELF: (Step.SUCCESS,),
}


def _choices(prefix: str, ids: tuple[str, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(choice_id, f"{prefix}.choice.{choice_id}") for choice_id in ids)


def pending_reply(
    pending: Pending, key: str, variables: Mapping[str, str] = MappingProxyType({})
) -> Reply:
    """A reply that asks a pending side question with its choices."""
    return Reply(
        key,
        variables,
        choices=_choices(pending.value, PENDING_CHOICES[pending]),
        choice_step=pending.value,
    )


def step(
    session: Session, inbound: Inbound, now: datetime, rules: Rules = DEFAULT_RULES
) -> Transition:
    """Advance one conversation by one thing the user did."""
    if inbound.kind is InboundKind.BUTTON:
        return _button(session, inbound, now, rules)
    command = parse_command(inbound.text) if inbound.choice is None else None
    if command is not None:
        return _command(session, command, inbound, now, rules)
    if inbound.kind is InboundKind.START:
        return _start(session, inbound, now)
    if session.pending is not None:
        return _answer_pending(session, inbound, now, rules)
    if not session.is_open:
        return _after_summary(session, inbound, now)
    if _idle(session, now, rules):
        return _offer_resume(session, now, setback=None)
    if session.step is Step.WELCOME:
        return _welcome(session, inbound, now)
    return _answer(session, inbound, now, rules)


# ---- entering a conversation -------------------------------------------------------------


def _touch(session: Session, now: datetime, **changes: object) -> Session:
    return replace(session, updated_at=now, **changes)  # type: ignore[arg-type]


def _idle(session: Session, now: datetime, rules: Rules) -> bool:
    last = session.updated_at or session.started_at
    return (
        last is not None
        and now - last > rules.idle_after
        and session.step not in (Step.WELCOME, Step.SETBACK)
    )


def _in_progress(session: Session) -> bool:
    return session.is_open and session.step not in (Step.WELCOME, Step.SETBACK)


def _welcome(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """First contact: introduce the coach, then take the setback."""
    welcomed = _touch(session, now, step=Step.SETBACK)
    told = inbound.kind is InboundKind.START or looks_like_a_setback(inbound.text)
    intro = Reply("welcome.intro", {"total": str(dialogue.MOST_QUESTIONS)})
    if told and inbound.text.strip():
        moved = _record(welcomed, Step.SETBACK, inbound.text.strip(), now, origin=inbound.origin)
        return Transition(moved, (intro, _ack_setback(moved), ask(Step.ASK, moved)))
    welcomed = replace(welcomed, origin=inbound.origin)
    return Transition(welcomed, (intro, ask(Step.SETBACK, welcomed)))


def looks_like_a_setback(text: str) -> bool:
    """Whether an opening message tells of a "no" (not a greeting or a question about us)."""
    return intents.first_message(text) is intents.Intent.SETBACK


def _after_summary(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """After a plan or a cancel: the plan again, a new reframe for a new no, else an invitation."""
    text = inbound.text.strip()
    kind = intents.after_summary(text)
    if kind is intents.Intent.SHOW_PLAN:
        return show_plan(session)
    if kind is intents.Intent.NEW_SETBACK:
        told = intents.first_message(text) is intents.Intent.SETBACK and not intents.wants_new(text)
        return _begin(session, inbound, now, setback=text if told else None)
    return Transition(session, (Reply("start.prompt"),))


def show_plan(session: Session) -> Transition:
    """The finished plan shown again: the same as the `plan` command."""
    return Transition(session, (), (ShowData(CommandName.PLAN.value),))


def _ack_setback(session: Session) -> Reply:
    """One short line that reflects the user's setback back to them."""
    return Reply("setback.heard", {"gist": gist(session.answers.get("setback", ""))})


# How much of the user's setback the acknowledgement quotes back.
GIST_WORDS = 12


def gist(text: str) -> str:
    """The first sentence of the user's words, at most GIST_WORDS words, without end marks."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    for mark in (". ", "! ", "? ", "; "):
        first = first.split(mark)[0]
    words = first.split()
    short = " ".join(words[:GIST_WORDS])
    short = plan.quotable(short).rstrip(".!?,;: ")
    return short + ("…" if len(words) > GIST_WORDS else "")


def _start(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """A /reframe: start, or offer to resume what is unfinished."""
    setback = inbound.text.strip() or None
    if session.step is Step.WELCOME and session.is_open:
        return _welcome(session, inbound, now)
    if _in_progress(session) and session.pending is None:
        return _offer_resume(session, now, setback=setback, origin=inbound.origin)
    return _begin(session, inbound, now, setback=setback)


def _begin(session: Session, inbound: Inbound, now: datetime, *, setback: str | None) -> Transition:
    """Open a new session after the current one, optionally with its setback already told.

    The service closes any older open session when it saves one with a higher number.
    """
    number = session.number
    if not (session.step is Step.WELCOME and session.is_open):
        number += 1
    fresh = replace(new_session(session.user, number, now, welcome=False), origin=inbound.origin)
    if setback:
        moved = _record(fresh, Step.SETBACK, setback, now)
        return Transition(moved, (_ack_setback(moved), ask(Step.ASK, moved)))
    return Transition(fresh, (Reply("start.fresh"), ask(Step.SETBACK, fresh)))


def _offer_resume(
    session: Session, now: datetime, *, setback: str | None, origin: Origin | None = None
) -> Transition:
    offered = _touch(
        session,
        now,
        pending=Pending.RESUME,
        pending_data=setback,
        origin=origin if origin is not None else session.origin,
    )
    reply = pending_reply(Pending.RESUME, "resume.offer")
    labelled = replace(reply, labels={"step": f"{session.step.value}.label"})
    return Transition(offered, (labelled,))


def greet(session: Session, now: datetime, rules: Rules = DEFAULT_RULES) -> Transition:
    """What the coach says when a user opens the chat: welcome, resume, or an invitation."""
    if session.step is Step.WELCOME and session.is_open:
        return _welcome(session, Inbound(session.user), now)
    if session.pending is not None:
        return Transition(session, (_pending_reprompt(session),))
    if not session.is_open:
        return Transition(session, (Reply("start.prompt"),))
    if _idle(session, now, rules):
        return _offer_resume(session, now, setback=None)
    return Transition(session, (Reply("resume.back"), ask(session.step, session)))


# ---- answering the current question ------------------------------------------------------


def _matched_choice(choices: tuple[str, ...], inbound: Inbound) -> str | None:
    """A choice pressed, or typed as its id, its number or a yes/no word; None when neither."""
    return _typed_choice(choices, inbound)[0]


def _typed_choice(choices: tuple[str, ...], inbound: Inbound) -> tuple[str | None, str]:
    """The choice pressed or typed, and the words typed beside it ("2 and …" -> note)."""
    if inbound.choice is not None:
        return (inbound.choice if inbound.choice in choices else None), ""
    return choice_words.read_choice(inbound.text, choices)


def _record(
    session: Session,
    at: Step,
    value: str,
    now: datetime,
    *,
    also: Mapping[str, str] = MappingProxyType({}),
    **extra: object,
) -> Session:
    """Keep one answer (and any notes beside it) and move to the next question on the path."""
    answers = {key: val for key, val in session.answers.items() if key != f"{at.value}_note"}
    answers[at.value] = value
    answers.update(also)
    if at is Step.ASK:
        # A thinking trap in the user's words gets its own reflection, asked as a question.
        trap = traps.strongest_trap(answers.get("setback", ""), value)
        answers.pop("trap", None)
        if trap is not None:
            answers["trap"] = trap.value
    return _touch(
        session,
        now,
        answers=MappingProxyType(answers),
        step=dialogue.next_step(at, answers),
        history=(*session.history, at),
        **extra,
    )


def _answer(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    current = session.step
    if current is Step.SUMMARY:
        return _after_summary(session, inbound, now)
    question = QUESTIONS[current]
    offered = dialogue.choices(current, session.answers)
    text = inbound.text.strip()
    chosen, note = _typed_choice(offered, inbound) if offered else (None, "")
    if chosen is not None and inbound.choice is not None:
        note = text
    if chosen is None and text and inbound.choice is None:
        if current is Step.BOUNDARY:
            read, note = intents.boundary(text)
            if read.value in offered:
                chosen = read.value
        if chosen is None:
            listened = _listen(session, current, text, now)
            if listened is not None:
                return listened
    if offered:
        if current is Step.REVISIT:
            return _answer_revisit(session, inbound, chosen, now, rules)
        if chosen is None and not (question.free_text_with_choices and text):
            return Transition(session, (_reprompt(current, session),))
        value = chosen if chosen is not None else text
        notes = {f"{current.value}_note": note} if question.note and note else {}
        moved = _record(session, current, value, now, also=notes)
        return _after(session, moved, current)
    if not text:
        return Transition(session, (Reply("empty.reask"), ask(current, session)))
    moved = _record(session, current, text, now)
    replies: list[Reply] = []
    if inbound.truncated:
        replies.append(Reply("input.truncated"))
    transition = _after(session, moved, current, zone_known=inbound.timezone_known)
    return replace(transition, replies=(*replies, *transition.replies))


def _listen(session: Session, current: Step, text: str, now: datetime) -> Transition | None:
    """A message about the question rather than an answer to it; None when it is an answer."""
    kind = intents.free_text(text, answer_is_a_question=current is Step.QUESTION)
    if kind is intents.Intent.ANSWER:
        return None
    if kind is intents.Intent.EXIT:
        return _cancel(session, now)
    offered = dialogue.choices(current, session.answers)
    with_choices = {
        "choices": _choices(current.value, offered),
        "choice_step": current.value if offered else None,
    }
    if kind is intents.Intent.QUESTION:
        return Transition(session, (Reply(f"{current.value}.explain", **with_choices),))  # type: ignore[arg-type]
    if kind is intents.Intent.DONT_KNOW:
        return Transition(session, (Reply(f"{current.value}.gentle", **with_choices),))  # type: ignore[arg-type]
    return Transition(session, (Reply("listen.ack"), ask(current, session)))


def _cancel(session: Session, now: datetime) -> Transition:
    """End the conversation; its answers stay kept."""
    if not session.is_open or session.step is Step.WELCOME:
        return Transition(session, (Reply("cancel.nothing"),))
    cancelled = _touch(session, now, status=Status.CANCELLED, pending=None, pending_data=None)
    return Transition(cancelled, (Reply("cancel.done"),))


def _with_answer(session: Session, key: str, value: str) -> Session:
    answers = dict(session.answers)
    answers[key] = value
    return replace(session, answers=MappingProxyType(answers))


def _reprompt(current: Step, session: Session) -> Reply:
    return Reply(
        f"{current.value}.reprompt",
        choices=_choices(current.value, dialogue.choices(current, session.answers)),
        choice_step=current.value,
    )


def _after(
    before: Session, moved: Session, answered: Step, *, zone_known: bool = True
) -> Transition:
    """What the coach says once a question is answered: an echo, then the next question."""
    replies: list[Reply] = []
    if answered is Step.SETBACK:
        replies.append(_ack_setback(moved))
    if answered is Step.BOUNDARY and moved.answers.get("boundary") in ("hard", "closed"):
        replies.append(Reply(f"boundary.heard_{moved.answers['boundary']}"))
    if moved.step is Step.SUMMARY:
        return _finish(moved)
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
        return _after(session, _record(session, Step.REVISIT, "none", now), Step.REVISIT)
    if chosen is not None:
        due = timeparse.days_ahead(now, REVISIT_DAYS[chosen], inbound.timezone)
        return _set_revisit(session, due, now)
    text = inbound.text.strip()
    if not text:
        return Transition(session, (_reprompt(Step.REVISIT, session),))
    reading = datewords.read_when(text, now, inbound.timezone, inbound.locale)
    if reading.choices is not None:
        # "1/2" from someone whose date order we do not know: ask which one, as two choices.
        both = " ".join(moment.isoformat() for moment in reading.choices)
        asked = _touch(session, now, pending=Pending.WHICH_DATE, pending_data=both)
        return Transition(asked, (_which_date(asked, "which_date.ask"),))
    if reading.past is not None:
        return Transition(session, (Reply("revisit.past"), _reprompt(Step.REVISIT, session)))
    parsed = reading.when
    if parsed is None:
        return Transition(session, (Reply("revisit.unreadable"), _reprompt(Step.REVISIT, session)))
    if parsed - now > rules.far_revisit:
        asked = _touch(session, now, pending=Pending.FAR_DATE, pending_data=parsed.isoformat())
        return Transition(
            asked,
            (
                replace(
                    pending_reply(Pending.FAR_DATE, "far_date.confirm"),
                    dates={"revisit_at": parsed.isoformat()},
                ),
            ),
        )
    return _set_revisit(session, parsed, now)


def _set_revisit(session: Session, due: datetime, now: datetime) -> Transition:
    moved = replace(_record(session, Step.REVISIT, due.isoformat(), now), revisit_at=due)
    after = _after(session, moved, Step.REVISIT)
    # The date is said back at once, as it will really be sent.
    confirmed = Reply("revisit.set", dates={"revisit_at": due.isoformat()})
    return replace(after, replies=(confirmed, *after.replies))


def _finish(session: Session) -> Transition:
    """Close the dialogue with the card of the user's own words."""
    finished = replace(session, step=Step.SUMMARY, status=Status.FINISHED, pending=None)
    effects: tuple[Effect, ...] = ()
    if finished.revisit_at is not None:
        effects = (ScheduleNudge(finished.revisit_at),)
    return Transition(finished, summary_replies(finished), effects)


SUMMARY_TEXTS = (
    "setback",
    "ask",
    "boundary_note",
    "timing_note",
    "option_note",
    "calm_note",
    "unseen",
    "offer",
    "done",
    "gain",
    "option_detail",
    "control",
    "helpers",
    "next_move",
    "question",
    "success",
)
CHOICE_STEPS = (Step.BOUNDARY, Step.TIMING, Step.OPTION, Step.CALM)


def closing_key(session: Session) -> str:
    """The closing line fitted to what the user wrote."""
    answers = session.answers
    if dialogue.path_of(answers) is dialogue.Path.SELF:
        return "summary.closing.self"
    if answers.get("boundary") == "soft":
        return "summary.closing.soft"
    if answers.get("boundary") == "hard":
        return "summary.closing.hard"
    if answers.get("success"):
        return "summary.closing.win"
    if session.revisit_at is not None:
        return "summary.closing.revisit"
    return "summary.closing.default"


def summary_replies(session: Session) -> tuple[Reply, ...]:
    """The card, its fitted closing line and, from a channel start, the share button."""
    choices: tuple[Choice, ...] = ()
    if session.origin.channel_id and session.answers.get("shared") != "yes":
        choices = (Choice(SHARE_CHOICE, "summary.choice.share"),)
    closing = Reply(
        closing_key(session),
        choices=choices,
        choice_step=SUMMARY_STEP if choices else None,
        items=(Reply("plan.hint"),),
    )
    return (plan.card_reply(session), closing)


# ---- side questions ---------------------------------------------------------------------


def _answer_pending(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    pending = session.pending
    assert pending is not None
    if pending is Pending.TIMEZONE:
        return _answer_timezone(session, inbound, now)
    if pending is Pending.NUDGE_DATE:
        # The service answers the maybe's date; here only a stray message clears it.
        return _after_summary(_touch(session, now, pending=None), inbound, now)
    if pending is Pending.WHICH_DATE:
        return _answer_which_date(session, inbound, now)
    chosen = _matched_choice(PENDING_CHOICES[pending], inbound)
    if chosen is None:
        return Transition(session, (_pending_reprompt(session),))
    cleared = _touch(session, now, pending=None, pending_data=None)
    if pending is Pending.RESUME:
        if chosen == "resume":
            return Transition(cleared, (Reply("resume.back"), ask(cleared.step, cleared)))
        restarted = replace(inbound, text=session.pending_data or "")
        return _begin(cleared, restarted, now, setback=session.pending_data)
    if pending is Pending.RESTART:
        if chosen == "yes":
            return _begin(cleared, inbound, now, setback=None)
        return Transition(cleared, (Reply("restart.kept"), *_continue(cleared)))
    if pending is Pending.FORGET:
        if chosen == "yes":
            return Transition(cleared, (Reply("forget.done"),), (ForgetUser(),))
        return Transition(cleared, (Reply("forget.kept"), *_continue(cleared)))
    # Pending.FAR_DATE
    if chosen == "yes" and session.pending_data:
        return _set_revisit(cleared, datetime.fromisoformat(session.pending_data), now)
    return Transition(cleared, (_reprompt(Step.REVISIT, session),))


def _pending_reprompt(session: Session) -> Reply:
    """The side question asked again, with what it needs to be understood."""
    assert session.pending is not None
    reply = pending_reply(session.pending, f"{session.pending.value}.reprompt")
    if session.pending is Pending.FAR_DATE and session.pending_data:
        return replace(reply, dates={"revisit_at": session.pending_data})
    if session.pending is Pending.WHICH_DATE:
        return _which_date(session, reply.key)
    return reply


def _which_date(session: Session, key: str) -> Reply:
    """Which of the two days a numeric date may be, each a choice labelled with its day."""
    first, second = (session.pending_data or " ").split(" ", 1)
    reply = pending_reply(Pending.WHICH_DATE, key)
    return replace(reply, dates={"first": first, "second": second})


def _answer_which_date(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """The day meant: its choice ("2", "the second one") or its month ("feb"); else ask again."""
    days = tuple(
        datetime.fromisoformat(iso) for iso in (session.pending_data or "").split(" ") if iso
    )
    chosen = _matched_choice(PENDING_CHOICES[Pending.WHICH_DATE], inbound)
    if chosen is not None and len(days) == 2:
        due: datetime | None = days[0 if chosen == "first" else 1]
    else:
        due = datewords.pick_by_month(inbound.text, days, inbound.timezone)
    if due is None:
        return Transition(session, (_pending_reprompt(session),))
    return _set_revisit(_touch(session, now, pending=None, pending_data=None), due, now)


def _answer_timezone(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """The once-only time zone question: keep the default, or a zone the service recognised."""
    if _matched_choice(PENDING_CHOICES[Pending.TIMEZONE], inbound) == "default":
        zone = inbound.timezone
    elif inbound.choice == ZONE_CHOICE and inbound.text:
        zone = inbound.text
    else:
        return Transition(session, (_pending_reprompt(session),))
    cleared = _touch(session, now, pending=None, pending_data=None)
    return Transition(cleared, (ask(cleared.step, cleared),), (SetTimezone(zone),))


def _continue(session: Session) -> tuple[Reply, ...]:
    """Re-ask the current question, if the session still has one."""
    if session.is_open and session.step in QUESTIONS:
        return (ask(session.step, session),)
    return ()


# ---- buttons -----------------------------------------------------------------------------


def _button(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    where = inbound.button_step
    if where == SUMMARY_STEP and inbound.choice == SHARE_CHOICE:
        return _share(session, inbound, now)
    if inbound.session_number != session.number or (
        not session.is_open and session.pending is None
    ):
        return Transition(session, (Reply("button.stale"),))
    expected = session.pending.value if session.pending is not None else session.step.value
    if where != expected:
        # A second click on a question already answered: say so, change nothing.
        return Transition(session, (Reply("button.already"),))
    if session.pending is not None:
        return _answer_pending(session, inbound, now, rules)
    if session.step not in QUESTIONS:
        return Transition(session, (Reply("button.stale"),))
    return _answer(session, inbound, now, rules)


def share_failed(session: Session, now: datetime) -> Transition:
    """The platform refused the note: nothing was shared, and the button may be pressed again."""
    answers = {key: value for key, value in session.answers.items() if key != "shared"}
    unshared = _touch(session, now, answers=MappingProxyType(answers))
    return Transition(unshared, (Reply("share.failed"),))


def _share(session: Session, inbound: Inbound, now: datetime) -> Transition:
    if (
        inbound.session_number != session.number
        or session.status is not Status.FINISHED
        or not session.origin.channel_id
    ):
        return Transition(session, (Reply("button.stale"),))
    if session.answers.get("shared") == "yes":
        return Transition(session, (Reply("share.already"),))
    shared = _with_answer(_touch(session, now), "shared", "yes")
    return Transition(
        shared, (Reply("share.done"),), (ShareNote(session.origin.channel_id, session.number),)
    )


# ---- commands ----------------------------------------------------------------------------


# Commands that answer and leave the conversation where it was: the open question follows.
GO_ON_AFTER = frozenset(
    {
        CommandName.HELP,
        CommandName.STATUS,
        CommandName.PLAN,
        CommandName.WINS,
        CommandName.REMINDERS,
        CommandName.TIMEZONE,
        CommandName.QUIET,
        CommandName.EXPORT,
    }
)


def _command(
    session: Session, command: Command, inbound: Inbound, now: datetime, rules: Rules
) -> Transition:
    done = _run_command(session, command, inbound, now, rules)
    if command.name not in GO_ON_AFTER:
        return done
    # The service puts what an effect answers (data, a new zone) before these replies.
    return replace(done, replies=(*done.replies, *open_question(done.session)))


def open_question(session: Session) -> tuple[Reply, ...]:
    """The question the user still owes an answer to, asked again: a side question first."""
    if session.pending in PENDING_CHOICES:
        return (_pending_reprompt(session),)
    if session.pending is not None:
        return ()
    return _continue(session)


def _run_command(
    session: Session, command: Command, inbound: Inbound, now: datetime, rules: Rules
) -> Transition:
    name = command.name
    if name is CommandName.HELP:
        return Transition(session, (Reply("help.text"),))
    if name is CommandName.STATUS:
        return _status(session)
    if name is CommandName.CANCEL:
        return _cancel(session, now)
    if name is CommandName.RESTART:
        if _in_progress(session) and session.pending is None:
            # Answers would be left behind: ask first.
            asked = _touch(session, now, pending=Pending.RESTART)
            reply = pending_reply(Pending.RESTART, "restart.confirm")
            return Transition(
                asked, (replace(reply, variables={"answered": str(_answered(session))}),)
            )
        return _begin(replace(session, pending=None), inbound, now, setback=None)
    if name is CommandName.BACK:
        return _back(session, now)
    if name is CommandName.SKIP:
        return _skip(session, now)
    if name is CommandName.TIMEZONE:
        if not command.argument:
            return Transition(session, (Reply("timezone.current", {"zone": inbound.timezone}),))
        if session.pending is Pending.TIMEZONE:
            # The zone asked for before the date is given as a command: it answers that question.
            session = _touch(session, now, pending=None, pending_data=None)
        return Transition(session, (), (SetTimezone(command.argument),))
    if name is CommandName.QUIET:
        return _quiet(session, command.argument)
    if name is CommandName.FORGET:
        asked = _touch(session, now, pending=Pending.FORGET)
        return Transition(asked, (pending_reply(Pending.FORGET, "forget.confirm"),))
    # wins, reminders and export read stored data: the service answers them.
    return Transition(session, (), (ShowData(name.value, command.argument),))


def _status(session: Session) -> Transition:
    if not session.is_open or session.step is Step.WELCOME:
        return Transition(session, (Reply("status.none"),))
    total = len(dialogue.counted(session.answers))
    reply = Reply(
        "status.at",
        {"answered": str(_answered(session)), "total": str(total)},
        labels={"step": f"{session.step.value}.label"},
    )
    return Transition(session, (reply,))


def _answered(session: Session) -> int:
    """How many counted questions of the user's path have been answered."""
    return sum(1 for at in dialogue.counted(session.answers) if at.value in session.answers)


def _back(session: Session, now: datetime) -> Transition:
    if _just_finished(session, now):
        # Right after the summary: reopen the last question; its nudge waits for the new card.
        reopened = _back(replace(session, status=Status.ACTIVE), now)
        return replace(reopened, effects=(CancelNudges(),))
    if not session.is_open or not session.history or session.pending is not None:
        return Transition(session, (Reply("back.nothing"), *_continue(session)))
    previous = session.history[-1]
    moved = _touch(session, now, step=previous, history=session.history[:-1])
    given = session.answers.get(previous.value, "")
    shown = Reply("back.showing", {"answer": given})
    if given in dialogue.all_choices(previous):
        shown = Reply("back.showing_choice", labels={"answer": f"{previous.value}.choice.{given}"})
    elif previous is Step.REVISIT:
        moved = replace(moved, revisit_at=None)
        shown = Reply("back.showing_date", dates={"answer": given})
    elif not given:
        shown = Reply("back.showing_skipped")
    return Transition(moved, (shown, ask(previous, moved)))


# How long after the summary `back` may still change the last answer ("right after" it).
BACK_AFTER_SUMMARY = timedelta(hours=1)


def _just_finished(session: Session, now: datetime) -> bool:
    """A plan just made: finished at its summary within the hour, not revisited, with a
    question behind it."""
    return (
        session.status is Status.FINISHED
        and session.step is Step.SUMMARY
        and session.outcome is None
        and session.pending is None
        and bool(session.history)
        and session.updated_at is not None
        and now - session.updated_at <= BACK_AFTER_SUMMARY
        and (session.revisit_at is None or now < session.revisit_at)
    )


def _skip(session: Session, now: datetime) -> Transition:
    if not session.is_open or session.step not in QUESTIONS or session.pending is not None:
        return Transition(session, (Reply("skip.nothing"), *_continue(session)))
    if not QUESTIONS[session.step].optional:
        return Transition(session, (Reply("skip.not_allowed"), ask(session.step, session)))
    moved = _record(session, session.step, "", now)
    return _after(session, moved, session.step)


def _quiet(session: Session, argument: str) -> Transition:
    if not argument.strip():
        # The service knows the stored hours and their defaults.
        return Transition(session, (), (ShowData("quiet"),))
    parsed = timeparse.parse_quiet_hours(argument)
    if parsed is None:
        return Transition(session, (Reply("quiet.invalid"),))
    start, end = parsed
    return Transition(
        session, (Reply("quiet.set", {"start": start, "end": end}),), (SetQuietHours(start, end),)
    )


# ---- the nudge ---------------------------------------------------------------------------


def nudge_reply(session: Session) -> Reply:
    """The revisit nudge: the short plan card, then how did it go? with the outcome buttons."""
    card = plan.card_reply(session, "plan.title_nudge", with_date=False)
    return replace(
        card,
        items=(Reply("nudge.ask"),),
        choices=_choices(NUDGE_STEP, NUDGE_CHOICES),
        choice_step=NUDGE_STEP,
    )


def answer_nudge(
    session: Session, choice: str, now: datetime, timezone: str, rules: Rules = DEFAULT_RULES
) -> Transition:
    """Record how a revisited 'no' went (on the nudged session, not the current one)."""
    if choice in (Outcome.YES, Outcome.MAYBE, Outcome.NO):
        # After a maybe, typed words are read as its new date until one is given.
        waiting = Pending.NUDGE_DATE if choice == Outcome.MAYBE else session.pending
        done = _touch(session, now, outcome=Outcome(choice), outcome_at=now, pending=waiting)
        said = Reply(f"nudge.{choice}")
        if choice == Outcome.MAYBE:
            said = replace(
                said,
                choices=_choices(NUDGE_DATE_STEP, REVISIT_CHOICES),
                choice_step=NUDGE_DATE_STEP,
            )
        # Step 5: whatever the outcome, then ask about the win they named for themselves.
        return Transition(done, (said, *own_win.question(done)))
    if choice == "snooze":
        due = timeparse.add_local(now, rules.snooze, timezone)
        return Transition(
            _touch(session, now, revisit_at=due),
            (Reply("nudge.snoozed", dates={"revisit_at": due.isoformat()}),),
            (ScheduleNudge(due),),
        )
    if choice == "stop":
        return Transition(_touch(session, now), (Reply("nudge.stopped"),), (CancelNudges(),))
    return Transition(session, (nudge_reply(session),))


def answer_nudge_date(session: Session, choice: str, now: datetime, timezone: str) -> Transition:
    """After a maybe: schedule the next revisit, or leave it."""
    settled = (
        _touch(session, now, pending=None) if session.pending is Pending.NUDGE_DATE else session
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
        "nudge.unclear", choices=_choices(NUDGE_STEP, NUDGE_CHOICES), choice_step=NUDGE_STEP
    )


def answer_nudge_words(
    session: Session, text: str, now: datetime, timezone: str, locale: str | None = None
) -> Transition:
    """After a maybe, a date typed in words ("in 3 weeks"), read as the revisit step reads it."""
    typed = intents.normalise(text)
    if typed in NO_NEW_DATE or intents.free_text(text) is intents.Intent.EXIT:
        return answer_nudge_date(session, "none", now, timezone)
    reading = datewords.read_when(text, now, timezone, locale)
    date_choices = {
        "choices": _choices(NUDGE_DATE_STEP, REVISIT_CHOICES),
        "choice_step": NUDGE_DATE_STEP,
    }
    if reading.choices is not None:
        first, second = (moment.isoformat() for moment in reading.choices)
        return Transition(
            session, (Reply("revisit.which", dates={"first": first, "second": second}),)
        )
    if reading.past is not None:
        return Transition(session, (Reply("revisit.past", **date_choices),))  # type: ignore[arg-type]
    if reading.when is None:
        return Transition(session, (Reply("nudge_date.unclear", **date_choices),))  # type: ignore[arg-type]
    due = reading.when
    settled = _touch(session, now, pending=None, revisit_at=due)
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
