"""Times of day and amounts of minutes or hours in words ("at 16:10", "in 2 hours") (pure).

The day they fall on is bot/datewords.py's to find; these read what is finer than a day.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

_CLOCK = re.compile(
    r"\b(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?\b"
    r"|\bat\s+(\d{1,2})(?:[:.h](\d{2}))?\b"
    r"|\bat\s+(noon|midday|midnight)\b"
)
# "in 3 minutes", "in 2 hours", "90 mins from now": a moment later today, read by dateparser.
_WITHIN_THE_DAY = re.compile(
    r"\b(?:in|within)\s+(?:\S+\s+){0,3}?(?:min|mins|minutes?|hours?|hrs?)\b"
    r"|\b\S+\s+(?:min|mins|minutes?|hours?|hrs?)\s+from\s+now\b"
)
# Said for a number dateparser does not read.
_AMOUNTS = (("half an hour", "30 minutes"), ("a couple of", "2"), ("a few", "3"), ("an", "1"))
# Words that may stand beside a time of day without naming a day ("at 16:10 please").
_BARE_CLOCK_WORDS = frozenset(
    ["around", "about", "ish", "please", "pls", "then", "or", "so", "maybe", "say"]
)


def within_the_day(words: str, local_now: datetime) -> datetime | None:
    """The moment (UTC) an amount of minutes or hours from now names; None for other words."""
    found = _WITHIN_THE_DAY.search(words)
    if found is None:
        return None
    span = f" {found.group(0)} "
    for said, meant in _AMOUNTS:
        span = span.replace(f" {said} ", f" {meant} ")
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "RELATIVE_BASE": local_now.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
    }
    try:
        read = DateDataParser(languages=["en"], settings=settings).get_date_data(span.strip())
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    if read.date_obj is None:
        return None
    # dateparser counts on the naive local clock: the same count on the real one.
    return local_now.astimezone(UTC) + (read.date_obj - local_now.replace(tzinfo=None))


def clock(words: str) -> tuple[time | None, str]:
    """The time of day the words give ("at 9", "3pm", "at 15:30", "at noon"), and the rest."""
    match = _CLOCK.search(words)
    if match is None:
        return None, words
    rest = (words[: match.start()] + " " + words[match.end() :]).strip()
    if match.group(6):
        return (time(0, 0) if match.group(6) == "midnight" else time(12, 0)), rest
    if match.group(1):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None, words
        hour = hour % 12 + (12 if match.group(3) == "p" else 0)
        return time(hour, minute), rest
    hour, minute = int(match.group(4)), int(match.group(5) or 0)
    if hour > 23 or minute > 59:
        return None, words
    return time(hour, minute), rest


def alone(rest: str) -> bool:
    """Whether the words left beside a time of day name no day ("at 16:10 please")."""
    return not set(rest.split()) - _BARE_CLOCK_WORDS
