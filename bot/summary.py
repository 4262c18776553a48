"""The end of a reframe: the plan card and the closing line fitted to the user's words."""

from __future__ import annotations

from dataclasses import replace

from bot import (
    dialogue,
    owed,
    plan,
)
from bot.domain import (
    Choice,
    Effect,
    Reply,
    ScheduleNudge,
    Session,
    Status,
    Step,
    Transition,
)
from bot.steps import SHARE_CHOICE, SUMMARY_STEP


def finish(session: Session) -> Transition:
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
    if owed.plain(answers):
        return "summary.closing.plain"
    if dialogue.path_of(answers) is dialogue.Path.SELF:
        return "summary.closing.self"
    if answers.get("boundary") == "soft":
        return "summary.closing.soft"
    if answers.get("boundary") == "hard":
        # A hard no on what they may owe is not the end: the levers, not "you respected it".
        return "summary.closing.hard_owed" if owed.owed(answers) else "summary.closing.hard"
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
