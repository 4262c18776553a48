"""Dates in words, as the user meant them: in their zone, their locale's order, their local now.

The reader: it cleans the words, says other languages' dates in English
(calendar_words.py), and asks each rule in turn for the day: a time within the day
(clockwords.py), a part of the day or calendar (parts_of_day.py), a weekday with a word of
which one (weekday_words.py), holidays (holidays.py) and parts of a month (calendar_words.py), "in N
weeks" on the local calendar, numbers in the locale's order (numeric_dates.py); dateparser
reads the rest (weekdays, month names), on the whole text or on the dates inside a sentence.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from types import MappingProxyType

from bot import calendar_words, clockwords, holidays, numeric_dates, parts_of_day, weekday_words
from bot.timeparse import DEFAULT_NUDGE_TIME, zone

__all__ = ["Reading", "parse_when", "read_when"]

MAX_DATE_TEXT = 160
_NUMBERS = MappingProxyType(
    {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    | {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
    | {"a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2}
    # "in a few weeks": three, said back at once as a date, so a guess the person sees.
    | {"a few": 3, "few": 3}
)
_COUNT = r"(\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(day|week|fortnight|month)s?"
_RELATIVE = re.compile(
    rf"\b(?:in|within|after)\s+(?:about\s+|around\s+|roughly\s+)?{_COUNT}\s+{_UNIT}\b"
    rf"|\b{_COUNT}\s+{_UNIT}\s+(?:from\s+(?:today|now)|today|later|time)\b"
    # "fortnight today", "fortnight from now": one fortnight.
    r"|\b(fortnight)\b"
)
# "at 3 o'clock", "3 oclock" as "at 3".
_OCLOCK = re.compile(r"\b(?:at\s+)?(\d{1,2})\s*o\s*clock\b")
_WORDS = re.compile(r"[^\w:./\-']+")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a date in words came to (UTC): a future moment, a past one, or two to choose from."""

    when: datetime | None = None
    past: datetime | None = None
    choices: tuple[datetime, datetime] | None = None
    # A holiday named whose date the coach will not guess ("thanksgiving"): said back as unread.
    holiday: str | None = None


def read_when(text: str, now: datetime, tz_name: str, locale: str | None = None) -> Reading:
    """Read a date in words relative to the user's local now; an empty Reading when unreadable."""
    tz = zone(tz_name)
    local_now = now.astimezone(tz)
    words = calendar_words.expand(_WORDS.sub(" ", text.lower()[:MAX_DATE_TEXT]).strip())
    words = _OCLOCK.sub(r"at \1", words.replace("'", ""))
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
    if clock is None:
        # "next tuesday afternoon": the day at the part of the day's hour, not 10:00.
        clock = clockwords.part_of_day(words)
    if clock is not None and clockwords.alone(words):
        # A time alone ("at 16:10"): today's, or tomorrow's once today's has gone.
        moment = _at(local_now.date(), clock, tz)
        if moment <= now:
            moment = _at(local_now.date() + timedelta(days=1), clock, tz)
        return Reading(when=moment)
    holiday = holidays.unread_holiday(words, local_now.date())
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
    weekday = weekday_words.weekday_day(words, today)
    if weekday is not None:
        return weekday
    phrase = parts_of_day.find(words)
    if phrase is not None:
        return parts_of_day.phrase_moment(phrase, local_now, clock)
    named = holidays.holiday_day(words, today) or calendar_words.part_of_month(words, today)
    if named is not None:
        return named
    if calendar_words.foreign_month(words):
        return _dateparser_day(words, local_now, locale, calendar_words.OTHER_LANGUAGES)
    relative = _RELATIVE.search(words)
    if relative is not None:
        count, unit = (
            relative.group(1, 2)
            if relative.group(1)
            else relative.group(3, 4)
            if relative.group(3)
            else ("1", "fortnight")
        )
        return _relative_day(today, count, unit)
    if numeric_dates.MONTH_NAME.search(words) is not None:
        return _dateparser_day(words, local_now, locale)
    if numeric_dates.has_numeric(words):
        return numeric_dates.numeric_day(words, today, locale)
    day_of_month = numeric_dates.day_of_month(words, today)
    if day_of_month is not None:
        return day_of_month
    # English first; then the other languages the coach reads ("mañana", "le 15 janvier").
    return _dateparser_day(words, local_now, locale) or _dateparser_day(
        words, local_now, locale, calendar_words.OTHER_LANGUAGES
    )


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
        "DATE_ORDER": numeric_dates.date_order(locale) or "DMY",
    }
    try:
        whole = DateDataParser(languages=list(languages), settings=settings).get_date_data(words)
        if whole.date_obj is not None:
            return _typed_year(whole.date_obj.date(), words, local_now.date())
        spans = search_dates(words, languages=list(languages), settings=settings) or []
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    for span, found in spans:
        # A lone word ("may", "sun", "second") is too often not a date at all.
        if " " in span.strip() or any(ch.isdigit() for ch in span):
            return _typed_year(found.date(), words, local_now.date())
    return None


def _typed_year(day: date, words: str, today: date) -> date | None:
    """The day, unless its year is after next year and was never typed (a stray number read
    as a year: "a las 10" once gave 2110)."""
    if day.year <= today.year + 1 or str(day.year) in words:
        return day
    return None


def retimed(text: str, before: datetime, tz_name: str, now: datetime) -> str | None:
    """A new time for a date already picked ("actually i meant por la tarde, like 5pm"): the
    same local day at the new time, in words the reader takes ("8 december 2026 at 17:00");
    None when the words name a day of their own or no time."""
    words = _WORDS.sub(" ", text.lower()[:MAX_DATE_TEXT]).strip()
    clock, rest = clockwords.clock(words)
    clock = clock or clockwords.part_of_day(words)
    if clock is None:
        return None
    rest = clockwords.without_part_of_day(rest)
    named = read_when(rest, now, tz_name) if rest else Reading()
    if named.when or named.choices or named.past:
        return None
    day = before.astimezone(zone(tz_name))
    return f"{day.day} {day:%B} {day.year} at {clock:%H:%M}".lower()
