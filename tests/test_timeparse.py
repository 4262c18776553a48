"""Dates in words, read in the user's own zone and stored in UTC."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.datewords import parse_when
from bot.prompts import format_date
from bot.quiet import in_quiet_hours, next_waking_moment
from bot.timeparse import days_ahead, parse_quiet_hours

# Wednesday 25 November 2026, 15:30 in Berlin.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("in two weeks", "Wednesday 9 December, 10:00"),
        ("next Friday", "Friday 27 November, 10:00"),
        ("tomorrow at 9", "Thursday 26 November, 09:00"),
        ("tomorrow at 9am", "Thursday 26 November, 09:00"),
        ("Jan 15", "Friday 15 January 2027, 10:00"),
        ("15 January", "Friday 15 January 2027, 10:00"),
        ("in 3 days at 14:30", "Saturday 28 November, 14:30"),
    ],
)
def test_dates_in_words_are_read_in_the_users_zone(text: str, local: str) -> None:
    """Each phrase becomes the expected local date (10:00 when no time is given)."""
    parsed = parse_when(text, NOW, "Europe/Berlin")
    assert parsed is not None and parsed.tzinfo is not None
    assert format_date(parsed.isoformat(), "Europe/Berlin", NOW) == local


@pytest.mark.parametrize("text", ["", "purple monkey", "x" * 500, "🙂", "\x00"])
def test_unreadable_text_gives_none(text: str) -> None:
    """Words that are no date give None, never an exception."""
    assert parse_when(text, NOW, "Europe/Berlin") is None


def test_the_same_words_mean_a_different_instant_in_another_zone() -> None:
    """'tomorrow at 9' in New York is six hours after 'tomorrow at 9' in Berlin."""
    berlin = parse_when("tomorrow at 9", NOW, "Europe/Berlin")
    new_york = parse_when("tomorrow at 9", NOW, "America/New_York")
    assert berlin is not None and new_york is not None
    assert (new_york - berlin).total_seconds() == 6 * 3600


def test_days_ahead_keeps_the_local_morning_across_a_dst_change() -> None:
    """A week after 25 October's fall-back, 10:00 Berlin is 09:00 UTC (was 08:00 UTC before)."""
    before = datetime(2026, 10, 22, 8, 0, tzinfo=UTC)
    assert days_ahead(before, 7, "Europe/Berlin") == datetime(2026, 10, 29, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22:00-07:30", ("22:00", "07:30")),
        ("22-7", ("22:00", "07:00")),
        ("9.30 to 17", ("09:30", "17:00")),
        ("10pm-7am", ("22:00", "07:00")),
        ("10:30 pm - 6:45 am", ("22:30", "06:45")),
        ("11p.m. to 7a.m.", ("23:00", "07:00")),
        ("12am-6am", ("00:00", "06:00")),
    ],
)
def test_quiet_hours_are_read(text: str, expected: tuple[str, str]) -> None:
    """Several common ways of writing a time range are understood."""
    assert parse_quiet_hours(text) == expected


@pytest.mark.parametrize(
    "text", ["", "late", "25:00-07:00", "22:00-22:00", "22:00", "13pm-7am", "10pm-10pm"]
)
def test_bad_quiet_hours_are_refused(text: str) -> None:
    """Impossible or empty ranges give None."""
    assert parse_quiet_hours(text) is None


def test_quiet_hours_span_midnight_in_the_users_zone() -> None:
    """23:30 Berlin is quiet under 21:00-08:00; 12:00 is not; the wake-up is 08:00 local."""
    late = datetime(2026, 11, 25, 22, 30, tzinfo=UTC)
    assert in_quiet_hours(late, "Europe/Berlin", "21:00", "08:00")
    assert not in_quiet_hours(NOW, "Europe/Berlin", "21:00", "08:00")
    assert next_waking_moment(late, "Europe/Berlin", "21:00", "08:00") == datetime(
        2026, 11, 26, 7, 0, tzinfo=UTC
    )
