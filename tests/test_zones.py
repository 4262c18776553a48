"""Time zones as people type them: cities, abbreviations, near misses; ambiguous ones are asked."""

from __future__ import annotations

import pytest

from bot.service import CoachService
from bot.storage.db import Database
from bot.zones import ZoneMatch, find_zone
from tests.conftest import FULL_DIALOGUE, say
from tests.test_service import run_unzoned, stored


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("London", "Europe/London"),
        ("new york", "America/New_York"),
        ("Delhi", "Asia/Kolkata"),
        ("EST", "America/New_York"),
        ("pst", "America/Los_Angeles"),
        ("CET", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("UTC", "UTC"),
    ],
)
def test_a_city_an_abbreviation_or_a_name_finds_one_zone(typed: str, zone: str) -> None:
    """Each of these names exactly one current IANA zone (EST follows New York's DST rules)."""
    assert find_zone(typed) == ZoneMatch(zone=zone)


@pytest.mark.parametrize(
    ("typed", "places"),
    [("IST", {"Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"}), ("CST", {"America/Chicago"})],
)
def test_an_abbreviation_used_in_several_places_offers_them(typed: str, places: set[str]) -> None:
    """IST is India, Ireland or Israel: the coach must ask, not guess."""
    match = find_zone(typed)
    assert match.zone is None and places <= set(match.choices) and len(match.choices) > 1


def test_a_near_miss_gets_a_suggestion() -> None:
    """'Londn' suggests Europe/London without setting it."""
    assert find_zone("Londn") == ZoneMatch(suggestion="Europe/London")


async def test_the_zone_command_takes_a_city_and_asks_about_ist(
    service: CoachService, db: Database
) -> None:
    """`timezone London` sets Europe/London; `timezone IST` asks which of three places."""
    said = (await service.handle(say("timezone London"))).messages[0].text
    assert "Europe/London" in said and "Done" in said
    asked = (await service.handle(say("timezone IST"))).messages[0].text
    assert "Asia/Kolkata, Europe/Dublin or Asia/Jerusalem" in asked
    current = (await service.handle(say("timezone"))).messages[0].text
    assert "Europe/London" in current


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("madrid actually", "Europe/Madrid"),
        ("I'm in Lisbon now", "Europe/Lisbon"),
        ("oh sorry, EST", "America/New_York"),
        ("sao paulo actually", "America/Sao_Paulo"),
        ("Madrid, Spain", "Europe/Madrid"),
        ("in Lisbon, not London", "Europe/Lisbon"),
    ],
)
def test_words_said_around_a_zone_do_not_hide_it(typed: str, zone: str) -> None:
    """A zone's name with only words like "actually" or "I'm in" around it is that zone."""
    assert find_zone(typed).zone == zone


@pytest.mark.parametrize(
    "typed", ["actually make it in 3 weeks", "my cat", "no", "london or paris", "the city center"]
)
def test_words_without_a_zone_name_find_none(typed: str) -> None:
    """Words that name no zone find none, however many filler words are in them."""
    assert find_zone(typed).zone is None


async def test_a_zone_named_with_words_around_it_answers_the_zone_question(
    service: CoachService, db: Database
) -> None:
    """ "madrid actually" at the time zone question sets Europe/Madrid and goes on to the date."""
    await run_unzoned(service, FULL_DIALOGUE[:11])
    texts = await run_unzoned(service, ["madrid actually"])
    assert "Europe/Madrid" in texts[0] and "When should we revisit" in texts[-1]
    assert (await stored(db)).timezone == "Europe/Madrid"
