"""Calendar words date parsers miss: chat shorthand, holidays, a part of a month, other languages.

Pure: the words in (lower case, as bot/datewords.py cleans them), a local day out. Holidays
are read only where their date is the same for everyone: fixed days (Christmas, New Year) and
Western Easter (python-dateutil). A holiday whose date depends on a country or a lunar
calendar is named back as unread rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from types import MappingProxyType

from dateutil.easter import easter

# Chat shorthand -> the words dateparser and our rules read ("nxt fri", "2moro", "after xmas").
_SHORTHAND: Mapping[str, str] = MappingProxyType(
    {
        "2moro": "tomorrow",
        "2morrow": "tomorrow",
        "2morow": "tomorrow",
        "tmrw": "tomorrow",
        "tmrow": "tomorrow",
        "tmr": "tomorrow",
        "tmro": "tomorrow",
        "tomoz": "tomorrow",
        "tomorow": "tomorrow",
        "tommorow": "tomorrow",
        "tommorrow": "tomorrow",
        "2day": "today",
        "tdy": "today",
        "nxt": "next",
        "wk": "week",
        "wks": "weeks",
        "xmas": "christmas",
        "x-mas": "christmas",
        "chrimbo": "christmas",
        "nye": "new years eve",
    }
)
_SHORT = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, _SHORTHAND)) + r")(?![\w-])")


# Weekdays in Spanish and Portuguese (accents optional), for "el lunes que viene".
_WEEKDAY_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "lunes": "monday",
        "martes": "tuesday",
        "miercoles": "wednesday",
        "jueves": "thursday",
        "viernes": "friday",
        "sabado": "saturday",
        "domingo": "sunday",
        "segunda": "monday",
        "terca": "tuesday",
        "quarta": "wednesday",
        "quinta": "thursday",
        "sexta": "friday",
    }
)
_DAY = r"(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|segunda|ter[cç]a|quarta|"
_DAY += r"quinta|sexta)(?:-feira| feira)?"
_NEXT_DAY = re.compile(
    rf"\b(?:(?:el|la|o|a|na|no) )?(?:{_DAY} que (?:viene|vem)|pr[oó]xim[oa] {_DAY})\b"
)
# Relative words in Spanish and Portuguese, and "first week of jan", as the English we read.
_RELATIVE = (
    (
        re.compile(r"\b(?:(?:la|a|el|o) )?(?:semana que (?:viene|vem)|pr[oó]xima semana)\b"),
        "next week",
    ),
    (
        re.compile(r"\b(?:(?:el|o) )?(?:mes que viene|m[eê]s que vem|pr[oó]ximo m[eê]s)\b"),
        "next month",
    ),
    (re.compile(r"\b(?:the )?first (?:week|days?) of\b"), "early"),
    (re.compile(r"\b(?:the )?last (?:week|days?) of\b"), "late"),
)


def _weekday(found: re.Match[str]) -> str:
    name = (found.group(1) or found.group(2)).translate(str.maketrans("áéç", "aec"))
    return f"next {_WEEKDAY_NAMES[name]}"


def expand(words: str) -> str:
    """The words with chat shorthand spelled out ("nxt fri" -> "next fri"), and relative
    words in Spanish and Portuguese ("el lunes que viene" -> "next monday")."""
    spelled = _SHORT.sub(lambda found: _SHORTHAND[found.group(1)], words)
    spelled = _NEXT_DAY.sub(_weekday, spelled)
    for pattern, english in _RELATIVE:
        spelled = pattern.sub(english, spelled)
    return spelled


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _from_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter(year) + timedelta(days=days)


# Holidays whose date is the same everywhere: phrase -> the day in a given year (written
# without apostrophes: "new year's" arrives as "new years", see _possessive).
_HOLIDAYS: Mapping[str, Callable[[int], date]] = MappingProxyType(
    {
        "christmas eve": _fixed(12, 24),
        "christmas day": _fixed(12, 25),
        "christmas": _fixed(12, 25),
        "boxing day": _fixed(12, 26),
        "new years eve": _fixed(12, 31),
        "new years day": _fixed(1, 1),
        "new years": _fixed(1, 1),
        "new year": _fixed(1, 1),
        "valentines day": _fixed(2, 14),
        "valentines": _fixed(2, 14),
        "halloween": _fixed(10, 31),
        "good friday": _from_easter(-2),
        "easter sunday": _from_easter(0),
        "easter monday": _from_easter(1),
        "easter": _from_easter(0),
    }
)
# Before the phrase: "after" is the day after, "before" the day before; "the day after" too.
_HOLIDAY = re.compile(
    r"\b(?:(?P<side>after|before|post|pre)\s+(?:the\s+)?)?"
    r"(?P<name>" + "|".join(sorted(map(re.escape, _HOLIDAYS), key=len, reverse=True)) + r")"
    r"\b"
)
# Holidays whose day depends on a country or a lunar calendar: said back as unread.
_UNREAD_HOLIDAY = re.compile(
    r"\b(thanksgiving|diwali|deepavali|eid(?: al[- ](?:fitr|adha))?|ramadan|hanukkah|chanukah|"
    r"passover|pesach|rosh hashanah|yom kippur|lunar new year|chinese new year|holi|"
    r"carnival|carnaval|mardi gras|labou?r day|memorial day|mothers? day|fathers? day|"
    r"black friday|bank holiday|half term|spring break|summer break|the holidays)\b"
)

_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Where in a month: "mid january", "end of feb", "early march", "the start of june".
_PART_DAY: Mapping[str, int] = MappingProxyType(
    {"start": 1, "beginning": 1, "early": 5, "mid": 15, "middle": 15, "late": 25, "end": 31}
)
_PART_OF_MONTH = re.compile(
    r"\b(?:the\s+)?(start|beginning|early|mid|middle|late|end)(?:\s+of|-|\s+)\s*(?:the\s+)?"
    r"(?:month\s+of\s+)?(" + "|".join(_MONTH_STEMS) + r")[a-z]*\b"
)


def _possessive(words: str) -> str:
    """ "new year's", "new year s" (apostrophes cleaned away) -> "new years"."""
    return re.sub(r"\b(\w+)(?:'|\s)s\b", r"\1s", words)


def holiday_day(words: str, today: date) -> date | None:
    """The next local day a holiday phrase names ("after xmas" -> 26 December); None if none."""
    found = _HOLIDAY.search(_possessive(words))
    if found is None:
        return None
    name, side = found.group("name"), found.group("side")
    shift = {"after": 1, "post": 1, "before": -1, "pre": -1}.get(side or "", 0)
    for year in (today.year, today.year + 1):
        day = _HOLIDAYS[name](year) + timedelta(days=shift)
        if day >= today:
            return day
    return None


def unread_holiday(words: str) -> str | None:
    """A holiday named whose date the coach will not guess ("thanksgiving"); None if none."""
    found = _UNREAD_HOLIDAY.search(_possessive(words))
    return found.group(1) if found else None


def part_of_month(words: str, today: date) -> date | None:
    """The day a part of a named month means ("mid january" -> the 15th); the next such one."""
    found = _PART_OF_MONTH.search(words)
    if found is None:
        return None
    month = _MONTH_STEMS.index(found.group(2)) + 1
    wanted = _PART_DAY[found.group(1)]
    for year in (today.year, today.year + 1):
        day = date(year, month, min(wanted, calendar.monthrange(year, month)[1]))
        if day > today:
            return day
    return None


# Month names of the other languages the coach reads (es, de, fr, pt) that English spells
# differently: a date holding one is read in those languages first ("am 15. Januar").
_FOREIGN_MONTH = re.compile(
    r"\b(enero|febrero|marzo|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    r"diciembre|januar|februar|märz|maerz|mai|juni|juli|oktober|dezember|janvier|février|"
    r"fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    r"janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro)\b"
)

# The languages besides English that dates are read in, as dateparser names them.
OTHER_LANGUAGES = ("es", "de", "fr", "pt")


def foreign_month(words: str) -> bool:
    """Whether the words name a month in Spanish, German, French or Portuguese."""
    return _FOREIGN_MONTH.search(words) is not None
