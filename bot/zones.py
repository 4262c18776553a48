"""IANA time zone names: exact, case-insensitive, and a suggestion for a near miss."""

from __future__ import annotations

import difflib
from functools import lru_cache
from zoneinfo import available_timezones


@lru_cache(maxsize=1)
def _by_lower() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def canonical_zone(name: str) -> str | None:
    """The properly spelled zone for a name typed in any case ("europe/berlin"), or None."""
    return _by_lower().get(name.strip().replace(" ", "_").lower())


def closest_zone(name: str) -> str | None:
    """The zone a near miss most likely meant ("Europe/Berln" -> "Europe/Berlin"), or None."""
    typed = name.strip().replace(" ", "_").lower()
    if not typed:
        return None
    lowered = _by_lower()
    found = difflib.get_close_matches(typed, list(lowered), n=1, cutoff=0.75)
    if found:
        return lowered[found[0]]
    # A bare city ("Berlin", "new york") names the zone that ends with it.
    cities = [zone for key, zone in lowered.items() if key.rsplit("/", 1)[-1] == typed]
    return cities[0] if len(cities) == 1 else None
