"""The revisit's second question: did the win the user named for themselves happen?

Step 5 of the method redefines success, so whatever the outcome (a yes, a maybe, still a
no), the nudge then asks about the user's own win: yes, partly, or not yet. Pure: replies
carry prompt keys, the answer is kept on the nudged session.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from bot.domain import Choice, OwnWin, Reply, Session, Transition
from bot.plan import card_words

STEP = "nudge_win"
CHOICES = tuple(answer.value for answer in OwnWin)
ASK_KEY = f"{STEP}.ask"
# Every key this module says (checked when prompts load).
KEYS = (ASK_KEY, *(f"{STEP}.{choice}" for choice in CHOICES))
# How long after the outcome a typed "yes" / "partly" / "not yet" still answers the question.
TYPED_ANSWER_WINDOW = timedelta(days=2)


def named_win(session: Session) -> str:
    """The win the user named, as the card shows it ("" when skipped, purged or a "dunno")."""
    return card_words(session.answers.get("success", ""))


def question(session: Session) -> tuple[Reply, ...]:
    """Did your own win happen? with its buttons; nothing when no win was named."""
    win = named_win(session)
    if not win:
        return ()
    choices = tuple(Choice(choice, f"{STEP}.choice.{choice}") for choice in CHOICES)
    return (Reply(ASK_KEY, {"success": win}, choices=choices, choice_step=STEP),)


def awaiting(session: Session, now: datetime) -> bool:
    """Whether the session's own-win question was asked lately and is still unanswered."""
    return (
        session.outcome is not None
        and session.own_win is None
        and session.outcome_at is not None
        and now - session.outcome_at <= TYPED_ANSWER_WINDOW
        and bool(named_win(session))
    )


def answer(session: Session, choice: str, now: datetime) -> Transition:
    """Keep whether the own win happened, dated; an unknown choice asks again."""
    if choice not in CHOICES or session.outcome is None:
        return Transition(session, question(session))
    done = replace(session, own_win=OwnWin(choice), own_win_at=now, updated_at=now)
    return Transition(done, (Reply(f"{STEP}.{choice}"),))


# Where one message answers two questions ("march 1st, and yes!!"): its clauses.
_CLAUSE = re.compile(
    r"\s*(?:[,;.!?…]+(?:\s*(?:and|but|also|plus)\b)?|\s(?:and|but|also|plus|&|\+)\s)\s*",
    re.IGNORECASE,
)
# A bare no beside a date more likely declines or corrects the date than answers the win.
_BARE_NO = frozenset({"no", "nope", "nah"})


def split_off(text: str, reads: Callable[[str], str | None]) -> tuple[str | None, str]:
    """The own-win answer in one clause of a message that also answers something else, and
    the other clauses ("march 1st, and yes!!" -> ("yes", "march 1st")); `reads` gives the
    choice a clause names, or None. (None, text) when no clause answers it."""
    clauses = [part for part in _CLAUSE.split(text.strip()) if part.strip()]
    if len(clauses) < 2:
        return None, text
    for index, clause in enumerate(clauses):
        choice = reads(clause) if clause.strip().lower() not in _BARE_NO else None
        if choice:
            return choice, ", ".join(clauses[:index] + clauses[index + 1 :])
    return None, text


def said_with_outcome(
    transition: Transition,
    text: str,
    now: datetime,
    reads: Callable[[str], str | None],
    names_the_win: Callable[[str], bool],
) -> Transition:
    """A check-in answered in words that also answer the own win ("maybe … partly on the
    win"): the win kept too, and its question not asked; unchanged when no clause beside the
    outcome names the win and answers it (`reads` gives the choice a clause names)."""
    session = transition.session
    if session.outcome is None or session.own_win is not None:
        return transition
    if not any(reply.key == ASK_KEY for reply in transition.replies):
        return transition
    # Only a clause that says it is about the win: "maybe, partly" may only shade the maybe.
    win, _ = split_off(text, lambda clause: reads(clause) if names_the_win(clause) else None)
    if win is None:
        return transition
    answered = answer(session, win, now)
    kept = tuple(reply for reply in transition.replies if reply.key != ASK_KEY)
    return Transition(answered.session, (*kept, *answered.replies), transition.effects)
