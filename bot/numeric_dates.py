"""Dates in numbers ("1/2", "5.1.", "the 15th") in the user's locale order (pure).

A day-month pair both orders could mean is read in the locale's order; where the locale is
unknown or uses both (en_CA), both days come back, for the coach to ask which one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from bot.timeparse import zone

_DAY_OF_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b|\bon\s+the\s+(\d{1,2})\b")
_NUMERIC = re.compile(r"(?<![\d.:/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?(?![\d:/])")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAME = re.compile(r"\b(?:" + "|".join(MONTHS) + r")[a-z]*\b")

# Month-day order by region: these use month first; CA mixes both, so the coach asks.
_MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"})
_BOTH_ORDERS = frozenset({"CA"})


def date_order(locale: str | None) -> str | None:
    """'DMY' or 'MDY' for a locale ("en_GB.UTF-8", "en-US", "de"); None when unknown or mixed."""
    if not locale:
        return None
    base = locale.split(".")[0].split("@")[0].replace("-", "_")
    language, _, region = base.partition("_")
    region = region.upper()
    if language.lower() in ("", "c", "posix"):
        return None
    if region in _BOTH_ORDERS:
        return None
    if region in _MONTH_FIRST:
        return "MDY"
    if not region and language.lower() == "en":
        return None
    return "DMY"


def numeric_day(words: str, today: date, locale: str | None) -> date | tuple[date, date] | None:
    """The day "1/2" or "5.1.2027" names after today (two when the order is unknown); None
    when the words hold no such date."""
    match = _NUMERIC.search(words)
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(3))
    year_text = match.group(4)
    year = None if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
    day_first = _on_or_after(today, year, month=second, day=first)
    month_first = _on_or_after(today, year, month=first, day=second)
    if day_first is None or month_first is None or day_first == month_first:
        return day_first or month_first
    order = date_order(locale)
    if order == "DMY":
        return day_first
    if order == "MDY":
        return month_first
    return (day_first, month_first)


def has_numeric(words: str) -> bool:
    """Whether the words hold a day and month in numbers ("1/2", "5.1.")."""
    return _NUMERIC.search(words) is not None


def day_of_month(words: str, today: date) -> date | None:
    """The next date after today on the day of the month the words name ("the 15th")."""
    found = _DAY_OF_MONTH.search(words)
    if found is None:
        return None
    day = int(found.group(1) or found.group(2))
    if not 1 <= day <= 31:
        return None
    year, month = today.year, today.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) > today:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _on_or_after(today: date, year: int | None, *, month: int, day: int) -> date | None:
    """The date of this month and day: in the given year, else the next one after today."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        return None
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    for candidate in (today.year, today.year + 1, today.year + 4):
        try:
            found = date(candidate, month, day)
        except ValueError:
            continue
        if found > today:
            return found
    return None


def pick_by_month(text: str, days: tuple[datetime, ...], tz_name: str) -> datetime | None:
    """The one of `days` whose local month the words name ("feb", "the 1st of February")."""
    named = {MONTHS.index(found[:3]) + 1 for found in MONTH_NAME.findall(text.lower())}
    tz = zone(tz_name)
    fitting = [day for day in days if day.astimezone(tz).month in named]
    return fitting[0] if len(fitting) == 1 else None
