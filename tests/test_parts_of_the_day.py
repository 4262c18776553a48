"""A part of the day beside a date, a new time for a date picked, and a check-in before the move."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import datewords, engine
from bot.domain import Step
from tests.conftest import START, say
from tests.test_engine import keys, walk_to

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("next tuesday afternoon", 15),
        ("el martes que viene por la tarde", 15),
        ("nächsten Dienstag nachmittags", 15),
        ("mardi prochain après-midi", 15),
        ("friday evening", 19),
        ("na próxima sexta à noite", 19),
        ("next tuesday at 9", 9),
        ("next tuesday", 10),
    ],
)
def test_a_part_of_the_day_sets_its_hour(text: str, hour: int) -> None:
    """ "next tuesday afternoon" is 15:00 that day, "friday evening" 19:00; a time said wins."""
    when = datewords.read_when(text, NOW, "UTC").when
    assert when is not None and when.hour == hour


@pytest.mark.parametrize(
    ("typed", "hour"),
    [("actually i meant por la tarde, like 5pm", 17), ("actually i meant the afternoon", 15)],
)
def test_a_new_time_keeps_the_day_picked(typed: str, hour: int) -> None:
    """ "actually i meant por la tarde, like 5pm" keeps the Tuesday picked, at 17:00."""
    session = engine.step(walk_to(Step.REVISIT), say("next tuesday"), START).session
    assert session.revisit_at is not None
    moved = engine.step(session, say(typed), START)
    assert moved.session.revisit_at == session.revisit_at.replace(hour=hour)
    assert moved.session.step is Step.QUESTION


def test_a_check_in_before_the_moves_own_day_is_said() -> None:
    """A check-in set before the day the next move names ("call next Monday") is pointed out."""
    session = engine.step(walk_to(Step.OPTION_DETAIL), say("call her next Monday"), START).session
    early = engine.step(session, say("this friday"), START)
    assert keys(early)[:2] == ["revisit.set", "revisit.before_move"]
    later = engine.step(session, say("in 2 weeks"), START)
    assert "revisit.before_move" not in keys(later)


@pytest.mark.parametrize(
    ("text", "month", "day", "hour"),
    [
        ("el martes a las 17:00", 12, 1, 17),
        ("in a couple months", 1, 30, 10),
        ("in a couple of weeks", 12, 14, 10),
        ("après noël", 12, 26, 10),
        ("nach weihnachten", 12, 26, 10),
        ("depois do natal", 12, 26, 10),
    ],
)
def test_the_fresh_users_dates_are_read(text: str, month: int, day: int, hour: int) -> None:
    """The dates the fresh user typed ("el martes a las 17:00", "après noël") are all read."""
    when = datewords.read_when(text, NOW, "UTC").when
    assert when is not None and (when.month, when.day, when.hour) == (month, day, hour)
