"""Typed words that name a choice on offer ("soft", "Soft boundary", "berlin") as that choice."""

from __future__ import annotations

from dataclasses import replace

from bot import about_coach, default_answer, dialogue, engine, pushing_back
from bot.commands import CommandName, parse_command
from bot.domain import Inbound, InboundKind, Pending, Session
from bot.going_back import new_choice
from bot.prompts import Catalog
from bot.zones import find_zone


def resolve_choice(catalog: Catalog, session: Session, inbound: Inbound) -> Inbound:
    """Typed words that name a choice ("soft", "Soft boundary") become that choice."""
    if inbound.kind is not InboundKind.MESSAGE or inbound.choice is not None:
        return inbound
    command = parse_command(inbound.text) if inbound.text else None
    if command is not None and command.name is CommandName.TIMEZONE and command.argument:
        # `timezone berlin` names one zone: the engine is given its IANA name.
        named = find_zone(command.argument).zone
        return replace(inbound, text=f"timezone {named}") if named else inbound
    if not inbound.text or command is not None:
        return inbound
    default = default_answer.taken(session, inbound.text)
    if default is not None:
        # "sure use that one" after "A good default: …": those words are the answer.
        return replace(inbound, text=catalog.text(default))
    if session.pending in (Pending.TIMEZONE, Pending.ZONE_NAME):
        zone = find_zone(inbound.text).zone
        if zone is not None:
            return replace(inbound, choice=engine.ZONE_CHOICE, text=zone)
    if session.pending is not None:
        if session.pending not in engine.PENDING_CHOICES:
            return inbound
        prefix, ids, allow_rest = (
            session.pending.value,
            engine.PENDING_CHOICES[session.pending],
            False,
        )
    elif session.is_open and session.step in engine.QUESTIONS:
        question = engine.QUESTIONS[session.step]
        if not question.choices:
            return inbound
        if new_choice(session, inbound) is not None:
            # "no wait, hard" changes the choice just made: not this question's "no".
            return inbound
        if about_coach.asked(inbound.text) is not None:
            # "soft i think, but who reads this?": the question is answered first (engine).
            return inbound
        if pushing_back.not_a_plain_choice(inbound.text):
            # "sure whatever", "no elegí nada", "no se... creo que sí": the engine reads them
            # (nothing picked, or the hedged choice said back), not the label they start with.
            return inbound
        # The choices shown on the user's path: a hard boundary offers its own list.
        prefix, ids = session.step.value, dialogue.choices(session.step, session.answers)
        allow_rest = not question.free_text_with_choices
    else:
        return inbound
    match = catalog.match_choice(prefix, ids, inbound.text, allow_rest=allow_rest)
    if match is None:
        return inbound
    return replace(inbound, choice=match[0], text=match[1])
