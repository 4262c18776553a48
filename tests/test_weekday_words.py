"""The whole family of relative dates in five languages: weekdays with a word of which one,
a day and month with a time, weeks and counts, "end of next week", the winter holidays."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot import engine
from bot.datewords import read_when
from bot.domain import Inbound, Step
from tests.conftest import ALICE

ZONE = "Europe/Berlin"
# Monday 30 November 2026, 11:00 in Berlin.
MONDAY = datetime(2026, 11, 30, 11, 0, tzinfo=ZoneInfo(ZONE)).astimezone(UTC)
# Friday 4 December 2026, 08:00 in Berlin.
FRIDAY = datetime(2026, 12, 4, 8, 0, tzinfo=ZoneInfo(ZONE)).astimezone(UTC)


def wall(words: str, now: datetime = MONDAY) -> str | None:
    """The local "YYYY-MM-DD HH:MM" the words are read as (a future moment), or None."""
    when = read_when(words, now, ZONE, "en_GB.UTF-8").when
    return None if when is None else f"{when.astimezone(ZoneInfo(ZONE)):%Y-%m-%d %H:%M}"


@pytest.mark.parametrize(
    "words",
    [
        "next friday",
        "this friday",
        "coming friday",
        "this coming fri",
        "the upcoming friday",
        "nxt fri",
        "el próximo viernes",
        "el viernes que viene",
        "este viernes",
        "el viernes",
        "nächsten Freitag",
        "kommenden Freitag",
        "diesen Freitag",
        "am Freitag",
        "vendredi prochain",
        "le vendredi qui vient",
        "ce vendredi",
        "próxima sexta",
        "sexta que vem",
        "esta sexta-feira",
        "na sexta",
    ],
)
def test_a_weekday_with_a_word_of_which_one_is_the_coming_one(words: str) -> None:
    """On a Monday, "next/this/coming friday" in any of the five languages is that week's Friday."""
    assert wall(words) == "2026-12-04 10:00"


@pytest.mark.parametrize(
    "words",
    [
        "friday of next week",
        "next week friday",
        "next week's friday",
        "friday next week",
        "friday week",
        "friday after next",
        "a week on friday",
        "Freitag nächste Woche",
        "viernes de la semana que viene",
        "vendredi de la semaine prochaine",
        "sexta da próxima semana",
    ],
)
def test_a_weekday_of_next_week_is_a_week_after_the_coming_one(words: str) -> None:
    """On a Monday, "friday of next week" or "Freitag nächste Woche" is the one after this one."""
    assert wall(words) == "2026-12-11 10:00"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("this friday", "2026-12-04 10:00"),
        ("this friday at 3pm", "2026-12-04 15:00"),
        ("next friday", "2026-12-11 10:00"),
        ("vendredi prochain", "2026-12-11 10:00"),
        ("nächsten Freitag", "2026-12-11 10:00"),
        ("next monday", "2026-12-07 10:00"),
    ],
)
def test_on_the_day_itself_this_is_today_and_next_is_a_week_on(words: str, expected: str) -> None:
    """On a Friday morning "this friday" is today, "next friday" (in any language) a week on."""
    assert wall(words, FRIDAY) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("el 3 de marzo a las 10", "2027-03-03 10:00"),
        ("el 3 de marzo a las 8 de la tarde", "2027-03-03 20:00"),
        ("am 3. März um 9 Uhr", "2027-03-03 09:00"),
        ("3. März, 14 Uhr", "2027-03-03 14:00"),
        ("le 3 mars à 10h30", "2027-03-03 10:30"),
        ("le 3 mars à 10h", "2027-03-03 10:00"),
        ("3 de março às 10", "2027-03-03 10:00"),
        ("3 de março às 8 da noite", "2027-03-03 20:00"),
        ("o dia 3 de março às 9h", "2027-03-03 09:00"),
        ("el día 3 de marzo a las 9", "2027-03-03 09:00"),
        ("3 March at 10", "2027-03-03 10:00"),
        ("march 3rd at 10am", "2027-03-03 10:00"),
        ("nächsten Freitag um 15 Uhr", "2026-12-04 15:00"),
        ("el viernes a las 9", "2026-12-04 09:00"),
    ],
)
def test_a_day_and_month_with_a_time_keep_both_in_every_language(words: str, expected: str) -> None:
    """A day, a month and a time said in es/de/fr/pt/en land on that day at that time this year
    or next, never a stray year (2110) nor a refusal as past."""
    assert wall(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("end of next week", "2026-12-11 16:00"),
        ("by the end of next week", "2026-12-11 16:00"),
        ("end of the following week", "2026-12-11 16:00"),
        ("end of this week", "2026-12-04 16:00"),
        ("end of week", "2026-12-04 16:00"),
        ("in a fortnight", "2026-12-14 10:00"),
        ("a fortnight", "2026-12-14 10:00"),
        ("fortnight today", "2026-12-14 10:00"),
        ("a week today", "2026-12-07 10:00"),
        ("in a couple of weeks", "2026-12-14 10:00"),
        ("after the weekend", "2026-12-07 10:00"),
        ("la semana que viene", "2026-12-07 10:00"),
        ("semana que vem", "2026-12-07 10:00"),
        ("nächste Woche", "2026-12-07 10:00"),
        ("la semaine prochaine", "2026-12-07 10:00"),
        ("em duas semanas", "2026-12-14 10:00"),
        ("dans deux semaines", "2026-12-14 10:00"),
        ("in zwei Wochen", "2026-12-14 10:00"),
        ("dentro de 2 semanas", "2026-12-14 10:00"),
        ("um 2 weeks", "2026-12-14 10:00"),
        ("en quinze jours", "2026-12-15 10:00"),
        ("later this week", "2026-12-02 10:00"),
        ("mid next week", "2026-12-09 10:00"),
        ("the middle of next week", "2026-12-09 10:00"),
    ],
)
def test_weeks_and_counts_of_weeks_are_read_in_every_language(words: str, expected: str) -> None:
    """Ends of weeks, fortnights and counts of weeks, in five languages, land where meant."""
    assert wall(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("after the holidays", "2027-01-04 10:00"),
        ("after the christmas break", "2027-01-04 10:00"),
        ("nach den Feiertagen", "2027-01-04 10:00"),
        ("después de las fiestas", "2027-01-04 10:00"),
        ("après les fêtes", "2027-01-04 10:00"),
        ("depois das festas", "2027-01-04 10:00"),
        ("before the holidays", "2026-12-18 10:00"),
        ("nach Weihnachten", "2026-12-26 10:00"),
        ("après noël", "2026-12-26 10:00"),
    ],
)
def test_the_winter_holidays_are_read_in_winter(words: str, expected: str) -> None:
    """In late November "after the holidays" is the first Monday after New Year's Day."""
    assert wall(words) == expected


