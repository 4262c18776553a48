"""Calendar words date parsers miss: chat shorthand, a part of a month, other languages.

Pure: the words in (lower case, as bot/datewords.py cleans them), English words or a local
day out. Holidays are read in bot/holidays.py.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from bot import weekday_words

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


# Numbers of the other languages, for "em duas semanas", "dans deux semaines".
_COUNTS: Mapping[str, str] = MappingProxyType(
    {"un": "1", "una": "1", "uno": "1", "um": "1", "uma": "1", "ein": "1", "eine": "1"}
    | {"einer": "1", "einem": "1", "une": "1", "dos": "2", "dois": "2", "duas": "2"}
    | {"zwei": "2", "deux": "2", "tres": "3", "três": "3", "drei": "3", "trois": "3"}
    | {"cuatro": "4", "quatro": "4", "vier": "4", "quatre": "4", "cinco": "5", "cinq": "5"}
    | {"fünf": "5", "huit": "8", "ocho": "8", "oito": "8", "acht": "8", "diez": "10"}
    | {"dix": "10", "dez": "10", "zehn": "10", "quince": "15", "quinze": "15", "vierzehn": "14"}
)
_FOREIGN_UNITS: Mapping[str, str] = MappingProxyType(
    {"dia": "days", "día": "days", "tag": "days", "jour": "days", "semana": "weeks"}
    | {"woche": "weeks", "semaine": "weeks", "mes": "months", "mês": "months", "monat": "months"}
    | {"mois": "months"}
)
_IN_FOREIGN = re.compile(
    r"\b(?:en|em|in|dentro de|daqui a|dans|d'ici|binnen)\s+(\d{1,3}|"
    + "|".join(_COUNTS)
    + r")\s+(d[ií]as?|tag(?:e|en)?|jours?|semanas?|wochen?|semaines?|mes(?:es)?|m[eê]s|"
    r"monat(?:e|en)?|mois)\b"
)


def _in_english(found: re.Match[str]) -> str:
    count, unit = found.group(1), found.group(2)
    stems = sorted(_FOREIGN_UNITS, key=len, reverse=True)
    stem = next(stem for stem in stems if unit.startswith(stem))
    return f"in {_COUNTS.get(count, count)} {_FOREIGN_UNITS[stem]}"


# A time of day said the way es/de/fr/pt say it ("a las 10", "um 9 Uhr", "à 10h30",
# "às 10 da noite"), as the English the clock reader knows ("at 10", "at 22:00").
_FOREIGN_CLOCK = re.compile(
    r"\b(?:a las|a la|à|às|vers|gegen|um)\s+(?P<hour>\d{1,2})(?:(?::|h|\.)(?P<minute>\d{2}))?"
    r"(?:\s*(?:uhr|h|horas?|heures?)\b)?"
    r"(?:\s+(?:de la|du|da|in der|am)\s+(?P<part>mañana|manana|matin|manhã|manha|früh|morgen|"
    r"tarde|noche|soir|noite|abend|nachmittag|après-midi))?"
    # Not an amount ("um 2 weeks" is an English "um").
    r"(?!\s*(?:[\d:.]|(?:weeks?|days?|months?|years?|hours?|mins?|minutes?|wks?)\b))"
    r"|\b(?P<bare>\d{1,2})\s*uhr\b"
)
_LATER_PART = frozenset({"tarde", "noche", "soir", "noite", "abend", "nachmittag", "après-midi"})


def _clock(found: re.Match[str]) -> str:
    if found.group("bare") is not None:
        return f"at {found.group('bare')}:00"
    hour, minute = int(found.group("hour")), found.group("minute") or "00"
    if found.group("minute") is None and found.group("part") is None:
        # "mañana a las 3": a bare hour, read as the English "at 3" is (clockwords.clock).
        return f"at {hour}"
    if found.group("part") in _LATER_PART and hour < 12:
        hour += 12
    return f"at {hour}:{minute}"


# Weeks and months of es/de/fr/pt as the English our rules read ("la semaine prochaine").
_RELATIVE = (
    (
        re.compile(
            r"\b(?:(?:la|a|el|o|na) )?(?:semana que (?:viene|vem)|pr[oó]xima semana)\b"
            r"|\b(?:(?:die|der|in der) )?(?:n[aä]e?chste[nr]?|kommende[nr]?) woche\b"
            r"|\b(?:(?:la) )?semaine prochaine\b"
        ),
        "next week",
    ),
    (
        re.compile(
            r"\b(?:(?:el|o) )?(?:mes que viene|m[eê]s que vem|pr[oó]ximo m[eê]s)\b"
            r"|\b(?:(?:den|im) )?(?:n[aä]e?chsten|kommenden) monat\b|\b(?:le )?mois prochain\b"
        ),
        "next month",
    ),
    (re.compile(r"\b(?:the )?first (?:week|days?) of\b"), "early"),
    (re.compile(r"\b(?:the )?last (?:week|days?) of\b"), "late"),
)
# Holidays and "after" in the other languages ("nach Weihnachten", "après les fêtes").
_FOREIGN_HOLIDAY = re.compile(
    r"\b(?P<after>nach|despu[eé]s de|apr[eè]s|depois d[eoa]s?)?\s*"
    r"(?:(?:den|las|la|los|el|les|le|l'|o|a|do|da|das|dos)\s*)?"
    r"(?P<name>feiertagen|fiestas|f[eê]tes|festas|weihnachten|navidad|no[eë]l|natal|"
    r"neujahr|a[ñn]o nuevo|nouvel an|ano novo)\b"
)
_HOLIDAY_NAMES: Mapping[str, str] = MappingProxyType(
    {"feiertagen": "the holidays", "fiestas": "the holidays", "fetes": "the holidays"}
    | {"fêtes": "the holidays", "festas": "the holidays", "weihnachten": "christmas"}
    | {"navidad": "christmas", "noel": "christmas", "noël": "christmas", "natal": "christmas"}
    | {"neujahr": "new year", "año nuevo": "new year", "ano nuevo": "new year"}
    | {"nouvel an": "new year", "ano novo": "new year"}
)


def _holiday(found: re.Match[str]) -> str:
    name = _HOLIDAY_NAMES[found.group("name")]
    return f"after {name}" if found.group("after") else name


# "o dia 15 de março", "el día 3": the word for "day" before its number says nothing more.
_DAY_WORD = re.compile(r"\b(?:(?:o|el|no|al) )?d[ií]a (?=\d)")


def expand(words: str) -> str:
    """The words as the English our rules read: chat shorthand spelled out ("nxt fri" ->
    "next fri"), and days, weeks, times and holidays of es/de/fr/pt ("el lunes que viene"
    -> "next monday", "um 9 Uhr" -> "at 9:00", "nach Weihnachten" -> "after christmas")."""
    spelled = _SHORT.sub(lambda found: _SHORTHAND[found.group(1)], words)
    spelled = _DAY_WORD.sub("", spelled)
    spelled = _FOREIGN_CLOCK.sub(_clock, spelled)
    spelled = _IN_FOREIGN.sub(_in_english, spelled)
    for pattern, english in _RELATIVE:
        spelled = pattern.sub(english, spelled)
    spelled = _FOREIGN_HOLIDAY.sub(_holiday, spelled)
    return weekday_words.in_english(spelled)


_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Where in a month: "mid january", "end of feb", "early march", "the start of june".
_PART_DAY: Mapping[str, int] = MappingProxyType(
    {"start": 1, "beginning": 1, "early": 5, "mid": 15, "middle": 15, "late": 25, "end": 31}
)
_PART_OF_MONTH = re.compile(
    r"\b(?:the\s+)?(start|beginning|early|mid|middle|late|end)(?:\s+of|-|\s+)\s*(?:the\s+)?"
    r"(?:month\s+of\s+)?(" + "|".join(_MONTH_STEMS) + r")[a-z]*\b"
)


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
