"""The direct question, "are you thinking about ending your life?", and its answer: "no" goes
back to the reframe where it was, "yes" or "not sure" gets the crisis reply, anything else is
asked again or respected (declining), and nobody is held there."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from bot import dialogue, engine, intents, language
from bot.choice_words import read_choice
from bot.commands import CommandName, parse_command
from bot.crisis_reply import (
    CRISIS_ANSWER,
    HELD_COMMANDS,
    RISK_CHOICES,
    RISK_STEP,
    ask_again,
    at_check_in,
    back_to_check_in,
    choices,
    crisis,
    language_of,
    stop_flow,
)
from bot.domain import (
    Inbound,
    InboundKind,
    Pending,
    Reply,
    Session,
    Step,
    Transition,
)
from bot.safety import Concern, Screening, Tier, worded
from bot.safety.risk_answers import RiskAnswer, declined, risk_answer
from bot.text import as_number


def risk_question(key: str, lang: str) -> Reply:
    return Reply(
        language.keyed(key, lang),
        choices=choices(RISK_STEP, RISK_CHOICES, lang),
        choice_step=RISK_STEP,
    )


def answer(
    session: Session, inbound: Inbound, found: Screening | None, now: datetime, known: bool
) -> Transition:
    """The answer to the direct question."""
    held = json.loads(session.pending_data or "{}")
    concern = str(held.get("concern", Concern.SUICIDE.value))
    lang = language_of(session, inbound)
    number = as_number(inbound.text.strip()) if inbound.kind is InboundKind.MESSAGE else None
    if inbound.kind is InboundKind.BUTTON:
        answer = RiskAnswer(inbound.choice) if inbound.choice in RISK_CHOICES else None
    elif number is not None and 1 <= number <= len(RISK_CHOICES):
        # The terminal numbers the choices: "3" is "I'm not sure".
        answer = RiskAnswer(RISK_CHOICES[number - 1])
    elif found is not None and found.tier is Tier.CRISIS:
        answer = RiskAnswer.YES
    elif declined(inbound.text):
        # "No quiero hablar de eso" starts with a no but answers nothing.
        answer = None
    else:
        answer = risk_answer(inbound.text, risky=found is not None)
    if answer is None:
        return _not_an_answer(session, inbound, concern, now, lang)
    if answer is not RiskAnswer.NO:
        text = str(held.get("text", ""))
        return crisis(
            session,
            concern,
            text,
            now,
            country_known=known,
            lang=lang,
            check_in=at_check_in(session),
        )
    # Lines already shown in this conversation (its crisis message is kept): not offered anew.
    key = "risk.no_after_lines" if CRISIS_ANSWER in session.answers else "risk.no"
    return _carry_on(session, inbound, now, Reply(language.keyed(key, lang)))


def _carry_on(session: Session, inbound: Inbound, now: datetime, first: Reply) -> Transition:
    """Back to the reframe after the direct question, `first` said before its next question."""
    held = json.loads(session.pending_data or "{}")
    cleared = replace(session, updated_at=now, pending=None, pending_data=None)
    if at_check_in(session):
        # Asked at a check-in: back to "how did it go?", its reminder kept.
        return back_to_check_in(cleared, now, language_of(session, inbound), first)
    said = str(held.get("text", ""))
    if not _was_an_answer(cleared, said):
        # Words of distress typed at an open question are not its answer: asked again.
        return Transition(cleared, (first, *ask_again(cleared)))
    # The message the question interrupted goes on as it would have: the setback, or a
    # choice typed with a note ("soft, he caves if you nag him") - never lost.
    story = Inbound(session.user, text=said, timezone=inbound.timezone)
    taken = engine.step(cleared, story, now)
    return replace(taken, replies=(first, *taken.replies))


def _was_an_answer(session: Session, said: str) -> bool:
    """Whether the message held at the direct question told the setback or named a choice."""
    if not said.strip() or not session.is_open:
        return False
    if session.step in (Step.WELCOME, Step.SETBACK):
        return True
    question = engine.QUESTIONS.get(session.step)
    if question is None:
        return False
    if not question.choices:
        # Said "no" to the question, and no words of distress in it: an answer to the open
        # question that only resembled them ("je voulais le livre, c'est tout"), kept.
        return not worded(said)
    offered = dialogue.choices(session.step, session.answers)
    return read_choice(said, offered)[0] is not None


def _not_an_answer(
    session: Session, inbound: Inbound, concern: str, now: datetime, lang: str
) -> Transition:
    """Anything but yes, no or not sure at the direct question: nobody is held there.

    Stopping ends the conversation with the lines once more; declining to answer is
    respected, with the lines, and the reframe goes on; a command is carried out and the
    question asked again; anything else asks it again.
    """
    command = parse_command(inbound.text) if inbound.kind is InboundKind.MESSAGE else None
    wants = intents.free_text(inbound.text) if inbound.text.strip() else None
    if (command is not None and command.name is CommandName.CANCEL) or (
        command is None and wants is intents.Intent.EXIT and not declined(inbound.text)
    ):
        return stop_flow(session, concern, now, lang)
    if (command is not None and command.name is CommandName.SKIP) or (
        command is None and (wants is intents.Intent.SKIP or declined(inbound.text))
    ):
        declining = Reply(language.keyed("risk.declined", lang), {"concern": concern})
        return _carry_on(session, inbound, now, declining)
    if command is not None and command.name not in HELD_COMMANDS:
        # help, export, plan, forget me...: done, then the question again if it still stands.
        done = engine.step(replace(session, pending=None), inbound, now)
        if done.session.pending is None:
            kept = replace(
                done.session, pending=Pending.RISK_CHECK, pending_data=session.pending_data
            )
            again = risk_question("risk.reprompt", lang)
            return replace(done, session=kept, replies=(*done.replies, again))
        return done
    held = {**json.loads(session.pending_data or "{}"), "language": lang}
    asked = replace(session, pending_data=json.dumps(held))
    return Transition(asked, (risk_question("risk.reprompt", lang),))
