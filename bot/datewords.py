"""Dates in words, as the user meant them: in their zone, their locale's order, their local now.

Our own rules read what date parsers get wrong (a day of the month alone, parts of the day,
"in N weeks" on the local calendar, numeric dates in the user's order); dateparser reads the
rest (weekdays, month names), on the whole text or on the dates it finds inside a sentence.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from types import MappingProxyType

from bot import calendar_words, clockwords
from bot.timeparse import DEFAULT_NUDGE_TIME, zone

MAX_DATE_TEXT = 160
_NUMBERS = MappingProxyType(
    {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    | {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
)
_COUNT = r"(\d{1,3}|" + "|".join(_NUMBERS) + r")"
_UNIT = r"(day|week|fortnight|month)s?"
_RELATIVE = re.compile(
    rf"\bin\s+{_COUNT}\s+{_UNIT}\b|\b{_COUNT}\s+{_UNIT}\s+from\s+(?:today|now)\b"
)
_DAY_OF_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b|\bon\s+the\s+(\d{1,2})\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAME = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")[a-z]*\b")
_NUMERIC = re.compile(r"(?<![\d.:/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?(?![\d:/])")
_WORDS = re.compile(r"[^\w:./\-]+")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# "friday after next", "friday week": the week after the coming one (dateparser drops the rest).
_WEEK_AFTER = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\s+(?:after\s+next|week)\b"
)

# Month-day order by region: these use month first; CA mixes both, so the coach asks.
_MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"})
_BOTH_ORDERS = frozenset({"CA"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a date in words came to (UTC): a future moment, a past one, or two to choose from."""

    when: datetime | None = None
    past: datetime | None = None
    choices: tuple[datetime, datetime] | None = None
    # A holiday named whose date the coach will not guess ("thanksgiving"): said back as unread.
    holiday: str | None = None


def _today(now: date, _: date) -> date:
    return now


def _tomorrow(now: date, _: date) -> date:
    return now + timedelta(days=1)


def _friday(now: date, _: date) -> date:
    return now + timedelta(days=(4 - now.weekday()) % 7)


def _saturday(now: date, _: date) -> date:
    return now + timedelta(days=(5 - now.weekday()) % 7)


def _next_monday(now: date, _: date) -> date:
    return now + timedelta(days=7 - now.weekday())


def _month_end(now: date, _: date) -> date:
    return now.replace(day=calendar.monthrange(now.year, now.month)[1])


def _next_month_start(now: date, _: date) -> date:
    return _month_end(now, now) + timedelta(days=1)


def _next_month(now: date, _: date) -> date:
    # A vague "next month" on 30 November is no "tomorrow": under a week away, mid-month.
    start = _next_month_start(now, now)
    return start if (start - now).days >= 7 else start.replace(day=15)


def _next_month_end(now: date, _: date) -> date:
    return _month_end(_next_month_start(now, now), now)


def _year_end(now: date, _: date) -> date:
    return date(now.year, 12, 31)


# THE table of words for a time of day or a part of the calendar (README shows the same).
# Phrase -> (which local day, which local time). A time the user gives ("at 8") wins.
PARTS_OF_DAY: Mapping[str, tuple[Callable[[date, date], date], time]] = MappingProxyType(
    {
        "this morning": (_today, time(9, 0)),
        "this afternoon": (_today, time(15, 0)),
        "this evening": (_today, time(19, 0)),
        "tonight": (_today, time(20, 0)),
        "end of the day": (_today, time(17, 0)),
        "tomorrow morning": (_tomorrow, time(9, 0)),
        "tomorrow afternoon": (_tomorrow, time(15, 0)),
        "tomorrow evening": (_tomorrow, time(19, 0)),
        "tomorrow night": (_tomorrow, time(20, 0)),
        "end of the week": (_friday, time(16, 0)),
        "this weekend": (_saturday, time(10, 0)),
        "the weekend": (_saturday, time(10, 0)),
        "next week": (_next_monday, time(10, 0)),
        "end of the month": (_month_end, time(10, 0)),
        "next month": (_next_month, time(10, 0)),
        "end of next month": (_next_month_end, time(10, 0)),
        "end of the year": (_year_end, time(10, 0)),
    }
)
_PHRASE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(p) for p in PARTS_OF_DAY), key=len, reverse=True)) + r")\b"
)
# A calendar end already past today means the next one ("end of the month" on the 30th, 11:00).
_NEXT_ONE = frozenset({"end of the month", "end of the week", "this weekend", "the weekend"})


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


