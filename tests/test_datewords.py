"""Dates in words read as the user meant them, in five zones, around DST, month and year ends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import engine
from bot.datewords import read_when
from bot.domain import Inbound, Step
from bot.numeric_dates import date_order
from bot.parts_of_day import PARTS_OF_DAY
from tests.conftest import ALICE, ROOT

ZONES = (
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Auckland",
)
GB, US = "en_GB.UTF-8", "en-US"


def local(zone: str, text: str) -> datetime:
    """A wall time ("2026-03-28 10:00") in a zone, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def shown(moment: datetime | None, zone: str) -> str | None:
    """A UTC moment as the zone's wall time, "YYYY-MM-DD HH:MM"."""
    return None if moment is None else f"{moment.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}"


# (zone, local now, words, locale, local result). DST 2026: Berlin 29 Mar / 25 Oct,
# New York 8 Mar / 1 Nov, Sydney and Auckland end 5 Apr, start 4 Oct / 27 Sep; Kolkata none.
CASES = [
    ("Europe/Berlin", "2026-03-28 10:00", "in 1 week", GB, "2026-04-04 10:00"),
    ("Europe/Berlin", "2026-03-28 10:00", "tomorrow at 2:30", GB, "2026-03-29 03:30"),
    ("Europe/Berlin", "2026-10-24 23:30", "tomorrow at 2:30", GB, "2026-10-25 02:30"),
    ("Europe/Berlin", "2026-10-24 23:30", "in 2 weeks", GB, "2026-11-07 10:00"),
    ("Europe/Berlin", "2026-01-31 23:30", "the 31st", GB, "2026-03-31 10:00"),
    ("Europe/Berlin", "2026-12-31 23:30", "tomorrow", GB, "2027-01-01 10:00"),
    ("Europe/Berlin", "2026-12-31 23:30", "1/2", GB, "2027-02-01 10:00"),
    ("Europe/Berlin", "2026-12-31 23:30", "the 15th", GB, "2027-01-15 10:00"),
    ("Europe/Berlin", "2026-12-31 23:30", "end of the month", GB, "2027-01-31 10:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "the 15th", GB, "2026-12-15 10:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "on the 3rd", GB, "2026-12-03 10:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "after my review on the 15th", GB, "2026-12-15 10:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "this evening", GB, "2026-11-30 19:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "tonight", GB, "2026-11-30 20:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "tomorrow morning", GB, "2026-12-01 09:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "end of the month", GB, "2026-12-31 10:00"),
    ("Europe/Berlin", "2026-11-30 09:00", "end of the month", GB, "2026-11-30 10:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "5.1.", GB, "2027-01-05 10:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "let's say next tuesday at 4pm", GB, "2026-12-01 16:00"),
    ("Europe/Berlin", "2026-11-30 11:00", "a week from today", GB, "2026-12-07 10:00"),
    ("America/New_York", "2026-03-07 23:30", "tomorrow at 2:30am", US, "2026-03-08 03:30"),
    ("America/New_York", "2026-03-07 23:30", "in 1 week", US, "2026-03-14 10:00"),
    ("America/New_York", "2026-10-31 23:30", "in a week at 9am", US, "2026-11-07 09:00"),
    ("America/New_York", "2026-12-31 23:30", "1/2", US, "2027-01-02 10:00"),
    ("America/New_York", "2026-02-27 12:00", "end of the month", US, "2026-02-28 10:00"),
    ("Australia/Sydney", "2026-04-04 23:30", "tomorrow morning", GB, "2026-04-05 09:00"),
    ("Australia/Sydney", "2026-04-04 23:30", "in 2 weeks at 3pm", GB, "2026-04-18 15:00"),
    ("Australia/Sydney", "2026-10-03 23:30", "tomorrow at 2:30am", GB, "2026-10-04 03:30"),
    ("Australia/Sydney", "2026-10-03 23:30", "next week", GB, "2026-10-05 10:00"),
    ("Australia/Sydney", "2026-12-31 23:30", "the 1st", GB, "2027-01-01 10:00"),
    ("Asia/Kolkata", "2026-11-30 23:30", "tomorrow", "en_IN", "2026-12-01 10:00"),
    ("Asia/Kolkata", "2026-11-30 23:30", "end of the month", "en_IN", "2026-12-31 10:00"),
    ("Asia/Kolkata", "2026-11-30 23:30", "in 3 days at 14:30", "en_IN", "2026-12-03 14:30"),
    ("Asia/Kolkata", "2026-11-30 23:30", "5.1.", "en_IN", "2027-01-05 10:00"),
    ("Pacific/Auckland", "2026-04-04 23:30", "in 1 week", GB, "2026-04-11 10:00"),
    ("Pacific/Auckland", "2026-04-04 23:30", "tomorrow at 2:30am", GB, "2026-04-05 02:30"),
    ("Pacific/Auckland", "2026-09-26 23:30", "tomorrow at 2:30am", GB, "2026-09-27 03:30"),
    ("Pacific/Auckland", "2026-09-26 23:30", "the 27th", GB, "2026-09-27 10:00"),
    ("Pacific/Auckland", "2026-12-31 23:30", "next month", GB, "2027-01-15 10:00"),
    ("Pacific/Auckland", "2026-12-20 23:30", "next month", GB, "2027-01-01 10:00"),
]


@pytest.mark.parametrize(("zone", "now", "words", "locale", "expected"), CASES)
def test_words_land_on_the_local_day_and_time_the_user_meant(
    zone: str, now: str, words: str, locale: str, expected: str
) -> None:
    """Each phrase, read at a fixed local now, gives this local wall time (past ones flagged)."""
    at = local(zone, now)
    reading = read_when(words, at, zone, locale)
    moment = reading.when or reading.past
    assert shown(moment, zone) == expected
    assert (reading.when is not None) == (moment is not None and moment > at)


@pytest.mark.parametrize("words", ["tonight", "this evening", "yesterday", "today"])
def test_a_part_of_today_already_over_is_past_not_silently_moved(words: str) -> None:
    """At 23:30 'tonight' has gone by: the reading is past, so the coach says so."""
    reading = read_when(words, local("Europe/Berlin", "2026-11-30 23:30"), "Europe/Berlin", GB)
    assert reading.when is None and reading.past is not None


@pytest.mark.parametrize("locale", [None, "C.UTF-8", "en", "en_CA", "fr-CA"])
def test_an_ambiguous_numeric_date_offers_both_readings(locale: str | None) -> None:
    """Where the order is unknown or both are used, 1/2 gives 1 February and 2 January."""
    now = local("Europe/Berlin", "2026-11-30 11:00")
    reading = read_when("1/2", now, "Europe/Berlin", locale)
    assert reading.when is None and reading.choices is not None
    days = [shown(choice, "Europe/Berlin") for choice in reading.choices]
    assert days == ["2027-02-01 10:00", "2027-01-02 10:00"]


@pytest.mark.parametrize(
    ("locale", "order"),
    [("en_GB.UTF-8", "DMY"), ("en-US", "MDY"), ("de", "DMY"), ("en_CA", None), (None, None)],
)
def test_date_order_follows_the_locale(locale: str | None, order: str | None) -> None:
    """The locale's region decides day-first or month-first; unknown or mixed gives None."""
    assert date_order(locale) == order


def test_a_date_that_cannot_be_two_things_is_not_asked_about() -> None:
    """13/1 can only be 13 January, whatever the locale."""
    now = local("America/New_York", "2026-11-30 11:00")
    assert shown(read_when("13/1", now, "America/New_York", None).when, "America/New_York") == (
        "2027-01-13 10:00"
    )


def test_the_readme_shows_the_same_table_as_the_code() -> None:
    """Every phrase of PARTS_OF_DAY, with its time, is a row of README's date table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for phrase, (_, at) in PARTS_OF_DAY.items():
        assert f"| `{phrase}` |" in readme and f"{at:%H:%M}" in readme


@given(
    zone=st.sampled_from(ZONES),
    now=st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
    ),
    count=st.integers(min_value=1, max_value=60),
    unit=st.sampled_from([("day", 1), ("week", 7)]),
    clock=st.none() | st.tuples(st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
)
def test_in_n_days_or_weeks_lands_on_that_local_day_and_wall_time(
    zone: str,
    now: datetime,
    count: int,
    unit: tuple[str, int],
    clock: tuple[int, int] | None,
) -> None:
    """'in N days/weeks [at HH:MM]' is N local days on, at that wall time (10:00 by default)."""
    words = f"in {count} {unit[0]}s" + (f" at {clock[0]}:{clock[1]:02d}" if clock else "")
    reading = read_when(words, now, zone, GB)
    assert reading.when is not None and reading.when > now
    tz = ZoneInfo(zone)
    wanted_day = now.astimezone(tz).date() + timedelta(days=count * unit[1])
    hour, minute = clock or (10, 0)
    wall = datetime(wanted_day.year, wanted_day.month, wanted_day.day, hour, minute, tzinfo=tz)
    assert reading.when == wall.astimezone(UTC)
    exists = wall.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == wall.replace(tzinfo=None)
    landed = reading.when.astimezone(tz)
    assert landed.date() == wanted_day
    assert not exists or (landed.hour, landed.minute) == (hour, minute)


PHRASES = st.sampled_from(
    [
        *PARTS_OF_DAY,
        *("the 15th", "on the 3rd", "1/2", "5.1.", "12/31", "next friday", "jan 15"),
        *("tomorrow at 9", "today", "yesterday", "in 3 weeks", "the 31st", "29.2.", "at 3am"),
    ]
)


@given(
    zone=st.sampled_from(ZONES),
    now=st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
    ),
    words=st.one_of(PHRASES, st.text(max_size=40), st.tuples(st.text(max_size=15), PHRASES)),
    locale=st.sampled_from([None, GB, US, "de_DE"]),
)
def test_any_revisit_the_coach_stores_is_in_the_future(
    zone: str, now: datetime, words: str | tuple[str, str], locale: str | None
) -> None:
    """Whatever is typed at the revisit question, a stored revisit date is after now."""
    text = words if isinstance(words, str) else " ".join(words)
    session = replace(engine.new_session(ALICE, 1, now, welcome=False), step=Step.REVISIT)
    inbound = Inbound(ALICE, text=text, timezone=zone, locale=locale)
    moved = engine.step(session, inbound, now)
    # A far date waiting for its yes, or the two days "1/2" may be, are stored too.
    # ("parar por hoy" cancels: the cancel's own mark is no date.)
    waiting = moved.session.pending is not None
    offered = (moved.session.pending_data or "").split() if waiting else []
    dues = [datetime.fromisoformat(iso) for iso in offered]
    if moved.session.revisit_at is not None:
        dues.append(moved.session.revisit_at)
    assert all(due > now for due in dues)


# (zone, local now, words, local result): minutes and hours from the real now; a time of day
# alone is today's, or tomorrow's once today's has gone.
WITHIN_THE_DAY = [
    ("Europe/Berlin", "2026-11-30 16:00", "in 3 minutes", "2026-11-30 16:03"),
    ("Europe/Berlin", "2026-11-30 16:00", "in 2 hours", "2026-11-30 18:00"),
    ("Europe/Berlin", "2026-11-30 16:00", "in half an hour", "2026-11-30 16:30"),
    ("Europe/Berlin", "2026-11-30 16:00", "in a couple of hours", "2026-11-30 18:00"),
    ("Europe/Berlin", "2026-11-30 16:00", "90 mins from now", "2026-11-30 17:30"),
    ("Europe/Berlin", "2026-11-30 16:00", "at 16:10", "2026-11-30 16:10"),
    ("Europe/Berlin", "2026-11-30 16:20", "at 16:10", "2026-12-01 16:10"),
    ("Europe/Berlin", "2026-11-30 16:00", "at 4pm please", "2026-12-01 16:00"),
    ("Asia/Kolkata", "2026-11-30 23:30", "in 1 hour", "2026-12-01 00:30"),
    ("America/New_York", "2026-03-08 01:30", "in 1 hour", "2026-03-08 03:30"),
    ("America/New_York", "2026-11-30 09:00", "at noon", "2026-11-30 12:00"),
    ("Europe/Berlin", "2026-11-30 16:00", "16:10", "2026-11-30 16:10"),
    ("Europe/Berlin", "2026-11-30 16:00", "16h10", "2026-11-30 16:10"),
    ("Europe/Berlin", "2026-11-30 16:00", "tonight at 9", "2026-11-30 21:00"),
    ("Europe/Berlin", "2026-11-30 16:00", "tomorrow evening at 7", "2026-12-01 19:00"),
    ("Europe/Berlin", "2026-11-30 16:00", "in 2h", "2026-11-30 18:00"),
    ("Europe/Berlin", "2026-11-30 16:00", "in 15min", "2026-11-30 16:15"),
    ("Europe/Berlin", "2026-11-30 16:00", "in an hour and a half", "2026-11-30 17:30"),
    ("Europe/Berlin", "2026-11-30 16:00", "noon", "2026-12-01 12:00"),
]


@pytest.mark.parametrize(("zone", "now", "words", "expected"), WITHIN_THE_DAY)
def test_minutes_hours_and_a_time_alone_land_later_today_or_tomorrow(
    zone: str, now: str, words: str, expected: str
) -> None:
    """ "in 3 minutes", "in 2 hours", "at 16:10" are future moments in the user's zone."""
    at = local(zone, now)
    reading = read_when(words, at, zone, GB)
    assert reading.when is not None and reading.when > at
    assert shown(reading.when, zone) == expected


def test_a_time_today_that_has_gone_is_past_with_a_clear_answer() -> None:
    """ "today at 9" at 16:00 is past: the coach says so rather than moving it."""
    reading = read_when("today at 9", local("Europe/Berlin", "2026-11-30 16:00"), "Europe/Berlin")
    assert reading.when is None and reading.past is not None


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("friday after next", "2026-12-11"),
        ("the friday after next at 3pm", "2026-12-11"),
        ("friday week", "2026-12-11"),
        ("monday after next", "2026-12-14"),
        ("next friday", "2026-12-04"),
        ("this friday", "2026-12-04"),
    ],
)
def test_a_weekday_after_next_is_the_week_after_the_coming_one(words: str, day: str) -> None:
    """On Monday 30 November "friday after next" and "friday week" are 11 December, not the 4th."""
    now = local("Europe/Berlin", "2026-11-30 11:00")
    moment = shown(read_when(words, now, "Europe/Berlin", GB).when, "Europe/Berlin")
    assert moment is not None and moment[:10] == day


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("next month sometime", "2026-12-15 10:00"),
        ("el mes que viene", "2026-12-15 10:00"),
        ("el lunes que viene", "2026-12-07 10:00"),
        ("sexta que vem", "2026-12-04 10:00"),
        ("sexta-feira que vem", "2026-12-04 10:00"),
        ("la semana que viene", "2026-12-07 10:00"),
        ("a próxima semana", "2026-12-07 10:00"),
        ("el próximo viernes", "2026-12-04 10:00"),
        ("first week of jan", "2027-01-05 10:00"),
    ],
)
def test_vague_and_relative_dates_land_on_a_sensible_day(words: str, expected: str) -> None:
    """On Monday 30 November, "next month sometime" is mid-December, not tomorrow, and
    Spanish and Portuguese relative days ("el lunes que viene") are read."""
    at = local("Europe/Berlin", "2026-11-30 11:00")
    reading = read_when(words, at, "Europe/Berlin", GB)
    assert reading.when is not None and shown(reading.when, "Europe/Berlin") == expected
