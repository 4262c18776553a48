"""What the typed commands do to a conversation (help, status, back, skip, quiet, ...)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot import corrections, datewords, dialogue, plan, timeparse, undo_cancel, undo_new
from bot.answering import answer
from bot.choice_words import read_choice
from bot.commands import Command, CommandName
from bot.dialogue import QUESTIONS
from bot.domain import (
    CancelNudges,
    Inbound,
    Pending,
    Reply,
    Session,
    SetQuietHours,
    SetTimezone,
    ShowData,
    Status,
    Step,
    Transition,
)
from bot.moving_on import after_answer, cancel
from bot.opening import begin
from bot.side_questions import drop_side_question, pending_reprompt
from bot.steps import (
    ANSWERED_IN_WORDS,
    CONFIRMATIONS,
    PENDING_CHOICES,
    Rules,
    ask,
    continue_asking,
    in_progress,
    pending_reply,
    record,
    touch,
)

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


def apply_command(
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
        return (pending_reprompt(session),)
    if session.pending is not None and session.pending not in ANSWERED_IN_WORDS:
        return ()
    return continue_asking(session)


def _run_command(
    session: Session, command: Command, inbound: Inbound, now: datetime, rules: Rules
) -> Transition:
    name = command.name
    if name is CommandName.HELP:
        return Transition(session, (Reply("help.text"),))
    if name is CommandName.STATUS:
        return _status(session, now)
    if name is CommandName.CANCEL:
        if session.pending in CONFIRMATIONS:
            # Cancel at "Start a new reframe? yes/no" cancels that question, not the reframe.
            return drop_side_question(session, now)
        return cancel(session, now)
    if name is CommandName.RESTART:
        if in_progress(session) and session.pending is None:
            # Answers would be left behind: ask first.
            asked = touch(session, now, pending=Pending.RESTART)
            reply = pending_reply(Pending.RESTART, "restart.confirm")
            return Transition(
                asked, (replace(reply, variables={"answered": str(_answered(session))}),)
            )
        return begin(replace(session, pending=None), inbound, now, setback=None)
    if name is CommandName.BACK:
        if undo_new.says_undo(inbound.text) and undo_new.undoable(session, now):
            # `undo` (not `back`) just after a new no began a reframe: the plan comes back.
            return undo_new.drop(session)
        return _back(session, now)
    if name is CommandName.SKIP:
        return _skip(session, now)
    if name is CommandName.TIMEZONE:
        if not command.argument:
            return Transition(session, (Reply("timezone.current", {"zone": inbound.timezone}),))
        if session.pending is Pending.TIMEZONE:
            # The zone asked for before the date is given as a command: it answers that question.
            session = touch(session, now, pending=None, pending_data=None)
        if not timeparse.is_region_zone(command.argument):
            # The service answers with a question ("IST: which one?"): the next words may be
            # the zone's name ("Kolkata"), not an answer to the dialogue.
            session = touch(session, now, pending=Pending.ZONE_NAME)
        return Transition(session, (), (SetTimezone(command.argument),))
    if name is CommandName.QUIET:
        return _quiet(session, command.argument)
    if name is CommandName.FORGET:
        asked = touch(session, now, pending=Pending.FORGET)
        return Transition(asked, (pending_reply(Pending.FORGET, "forget.confirm"),))
    # wins, reminders and export read stored data: the service answers them.
    return Transition(session, (), (ShowData(name.value, command.argument),))


def _status(session: Session, now: datetime) -> Transition:
    if undo_cancel.undoable(session, now):
        # Cancelled a moment ago: where things stand includes the way back.
        return Transition(session, (Reply("status.cancelled"),))
    if session.status is Status.FINISHED and session.pending is None:
        # The reframe is done: where things stand is the plan, with its revisit date.
        return Transition(session, (Reply("status.finished"),), (ShowData(CommandName.PLAN.value),))
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
    # An answer `back` stepped over stays stored (shown when asked again) but is not counted.
    behind = set(session.history)
    counted = dialogue.counted(session.answers)
    return sum(1 for at in counted if at.value in session.answers and at in behind)


def _back(session: Session, now: datetime) -> Transition:
    if undo_cancel.undoable(session, now):
        return undo_cancel.revive(session, now)
    if undo_cancel.too_late(session, now):
        return Transition(session, (Reply("cancel.too_late"),))
    if just_finished(session, now):
        # Right after the summary: reopen the last question; its nudge waits for the new card.
        reopened = _back(replace(session, status=Status.ACTIVE), now)
        return replace(reopened, effects=(CancelNudges(),))
    if session.pending in (Pending.WHICH_DATE, Pending.FAR_DATE):
        # "Which day?" or "that far?" about the date: back is the date question itself.
        kept = touch(session, now, pending=None, pending_data=None)
        return Transition(kept, (Reply("back.to_date"), *continue_asking(kept)))
    if session.pending in CONFIRMATIONS:
        return drop_side_question(session, now)
    if not session.is_open or not session.history or session.pending is not None:
        return Transition(session, (Reply("back.nothing"), *continue_asking(session)))
    previous = session.history[-1]
    moved = touch(session, now, step=previous, history=session.history[:-1])
    if previous is Step.REVISIT:
        moved = replace(moved, revisit_at=None)
    given = session.answers.get(previous.value, "")
    shown = Reply("back.showing_skipped")
    if given:
        shown = _said_back("back.showing", previous, given)
    return Transition(moved, (shown, ask(previous, moved)))


def _said_back(key: str, at: Step, given: str) -> Reply:
    """`key` (or its _choice or _date form) with the answer kept at a step said back briefly:
    a choice by its label, a date as a date, words trimmed and without markup."""
    step = {"step": f"{at.value}.label"}
    if given in dialogue.all_choices(at):
        return Reply(f"{key}_choice", labels={**step, "answer": f"{at.value}.choice.{given}"})
    if at is Step.REVISIT:
        return Reply(f"{key}_date", dates={"answer": given}, labels=step)
    return Reply(key, {"answer": plan.said_back(given)}, labels=step)


def correct(
    session: Session, new: str, inbound: Inbound, now: datetime, rules: Rules
) -> Transition:
    """The previous answer taken back in words: asked again, or replaced by `new` at once."""
    back = _back(session, now)
    if not new:
        return back
    if back.session.step is Step.REVISIT and session.revisit_at is not None:
        # "actually i meant por la tarde, like 5pm": the day picked, at the new time.
        new = datewords.retimed(new, session.revisit_at, inbound.timezone, now) or new
    if back.session is session:
        # Nothing to go back to (the first question): the words are this question's answer.
        return answer(session, replace(inbound, text=new), now, rules)
    redone = answer(back.session, replace(inbound, text=new), now, rules)
    at = back.session.step
    kept = redone.session.answers.get(at.value, "")
    shown = _said_back("back.corrected", at, kept) if kept else None
    if shown is None:
        shown = Reply(
            "back.corrected", {"answer": plan.said_back(new)}, labels={"step": f"{at.value}.label"}
        )
    said: tuple[Reply, ...] = (shown,)
    if redone.session.step is back.session.step and redone.session.pending is None:
        # The new words do not answer that question either: it stays open, as `back` left it.
        said = back.replies[:1]
    return replace(
        redone,
        replies=(*said, *redone.replies),
        effects=(*back.effects, *redone.effects),
    )


def new_date(session: Session, inbound: Inbound, now: datetime) -> str | None:
    """A new revisit date said right after the date was set ("actually make it in 3 weeks"):
    its words, when the date question was the last answered and they read as a date."""
    if (
        inbound.choice is not None
        or not session.is_open
        or session.pending is not None
        or session.history[-1:] != (Step.REVISIT,)
        or session.step not in QUESTIONS
    ):
        return None
    words = corrections.instead(inbound.text) or corrections.marked(inbound.text)
    if words is None:
        return None
    reading = datewords.read_when(words, now, inbound.timezone, inbound.locale)
    readable = reading.when or reading.past or reading.choices
    if session.revisit_at is not None and datewords.retimed(
        words, session.revisit_at, inbound.timezone, now
    ):
        return words
    return words if readable else None


def new_choice(session: Session, inbound: Inbound) -> str | None:
    """A choice of the question just answered, said again with a word of changing one's mind
    ("oops wrong one, i meant soft. budget unfreezes in jan", "no wait, 2"): its words, note
    included, when the previous question offers choices and the words pick one of them."""
    if (
        inbound.choice is not None
        or not session.is_open
        or session.pending is not None
        or not session.history
        or session.step not in QUESTIONS
    ):
        return None
    previous = session.history[-1]
    offered = dialogue.choices(previous, session.answers)
    words = corrections.marked(inbound.text)
    if not offered or words is None:
        return None
    chosen, note = read_choice(words, offered)
    if chosen in ("yes", "maybe", "no") and note:
        # "sorry, no idea" answers the question open now; only a bare "no wait, yes" changes.
        return None
    return words if chosen is not None else None


# How long after the summary `back` may still change the last answer ("right after" it).
BACK_AFTER_SUMMARY = timedelta(hours=1)


def just_finished(session: Session, now: datetime) -> bool:
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
        return Transition(session, (Reply("skip.nothing"), *continue_asking(session)))
    if not QUESTIONS[session.step].optional:
        return Transition(session, (Reply("skip.not_allowed"), ask(session.step, session)))
    moved = record(session, session.step, "", now)
    return after_answer(session, moved, session.step)


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
