"""The next question answered in the same breath as a change ("no wait in 2 weeks is better,
and the question i'll ask is what needs to be true for a yes"): both kept (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.domain import Inbound, Reply, Session, Step, Transition

# "..., and the question i'll ask is X", "... . my question: X", "... and i'll ask her X".
_QUESTION_TOO = re.compile(
    r"^(?P<first>.+?)[\s,;.!]+(?:(?:and|also|plus|then|oh)[\s,]+)*"
    r"(?:(?:the|my) (?:clarifying )?question(?: (?:i'll|i will|i'm going to|i'd|to) ask)?"
    r"(?: (?:them|her|him))?(?: (?:is|will be|would be))?|i'll ask (?:them|her|him)|"
    r"i will ask (?:them|her|him))[\s:,]+(?P<question>\S.{3,})$",
    re.IGNORECASE | re.DOTALL,
)


def split(text: str) -> tuple[str, str]:
    """The words before an answer to the clarifying question, and that answer ("" if none)."""
    found = _QUESTION_TOO.match(text.strip())
    if found is None:
        return text, ""
    return found.group("first"), found.group("question").strip()


def then_answer(
    changed: Transition,
    also: str,
    inbound: Inbound,
    answer: Callable[[Session, Inbound], Transition],
) -> Transition:
    """After a change, the clarifying question answered with the words said beside it, when
    it is the question now open; said back so nothing is asked twice."""
    session = changed.session
    if not also or not session.is_open or session.pending is not None:
        return changed
    if session.step is not Step.QUESTION:
        return changed
    then = answer(session, replace(inbound, text=also))
    if then.session.step is Step.QUESTION:
        return changed
    kept = Reply("listen.kept_too", {"answer": also})
    return Transition(
        then.session,
        (*changed.replies[:-1], kept, *then.replies),
        (*changed.effects, *then.effects),
    )
