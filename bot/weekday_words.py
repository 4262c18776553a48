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
# "übernächsten Freitag": the one after the coming one.
_AFTER_NEXT_BEFORE = r"[üu]bern[aä]e?chste[nrs]?"
_FOREIGN_DAY = re.compile(
    rf"\b(?:(?:el|la|o|a|na|no|am|le) )?(?:(?:(?P<next>{_NEXT_BEFORE})|(?P<this>{_THIS_BEFORE})|"
    rf"(?P<after_next>{_AFTER_NEXT_BEFORE}))\s+)?"
    rf"\b{_DAY}\b(?P<after> que (?:viene|vem)| prochain| qui vient)?"
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
    rf"\b{_WEEKDAY}\s+(?:after\s+next|week)\b|\b(?:a|one|1)\s+weeks?\s+(?:on|from)\s+{_LATER}\b"
)
# "friday in a week", "Freitag in einer Woche", "dentro de una semana el viernes", "vendredi
# en huit", "sexta daqui a uma semana" (as English), and so for two weeks ("vendredi en
# quinze", "friday in 2 weeks"): the first such day that many weeks or more away.
_ONE = r"(?:a|one|1)"
_TWO = r"(?:two|2)"
_A_WEEK = (
    rf"(?:in\s+(?:{_ONE}|{_TWO})\s+weeks?|in\s+(?:8|eight|14|fourteen|15|fifteen)\s+days|"
    r"in\s+a\s+fortnight)"
)
_IN_A_WEEK = re.compile(
    rf"\b{_WEEKDAY}\s+(?:{_A_WEEK}|(?:{_ONE}|{_TWO})\s+weeks?\s+(?:from\s+)?(?:now|today)|"
    rf"en\s+(?:huit|ocho|quinze|quince)(?:\s+(?:days|jours|d[ií]as))?)\b|"
    rf"\b{_A_WEEK}\s+(?:on\s+|at\s+|the\s+)?{_LATER}\b"
)
_TWO_WEEKS = re.compile(r"\b(?:two|2|14|fourteen|15|fifteen|quinze|quince|fortnight)\b")
# "next friday", "this coming friday", "this friday": the coming one.
_WITH_A_WORD = re.compile(rf"\b(?P<which>this\s+coming|coming|upcoming|next|this)\s+{_WEEKDAY}\b")


def _english(found: re.Match[str]) -> str:
    day = _FOREIGN[found.group("day").lower()]
    if found.group("after_next"):
        return f"{day} after next"
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
    of the coming seven days, today included; "of next week" the one in the week after this;
    "after next" and "a week from" a week after the coming one; "in a week" the first such
    day a week or more from today (on a Friday, "friday in a week" is a week today).
    """
    found = _OF_NEXT_WEEK.search(words)
    if found is not None:
        monday = today + timedelta(days=7 - today.weekday())
        return monday + timedelta(days=_index(found))
    found = _IN_A_WEEK.search(words)
    if found is not None:
        weeks = 2 if _TWO_WEEKS.search(found.group(0)) else 1
        return today + timedelta(days=7 * weeks + (_index(found) - today.weekday()) % 7)
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
