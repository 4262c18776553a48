"""What the typed commands do to a conversation (help, status, back, skip, quiet, ...)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import dialogue, timeparse, undo_cancel, undo_new
from bot.commands import Command, CommandName
from bot.dialogue import QUESTIONS
from bot.domain import (
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
from bot.going_back import back
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
        return back(session, now)
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
