"""Words for a part of the day or of the calendar ("tonight", "end of next week") (pure).

PARTS_OF_DAY is THE table README shows: each phrase names a local day and a usual local
time; a time the user gives ("tonight at 8") wins over the usual one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType


def _today(now: date) -> date:
    return now


def _tomorrow(now: date) -> date:
    return now + timedelta(days=1)


def _friday(now: date) -> date:
    return now + timedelta(days=(4 - now.weekday()) % 7)


def _saturday(now: date) -> date:
    return now + timedelta(days=(5 - now.weekday()) % 7)


def _coming_saturday(now: date) -> date:
    return now + timedelta(days=(4 - now.weekday()) % 7 + 1)


def next_monday(now: date) -> date:
    """The Monday of next week (a week today when today is Monday)."""
    return now + timedelta(days=7 - now.weekday())


def _later_this_week(now: date) -> date:
    # Two days on, but not past Friday; from Friday on, tomorrow.
    later = min(now + timedelta(days=2), _friday(now))
    return later if later > now else now + timedelta(days=1)


def _mid_next_week(now: date) -> date:
    return next_monday(now) + timedelta(days=2)


def _next_friday(now: date) -> date:
    return next_monday(now) + timedelta(days=4)


def _month_end(now: date) -> date:
    return now.replace(day=calendar.monthrange(now.year, now.month)[1])


def _next_month_start(now: date) -> date:
    return _month_end(now) + timedelta(days=1)


def _next_month(now: date) -> date:
    # A vague "next month" on 30 November is no "tomorrow": under a week away, mid-month.
    start = _next_month_start(now)
    return start if (start - now).days >= 7 else start.replace(day=15)


def _next_month_end(now: date) -> date:
    return _month_end(_next_month_start(now))


def _year_end(now: date) -> date:
    return date(now.year, 12, 31)


# Phrase -> (which local day, which local time).
PARTS_OF_DAY: Mapping[str, tuple[Callable[[date], date], time]] = MappingProxyType(
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
        "later this week": (_later_this_week, time(10, 0)),
        "end of the week": (_friday, time(16, 0)),
        "end of next week": (_next_friday, time(16, 0)),
        "this weekend": (_saturday, time(10, 0)),
        "the weekend": (_saturday, time(10, 0)),
        "next weekend": (_coming_saturday, time(10, 0)),
        "next week": (next_monday, time(10, 0)),
        "mid next week": (_mid_next_week, time(10, 0)),
        "end of the month": (_month_end, time(10, 0)),
        "next month": (_next_month, time(10, 0)),
        "end of next month": (_next_month_end, time(10, 0)),
        "end of the year": (_year_end, time(10, 0)),
    }
)
# Other ways to say a phrase of the table ("end of this week", "by the end of week").
_SAME_AS = (
    (re.compile(r"\b(?:the )?end of (?:this|the current) (week|month|year)\b"), r"end of the \1"),
    (re.compile(r"\b(?:the )?end of (week|month|year)\b"), r"end of the \1"),
    (re.compile(r"\b(?:the )?(week|month)(?:s|')? end\b(?! of)"), r"end of the \1"),
    (re.compile(r"\b(?:the )?end of the following (week|month)\b"), r"end of next \1"),
    (re.compile(r"\bnext (week|month)(?:s|')? end\b"), r"end of next \1"),
    (re.compile(r"\blater (?:today|this evening)\b"), "this evening"),
    (re.compile(r"\b(?:after|post) (?:the |this )?weekend\b"), "next week"),
    (re.compile(r"\b(?:the )?(?:middle of|mid-?) ?next week\b"), "mid next week"),
)
_PHRASE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(p) for p in PARTS_OF_DAY), key=len, reverse=True)) + r")\b"
)
# A calendar end already past today means the next one ("end of the month" on the 30th, 11:00).
_NEXT_ONE = frozenset({"end of the month", "end of the week", "this weekend", "the weekend"})


def find(words: str) -> str | None:
    """The phrase of the table the words hold (said in any of its ways), or None."""
    for pattern, usual in _SAME_AS:
        words = pattern.sub(usual, words)
    found = _PHRASE.search(words)
    return None if found is None else found.group(1)


def phrase_moment(phrase: str, local_now: datetime, clock: time | None) -> datetime:
    """The moment (UTC) a phrase of the table names at the local now, at `clock` if given."""
    pick, usual = PARTS_OF_DAY[phrase]
    today = local_now.date()
    day = pick(today)
    moment = datetime.combine(day, clock or usual, tzinfo=local_now.tzinfo)
    if moment <= local_now and phrase in _NEXT_ONE:
        day = _next_month_end(today) if "month" in phrase else day + timedelta(days=7)
        moment = datetime.combine(day, clock or usual, tzinfo=local_now.tzinfo)
    return moment.astimezone(UTC)