def read_when(text: str, now: datetime, tz_name: str, locale: str | None = None) -> Reading:
    """Read a date in words relative to the user's local now; an empty Reading when unreadable."""
    tz = zone(tz_name)
    local_now = now.astimezone(tz)
    words = calendar_words.expand(_WORDS.sub(" ", text.lower()[:MAX_DATE_TEXT]).strip())
    if not words:
        return Reading()
    both = _either(words)
    if both is not None:
        first, second = (read_when(part, now, tz_name, locale).when for part in both)
        if first is not None and second is not None and first != second:
            # "2 or 3 weeks", "friday or monday": neither is taken silently; which one?
            return Reading(choices=(first, second))
    soon = clockwords.within_the_day(words, local_now)
    if soon is not None:
        return Reading(when=soon) if soon > now else Reading(past=soon)
    clock, words = clockwords.clock(words)
    if clock is not None and clockwords.alone(words):
        # A time alone ("at 16:10"): today's, or tomorrow's once today's has gone.
        moment = _at(local_now.date(), clock, tz)
        if moment <= now:
            moment = _at(local_now.date() + timedelta(days=1), clock, tz)
        return Reading(when=moment)
    holiday = calendar_words.unread_holiday(words)
    if holiday is not None:
        return Reading(holiday=holiday)
    found = _read_day(words, local_now, locale, clock)
    if found is None:
        return Reading()
    if isinstance(found, tuple):
        first, second = (_at(day, clock or DEFAULT_NUDGE_TIME, tz) for day in found)
        return Reading(choices=(first, second))
    moment = found if isinstance(found, datetime) else _at(found, clock or DEFAULT_NUDGE_TIME, tz)
    return Reading(when=moment) if moment > now else Reading(past=moment)


# "in 2 or 3 weeks": two counts sharing one unit.
_COUNTS_OR = re.compile(
    rf"^(?P<pre>.*?)\b{_COUNT}\s+or\s+{_COUNT}\s+(?P<unit>{_UNIT})(?P<post>.*)$"
)


def _either(words: str) -> tuple[str, str] | None:
    """Two dates offered as alternatives ("2 or 3 weeks" -> "2 weeks", "3 weeks"), or None."""
    counts = _COUNTS_OR.match(words)
    if counts is not None:
        pre, post, unit = counts.group("pre"), counts.group("post"), counts.group("unit")
        first, second = counts.group(2, 3)
        return f"{pre}{first} {unit}{post}", f"{pre}{second} {unit}{post}"
    parts = words.split(" or ")
    return (parts[0], parts[1]) if len(parts) == 2 and all(p.strip() for p in parts) else None


def parse_when(
    text: str, now: datetime, tz_name: str, locale: str | None = None
) -> datetime | None:
    """The one moment (UTC) some words name, past or future; None if unreadable or ambiguous."""
    reading = read_when(text, now, tz_name, locale)
    return reading.when or reading.past


