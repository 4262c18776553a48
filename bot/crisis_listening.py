"""After a crisis reply: every message is read for safety first. Danger repeats the emergency
line; only the person's own words that they are safe lead back (to the setback the crisis
message told, when it told one); not wanting to talk keeps the coach listening; wanting to go
back to the coaching is acknowledged, and safety asked again in other words; a country typed is
kept; "stop" repeats the lines before it ends."""

from __future__ import annotations

import re
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
    asked_of,
    at_check_in,
    back_to_check_in,
    concern_of,
    countries_for,
    crisis,
    keep_message,
    language_of,
    listening_data,
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
    Step,
    Transition,
)
from bot.opening import ack_setback, looks_like_a_setback, welcome
from bot.safety import Concern, Screening, Tier, screen, worded
from bot.safety.answers import (
    FollowUp,
    follow_up,
    named_means_or_time,
)
from bot.safety.normal import normalise
from bot.steps import ask, record
from bot.text import as_number


def typed_choice(inbound: Inbound, country_known: bool, lang: str = "en") -> Inbound:
    """A typed number or label of the last menu shown after a crisis reply, as its button;
    `lang`: the flow's language, whose countries the country question offered."""
    if inbound.kind is not InboundKind.MESSAGE:
        return inbound
    typed = inbound.text.strip().lower().rstrip(".")
    # The country question comes last while the country is unknown; then the two ways on.
    step, choices = (
        (COUNTRY_STEP, countries_for(lang)) if not country_known else (CRISIS_STEP, CRISIS_CHOICES)
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
    asked = asked_of(session)
    check_in = at_check_in(session)
    # A switch of language is kept for the next replies.
    session = replace(session, pending_data=listening_data(concern, lang, asked, check_in=check_in))
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
    earlier = session.answers.get(CRISIS_ANSWER, "")
    said = follow_up(inbound.text, found, immediate=named_means_or_time(earlier))
    new_kind = found is not None and found.tier is Tier.CRISIS and found.concern.value != concern
    if said is FollowUp.DANGER and new_kind and found is not None:
        # A new kind of danger ("he hits me" after talk of suicide) gets its own lines.
        return crisis(
            session,
            found.concern.value,
            inbound.text,
            now,
            country_known=True,
            lang=lang,
            check_in=check_in,
        )
    if said is FollowUp.DANGER:
        kept = keep_message(session, inbound.text, now)
        return Transition(kept, (with_lines("crisis.danger_now", concern, lang),))
    if said is FollowUp.MINIMISING:
        # A bare "I'm fine" after the pills or "tonight" were named: asked once more, plainly.
        key = "crisis.make_sure_danger" if concern == Concern.DANGER.value else "crisis.make_sure"
        return Transition(session, (with_lines(key, concern, lang),))
    if said is FollowUp.SAFE:
        return _safe(session, inbound, now, lang)
    if said is FollowUp.STOP:
        return stop_flow(session, concern, now, lang)
    if said is FollowUp.QUIET:
        # Not wanting to talk is respected, and is no way out: the coach stays, the lines in
        # view, and only asks whether they are safe; "stop" still ends it.
        return Transition(session, (with_lines("crisis.quiet", concern, lang),))
    if said is FollowUp.ABOUT_LINES:
        # What happens on a call, whether it is free: answered, then the lines and the question.
        return Transition(session, (with_lines("crisis.about_lines", concern, lang),))
    # Asked again whether they are safe, never twice running in the same words; a wish to go
    # back to the coaching ("can we just go back to the promotion thing") is heard, and waits
    # for their word that they are safe.
    key = "crisis.back" if _BACK_TO_IT.search(normalise(inbound.text)) else "crisis.check"
    again = replace(
        session, pending_data=listening_data(concern, lang, asked + 1, check_in=check_in)
    )
    return Transition(again, (with_lines(key + ("_again" if asked % 2 else ""), concern, lang),))


# Wanting to go back to the coaching, in the five languages ("can we just get back to the
# raise", "volvamos a lo del ascenso", "können wir weitermachen", "on peut reprendre").
_BACK_TO_IT = re.compile(
    r"\b(?:(?:go|get|come|going|getting|goin) back to|back to (?:the|my|our|it|work|coaching"
    r"|what|where)|continue|carry on|move on|resume|pick (?:it |this |that )?(?:back )?up"
    r"|talk about (?:the|my|something else)|(?:can|could|shall) we (?:just )?(?:do|talk about"
    r"|get to|finish|get on)|where we (?:were|left off)|the (?:promotion|raise|reframe|plan"
    r"|coaching|questions?|exercise|job|no) (?:thing|stuff|again|now|please)"
    r"|volver a|volvamos|seguir con|sigamos|continuar|retomar|lo de (?:la|el|mi)"
    r"|zuruck zu|weitermachen|weiter (?:machen|mit)|fortsetzen|zum thema|lass uns weiter"
    r"|revenir a|reprendre|continuer|on continue"
    r"|voltar (?:a|ao|pra|para)|vamos voltar|seguir com|bora continuar)\b"
)
# Where a crisis message tells its setback beside the risk: "my boss said no to the
# promotion and i want to die tonight" has a no to reuse once they are safe.
_CLAUSES = re.compile(
    r"[.!?;:\n]+|,| (?:and|but|so|also|y|pero|und|aber|et|mais|e|mas|then) ", re.IGNORECASE
)


def told_setback(session: Session) -> str | None:
    """The setback the crisis message told beside the risk, while none is kept; else None.

    Only a clause that tells a "no" and in which screening reads no risk at all.
    """
    if session.step not in (Step.WELCOME, Step.SETBACK) or Step.SETBACK.value in session.answers:
        return None
    for clause in _CLAUSES.split(session.answers.get(CRISIS_ANSWER, "")):
        clause = clause.strip()
        if len(clause.split()) < 3 or worded(clause) or screen(clause) is not None:
            continue
        if looks_like_a_setback(clause):
            return clause
    return None


def _country(session: Session, code: str, concern: str, lang: str) -> Transition:
    chosen = OTHER_COUNTRY if code == "other" else code
    return Transition(session, (with_lines("country.set", concern, lang),), (SetCountry(chosen),))


def _safe(session: Session, inbound: Inbound, now: datetime, lang: str) -> Transition:
    """The user's own word that they are safe right now: back to coaching, gently."""
    cleared = replace(session, updated_at=now, pending=None, pending_data=None)
    if at_check_in(session):
        # A crisis at a check-in: back to "how did it go?", its reminder kept all along.
        safe = Reply(language.keyed("crisis.safe_check_in", lang))
        return back_to_check_in(cleared, now, lang, safe)
    if session.status is Status.PAUSED:
        resumed = replace(cleared, status=Status.ACTIVE)
        safe = Reply(language.keyed("crisis.safe", lang))
        told = told_setback(resumed)
        if resumed.step is Step.WELCOME:
            # A crisis in the first message: the welcome now, with the no it told if any.
            story = Inbound(session.user, text=told or "", timezone=inbound.timezone)
            welcomed = welcome(resumed, story, now)
            return replace(welcomed, replies=(safe, *welcomed.replies))
        if told is not None:
            # The no was told with the crisis message: not asked for again.
            moved = record(resumed, Step.SETBACK, told, now)
            return Transition(moved, (safe, ack_setback(moved), ask(Step.ASK, moved)))
        return Transition(resumed, (safe, *ask_again(resumed)))
    return Transition(cleared, (Reply(language.keyed("crisis.safe_closed", lang)),))
