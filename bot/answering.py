"""Answering the current question: a choice, free text, a date, or words about the question."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot import (
    asking_back,
    boundary_words,
    choice_words,
    corrections,
    dialogue,
    impatience,
    intents,
    reflecting,
    said_before,
    stuck,
    tacked_on,
    tone,
)
from bot.dialogue import QUESTIONS
from bot.domain import (
    Inbound,
    InboundKind,
    Reply,
    Session,
    Step,
    Transition,
)
from bot.examples import explained
from bot.moving_on import after_answer, cancel
from bot.opening import after_summary, previous_setback
from bot.pushing_back import hedged, notes, pushed_back, said_back
from bot.revisit_answer import answer_revisit
from bot.steps import (
    Rules,
    ask,
    choices,
    record,
    reprompt,
    typed_choice,
)
from bot.wording import has_words


def answer(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    """The open question answered (or listened to) with one message."""
    current = session.step
    if current is Step.SUMMARY:
        return after_summary(session, inbound, now)
    question = QUESTIONS[current]
    offered = dialogue.choices(current, session.answers)
    text = inbound.text.strip()
    if said_before.proposed(session) and inbound.choice is None:
        kept = _said_before(session, inbound, now, rules)
        if kept is not None:
            return kept
    said_again = corrections.after_already_said(text) if inbound.choice is None else None
    if said_again is not None and current is not Step.SETBACK:
        # "i just told u, 5 yrs": the answer is what follows the complaint (at the setback,
        # "I said, can I…" may be the story itself).
        text = said_again
        inbound = replace(inbound, text=said_again)
    if offered and inbound.kind is InboundKind.MESSAGE:
        both = choice_words.two_picked(inbound.choice, text, offered)
        if both is not None:
            # "3 or 5 idk": neither is taken silently; which one, with the list again.
            return Transition(session, (_which_choice(session, current, both),))
    checked = tacked_on.tail(text) if inbound.choice is None else None
    if checked is not None and current not in (Step.SETBACK, Step.QUESTION):
        # "soft I think - is that normal?": the answer kept, the question about it answered
        # and kept off the card (at the clarifying question it may be the question itself).
        return _reassured(session, replace(inbound, text=checked[0]), now, rules)
    chosen, note = typed_choice(offered, inbound) if offered else (None, "")
    if chosen is not None and inbound.choice is not None:
        note = text
    if inbound.choice is None and current is not Step.SETBACK:
        pushed = pushed_back(session, current, text)
        if pushed is not None:
            return pushed
    taken = hedged(current, offered, text) if inbound.choice is None else None
    if taken is not None:
        # "idk maybe? is this gonna take long": the choice taken and said back, the question
        # beside it answered.
        chosen, note = taken
        told, asked = said_back(session, current, chosen, note)
        moved = record(session, current, chosen, now, also=notes(current, "" if asked else note))
        transition = after_answer(session, moved, current)
        return replace(transition, replies=(told, *transition.replies))
    asked_too = impatience.tail(text) if inbound.choice is None else None
    if asked_too is not None and current is not Step.SETBACK:
        # "Maybe their budget is over. is this gonna take long": the answer kept, the
        # question beside it answered.
        return _answered_and_told(session, replace(inbound, text=asked_too[0]), now, rules)
    if chosen is None and text and inbound.choice is None:
        if current is Step.BOUNDARY:
            read, note = boundary_words.boundary(text)
            if read.value in offered:
                chosen = read.value
        if chosen is None and impatience.impatient(text):
            # "how many more of these": how far it is, and the question again; never kept.
            left = dialogue.counted(session.answers)
            total = len(left) - left.index(current) if current in left else 1
            said = Reply("listen.impatient", {"total": str(total)})
            return Transition(session, (said, ask(current, session)))
        if chosen is None and current is not Step.SETBACK and impatience.venting(text):
            # "im so done lol" may be about the no or about us: asked, never ended on a guess
            # nor kept as the answer.
            return Transition(session, (Reply("listen.venting"), ask(current, session)))
        if chosen is None and corrections.already_said(text):
            return _already_said(session, current, now)
        if chosen is None:
            listened = _listen(session, current, text, now)
            if listened is not None:
                return listened
    if offered:
        if current is Step.REVISIT:
            return answer_revisit(session, inbound, chosen, now, rules)
        if chosen is None and not (question.free_text_with_choices and text):
            return Transition(session, (reprompt(current, session),))
        value = chosen if chosen is not None else text
        moved = record(session, current, value, now, also=notes(current, note))
        return after_answer(session, moved, current)
    if not text:
        return Transition(session, (Reply("empty.reask"), ask(current, session)))
    if current is Step.SETBACK and tone.tells_nothing(text):
        # "ok new one": a reframe asked for, its no not told yet.
        return Transition(session, (Reply("start.fresh"), ask(current, session)))
    if previous_setback(session):
        # Their own no told: the earlier one is no longer on offer.
        session = replace(session, pending_data=None)
    moved = record(session, current, text, now)
    replies: list[Reply] = []
    if inbound.truncated:
        replies.append(Reply("input.truncated"))
    transition = after_answer(session, moved, current, zone_known=inbound.timezone_known)
    return replace(transition, replies=(*replies, *transition.replies))


def _said_before(
    session: Session, inbound: Inbound, now: datetime, rules: Rules
) -> Transition | None:
    """Words from an earlier answer offered at this question: "yes" keeps them, "no" asks
    the question plainly; None for any other message (an answer of its own, read as ever)."""
    current, words = session.step, said_before.proposed(session)
    if said_before.agrees(inbound.text):
        if current is Step.REVISIT:
            return answer_revisit(session, replace(inbound, text=words), None, now, rules)
        return after_answer(session, record(session, current, words, now), current)
    if said_before.declines(inbound.text):
        plain = said_before.dropped(session)
        return Transition(plain, (ask(current, plain),))
    return None


def _answered_and_told(
    session: Session, inbound: Inbound, now: datetime, rules: Rules
) -> Transition:
    """The answer part of a message read as the answer, and how many questions are left said
    just before the next question (or the same one, when the answer part was not kept)."""
    moved = answer(session, inbound, now, rules)
    after = moved.session
    left = dialogue.counted(after.answers)
    total = len(left) - left.index(after.step) if after.is_open and after.step in left else 0
    if not total:
        return moved
    told = Reply("listen.left", {"total": str(total)})
    # The last reply is the question asked next (or again): the count comes just before it.
    *before, last = moved.replies or (told,)
    return replace(moved, replies=(*before, told, last) if moved.replies else (told,))


def _reassured(session: Session, inbound: Inbound, now: datetime, rules: Rules) -> Transition:
    """The answer part of a message read as the answer and, when it was kept, the question
    about it answered just before what the coach says next."""
    moved = answer(session, inbound, now, rules)
    current = session.step
    value = moved.session.answers.get(current.value)
    if value is None or value == session.answers.get(current.value) or not moved.replies:
        return moved
    # A hedged choice is said back already ("I'll take that as …"): not named twice, and
    # the question answered right after it.
    hedged_at = [
        i for i, reply in enumerate(moved.replies) if reply.key.startswith("listen.hedged")
    ]
    chosen = value in dialogue.choices(current, session.answers) and not hedged_at
    told = reflecting.reassured(current, value, chosen=chosen)
    at = hedged_at[0] + 1 if hedged_at else 0
    return replace(moved, replies=(*moved.replies[:at], told, *moved.replies[at:]))


def _listen(session: Session, current: Step, text: str, now: datetime) -> Transition | None:
    """A message about the question rather than an answer to it; None when it is an answer."""
    kind = intents.free_text(text, answer_is_a_question=current is Step.QUESTION)
    if kind is intents.Intent.ANSWER:
        return None
    if kind is intents.Intent.EXIT:
        return cancel(session, now)
    if kind is intents.Intent.SKIP and QUESTIONS[current].optional:
        # "skip this one" where the question may be skipped: as the `skip` command does.
        return after_answer(session, record(session, current, "", now), current)
    if kind is intents.Intent.QUESTION:
        term = asking_back.term_asked(text)
        if term and current not in TERM_STEPS[term]:
            # A word of the method asked about away from its own step: that word explained.
            return Transition(session, (Reply(f"term.{term}"), ask(current, session)))
        return Transition(session, (explained(session, current, text),))
    if kind in (intents.Intent.DONT_KNOW, intents.Intent.SKIP) or stuck.again(session):
        # Not knowing (or "hmm" once more): gently, then an example that fits, then on.
        return stuck.not_knowing(session, current, now)
    if not has_words(text):
        # An emoji alone: it cannot be read as an answer, and "no rush" would not fit it.
        return Transition(session, (Reply("listen.emoji"), ask(current, session)))
    return Transition(session, (Reply("listen.ack"), ask(current, session)))


# The steps whose own explanation (`<step>.explain`) already says what a word means.
TERM_STEPS: dict[str, tuple[Step, ...]] = {
    "clarifying_question": (Step.QUESTION,),
    "third_option": (Step.OPTION,),
    "boundary": (Step.BOUNDARY,),
    "delayed_yes": (),
    "revisit": (),
    "self_aware": (),
    "reframe": (),
    "own_win": (Step.SUCCESS,),
}


# "No to the promotion", "refused to fix the heating": what the setback says they hoped for.
_NO_TO = re.compile(
    r"\b(?:no to|refused(?: to)?|(?:turned|turn|turns) down|rejected|"
    r"declined|denied(?: me)?|won't(?: let me)?|wouldn't(?: let me)?|didn't approve|"
    r"wasn't approved for|didn't get)\s+(?P<ask>[^.!?;,\n]{3,80})",
    re.IGNORECASE,
)


def _already_said(session: Session, current: Step, now: datetime) -> Transition:
    """ "Like I just said": reuse what they told, or own it and ask in other words."""
    given = ""
    if current is Step.SETBACK:
        given = previous_setback(session)
    elif current is Step.ASK:
        found = _NO_TO.search(session.answers.get(Step.SETBACK.value, ""))
        given = found.group("ask").strip(" ,") if found else ""
    elif current is Step.OPTION_DETAIL:
        given = session.answers.get("option_note", "")
    if given:
        moved = record(replace(session, pending_data=None), current, given, now)
        transition = after_answer(session, moved, current)
        taken = Reply("listen.reused", {"answer": given})
        return replace(transition, replies=(taken, *transition.replies))
    return Transition(session, (Reply("listen.already_said"), explained(session, current)))


def _which_choice(session: Session, current: Step, both: tuple[str, str]) -> Reply:
    """Two choices named at once: which of them, with the whole list shown again."""
    offered = dialogue.choices(current, session.answers)
    first, second = (f"{current.value}.choice.{choice}" for choice in both)
    return Reply(
        "choice.which",
        labels={"first": first, "second": second},
        choices=choices(current.value, offered),
        choice_step=current.value,
    )
