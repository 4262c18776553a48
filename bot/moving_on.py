"""What follows an answer: an echo, then the next question (or the card); and `cancel`."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import owed, reflecting, said_before, undo_cancel
from bot.domain import Pending, Reply, Session, Status, Step, Transition
from bot.opening import ack_setback
from bot.steps import pending_reply, touch
from bot.summary import finish


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
    said_back = reflecting.heard(moved, answered)
    if said_back is not None:
        replies.append(said_back)
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
    # What an earlier answer already said for this question is said back, not asked afresh.
    offered, question = said_before.asked(moved)
    return Transition(offered, (*replies, question))
