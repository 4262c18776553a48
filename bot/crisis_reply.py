"""The crisis reply and what the safety flow's parts share: its steps and choices, replies
that carry the lines, the flow's concern and language, the crisis message kept, and stop."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from types import MappingProxyType

from bot import engine, language, nudge_flow, steps
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
# The countries offered by the language the person writes in, those with lines in
# prompts/crisis_resources.toml, plus "other"; any country in the file may also be typed by
# name. At most 25 buttons: Slack's actions block and Discord's 5 rows of 5.
COUNTRIES_BY_LANGUAGE = {
    "en": ("US", "GB", "CA", "AU", "IE", "IN", "NZ", "DE", "FR", "ES", "BR", "PT", "other"),
    "es": ("ES", "MX", "AR", "US", "other"),
    "de": ("DE", "AT", "CH", "other"),
    "fr": ("FR", "BE", "CH", "CA", "other"),
    "pt": ("BR", "PT", "other"),
}
# Every country button there is (pressed ones are read whatever language offered them).
COUNTRY_CHOICES = tuple(dict.fromkeys(c for cs in COUNTRIES_BY_LANGUAGE.values() for c in cs))


def countries_for(lang: str) -> tuple[str, ...]:
    """The countries offered to someone writing in `lang` ("pt": Brasil, Portugal, other)."""
    return COUNTRIES_BY_LANGUAGE.get(lang, COUNTRIES_BY_LANGUAGE["en"])


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


# In `pending_data` while listening: the crisis came at a check-in ("how did it go?"), whose
# reminder is kept and to which the coach goes back once the person says they are safe.
AT_CHECK_IN = "check-in"


def at_check_in(session: Session) -> bool:
    """Whether the safety flow in progress started at a check-in (its nudge unanswered)."""
    if session.pending is Pending.RISK_CHECK:
        return bool(json.loads(session.pending_data or "{}").get("check_in"))
    return session.pending in LISTENING and AT_CHECK_IN in (session.pending_data or "").split()


def language_of(session: Session, inbound: Inbound | None = None) -> str:
    """The flow's language: the message's own when it tells one, else the one kept."""
    said = language.spoken(inbound.text) if inbound is not None and inbound.text else None
    if said is not None:
        return said
    if session.pending is Pending.RISK_CHECK:
        return str(json.loads(session.pending_data or "{}").get("language", "en"))
    if session.pending in LISTENING:
        # "suicide es 2": the concern, the language, the count (older sessions: the concern).
        words = (session.pending_data or "").split()[1:]
        kept = [word for word in words if not word.isdigit() and word != AT_CHECK_IN]
        return (kept or ["en"])[0]
    return "en"


def listening_data(concern: str, lang: str, asked: int = 0, *, check_in: bool = False) -> str:
    """`pending_data` while listening: the concern ("suicide"), the language unless English,
    how many times in a row the coach has asked whether they are safe (so that question is
    never said twice running in the same words), and AT_CHECK_IN when it began at one."""
    return " ".join(
        [
            concern,
            *([lang] if lang != "en" else []),
            *([str(asked)] if asked else []),
            *([AT_CHECK_IN] if check_in else []),
        ]
    )


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
    check_in: bool = False,
) -> Transition:
    """The crisis reply: pause an open conversation, keep the message, cancel nudges.

    At a check-in (`check_in`: its nudge was the last thing said) the reminder is kept: the
    coach goes back to it once the person says they are safe.
    """
    paused = replace(
        keep_message(session, text, now),
        # A crisis never revives a conversation that was cancelled or finished.
        status=Status.PAUSED if session.is_open else session.status,
        pending=Pending.CRISIS,
        pending_data=listening_data(concern, lang, check_in=check_in),
    )
    replies = [with_lines(f"crisis.{concern}", concern, lang)]
    if not country_known:
        replies.append(
            Reply(
                language.keyed("country.ask", lang),
                choices=choices(COUNTRY_STEP, countries_for(lang), lang),
                choice_step=COUNTRY_STEP,
            )
        )
    # A closed conversation's reminders (a finished plan's check-in) are never cancelled.
    cancels = session.is_open and not check_in
    return Transition(paused, tuple(replies), (CancelNudges(),) if cancels else ())


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


# `pending_data` after a stop (no question open): this word, then the listening data, so
# the first message back asks whether they are safe before anything else (welcome_back).
STOPPED = "stopped"


def stop_flow(session: Session, concern: str, now: datetime, lang: str) -> Transition:
    """Stop: the lines once more, then the conversation ends (a check-in's reminder kept, and
    a closed conversation's: a finished plan's check-in outlives the crisis)."""
    kept = at_check_in(session)
    stopped = replace(
        session,
        updated_at=now,
        pending=None,
        pending_data=f"{STOPPED} {listening_data(concern, lang, check_in=kept)}",
        status=Status.CANCELLED if session.is_open else session.status,
    )
    stop = Reply(language.keyed("crisis.stop", lang), {"concern": concern})
    cancels = session.is_open and not kept
    return Transition(stopped, (stop,), (CancelNudges(),) if cancels else ())


def welcome_back(session: Session, inbound: Inbound, now: datetime) -> Transition | None:
    """The first message after a stop: a kind word that asks how they are and whether they are
    safe right now, the lines in view, and the flow listening again for the answer (in the
    message's language, else the crisis's); None when no stop came just before."""
    data = session.pending_data or ""
    if session.pending is not None or data.split()[:1] != [STOPPED]:
        return None
    held = replace(session, pending=Pending.CRISIS, pending_data=data.removeprefix(STOPPED))
    concern, lang = concern_of(held), language_of(held, inbound)
    listening = replace(
        held,
        updated_at=now,
        pending_data=listening_data(concern, lang, check_in=at_check_in(held)),
    )
    return Transition(listening, (with_lines("crisis.welcome_back", concern, lang),))


def back_to_check_in(session: Session, now: datetime, lang: str, first: Reply) -> Transition:
    """At a check-in, once they say they are safe (or "no" to the direct question): `first`,
    then the check-in asked again with its buttons ("Not yet" keeps the reminder)."""
    back = replace(session, updated_at=now, pending=None, pending_data=nudge_flow.CHECK_IN_AGAIN)
    again = Reply(
        language.keyed("crisis.check_in", lang),
        choices=steps.choices(steps.NUDGE_STEP, steps.NUDGE_CHOICES),
        choice_step=steps.NUDGE_STEP,
    )
    return Transition(back, (first, again))
