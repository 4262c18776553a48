"""The command words a user may type at any point (the same on every platform)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class CommandName(StrEnum):
    """Every command the coach understands."""

    HELP = "help"
    CANCEL = "cancel"
    BACK = "back"
    SKIP = "skip"
    RESTART = "restart"
    STATUS = "status"
    WINS = "wins"
    REMINDERS = "reminders"
    TIMEZONE = "timezone"
    QUIET = "quiet"
    EXPORT = "export"
    PLAN = "plan"
    FORGET = "forget me"


@dataclass(frozen=True, slots=True)
class Command:
    """A parsed command with its argument (empty when it takes none)."""

    name: CommandName
    argument: str = ""


_WITH_ARGUMENT = (CommandName.TIMEZONE, CommandName.QUIET, CommandName.REMINDERS)
_EXACT = {name.value: name for name in CommandName} | {
    "forget": CommandName.FORGET,
    "forgetme": CommandName.FORGET,
    "delete my data": CommandName.FORGET,
    "undo": CommandName.BACK,
    # The commands people type in Spanish, German, French and Portuguese (the coach then
    # says, once, that the coaching is in English).
    "ayuda": CommandName.HELP,
    "hilfe": CommandName.HELP,
    "aide": CommandName.HELP,
    "ajuda": CommandName.HELP,
    "cancelar": CommandName.CANCEL,
    "abbrechen": CommandName.CANCEL,
    "annuler": CommandName.CANCEL,
    "zurück": CommandName.BACK,
    "zuruck": CommandName.BACK,
    "zurueck": CommandName.BACK,
    "atrás": CommandName.BACK,
    "atras": CommandName.BACK,
    "volver": CommandName.BACK,
    "retour": CommandName.BACK,
    "voltar": CommandName.BACK,
    # Skipping and starting again, one word or a fixed phrase in each language.
    "saltar": CommandName.SKIP,
    "omitir": CommandName.SKIP,
    "überspringen": CommandName.SKIP,
    "ueberspringen": CommandName.SKIP,
    "passer": CommandName.SKIP,
    "sauter": CommandName.SKIP,
    "pular": CommandName.SKIP,
    "start over": CommandName.RESTART,
    "start again": CommandName.RESTART,
    "empezar de nuevo": CommandName.RESTART,
    "reiniciar": CommandName.RESTART,
    "neu anfangen": CommandName.RESTART,
    "von vorne": CommandName.RESTART,
    "recommencer": CommandName.RESTART,
    "recomeçar": CommandName.RESTART,
    "começar de novo": CommandName.RESTART,
}
# Commands are short: anything longer is an answer, and need not be examined further.
_LONGEST = max(len(word) for word in _EXACT) + 200
# A leading slash or exclamation mark is how many people type commands in chat apps.
_PREFIX = re.compile(r"^[/!]\s*")
_SPACES = re.compile(r"\s+")


def parse_command(text: str) -> Command | None:
    """Read text as a command, or return None when it is an ordinary answer."""
    if len(text) > _LONGEST:
        return None
    words = _SPACES.sub(" ", _PREFIX.sub("", text.strip())).strip()
    lowered = words.lower().rstrip(".!")
    exact = _EXACT.get(lowered)
    if exact is not None:
        return Command(exact)
    for name in _WITH_ARGUMENT:
        prefix = name.value + " "
        if lowered.startswith(prefix):
            return Command(name, words[len(prefix) :].strip())
    # `plan 2` shows an older plan; "plan to ask again in March" is an answer, not a command.
    plan, _, number = lowered.partition(" ")
    if plan == CommandName.PLAN.value and number.strip().isascii() and number.strip().isdigit():
        return Command(CommandName.PLAN, number.strip())
    return None
