"""The safety flow around the reframe: the direct question, the crisis reply, and listening after.

Pure like the engine: step(session, inbound, screening, now, country_known) -> Transition, or
None when safety has nothing to do and the engine should take the message.

- A possible risk gets the direct question, "are you thinking about ending your life?"
  (yes / no / not sure, pressed or typed). "No" goes back to the reframe where it was; "yes"
  or "not sure" gets the crisis reply.
- A crisis reply pauses an open conversation (a closed one stays closed), cancels its nudges,
  keeps the message in the session's answers (so export and forget cover it), and asks once
  which country the user is in when that is unknown.
- After it, every message is read for safety first: danger repeats the emergency line first;
  only the user's own words that they are safe right now lead back to coaching; "stop"
  repeats the lines before it ends, and the first message after it is asked how they are
  and whether they are safe right now, then read the same way.

Every reply is in the language of the message that started the flow, or of a later one when
the person switches (es, de, fr, pt; else English): bot/language.py tells it, the flow keeps it
in `pending_data`, and the keys name it ("crisis.stop_es", prompts/safety_es.toml).

This module routes; the parts are crisis_reply.py (the crisis reply, stop, and what the parts
share), risk_check.py (the direct question and its answer) and crisis_listening.py (after the
crisis reply).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from bot.commands import parse_command
from bot.crisis_listening import listen, typed_choice
from bot.crisis_reply import (
    COUNTRY_CHOICES,
    COUNTRY_STEP,
    CRISIS_CHOICES,
    CRISIS_STEP,
    HELD_COMMANDS,
    LISTENING,
    RISK_CHOICES,
    RISK_STEP,
    SAFETY_PENDING,
    concern_of,
    crisis,
    language_of,
    welcome_back,
    with_lines,
)
from bot.domain import (
    Inbound,
    InboundKind,
    Pending,
    Session,
    Transition,
)
from bot.risk_check import answer, risk_question
from bot.safety import Concern, Screening, Tier

__all__ = ["LISTENING", "PROMPT_KEYS", "SAFETY_PENDING", "greet", "step"]

# Every prompt key the flow's parts can emit (checked by the prompt loader).
PROMPT_KEYS = (
    *(f"crisis.{concern.value}" for concern in Concern),
    "crisis.danger_now",
    "crisis.check",
    "crisis.check_again",
    "crisis.back",
    "crisis.back_again",
    "crisis.make_sure",
    "crisis.make_sure_danger",
    "crisis.lines",
    "crisis.safe",
    "crisis.safe_closed",
    "crisis.safe_check_in",
    "crisis.check_in",
    "crisis.stop",
    "crisis.quiet",
    "crisis.about_lines",
    "crisis.welcome_back",
    "risk.ask",
    "risk.reprompt",
    "risk.no",
    "risk.no_after_lines",
    "risk.declined",
    "country.ask",
    "country.set",
    *(f"{RISK_STEP}.choice.{choice}" for choice in RISK_CHOICES),
    *(f"{CRISIS_STEP}.choice.{choice}" for choice in CRISIS_CHOICES),
    *(f"{COUNTRY_STEP}.choice.{choice}" for choice in COUNTRY_CHOICES),
)


def step(
    session: Session,
    inbound: Inbound,
    found: Screening | None,
    now: datetime,
    *,
    country_known: bool,
    country_typed: str | None = None,
    check_in: bool = False,
) -> Transition | None:
    """Safety's answer to one thing the user did, or None to let the engine answer.

    `found` is the screening of the message with the earlier ones; `country_typed` is the
    country code the message names, if it names one; `check_in`: the message answers a
    check-in ("how did it go?"), whose reminder a crisis keeps.
    """
    if session.pending in LISTENING:
        typed = typed_choice(inbound, country_known, language_of(session, inbound))
        return listen(session, typed, found, now, country_typed)
    if session.pending is Pending.RISK_CHECK:
        return answer(session, inbound, found, now, country_known)
    if found is None:
        # The first message after a stop waits for their word that they are safe (issue 14).
        return welcome_back(session, inbound, now) if _comes_back(inbound) else None
    lang = language_of(session, inbound)
    if found.tier is Tier.CRISIS:
        return crisis(
            session,
            found.concern.value,
            inbound.text,
            now,
            country_known=country_known,
            lang=lang,
            check_in=check_in,
        )
    held = {"concern": found.concern.value, "text": inbound.text, "language": lang}
    if check_in:
        held["check_in"] = "yes"
    asked = replace(
        session, updated_at=now, pending=Pending.RISK_CHECK, pending_data=json.dumps(held)
    )
    return Transition(asked, (risk_question("risk.ask", lang),))


def _comes_back(inbound: Inbound) -> bool:
    """Whether a message could lead back to coaching: words, `/reframe`, `restart`, `undo`
    (help, export, reminders... are answered by the engine and leave the stop as it is)."""
    if inbound.kind is InboundKind.START:
        return True
    if inbound.kind is not InboundKind.MESSAGE:
        return False
    command = parse_command(inbound.text)
    return command is None or command.name in HELD_COMMANDS


def greet(session: Session) -> Transition | None:
    """What to say when the user opens the chat inside the safety flow, or None."""
    lang = language_of(session)
    if session.pending in LISTENING:
        return Transition(session, (with_lines("crisis.check", concern_of(session), lang),))
    if session.pending is Pending.RISK_CHECK:
        return Transition(session, (risk_question("risk.reprompt", lang),))
    return None
