"""Minutes and hours from now in five languages; a bare small hour for a check-in is p.m."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import datewords

NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("daqui a 2 minutos", timedelta(minutes=2)),
        ("em 2 minutos", timedelta(minutes=2)),
        ("en 5 minutos", timedelta(minutes=5)),
        ("in 10 Minuten", timedelta(minutes=10)),
        ("dans 2 minutes", timedelta(minutes=2)),
        ("daqui a 2 horas", timedelta(hours=2)),
        ("dentro de 3 horas", timedelta(hours=3)),
        ("in einer Stunde", timedelta(hours=1)),
        ("dans une heure", timedelta(hours=1)),
    ],
)
def test_minutes_and_hours_from_now_in_other_languages(text: str, later: timedelta) -> None:
    """ "daqui a 2 minutos" is two minutes from now, not a day in February nor tomorrow."""
    assert datewords.parse_when(text, NOW, "UTC") == NOW + later


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("2moro at 3", 15),
        ("tomorrow at 5", 17),
        ("mañana a las 3", 15),
        ("morgen um 3", 15),
        ("demain à 3h", 15),
        ("amanhã às 3", 15),
        ("tomorrow at 3 in the morning", 3),
        ("tomorrow at 9", 9),
        ("tomorrow at 07:00", 7),
        ("tomorrow at 3am", 3),
    ],
)
def test_a_bare_small_hour_for_a_check_in_is_the_afternoon(text: str, hour: int) -> None:
    """ "2moro at 3" is 15:00 tomorrow; a morning word, am or a leading zero keeps it early."""
    when = datewords.parse_when(text, NOW, "UTC")
    assert when is not None and when.date() == NOW.date() + timedelta(days=1)
    assert when.hour == hour
