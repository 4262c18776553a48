"""Time zones as people type them: IANA names in any case, cities, common abbreviations."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import available_timezones

from bot.wording import word_set

# Regions of the current IANA names (legacy ones such as US/Eastern or EST are left out).
_REGIONS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe")
_REGIONS_TOO = ("Indian", "Pacific")
# Abbreviations people use for a zone. Several mean more than one place: those are asked.
ABBREVIATIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "EST": ("America/New_York",),
        "EDT": ("America/New_York",),
        "ET": ("America/New_York",),
        "CST": ("America/Chicago", "Asia/Shanghai"),
        "CDT": ("America/Chicago",),
        "CT": ("America/Chicago",),
        "MST": ("America/Denver", "America/Phoenix"),
        "MDT": ("America/Denver",),
        "PST": ("America/Los_Angeles",),
        "PDT": ("America/Los_Angeles",),
        "PT": ("America/Los_Angeles",),
        "AKST": ("America/Anchorage",),
        "HST": ("Pacific/Honolulu",),
        "GMT": ("Europe/London", "UTC"),
        "BST": ("Europe/London", "Asia/Dhaka"),
        "WET": ("Europe/Lisbon",),
        "CET": ("Europe/Berlin",),
        "CEST": ("Europe/Berlin",),
        "EET": ("Europe/Athens",),
        "EEST": ("Europe/Athens",),
        "MSK": ("Europe/Moscow",),
        "IST": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
        "PKT": ("Asia/Karachi",),
        "JST": ("Asia/Tokyo",),
        "KST": ("Asia/Seoul",),
        "HKT": ("Asia/Hong_Kong",),
        "SGT": ("Asia/Singapore",),
        "AEST": ("Australia/Sydney", "Australia/Brisbane"),
        "AEDT": ("Australia/Sydney",),
        "ACST": ("Australia/Adelaide", "Australia/Darwin"),
        "AWST": ("Australia/Perth",),
        "NZST": ("Pacific/Auckland",),
        "NZDT": ("Pacific/Auckland",),
        "BRT": ("America/Sao_Paulo",),
    }
)
# Big cities that are not themselves the name of an IANA zone.
CITIES: Mapping[str, str] = MappingProxyType(
    {
        "delhi": "Asia/Kolkata",
        "new delhi": "Asia/Kolkata",
        "mumbai": "Asia/Kolkata",
        "bangalore": "Asia/Kolkata",
        "bengaluru": "Asia/Kolkata",
        "san francisco": "America/Los_Angeles",
        "seattle": "America/Los_Angeles",
        "washington": "America/New_York",
        "boston": "America/New_York",
        "miami": "America/New_York",
        "atlanta": "America/New_York",
        "austin": "America/Chicago",
        "dallas": "America/Chicago",
        "houston": "America/Chicago",
        "munich": "Europe/Berlin",
        "frankfurt": "Europe/Berlin",
        "hamburg": "Europe/Berlin",
        "barcelona": "Europe/Madrid",
        "milan": "Europe/Rome",
        "beijing": "Asia/Shanghai",
        "osaka": "Asia/Tokyo",
        "wellington": "Pacific/Auckland",
        "canberra": "Australia/Sydney",
        "montreal": "America/Toronto",
        "edinburgh": "Europe/London",
        "manchester": "Europe/London",
    }
)


@dataclass(frozen=True, slots=True)
class ZoneMatch:
    """What a typed zone came to: one zone, several to choose from, a near-miss guess, or none."""

    zone: str | None = None
    choices: tuple[str, ...] = ()
    suggestion: str | None = None


@lru_cache(maxsize=1)
def _by_lower() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


@lru_cache(maxsize=1)
def _by_city() -> dict[str, tuple[str, ...]]:
    """Each city of a current zone name ("london") and the zones named after it."""
    cities: dict[str, list[str]] = {}
    for name in sorted(available_timezones()):
        if name.startswith(_REGIONS + _REGIONS_TOO) and "/" in name:
            cities.setdefault(name.rsplit("/", 1)[-1].lower(), []).append(name)
    return {city: tuple(zones) for city, zones in cities.items()}


def canonical_zone(name: str) -> str | None:
    """The properly spelled zone for a name typed in any case ("europe/berlin"), or None."""
    return _by_lower().get(name.strip().replace(" ", "_").lower())


# Words said around a zone's name ("madrid actually", "I'm in Lisbon now"): input words.
_AROUND = word_set(
    "actually i im i'm am in live living based it its it's is my time zone timezone tz the "
    "oh ok okay sorry probably prob now currently at near from um uh hmm well say guess please "
    "pls thanks lol yes yeah yep no nope hey like just city area here there right then rather "
    "wait make change set to use that this one instead moved rn atm these days"
)
_TOKENS = re.compile(r"[\w/+-]+(?:'\w+)?")
# The zone said not to be the one ("not London", "instead of Paris").
_NOT_THIS = re.compile(r"\b(?:not|instead of|rather than|no longer in)\s+(?:in\s+)?[\w/+-]+", re.I)


def find_zone(typed: str) -> ZoneMatch:
    """Read a zone as typed: an abbreviation ("EST", "IST"), an IANA name, or a city ("London");
    words only said around it ("madrid actually", "Madrid, Spain", "Lisbon, not London") are
    let go."""
    found = _find_zone(typed)
    if found.zone is not None or found.choices:
        return found
    tokens = _TOKENS.findall(_NOT_THIS.sub(" ", typed))
    named = [word for word in tokens if word.lower() not in _AROUND]
    if not named:
        return found
    inner = _find_zone(" ".join(named))
    if (inner.zone is not None and _a_city(inner.zone)) or inner.choices:
        return inner
    # One word of several names a zone, the others nothing ("Madrid, Spain", "tokyo rn").
    zones = {match.zone for match in map(_find_zone, named) if match.zone and _a_city(match.zone)}
    return ZoneMatch(zone=zones.pop()) if len(zones) == 1 else found


def _a_city(zone: str) -> bool:
    """Whether a zone is named after a city people live in ("Europe/Madrid"), not a county
    of a state ("America/North_Dakota/Center") or a research station: words found inside
    other words are taken only for these."""
    return zone.count("/") == 1 and not zone.startswith("Antarctica/")


def _find_zone(typed: str) -> ZoneMatch:
    text = typed.strip()
    if not text:
        return ZoneMatch()
    known = ABBREVIATIONS.get(text.upper().replace(".", ""))
    if known is not None:
        return ZoneMatch(zone=known[0]) if len(known) == 1 else ZoneMatch(choices=known)
    exact = canonical_zone(text)
    if exact is not None:
        return ZoneMatch(zone=exact)
    lowered = " ".join(text.lower().split())
    if lowered in CITIES:
        return ZoneMatch(zone=CITIES[lowered])
    named = _by_city().get(lowered.replace(" ", "_"), ())
    if len(named) == 1:
        return ZoneMatch(zone=named[0])
    if named:
        return ZoneMatch(choices=named)
    return ZoneMatch(suggestion=closest_zone(text))


def closest_zone(name: str) -> str | None:
    """The zone a near miss most likely meant ("Europe/Berln" -> "Europe/Berlin"), or None."""
    typed = name.strip().replace(" ", "_").lower()
    if not typed:
        return None
    lowered = _by_lower()
    found = difflib.get_close_matches(typed, list(lowered), n=1, cutoff=0.75)
    if found:
        return lowered[found[0]]
    cities = difflib.get_close_matches(typed, list(_by_city()), n=1, cutoff=0.8)
    if cities and len(_by_city()[cities[0]]) == 1:
        return _by_city()[cities[0]][0]
    return None