def _at(day: date, clock: time, tz: tzinfo) -> datetime:
    """A local wall time on a local day, as UTC (a time in a spring-forward gap reads as after)."""
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def _read_day(
    words: str, local_now: datetime, locale: str | None, clock: time | None
) -> date | datetime | tuple[date, date] | None:
    """The local day the words name (or a whole moment, or two possible days)."""
    today = local_now.date()
    phrase = _PHRASE.search(words)
    if phrase is not None:
        return _phrase_day(phrase.group(1), local_now, clock)
    named = calendar_words.holiday_day(words, today) or calendar_words.part_of_month(words, today)
    if named is not None:
        return named
    if calendar_words.foreign_month(words):
        return _dateparser_day(words, local_now, locale, calendar_words.OTHER_LANGUAGES)
    week_after = _WEEK_AFTER.search(words)
    if week_after is not None:
        ahead = (_WEEKDAYS.index(week_after.group(1)) - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead + 7)
    relative = _RELATIVE.search(words)
    if relative is not None:
        count, unit = relative.group(1, 2) if relative.group(1) else relative.group(3, 4)
        return _relative_day(today, count, unit)
    if _MONTH_NAME.search(words) is not None:
        return _dateparser_day(words, local_now, locale)
    numeric = _NUMERIC.search(words)
    if numeric is not None:
        return _numeric_day(numeric, today, locale)
    day_of_month = _DAY_OF_MONTH.search(words)
    if day_of_month is not None:
        return _next_day_of_month(today, int(day_of_month.group(1) or day_of_month.group(2)))
    # English first; then the other languages the coach reads ("mañana", "le 15 janvier").
    return _dateparser_day(words, local_now, locale) or _dateparser_day(
        words, local_now, locale, calendar_words.OTHER_LANGUAGES
    )


def _phrase_day(phrase: str, local_now: datetime, clock: time | None) -> date | datetime:
    pick, usual = PARTS_OF_DAY[phrase]
    today = local_now.date()
    day = pick(today, today)
    moment = datetime.combine(day, clock or usual, tzinfo=local_now.tzinfo)
    if moment <= local_now and phrase in _NEXT_ONE:
        day = _next_month_end(today, today) if "month" in phrase else day + timedelta(days=7)
        moment = datetime.combine(day, clock or usual, tzinfo=local_now.tzinfo)
    return moment.astimezone(UTC)


def _relative_day(today: date, count_text: str, unit: str) -> date | None:
    count = _NUMBERS.get(count_text) or int(count_text)
    if unit == "month":
        months = today.month - 1 + count
        year, month = today.year + months // 12, months % 12 + 1
        if year > 9998:
            return None
        return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
    days = count * {"day": 1, "week": 7, "fortnight": 14}[unit]
    return today + timedelta(days=days) if days < 3650 else None


def _next_day_of_month(today: date, day: int) -> date | None:
    """The next date after today that falls on this day of the month ("the 15th")."""
    if not 1 <= day <= 31:
        return None
    year, month = today.year, today.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) > today:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _numeric_day(
    match: re.Match[str], today: date, locale: str | None
) -> date | tuple[date, date] | None:
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
    named = {_MONTHS.index(found[:3]) + 1 for found in _MONTH_NAME.findall(text.lower())}
    tz = zone(tz_name)
    fitting = [day for day in days if day.astimezone(tz).month in named]
    return fitting[0] if len(fitting) == 1 else None


def _dateparser_day(
    words: str, local_now: datetime, locale: str | None, languages: tuple[str, ...] = ("en",)
) -> date | None:
    """A weekday or month name, read by dateparser: on the whole text, else inside it."""
    # Imported here: dateparser takes a noticeable moment to load, and most turns never need it.
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings: dict[str, object] = {
        "RELATIVE_BASE": local_now.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": date_order(locale) or "DMY",
    }
    try:
        whole = DateDataParser(languages=list(languages), settings=settings).get_date_data(words)
        if whole.date_obj is not None:
            return whole.date_obj.date()
        spans = search_dates(words, languages=list(languages), settings=settings) or []
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    for span, found in spans:
        # A lone word ("may", "sun", "second") is too often not a date at all.
        if " " in span.strip() or any(ch.isdigit() for ch in span):
            return found.date()
    return None
