"""The crisis reply and what the safety flow's parts share: its steps and choices, replies
that carry the lines, the flow's concern and language, the crisis message kept, and stop."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from types import MappingProxyType

from bot import engine, language
from bot.commands import CommandName
from bot.domain import (
    CancelNudges,
    Choice,
    Inbound,
    Pending,
    Reply,
    Session,
    Status,
    Transition,
)
from bot.safety import Concern

RISK_STEP = Pending.RISK_CHECK.value
RISK_CHOICES = ("yes", "no", "unsure")
CRISIS_STEP = Pending.CRISIS.value
CRISIS_CHOICES = ("lines", "stop")
COUNTRY_STEP = "country"
# A short list (the countries with the most users of the five languages) plus "other";
# any country in prompts/crisis_resources.toml may also be typed by name.
COUNTRY_CHOICES = ("US", "GB", "CA", "AU", "IE", "IN", "DE", "FR", "ES", "BR", "other")
CRISIS_ANSWER = "crisis_message"
LISTENING = (Pending.CRISIS, Pending.CRISIS_CHECK)
SAFETY_PENDING = (*LISTENING, Pending.RISK_CHECK)

# Commands that would leave the flow without the user's word that they are safe.
HELD_COMMANDS = (CommandName.RESTART, CommandName.BACK, CommandName.SKIP)


def choices(prefix: str, ids: tuple[str, ...], lang: str) -> tuple[Choice, ...]:
    return tuple(
        Choice(choice, language.keyed(f"{prefix}.choice.{choice}", lang)) for choice in ids
    )


def with_lines(key: str, concern: str, lang: str) -> Reply:
    """A reply that carries the crisis lines for a concern (the service fills them in)."""
    return Reply(
        language.keyed(key, lang),
        {"concern": concern},
        choices=choices(CRISIS_STEP, CRISIS_CHOICES, lang),
        choice_step=CRISIS_STEP,
    )


def concern_of(session: Session) -> str:
    """The concern of the crisis reply being listened after ("suicide")."""
    return (session.pending_data or Concern.SUICIDE.value).split()[0]


def language_of(session: Session, inbound: Inbound | None = None) -> str:
    """The flow's language: the message's own when it tells one, else the one kept."""
    said = language.spoken(inbound.text) if inbound is not None and inbound.text else None
    if said is not None:
        return said
    if session.pending is Pending.RISK_CHECK:
        return str(json.loads(session.pending_data or "{}").get("language", "en"))
    if session.pending in LISTENING:
        # "suicide es 2": the concern, the language, the count (older sessions: the concern).
        kept = [word for word in (session.pending_data or "").split()[1:] if not word.isdigit()]
        return (kept or ["en"])[0]
    return "en"


def listening_data(concern: str, lang: str, asked: int = 0) -> str:
    """`pending_data` while listening: the concern ("suicide"), the language unless English,
    and how many times in a row the coach has asked whether they are safe (so that question
    is never said twice running in the same words)."""
    return " ".join([concern, *([lang] if lang != "en" else []), *([str(asked)] if asked else [])])


def asked_of(session: Session) -> int:
    """How many times in a row the coach has asked whether they are safe (0 at first)."""
    counts = [word for word in (session.pending_data or "").split()[1:] if word.isdigit()]
    return int(counts[0]) if counts else 0


def crisis(
    session: Session,
    concern: str,
    text: str,
    now: datetime,
    *,
    country_known: bool,
    lang: str = "en",
) -> Transition:
    """The crisis reply: pause an open conversation, keep the message, cancel nudges."""
    paused = replace(
        keep_message(session, text, now),
        # A crisis never revives a conversation that was cancelled or finished.
        status=Status.PAUSED if session.is_open else session.status,
        pending=Pending.CRISIS,
        pending_data=listening_data(concern, lang),
    )
    replies = [with_lines(f"crisis.{concern}", concern, lang)]
    if not country_known:
        replies.append(
            Reply(
                language.keyed("country.ask", lang),
                choices=choices(COUNTRY_STEP, COUNTRY_CHOICES, lang),
                choice_step=COUNTRY_STEP,
            )
        )
    return Transition(paused, tuple(replies), (CancelNudges(),))


def keep_message(session: Session, text: str, now: datetime) -> Session:
    """The session with a message of the crisis added to its history (export and forget see it)."""
    if not text:
        return replace(session, updated_at=now)
    answers = dict(session.answers)
    earlier = answers.get(CRISIS_ANSWER)
    answers[CRISIS_ANSWER] = f"{earlier}\n{text}" if earlier else text
    return replace(session, updated_at=now, answers=MappingProxyType(answers))


def ask_again(session: Session) -> tuple[Reply, ...]:
    if session.is_open and session.step in engine.QUESTIONS:
        return (engine.ask(session.step, session),)
    return ()


def stop_flow(session: Session, concern: str, now: datetime, lang: str) -> Transition:
    """Stop: the lines once more, then the conversation ends."""
    stopped = replace(
        session,
        updated_at=now,
        pending=None,
        pending_data=None,
        status=Status.CANCELLED if session.is_open else session.status,
    )
    stop = Reply(language.keyed("crisis.stop", lang), {"concern": concern})
    return Transition(stopped, (stop,), (CancelNudges(),))
