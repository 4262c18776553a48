"""Entering a conversation: the welcome, a new reframe, the offer to resume."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import (
    dialogue,
    intents,
    opening_words,
    plan,
    tone,
)
from bot.commands import CommandName
from bot.domain import (
    Inbound,
    InboundKind,
    Origin,
    Pending,
    Reply,
    Session,
    ShowData,
    Step,
    Transition,
)
from bot.steps import ask, in_progress, new_session, pending_reply, record, touch


def welcome(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """First contact: introduce the coach, then take the setback."""
    welcomed = touch(session, now, step=Step.SETBACK)
    told = inbound.kind is InboundKind.START or looks_like_a_setback(inbound.text)
    intro = Reply("welcome.intro", {"total": str(dialogue.MOST_QUESTIONS)})
    if told and inbound.text.strip():
        moved = record(welcomed, Step.SETBACK, inbound.text.strip(), now, origin=inbound.origin)
        return Transition(moved, (intro, ack_setback(moved), ask(Step.ASK, moved)))
    welcomed = replace(welcomed, origin=inbound.origin)
    return Transition(welcomed, (intro, ask(Step.SETBACK, welcomed)))


def looks_like_a_setback(text: str) -> bool:
    """Whether an opening message tells of a "no" (not a greeting or a question about us)."""
    setback = opening_words.first_message(text) is intents.Intent.SETBACK
    return setback and not tone.tells_nothing(text)


def after_summary(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """After a plan or a cancel: the plan again, a new reframe for a new no, else an invitation."""
    text = inbound.text.strip()
    kind = opening_words.after_summary(text)
    if kind is intents.Intent.SHOW_PLAN:
        return show_plan(session)
    if kind is intents.Intent.NEW_SETBACK:
        setback = opening_words.first_message(text) is intents.Intent.SETBACK
        told = setback and not opening_words.wants_new(text)
        return begin(session, inbound, now, setback=text if told else None)
    return Transition(session, (Reply("start.prompt"),))


def show_plan(session: Session) -> Transition:
    """The finished plan shown again: the same as the `plan` command."""
    return Transition(session, (), (ShowData(CommandName.PLAN.value),))


def ack_setback(session: Session) -> Reply:
    """One short line that reflects the user's setback back to them (gently, for a loss)."""
    told = session.answers.get("setback", "")
    if tone.is_loss(told):
        return Reply("setback.heard_loss")
    return Reply("setback.heard", {"gist": gist(tone.substance(told) or told)})


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


def start(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """A /reframe: start, or offer to resume what is unfinished."""
    setback = inbound.text.strip() or None
    if session.step is Step.WELCOME and session.is_open:
        return welcome(session, inbound, now)
    if in_progress(session) and session.pending is None:
        return offer_resume(session, now, setback=setback, origin=inbound.origin)
    return begin(session, inbound, now, setback=setback)


def begin(session: Session, inbound: Inbound, now: datetime, *, setback: str | None) -> Transition:
    """Open a new session after the current one, optionally with its setback already told.

    The service closes any older open session when it saves one with a higher number.
    """
    number = session.number
    if not (session.step is Step.WELCOME and session.is_open):
        number += 1
    fresh = replace(new_session(session.user, number, now, welcome=False), origin=inbound.origin)
    if setback:
        moved = record(fresh, Step.SETBACK, setback, now)
        return Transition(moved, (ack_setback(moved), ask(Step.ASK, moved)))
    return Transition(fresh, (Reply("start.fresh"), ask(Step.SETBACK, fresh)))


def offer_resume(
    session: Session, now: datetime, *, setback: str | None, origin: Origin | None = None
) -> Transition:
    offered = touch(
        session,
        now,
        pending=Pending.RESUME,
        pending_data=setback,
        origin=origin if origin is not None else session.origin,
    )
    reply = pending_reply(Pending.RESUME, "resume.offer")
    labelled = replace(reply, labels={"step": f"{session.step.value}.label"})
    return Transition(offered, (labelled,))
