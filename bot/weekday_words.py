"""Weekdays with a word that says which one, in five languages ("next friday", "nächsten
Freitag", "vendredi prochain", "esta sexta", "friday of next week") (pure).

Other languages' weekdays and their words are first said in English (`in_english`); then
`weekday_day` reads the English. A weekday alone ("friday") is left to the date parser.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType

_ENGLISH = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Each language's names, Monday first (Portuguese "-feira" may follow; accents optional).
_NAMES = (
    ("lunes", "martes", "miercoles miércoles", "jueves", "viernes", "sabado sábado", "domingo"),
    ("segunda", "terca terça", "quarta", "quinta", "sexta", "sabado sábado", "domingo"),
    ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag sonnabend", "sonntag"),
    ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
)
_FOREIGN: Mapping[str, str] = MappingProxyType(
    {
        name: english
        for names in _NAMES
        for english, spelled in zip(_ENGLISH, names, strict=True)
        for name in spelled.split()
    }
)
_DAY = r"(?P<day>" + "|".join(sorted(_FOREIGN, key=len, reverse=True)) + r")(?:[- ]feira)?"
# Words before or after a weekday that say which one: the next one, this one, or just it.
_NEXT_BEFORE = r"pr[oó]xim[oa]|n[aä]e?chste[nrs]?|kommende[nrs]?"
_THIS_BEFORE = r"este|esta|neste|nesta|diese[nrs]?|ce"
_FOREIGN_DAY = re.compile(
    rf"\b(?:(?:el|la|o|a|na|no|am|le) )?(?:(?P<next>{_NEXT_BEFORE})|(?P<this>{_THIS_BEFORE}))?"
    rf"\s*\b{_DAY}\b(?P<after> que (?:viene|vem)| prochain| qui vient)?"
)
_ABBREVIATED = (
    r"mon(?:day)?",
    r"tue(?:s|sday)?",
    r"wed(?:s|nesday)?",
    r"thu(?:r|rs|rsday)?",
    r"fri(?:day)?",
    r"sat(?:urday)?",
    r"sun(?:day)?",
)
_WEEKDAY = r"(?P<day>" + "|".join(_ABBREVIATED) + r")"
_LATER = _WEEKDAY.replace("?P<day>", "?P<later>")
# "friday of next week", "next week friday", "viernes de la semana que viene" (as English).
_OF_NEXT_WEEK = re.compile(
    rf"\b{_WEEKDAY}\s+(?:of\s+|on\s+|in\s+)?(?:the\s+)?(?:\w{{1,3}}\s+)?(?:next|following)"
    rf"\s+week\b|\b(?:next|following)\s+week(?:'?s)?\s+(?:on\s+)?{_LATER}\b"
)
# "friday after next", "friday week", "a week on friday": the week after the coming one.
_WEEK_AFTER = re.compile(
    rf"\b{_WEEKDAY}\s+(?:after\s+next|week)\b|\ba\s+week\s+(?:on|from)\s+{_LATER}\b"
)
# "next friday", "this coming friday", "this friday": the coming one.
_WITH_A_WORD = re.compile(rf"\b(?P<which>this\s+coming|coming|upcoming|next|this)\s+{_WEEKDAY}\b")


def _english(found: re.Match[str]) -> str:
    day = _FOREIGN[found.group("day").lower()]
    if found.group("next") or found.group("after"):
        return f"next {day}"
    return f"this {day}" if found.group("this") else day


def in_english(words: str) -> str:
    """Weekdays of es/de/fr/pt, with their words, said in English ("vendredi prochain" ->
    "next friday", "diesen freitag" -> "this friday", "el viernes" -> "friday")."""
    return _FOREIGN_DAY.sub(_english, words)


def _index(found: re.Match[str]) -> int:
    """Which weekday a match names, Monday 0."""
    day = found.group("day") or found.group("later")
    return [english[:3] for english in _ENGLISH].index(day[:3])


def weekday_day(words: str, today: date) -> date | None:
    """The local day a weekday with a word of which one names (English words); None if none.

    "next", "coming" and "this coming" mean the first such day after today; "this" the one
    of the coming seven days, today included; "of next week" the one in the week after this.
    """
    found = _OF_NEXT_WEEK.search(words)
    if found is not None:
        monday = today + timedelta(days=7 - today.weekday())
        return monday + timedelta(days=_index(found))
    found = _WEEK_AFTER.search(words)
    if found is not None:
        return today + timedelta(days=(_index(found) - today.weekday() - 1) % 7 + 8)
    found = _WITH_A_WORD.search(words)
    if found is None:
        return None
    ahead = (_index(found) - today.weekday()) % 7
    if found.group("which") != "this" and ahead == 0:
        ahead = 7
    return today + timedelta(days=ahead)
