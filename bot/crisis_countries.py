"""The user's country, for the crisis lines: a country named in words (in the five languages
the coach reads, with pycountry's ISO 3166 names and their translations), or the country of a
time zone or a locale.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import pycountry

__all__ = [
    "country_from_locale",
    "country_from_zone",
    "fold",
    "local_names",
    "other_countries",
    "without_lead_in",
]


# How people lead into naming where they are, in the five languages the coach reads, folded.
_LEAD_IN = re.compile(
    r"^(?:(?:i m|im|i am|we re|we are|i live|we live|living|based|currently|right now|rn"
    r"|estoy|vivo|soy|ich bin|ich wohne|wir sind|je suis|j habite|on est|estou|moro|sou)\s+)*"
    # Each a whole word: the "o" of "Österreich" or the "a" of "Austria" is no article.
    r"(?:(?:in|from|at|en|de|aus|au|aux|em|no|na|do|da)\s+)?"
    r"(?:(?:the|el|la|los|das|der|die|le|les|o|a)\s+)?"
)
_TRAILING = re.compile(r"\s+(?:actually|rn|right now|now|currently|atm|lol|thanks|thank you)$")


def without_lead_in(folded: str) -> str:
    """A folded answer without its lead-in ("i m in the") and trailing filler ("rn")."""
    return _TRAILING.sub("", _LEAD_IN.sub("", folded, count=1)).strip()


# Everyday names ISO 3166 spells otherwise ("Russian Federation", "Korea, Republic of").
_EVERYDAY_NAMES = {
    "russia": "RU",
    "south korea": "KR",
    "korea": "KR",
    "north korea": "KP",
    "iran": "IR",
    "syria": "SY",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "taiwan": "TW",
    "czech republic": "CZ",
    "uae": "AE",
    "holland": "NL",
    "ivory coast": "CI",
    "laos": "LA",
    "moldova": "MD",
}


@lru_cache(maxsize=1)
def other_countries() -> dict[str, str]:
    """Every ISO 3166 country's names, folded, to its code (from pycountry): in English, and
    in German, Spanish, French and Portuguese ("Österreich", "Suisse", "Japón")."""
    names: dict[str, str] = {**local_names(), **_EVERYDAY_NAMES}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if isinstance(name, str):
                names[fold(name)] = country.alpha_2
    return names


# The languages besides English the coach reads, as pycountry's translations name them.
_TRANSLATED = ("de", "es", "fr", "pt", "pt_BR")


@lru_cache(maxsize=1)
def local_names() -> dict[str, str]:
    """ISO 3166 countries' names in German, Spanish, French and Portuguese, folded, to their
    codes (pycountry's iso3166-1 translations; a language it lacks is skipped)."""
    names: dict[str, str] = {}
    for code in _TRANSLATED:
        try:
            translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
        except OSError:
            continue
        for country in pycountry.countries:
            for attribute in ("name", "common_name"):
                name = getattr(country, attribute, None)
                if isinstance(name, str):
                    names.setdefault(fold(translation.gettext(name)), country.alpha_2)
    return names


def fold(text: str) -> str:
    """Lower case, accents off, punctuation to spaces: how country names are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join("".join(ch if ch.isalnum() else " " for ch in bare).split())


@lru_cache(maxsize=1)
def _zone_countries() -> Mapping[str, str]:
    """IANA zone -> ISO country, from the zone.tab file the tzdata package ships."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for row in table.splitlines():
        if row and not row.startswith("#"):
            columns = row.split("\t")
            if len(columns) >= 3:
                found[columns[2]] = columns[0]
    return MappingProxyType(found)


def country_from_zone(zone: str | None) -> str | None:
    """The country of an IANA zone ("America/Toronto" -> "CA"); None for "UTC" and the like."""
    return _zone_countries().get(zone) if zone else None


def country_from_locale(locale: str | None) -> str | None:
    """The region of a locale with one ("en_GB.UTF-8" -> "GB", "de" -> None)."""
    if not locale:
        return None
    tag = locale.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    parts = [part for part in tag.split("_") if part]
    for part in parts[1:]:
        if len(part) == 2 and part.isascii() and part.isalpha():
            return "GB" if part.upper() == "UK" else part.upper()
    return None
