"""Going back: `back`, an answer taken back or replaced in words ("actually I meant …"), and
a date or choice just given changed again ("actually make it in 3 weeks", "no wait, 2")."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot import corrections, datewords, dialogue, nudge_flow, plan, undo_cancel
from bot.answering import answer
from bot.choice_words import read_choice
from bot.dialogue import QUESTIONS
from bot.domain import CancelNudges, Inbound, Pending, Reply, Session, Status, Step, Transition
from bot.side_questions import drop_side_question
from bot.steps import CONFIRMATIONS, Rules, ask, continue_asking, touch


def back(session: Session, now: datetime) -> Transition:
    """`back` (or "go back", "undo"): the previous question asked again, its answer shown; a
    cancel undone within the hour, a side question about the date dropped."""
    if undo_cancel.undoable(session, now):
        return undo_cancel.revive(session, now)
    if undo_cancel.too_late(session, now):
        return Transition(session, (Reply("cancel.too_late"),))
    if nudge_flow.just_checked_in(session, now):
        # `undo` after "How did it go?" was answered: that answer stands, the plan stays
        # finished; the user is told how to change the answer.
        return Transition(session, (Reply("back.after_check_in"),))
    if just_finished(session, now):
        # Right after the summary: reopen the last question; its nudge waits for the new card.
        reopened = back(replace(session, status=Status.ACTIVE), now)
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
        shown = said_back("back.showing", previous, given)
    return Transition(moved, (shown, ask(previous, moved)))


def said_back(key: str, at: Step, given: str) -> Reply:
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
    went = back(session, now)
    if not new:
        return went
    if went.session.step is Step.REVISIT and session.revisit_at is not None:
        # "actually i meant por la tarde, like 5pm": the day picked, at the new time.
        new = datewords.retimed(new, session.revisit_at, inbound.timezone, now) or new
    if went.session is session:
        # Nothing to go back to (the first question): the words are this question's answer.
        return answer(session, replace(inbound, text=new), now, rules)
    redone = answer(went.session, replace(inbound, text=new), now, rules)
    at = went.session.step
    kept = redone.session.answers.get(at.value, "")
    shown = said_back("back.corrected", at, kept) if kept else None
    if shown is None:
        shown = Reply(
            "back.corrected", {"answer": plan.said_back(new)}, labels={"step": f"{at.value}.label"}
        )
    said: tuple[Reply, ...] = (shown,)
    if redone.session.step is went.session.step and redone.session.pending is None:
        # The new words do not answer that question either: it stays open, as `back` left it.
        said = went.replies[:1]
    return replace(
        redone,
        replies=(*said, *redone.replies),
        effects=(*went.effects, *redone.effects),
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
        # "not yet" at its check-in moves the date on: a plan revisited, not just made.
        and not nudge_flow.checked_in(session)
    )