def test_the_holidays_in_summer_are_named_back_not_guessed() -> None:
    """In June "after the holidays" could be any holiday: it is named back, never guessed."""
    june = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)
    reading = read_when("after the holidays", june, ZONE, "en_GB.UTF-8")
    assert reading.when is None and reading.holiday == "the holidays"


def test_a_weekday_in_another_language_sets_the_revisit_in_the_dialogue() -> None:
    """ "nächsten Freitag um 15 Uhr" at the revisit question sets Friday 15:00 and moves on."""
    session = replace(engine.new_session(ALICE, 1, MONDAY, welcome=False), step=Step.REVISIT)
    moved = engine.step(
        session, Inbound(ALICE, text="nächsten Freitag um 15 Uhr", timezone=ZONE), MONDAY
    )
    assert moved.session.revisit_at is not None
    assert f"{moved.session.revisit_at.astimezone(ZoneInfo(ZONE)):%a %H:%M}" == "Fri 15:00"
    assert moved.session.step is not Step.REVISIT


@pytest.mark.parametrize(
    "words",
    [
        "Freitag in einer Woche",
        "am Freitag in einer Woche",
        "in einer Woche am Freitag",
        "Freitag in acht Tagen",
        "übernächsten Freitag",
        "a week from Friday",
        "one week from friday",
        "friday in a week",
        "in a week on friday",
        "friday a week from now",
        "dentro de una semana el viernes",
        "el viernes dentro de una semana",
        "el viernes en ocho días",
        "vendredi en huit",
        "vendredi dans une semaine",
        "dans une semaine vendredi",
        "sexta da semana que vem",
        "sexta daqui a uma semana",
        "daqui a uma semana na sexta",
    ],
)
def test_a_weekday_a_week_on_is_that_weekday_not_a_week_from_today(words: str) -> None:
    """On Monday 30 November "Freitag in einer Woche" and its kin in five languages are
    Friday 11 December, never Monday 7 December (a week from today)."""
    assert wall(words) == "2026-12-11 10:00"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("friday in 2 weeks", "2026-12-18 10:00"),
        ("vendredi en quinze", "2026-12-18 10:00"),
        ("in zwei Wochen am Freitag", "2026-12-18 10:00"),
        ("el viernes en quince días", "2026-12-18 10:00"),
        ("Freitag in einer Woche um 15 Uhr", "2026-12-11 15:00"),
    ],
)
def test_a_weekday_two_weeks_on_and_with_a_time(words: str, expected: str) -> None:
    """Two weeks on is the weekday of the week after next; a time said with it is kept."""
    assert wall(words) == expected


def test_on_that_weekday_a_week_on_is_a_week_today() -> None:
    """Said on a Friday, "friday in a week" is a week today (11 December), not the 18th."""
    assert wall("friday in a week", FRIDAY) == "2026-12-11 10:00"
    assert wall("Freitag in einer Woche", FRIDAY) == "2026-12-11 10:00"
