"""After a crisis reply: every message is read for safety first. Danger repeats the emergency
line; only the person's own words that they are safe lead back; not wanting to talk keeps the
coach listening; a country typed is kept; "stop" repeats the lines before it ends."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import language
from bot.commands import CommandName, parse_command
from bot.crisis_lines import OTHER_COUNTRY
from bot.crisis_reply import (
    COUNTRY_CHOICES,
    COUNTRY_STEP,
    CRISIS_ANSWER,
    CRISIS_CHOICES,
    CRISIS_STEP,
    HELD_COMMANDS,
    ask_again,
    concern_of,
    crisis,
    keep_message,
    language_of,
    stop_flow,
    with_lines,
)
from bot.domain import (
    Inbound,
    InboundKind,
    Reply,
    Session,
    SetCountry,
    Status,
    Transition,
)
from bot.safety import Concern, Screening, Tier
from bot.safety.answers import (
    FollowUp,
    follow_up,
    named_means_or_time,
)
from bot.text import as_number


def typed_choice(inbound: Inbound, country_known: bool) -> Inbound:
    """A typed number or label of the last menu shown after a crisis reply, as its button."""
    if inbound.kind is not InboundKind.MESSAGE:
        return inbound
    typed = inbound.text.strip().lower().rstrip(".")
    # The country question comes last while the country is unknown; then the two ways on.
    step, choices = (
        (COUNTRY_STEP, COUNTRY_CHOICES)
        if not country_known
        else (
            CRISIS_STEP,
            CRISIS_CHOICES,
        )
    )
    number = as_number(typed)
    if number is not None and 1 <= number <= len(choices):
        chosen = choices[number - 1]
    elif typed in _TYPED_CRISIS_CHOICES:
        step, chosen = CRISIS_STEP, _TYPED_CRISIS_CHOICES[typed]
    else:
        return inbound
    return replace(inbound, kind=InboundKind.BUTTON, choice=chosen, button_step=step)


# The buttons' words, typed (prompts/safety*.toml [crisis.choice]).
_TYPED_CRISIS_CHOICES = {
    "show the lines again": "lines",
    "lines": "lines",
    "stop for today": "stop",
    "ver las líneas otra vez": "lines",
    "parar por hoy": "stop",
    "die stellen noch einmal zeigen": "lines",
    "für heute aufhören": "stop",
    "revoir les lignes": "lines",
    "arrêter pour aujourd'hui": "stop",
    "ver as linhas de novo": "lines",
    "parar por hoje": "stop",
}


def listen(
    session: Session,
    inbound: Inbound,
    found: Screening | None,
    now: datetime,
    country_typed: str | None,
) -> Transition | None:
    """After a crisis reply: safety first, for every message."""
    concern = concern_of(session)
    lang = language_of(session, inbound)
    # A switch of language is kept for the next replies.
    session = replace(session, pending_data=concern if lang == "en" else f"{concern} {lang}")
    if inbound.kind is InboundKind.BUTTON:
        if inbound.button_step == COUNTRY_STEP and inbound.choice in COUNTRY_CHOICES:
            return _country(session, inbound.choice, concern, lang)
        if inbound.button_step == CRISIS_STEP and inbound.choice == "stop":
            return stop_flow(session, concern, now, lang)
        # "Show the lines again", or a button from before the crisis: never a way out.
        return Transition(session, (with_lines("crisis.lines", concern, lang),))
    command = parse_command(inbound.text)
    if command is not None and command.name is CommandName.CANCEL:
        return stop_flow(session, concern, now, lang)
    if command is not None and command.name not in HELD_COMMANDS:
        return None  # help, export, forget me, status... answered by the engine
    if country_typed is not None:
        return _country(session, country_typed, concern, lang)
    if found is not None and found.tier is Tier.CRISIS and found.concern.value != concern:
        # A new kind of danger ("he hits me" after talk of suicide) gets its own lines.
        return crisis(
            session, found.concern.value, inbound.text, now, country_known=True, lang=lang
        )
    earlier = session.answers.get(CRISIS_ANSWER, "")
    said = follow_up(inbound.text, found, immediate=named_means_or_time(earlier))
    if said is FollowUp.DANGER:
        kept = keep_message(session, inbound.text, now)
        return Transition(kept, (with_lines("crisis.danger_now", concern, lang),))
    if said is FollowUp.MINIMISING:
        # A bare "I'm fine" after the pills or "tonight" were named: asked once more, plainly.
        key = "crisis.make_sure_danger" if concern == Concern.DANGER.value else "crisis.make_sure"
        return Transition(session, (with_lines(key, concern, lang),))
    if said is FollowUp.SAFE:
        return _safe(session, now, lang)
    if said is FollowUp.STOP:
        return stop_flow(session, concern, now, lang)
    if said is FollowUp.QUIET:
        # Not wanting to talk is respected, and is no way out: the coach stays, the lines in
        # view, and only asks whether they are safe; "stop" still ends it.
        return Transition(session, (with_lines("crisis.quiet", concern, lang),))
    if said is FollowUp.ABOUT_LINES:
        # What happens on a call, whether it is free: answered, then the lines and the question.
        return Transition(session, (with_lines("crisis.about_lines", concern, lang),))
    return Transition(session, (with_lines("crisis.check", concern, lang),))


def _country(session: Session, code: str, concern: str, lang: str) -> Transition:
    chosen = OTHER_COUNTRY if code == "other" else code
    return Transition(session, (with_lines("country.set", concern, lang),), (SetCountry(chosen),))


def _safe(session: Session, now: datetime, lang: str) -> Transition:
    """The user's own word that they are safe right now: back to coaching, gently."""
    cleared = replace(session, updated_at=now, pending=None, pending_data=None)
    if session.status is Status.PAUSED:
        resumed = replace(cleared, status=Status.ACTIVE)
        safe = Reply(language.keyed("crisis.safe", lang))
        return Transition(resumed, (safe, *ask_again(resumed)))
    return Transition(cleared, (Reply(language.keyed("crisis.safe_closed", lang)),))
