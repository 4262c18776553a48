"""The pure state machine of a reframe: step(session, inbound, now) -> Transition.

No I/O, no clock and no coach text here: replies carry prompt keys and variables,
and everything the world must do (schedule a nudge, store a setting) is an effect.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from types import MappingProxyType

from bot import (
    about_coach,
    command_words,
    corrections,
    english_note,
    said_too,
    undo_cancel,
    undo_new,
)
from bot.answering import answer
from bot.commands import parse_command
from bot.commands_flow import GO_ON_AFTER, apply_command, open_question
from bot.dialogue import DIALOGUE, QUESTIONS, REVISIT_CHOICES, Question
from bot.domain import (
    Inbound,
    InboundKind,
    Pending,
    Reply,
    Session,
    ShareNote,
    Status,
    Step,
    Transition,
)
from bot.going_back import BACK_AFTER_SUMMARY, correct, just_finished, new_choice, new_date
from bot.nudge_flow import (
    NO_NEW_DATE,
    NUDGE_READINGS,
    answer_date_and_own_win,
    answer_nudge,
    answer_nudge_date,
    answer_nudge_words,
    nudge_reply,
    nudge_unclear,
    read_nudge_answer,
)
from bot.opening import (
    after_summary,
    gist,
    looks_like_a_setback,
    offer_resume,
    show_plan,
    start,
    welcome,
)
from bot.side_questions import answer_pending, pending_reprompt, zone_named
from bot.steps import (
    ANSWERED_IN_WORDS,
    CLOSINGS,
    DEFAULT_RULES,
    NUDGE_CHOICES,
    NUDGE_DATE_STEP,
    NUDGE_STEP,
    PATH_ASKS,
    PENDING_CHOICES,
    REVISIT_DAYS,
    SHARE_CHOICE,
    SUMMARY_STEP,
    ZONE_CHOICE,
    Rules,
    ask,
    idle,
    new_session,
    pending_reply,
    touch,
    with_answer,
)
from bot.summary import CHOICE_STEPS, SUMMARY_TEXTS, closing_key, summary_replies

# The engine is split by phase (steps, opening, answering, side questions, commands, the
# nudge, the summary); callers keep using `engine.X` for all of it.
__all__ = [
    "BACK_AFTER_SUMMARY",
    "CHOICE_STEPS",
    "CLOSINGS",
    "DEFAULT_RULES",
    "DIALOGUE",
    "GO_ON_AFTER",
    "NO_NEW_DATE",
    "NUDGE_CHOICES",
    "NUDGE_DATE_STEP",
    "NUDGE_READINGS",
    "NUDGE_STEP",
    "PATH_ASKS",
    "PENDING_CHOICES",
    "QUESTIONS",
    "REVISIT_CHOICES",
    "REVISIT_DAYS",
    "SHARE_CHOICE",
    "SUMMARY_STEP",
    "SUMMARY_TEXTS",
    "ZONE_CHOICE",
    "Question",
    "Rules",
    "answer_date_and_own_win",
    "answer_nudge",
    "answer_nudge_date",
    "answer_nudge_words",
    "ask",
    "closing_key",
    "gist",
    "greet",
    "looks_like_a_setback",
    "new_session",
    "nudge_reply",
    "nudge_unclear",
    "open_question",
    "pending_reply",
    "read_nudge_answer",
    "share_failed",
    "show_plan",
    "step",
    "summary_replies",
]


def step(
    session: Session, inbound: Inbound, now: datetime, rules: Rules = DEFAULT_RULES
) -> Transition:
    """Advance one conversation by one thing the user did."""
    if inbound.garbled:
        # Binary junk is never kept as an answer: said plainly, and the open question again.
        return Transition(session, (Reply("input.unreadable"), *open_question(session)))
    # Said once a conversation, kindly and in their language where it can be told: the
    # coaching is in English (screening reads their language).
    return english_note.on_a_message(session, inbound, _step(session, inbound, now, rules))


def _step(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    if session.pending is Pending.ZONE_NAME:
        if inbound.choice == ZONE_CHOICE and inbound.text:
            return zone_named(session, inbound.text, now)
        # Not a zone's name: the question lapses and the message is read as usual.
        session = replace(session, pending=None)
    if inbound.kind is InboundKind.BUTTON:
        return _button(session, inbound, now, rules)
    command = parse_command(inbound.text) if inbound.choice is None else None
    if command is None and inbound.choice is None and inbound.kind is InboundKind.MESSAGE:
        # "show my plan", "where am I": the command, then the open question again.
        asking = session.is_open and session.step is Step.QUESTION
        command = command_words.read(inbound.text, answer_is_a_question=asking)
    if command is not None:
        return apply_command(session, command, inbound, now, rules)
    if inbound.kind is InboundKind.START:
        return start(session, inbound, now)
    if session.pending is not None:
        aside = about_coach.asked_aside(session, inbound)
        if aside is not None:
            # "are you a bot?" at "which date did you mean?": answered, that question again.
            return Transition(session, (aside, pending_reprompt(session)))
        return answer_pending(session, inbound, now, rules)
    about = about_coach.answered(session, inbound)
    if about is not None:
        # "are you a real person?", "who reads this?": a straight answer, nothing kept.
        return about
    if inbound.choice is None and undo_new.too_far(session, inbound.text):
        # "I didn't mean to start a new one" a few questions in: how, not an answer.
        return undo_new.how_to_set_aside(session)
    if inbound.choice is None and undo_cancel.wants_undo(inbound.text):
        if undo_new.undoable(session, now):
            # A new reframe begun by mistake right after a plan: that plan comes back.
            return undo_new.drop(session)
        # Other messages since the cancel ("hello", `status`) leave it undoable for the hour.
        if undo_cancel.undoable(session, now):
            return undo_cancel.revive(session, now)
        if undo_cancel.too_late(session, now):
            return Transition(session, (Reply("cancel.too_late"),))
    taken_back = corrections.read(inbound.text) if inbound.choice is None else None
    if taken_back is not None and (
        (session.is_open and session.step in QUESTIONS) or just_finished(session, now)
    ):
        return correct(session, taken_back.new, inbound, now, rules)
    redated = None
    if taken_back is None:
        # The answer just given, changed in words: that question answered again.
        redated = new_date(session, inbound, now) or new_choice(session, inbound)
    if redated is not None:
        # The date just set, changed in words: the date question answered again, and the
        # question said beside it ("and the question i'll ask is …") kept, not asked again.
        changed, also = said_too.split(redated)
        moved = correct(session, changed, inbound, now, rules)
        return said_too.then_answer(moved, also, inbound, lambda s, i: answer(s, i, now, rules))
    if not session.is_open:
        return after_summary(session, inbound, now)
    if idle(session, now, rules):
        return offer_resume(session, now, setback=None)
    if session.step is Step.WELCOME:
        return welcome(session, inbound, now)
    return answer(session, inbound, now, rules)


def greet(session: Session, now: datetime, rules: Rules = DEFAULT_RULES) -> Transition:
    """What the coach says when a user opens the chat: welcome, resume, or an invitation."""
    if session.pending in ANSWERED_IN_WORDS:
        session = replace(session, pending=None)
    if session.step is Step.WELCOME and session.is_open:
        return welcome(session, Inbound(session.user), now)
    if session.pending is not None:
        return Transition(session, (pending_reprompt(session),))
    if not session.is_open:
        return Transition(session, (Reply("start.prompt"),))
    if idle(session, now, rules):
        return offer_resume(session, now, setback=None)
    return Transition(session, (Reply("resume.back"), ask(session.step, session)))


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
        return answer_pending(session, inbound, now, rules)
    if session.step not in QUESTIONS:
        return Transition(session, (Reply("button.stale"),))
    return answer(session, inbound, now, rules)


def share_failed(session: Session, now: datetime) -> Transition:
    """The platform refused the note: nothing was shared, and the button may be pressed again."""
    answers = {key: value for key, value in session.answers.items() if key != "shared"}
    unshared = touch(session, now, answers=MappingProxyType(answers))
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
    shared = with_answer(touch(session, now), "shared", "yes")
    return Transition(
        shared, (Reply("share.done"),), (ShareNote(session.origin.channel_id, session.number),)
    )
