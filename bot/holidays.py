"""Holidays in a date: the days that are the same everywhere, and those named back as unread.

Pure: the words in (lower case, as bot/datewords.py cleans them), a local day out. Holidays
are read only where their date is the same for everyone: fixed days (Christmas, New Year) and
Western Easter (python-dateutil). A holiday whose date depends on a country or a lunar
calendar is named back as unread rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from types import MappingProxyType

from dateutil.easter import easter


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


def _possessive(words: str) -> str:
    """ "new year's", "new year s" (apostrophes cleaned away) -> "new years"."""
    return re.sub(r"\b(\w+)(?:'|\s)s\b", r"\1s", words)


# The winter holidays, named without a date ("after the holidays", "before the break"):
# read only from November to early January, when they can mean nothing else.
_WINTER = re.compile(
    r"\b(?P<side>after|post|before|pre)\s+(?:the\s+)?(?:christmas\s+|winter\s+|festive\s+)?"
    r"(?:holidays|hols|holiday season|festive season|break)\b"
)


def _winter_holidays(side: str, today: date) -> date | None:
    """After them, the first Monday after New Year's Day; before them, the last Friday
    before Christmas Eve; None outside November to 6 January, or once that day is past."""
    if not (today.month >= 11 or (today.month == 1 and today.day <= 6)):
        return None
    year = today.year + 1 if today.month >= 11 else today.year
    if side in ("after", "post"):
        new_year = date(year, 1, 1)
        day = new_year + timedelta(days=7 - new_year.weekday())
    else:
        eve = date(year - 1, 12, 24)
        day = eve - timedelta(days=(eve.weekday() - 4) % 7 or 7)
    return day if day > today else None


def holiday_day(words: str, today: date) -> date | None:
    """The next local day a holiday phrase names ("after xmas" -> 26 December); None if none."""
    winter = _WINTER.search(words)
    if winter is not None:
        return _winter_holidays(winter.group("side"), today)
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


def unread_holiday(words: str, today: date) -> str | None:
    """A holiday named whose date the coach will not guess ("thanksgiving"; "the holidays"
    outside the winter); None if none."""
    winter = _WINTER.search(words)
    if winter is not None and _winter_holidays(winter.group("side"), today) is not None:
        return None
    found = _UNREAD_HOLIDAY.search(_possessive(words))
    return found.group(1) if found else None
