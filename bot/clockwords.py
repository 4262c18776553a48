"""Times of day and amounts of minutes or hours in words ("at 16:10", "in 2 hours") (pure).

The day they fall on is bot/datewords.py's to find; these read what is finer than a day.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

_CLOCK = re.compile(
    r"\b(?:at\s+)?(?P<h12>\d{1,2})(?::(?P<m12>\d{2}))?\s*(?P<half>[ap])\.?m\.?(?!\w)"
    r"|\bat\s+(?P<h24>\d{1,2})(?:[:.h](?P<m24>\d{2}))?\b"
    # "16:10" or "16h10" without "at" ("16.10" alone may be a date: 16 October).
    r"|(?<![\d./:])(?P<hs>\d{1,2})[:h](?P<ms>\d{2})(?![\d./:])"
    r"|\b(?:at\s+)?(?P<word>noon|midday|midnight)\b"
)
# An hour that is the afternoon's or the evening's when no am/pm says otherwise ("tonight at 9").
_AFTER_NOON = re.compile(r"\b(?:afternoon|evening|tonight|night)\b")
_HALF_DAY = re.compile(r"\d\s*[ap]\.?m\b")
# "in 3 minutes", "in 2 hours", "90 mins from now": a moment later today, read by dateparser.
_WITHIN_THE_DAY = re.compile(
    r"\b(?:in|within)\s+(?:\S+\s+){0,3}?(?:min|mins|minutes?|hours?|hrs?)\b"
    r"|\b\S+\s+(?:min|mins|minutes?|hours?|hrs?)\s+from\s+now\b"
)
# Said for a number dateparser does not read.
_AMOUNTS = (
    ("an hour and a half", "90 minutes"),
    ("one and a half hours", "90 minutes"),
    ("half an hour", "30 minutes"),
    ("a half hour", "30 minutes"),
    ("a couple of", "2"),
    ("a few", "3"),
    ("an", "1"),
)
# "2h", "10m", "15min": the unit written on to the number.
_SHORT_UNITS = re.compile(r"\b(\d{1,3})\s*(h|hrs?|m|mins?)\b")


def _long_unit(found: re.Match[str]) -> str:
    return f"{found.group(1)} {'hours' if found.group(2).startswith('h') else 'minutes'}"


# Words that may stand beside a time of day without naming a day ("at 16:10 please").
_BARE_CLOCK_WORDS = frozenset(
    ["around", "about", "ish", "please", "pls", "then", "or", "so", "maybe", "say"]
)


# The same said in Spanish, German, French or Portuguese ("daqui a 2 minutos", "en 5
# minutos", "in 10 minuten", "dans une heure"): said in English for dateparser.
_FOREIGN_WITHIN = re.compile(
    r"\b(?:daqui a|dentro de|em|en|in|dans|d'ici|d ici|innerhalb von|binnen)\s+"
    r"(?P<count>\d{1,3}|una?|uma?|eine[mr]?|ein|une)\s+"
    r"(?P<unit>minutos?|minuten?|minutes?|mins?|horas?|stunden?|heures?)\b"
)


def _in_english(found: re.Match[str]) -> str:
    count = found.group("count")
    unit = "hours" if found.group("unit")[0] in "hs" else "minutes"
    return f"in {count if count.isdigit() else '1'} {unit}"


def within_the_day(words: str, local_now: datetime) -> datetime | None:
    """The moment (UTC) an amount of minutes or hours from now names; None for other words."""
    words = _FOREIGN_WITHIN.sub(_in_english, words)
    spelled = f" {_SHORT_UNITS.sub(_long_unit, words)} "
    for said, meant in _AMOUNTS:
        spelled = spelled.replace(f" {said} ", f" {meant} ")
    found = _WITHIN_THE_DAY.search(spelled)
    if found is None:
        return None
    span = found.group(0)
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
    """The time of day the words give ("at 9", "3pm", "16:10", "at noon"), and the rest.

    An hour of 1 to 11 in words for the afternoon or evening ("tonight at 9") is the later one.
    """
    match = _CLOCK.search(words)
    if match is None:
        return None, words
    rest = (words[: match.start()] + " " + words[match.end() :]).strip()
    found = match.groupdict()
    if found["word"]:
        return (time(0, 0) if found["word"] == "midnight" else time(12, 0)), rest
    if found["h12"]:
        hour, minute = int(found["h12"]), int(found["m12"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None, words
        hour = hour % 12 + (12 if found["half"] == "p" else 0)
        return time(hour, minute), rest
    hour = int(found["h24"] or found["hs"])
    minute = int(found["m24"] or found["ms"] or 0)
    if hour > 23 or minute > 59:
        return None, words
    if 1 <= hour <= 11 and _AFTER_NOON.search(words) and not _HALF_DAY.search(words):
        hour += 12
    elif _BARE_SMALL_HOUR.fullmatch(found["h24"] or "") and not found["m24"]:
        # "2moro at 3", "morgen um 3": nobody is sent a check-in at 3 a.m.; an hour of 1 to 7
        # said alone is the afternoon's (the reply says the time back), unless morning is said.
        hour += 0 if _MORNING.search(words) else 12
    return time(hour, minute), rest


# An hour of 1 to 7 said bare, without a leading zero ("at 07" is meant as written).
_BARE_SMALL_HOUR = re.compile(r"[1-7]")
_MORNING = re.compile(
    r"\b(?:morning|early|morgens|am morgen|fr[üu]h|matin|madrugada|de la ma[ñn]ana|"
    r"por la ma[ñn]ana|de manh[aã]|pela manh[aã])\b"
)


# A part of the day beside a day ("next tuesday afternoon", "el martes por la tarde"): its hour.
_PARTS = (
    (
        re.compile(
            r"\b(?:afternoon|arvo|por la tarde|en la tarde|a la tarde|de la tarde|nachmittags?|"
            r"am nachmittag|apr[eè]s[- ]midi|[àa] tarde|de tarde|pela tarde)\b"
        ),
        time(15, 0),
    ),
    (
        re.compile(
            r"\b(?:evening|por la noche|en la noche|abends|am abend|le soir|en soir[ée]e|"
            r"[àa] noite|de noite|pela noite)\b"
        ),
        time(19, 0),
    ),
)


def part_of_day(words: str) -> time | None:
    """The hour a part of the day names ("afternoon", "por la tarde" -> 15:00; "evening",
    "abends" -> 19:00), or None."""
    return next((hour for pattern, hour in _PARTS if pattern.search(words)), None)


def without_part_of_day(words: str) -> str:
    """The words with any part of the day left out."""
    for pattern, _ in _PARTS:
        words = pattern.sub(" ", words)
    return " ".join(words.split())


def alone(rest: str) -> bool:
    """Whether the words left beside a time of day name no day ("at 16:10 please")."""
    return not set(rest.split()) - _BARE_CLOCK_WORDS
