"""Entering a conversation: the welcome, a new reframe, the offer to resume."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import (
    about_coach,
    coming_back,
    dialogue,
    intents,
    opening_words,
    plan,
    tone,
    undo_new,
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
    Status,
    Step,
    Transition,
)
from bot.steps import ask, in_progress, new_session, pending_reply, record, touch
from bot.wording import word_set


def welcome(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """First contact: introduce the coach, then take the setback."""
    welcomed = touch(session, now, step=Step.SETBACK)
    topic = about_coach.asked(inbound.text) if inbound.text else None
    told = inbound.kind is InboundKind.START or looks_like_a_setback(inbound.text)
    intro = Reply("welcome.intro", {"total": str(dialogue.MOST_QUESTIONS)})
    if told and inbound.text.strip() and topic is None:
        moved = record(welcomed, Step.SETBACK, inbound.text.strip(), now, origin=inbound.origin)
        return Transition(moved, (intro, ack_setback(moved), ask(Step.ASK, moved)))
    welcomed = replace(welcomed, origin=inbound.origin)
    if topic is not None:
        # "are you a real person?" as a first message: the intro, then its straight answer.
        said = about_coach.said(topic, session.user)
        return Transition(welcomed, (intro, said, ask(Step.SETBACK, welcomed)))
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
    if kind is not intents.Intent.EXIT and coming_back.tells_a_no(text):
        # "my girlfriend broke up with me", "got ghosted after the interview": a new reframe.
        return begin(session, inbound, now, setback=text)
    invited, replies = coming_back.invite(session, text)
    return Transition(invited, replies)


def show_plan(session: Session) -> Transition:
    """The finished plan shown again: the same as the `plan` command."""
    return Transition(session, (), (ShowData(CommandName.PLAN.value),))


def ack_setback(session: Session) -> Reply:
    """One short line that reflects the user's setback back to them (gently, for a loss)."""
    told = session.answers.get("setback", "")
    if tone.is_loss(told):
        return Reply("setback.heard_loss")
    return Reply("setback.heard", {"gist": gist(tone.substance(told) or told)})


# How much of the user's setback the acknowledgement quotes back; a sentence at most
# GIST_SLACK words longer is quoted whole rather than cut just before its end.
GIST_WORDS = 12
GIST_SLACK = 4
# Words a quote never ends on before its "…" ("…not to renew the…" is cut mid-phrase).
_WEAK_ENDS = word_set(
    "a an the to of for and or but nor my our their his her your its this that these those "
    "with in on at by from as is was be been so because than me i we they he she it who which "
    "would could will can not no"
)


def gist(text: str) -> str:
    """The first sentence of the user's words, without end marks: whole up to GIST_WORDS +
    GIST_SLACK words, else cut at a clause's end or a full word (never "to", "the") and "…"."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    for mark in (". ", "! ", "? ", "; "):
        first = first.split(mark)[0]
    words = first.split()
    if len(words) <= GIST_WORDS + GIST_SLACK:
        return plan.quotable(" ".join(words)).rstrip(".!?,;: ")
    kept = words[:GIST_WORDS]
    # The last clause that ends within the limit ("my boss said no, …"), when not too short.
    ends = [i for i in range(4, len(kept)) if kept[i - 1].endswith((",", ":", "—", "–"))]
    if ends:
        kept = kept[: ends[-1]]
    while len(kept) > 4 and kept[-1].lower().strip(",:;—–-") in _WEAK_ENDS:
        kept.pop()
    return plan.quotable(" ".join(kept)).rstrip(".!?,;:—–- ") + "…"


def start(session: Session, inbound: Inbound, now: datetime) -> Transition:
    """A /reframe: start, or offer to resume what is unfinished."""
    setback = inbound.text.strip() or None
    if session.step is Step.WELCOME and session.is_open:
        return welcome(session, inbound, now)
    if in_progress(session) and session.pending is None:
        return offer_resume(session, now, setback=setback, origin=inbound.origin)
    return begin(session, inbound, now, setback=setback)


# `pending_data` of a new reframe begun after one that told its no (no side question open):
# this mark, then that no, for "same as before" at the setback question.
PREVIOUS_MARK = "previous:"


def previous_setback(session: Session) -> str:
    """The no of the reframe before this one, while this one has not told its own; else ""."""
    data = session.pending_data or ""
    fits = session.step is Step.SETBACK and session.pending is None
    return data.removeprefix(PREVIOUS_MARK) if fits and data.startswith(PREVIOUS_MARK) else ""


def begin(session: Session, inbound: Inbound, now: datetime, *, setback: str | None) -> Transition:
    """Open a new session after the current one, optionally with its setback already told.

    The service closes any older open session when it saves one with a higher number.
    """
    number = session.number
    if not (session.step is Step.WELCOME and session.is_open):
        number += 1
    fresh = replace(new_session(session.user, number, now, welcome=False), origin=inbound.origin)
    previous = session.answers.get(Step.SETBACK.value, "")
    if previous and not setback:
        # "same as before" at the new setback question reuses this one's no.
        fresh = replace(fresh, pending_data=PREVIOUS_MARK + previous)
    if setback:
        if session.status is Status.FINISHED and session.number < number:
            # Told right after a plan: `undo` may bring that plan back (undo_new.py).
            fresh = replace(fresh, pending_data=undo_new.AFTER_PLAN_MARK)
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
