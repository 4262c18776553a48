"""Dates people type that parsers miss: shorthand, holidays, parts of a month, five languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot import engine
from bot.datewords import read_when
from bot.domain import Inbound, Step, Transition
from tests.conftest import ALICE

ZONE = "Europe/Berlin"
# Monday 30 November 2026, 11:00 in Berlin.
NOW = datetime(2026, 11, 30, 11, 0, tzinfo=ZoneInfo(ZONE)).astimezone(UTC)


def day_read(words: str) -> str | None:
    """The local day ("YYYY-MM-DD") the words are read as at NOW, or None when unread."""
    when = read_when(words, NOW, ZONE, "en_GB.UTF-8").when
    return None if when is None else f"{when.astimezone(ZoneInfo(ZONE)):%Y-%m-%d}"


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("after xmas", "2026-12-26"),
        ("xmas", "2026-12-25"),
        ("christmas eve", "2026-12-24"),
        ("new year", "2027-01-01"),
        ("new year's day", "2027-01-01"),
        ("New Years Eve", "2026-12-31"),
        ("before new year", "2026-12-31"),
        ("easter", "2027-03-28"),
        ("after easter", "2027-03-29"),
        ("good friday", "2027-03-26"),
        ("nxt fri", "2026-12-04"),
        ("2moro", "2026-12-01"),
        ("tmrw at 9", "2026-12-01"),
        ("mid january", "2027-01-15"),
        ("mid-jan", "2027-01-15"),
        ("end of feb", "2027-02-28"),
        ("the start of march", "2027-03-01"),
        ("el 15 de enero", "2027-01-15"),
        ("le 15 janvier", "2027-01-15"),
        ("am 15. Januar", "2027-01-15"),
        ("15 de janeiro", "2027-01-15"),
        ("mañana", "2026-12-01"),
        ("demain", "2026-12-01"),
    ],
)
def test_shorthand_holidays_parts_of_a_month_and_other_languages_are_read(
    words: str, day: str
) -> None:
    """Each of these lands on the local day a person means by it on Monday 30 November."""
    assert day_read(words) == day


@pytest.mark.parametrize("words", ["when pigs fly", "not sure yet", "soon", "later", "dunno"])
def test_words_that_name_no_day_stay_unread(words: str) -> None:
    """Words with no date in them, in any of the five languages, are not read as one."""
    assert day_read(words) is None


@pytest.mark.parametrize("words", ["after thanksgiving", "diwali", "the monday after eid"])
def test_a_holiday_whose_day_varies_is_named_back_not_guessed(words: str) -> None:
    """A holiday whose date differs by country or calendar is reported as such, never guessed."""
    reading = read_when(words, NOW, ZONE, "en_GB.UTF-8")
    assert reading.when is None and reading.past is None and reading.holiday is not None


def at_revisit(text: str) -> Transition:
    """The revisit question answered with these words at NOW."""
    session = replace(engine.new_session(ALICE, 1, NOW, welcome=False), step=Step.REVISIT)
    return engine.step(session, Inbound(ALICE, text=text, timezone=ZONE), NOW)


@pytest.mark.parametrize("text", ["when pigs fly", "yesterday", "after thanksgiving"])
def test_a_date_not_taken_is_refused_once_with_the_choices(text: str) -> None:
    """An unread, past or unguessable date gets one reply (an example and the choices), not two."""
    moved = at_revisit(text)
    assert moved.session.step is Step.REVISIT
    assert len(moved.replies) == 1
    assert moved.replies[0].key.startswith("revisit.") and moved.replies[0].choices


def test_an_unguessable_holiday_is_named_in_the_refusal() -> None:
    """The refusal for "after thanksgiving" names the holiday it could not date."""
    (said,) = at_revisit("after thanksgiving").replies
    assert said.key == "revisit.holiday" and said.variables["holiday"] == "Thanksgiving"


@pytest.mark.parametrize(
    ("text", "named"),
    [("after half term", "half term"), ("after memorial day", "Memorial Day")],
)
def test_a_holiday_is_capitalised_only_when_it_is_a_name(text: str, named: str) -> None:
    """Mid-sentence a holiday's name is capitalised, a common noun ("half term") is not."""
    (said,) = at_revisit(text).replies
    assert said.key == "revisit.holiday" and said.variables["holiday"] == named


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("2 or 3 weeks", ("2026-12-14", "2026-12-21")),
        ("in 2 or 3 weeks", ("2026-12-14", "2026-12-21")),
        ("friday or monday", ("2026-12-04", "2026-12-07")),
    ],
)
def test_two_dates_at_once_ask_which_one(text: str, days: tuple[str, str]) -> None:
    """ "2 or 3 weeks" sets neither date silently: the coach asks which, both days offered."""
    moved = at_revisit(text)
    assert moved.session.revisit_at is None and moved.session.step is Step.REVISIT
    assert moved.replies[0].key == "which_date.ask"
    offered = (moved.session.pending_data or "").split()
    shown = tuple(
        f"{datetime.fromisoformat(iso).astimezone(ZoneInfo(ZONE)):%Y-%m-%d}" for iso in offered
    )
    assert shown == days
