"""Crisis lines by country and concern, loaded and checked from prompts/crisis_resources.toml
(the user's country, from words, a time zone or a locale: bot/crisis_countries.py).

Sources: every line's own URL sits beside it in prompts/crisis_resources.toml.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from bot.crisis_countries import (
    country_from_locale,
    country_from_zone,
    fold,
    local_names,
    other_countries,
    without_lead_in,
)
from bot.crisis_words import localise, words_table
from bot.errors import PromptError

__all__ = [
    "CONCERNS",
    "OTHER_COUNTRY",
    "Country",
    "Line",
    "LineBook",
    "country_from_locale",
    "country_from_zone",
    "load_lines",
]

CONCERNS = ("suicide", "self_harm", "danger")
# Stored when the user answered "other": never ask again, show the international directory.
OTHER_COUNTRY = "ZZ"


@dataclass(frozen=True, slots=True)
class Line:
    """One crisis line: who answers, how to text/chat and call, when, and where it was checked."""

    name: str
    concerns: frozenset[str]
    source: str
    text: str = ""
    call: str = ""
    hours: str = ""
    note: str = ""
    # The bullet in es, de, fr, pt: the coach's words around the line in that language.
    said: Mapping[str, str] = field(default_factory=dict)

    def render(self, lang: str = "en") -> str:
        """The line as one bullet: text/chat options first (people in a chat are typing), in
        the language `lang` where the file words it (else English)."""
        if lang in self.said:
            return self.said[lang]
        ways = " · ".join(part for part in (self.text, self.call) if part)
        extra = "".join(f" ({part})" for part in (self.hours,) if part)
        note = f" {self.note}" if self.note else ""
        return f"- {self.name}: {ways}{extra}.{note}"


@dataclass(frozen=True, slots=True)
class Country:
    """A country's emergency number and its crisis lines, most needed first."""

    code: str
    name: str
    names: tuple[str, ...]
    emergency: str
    source: str
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class LineBook:
    """The international directory and the countries we have verified lines for."""

    international: Line
    emergency: str
    countries: Mapping[str, Country]
    # The directory and its emergency wording in es, de, fr, pt ([international.es] ...).
    translated: Mapping[str, tuple[Line, str]] = field(default_factory=dict)

    def lines(
        self, country: str | None, concern: str, lang: str = "en"
    ) -> tuple[str, tuple[str, ...]]:
        """(emergency number, rendered lines) for a country code and concern.

        An unknown country, or one we have no lines for, gets the international directory,
        in the person's language `lang` when the file has it (its emergency wording too).
        A concern a country has no line for gets its other lines (any line beats none).
        """
        found = self.countries.get(country or "")
        if found is None:
            directory, emergency = self.translated.get(lang, (self.international, self.emergency))
            return emergency, (directory.render(),)
        fitting = [line for line in found.lines if concern in line.concerns] or list(found.lines)
        return found.emergency, tuple(line.render(lang) for line in fitting)

    def country_name(self, code: str | None) -> str:
        """How the coach names a country ("the United Kingdom"); "" when it has no lines."""
        found = self.countries.get(code or "")
        return found.name if found is not None else ""

    def country_named(self, typed: str, *, beyond_the_book: bool = False) -> str | None:
        """The ISO 3166 alpha-2 code of the country a short answer names, or None.

        "uk", "Deutschland", "I'm in Portugal", "the USA", "estou no Brasil" name a country
        with lines. With `beyond_the_book` (the country is still unknown), "Japan" or "I live
        in Kenya" name one without: its code is kept and the international directory shown;
        otherwise "Georgia" typed by someone known to be in the US changes nothing. Only the
        whole answer counts, after a lead-in such as "I'm in" or "from": "my boss in Spain
        said no" names nothing. Emoji flags are not read.
        """
        others = other_countries() if beyond_the_book else {}
        whole = fold(typed)
        found = self._code_for(whole) or others.get(whole)
        if found is not None:
            return found
        place = without_lead_in(whole)
        # After a lead-in a two-letter word is a code only for the two people type that way.
        if place == whole or (len(place) <= 2 and place not in ("uk", "us")):
            return None
        return self._code_for(place) or others.get(place)

    def _code_for(self, folded: str) -> str | None:
        """The code of a country with lines whose code or name is exactly `folded`.

        Its name in any of the five languages counts too ("Vereinigtes Königreich", "Kanada").
        """
        for code, country in self.countries.items():
            if folded == code.lower() or folded in country.names:
                return code
        local = local_names().get(folded)
        return local if local in self.countries else None


def _strings(table: Mapping[str, object], where: str, required: tuple[str, ...]) -> dict[str, str]:
    """The string fields of a table, checked: required ones present, none empty."""
    fields: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, str):
            if not value.strip():
                raise ValueError(f"{where}.{key} is empty")
            fields[key] = value.strip()
    missing = [key for key in required if key not in fields]
    if missing:
        raise ValueError(f"{where} is missing {', '.join(missing)}")
    return fields


_LINE_KEYS = frozenset({"name", "concerns", "text", "call", "hours", "note", "source"})
_COUNTRY_KEYS = frozenset({"name", "names", "emergency", "source", "line"})


def _line(table: object, where: str) -> Line:
    if not isinstance(table, dict):
        raise ValueError(f"{where} must be a table")
    unknown = sorted(set(table) - _LINE_KEYS)
    if unknown:
        raise ValueError(f"{where} has unknown key(s): {', '.join(unknown)}")
    fields = _strings(table, where, ("name", "source"))
    if not (fields.get("text") or fields.get("call")):
        raise ValueError(f"{where} needs a text or a call")
    if "confidential" in " ".join(fields.values()).lower() and "except" not in fields.get(
        "note", ""
    ):
        raise ValueError(f"{where} says confidential without stating the exception")
    concerns = table.get("concerns")
    if not isinstance(concerns, list) or not concerns or not set(concerns) <= set(CONCERNS):
        raise ValueError(f"{where}.concerns must list some of {', '.join(CONCERNS)}")
    return Line(
        name=fields["name"],
        concerns=frozenset(concerns),
        source=fields["source"],
        text=fields.get("text", ""),
        call=fields.get("call", ""),
        hours=fields.get("hours", ""),
        note=fields.get("note", ""),
    )


def _country(code: str, table: object, words: Mapping[str, Mapping[str, str]]) -> Country:
    where = f"country.{code}"
    if len(code) != 2 or not code.isascii() or not code.isupper():
        raise ValueError(f"{where}: key must be an upper-case ISO 3166 alpha-2 code like US")
    if not isinstance(table, dict):
        raise ValueError(f"{where} must be a table")
    unknown = sorted(set(table) - _COUNTRY_KEYS)
    if unknown:
        raise ValueError(f"{where} has unknown key(s): {', '.join(unknown)}")
    fields = _strings(table, where, ("name", "emergency", "source"))
    lines = table.get("line")
    if not isinstance(lines, list) or not lines:
        raise ValueError(f"{where} needs at least one [[{where}.line]]")
    parsed = tuple(
        _worded(_line(entry, f"{where}.line[{index}]"), words, f"{where}.line[{index}]")
        for index, entry in enumerate(lines)
    )
    names = table.get("names", [])
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ValueError(f"{where}.names must be a list of strings")
    return Country(
        code=code,
        name=fields["name"],
        names=tuple(fold(name) for name in names),
        emergency=fields["emergency"],
        source=fields["source"],
        lines=parsed,
    )


def load_lines(path: Path) -> LineBook:
    """Load and validate a crisis-lines TOML file; raise PromptError naming the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise PromptError(path, [f"cannot read crisis lines: {error}"]) from error
    try:
        unknown = sorted(set(data) - {"international", "country", "words"})
        if unknown:
            raise ValueError(f"unknown top-level key(s): {', '.join(unknown)}")
        table = data.get("international")
        if not isinstance(table, dict):
            raise ValueError("missing [international] (the directory shown anywhere)")
        emergency = _strings(table, "international", ("emergency",))["emergency"]
        international = _line(
            {
                **{k: v for k, v in table.items() if k != "emergency" and k not in _TRANSLATIONS},
                "concerns": list(CONCERNS),
            },
            "international",
        )
        translated = {
            lang: _translation(table[lang], international, f"international.{lang}")
            for lang in _TRANSLATIONS
            if lang in table
        }
        countries = data.get("country", {})
        if not isinstance(countries, dict):
            raise ValueError("country must be a table of [country.XX] tables")
        tables = data.get("words", {})
        if not isinstance(tables, dict) or not set(tables) <= set(_TRANSLATIONS):
            raise ValueError(f"[words] may only have tables for {', '.join(_TRANSLATIONS)}")
        words = {lang: words_table(tables[lang], f"words.{lang}") for lang in tables}
        book = {code: _country(code, entry, words) for code, entry in countries.items()}
    except ValueError as error:
        raise PromptError(path, [str(error)]) from error
    return LineBook(international, emergency, MappingProxyType(book), MappingProxyType(translated))


# The languages the directory may be given in besides English, as [international.es] tables.
_TRANSLATIONS = ("es", "de", "fr", "pt")
_TRANSLATED_KEYS = frozenset({"name", "text", "note", "emergency"})


def _translation(table: object, english: Line, where: str) -> tuple[Line, str]:
    """The directory in one more language, and its emergency wording: the same keys as the
    English (name, text, note, emergency), the source shared."""
    if not isinstance(table, dict):
        raise ValueError(f"{where} must be a table")
    fields = _strings(table, where, tuple(sorted(_TRANSLATED_KEYS)))
    if set(table) != _TRANSLATED_KEYS:
        raise ValueError(f"{where} must have exactly {', '.join(sorted(_TRANSLATED_KEYS))}")
    kept = {k: v for k, v in fields.items() if k != "emergency"}
    line = _line({**kept, "source": english.source, "concerns": list(CONCERNS)}, where)
    return line, fields["emergency"]


def _worded(line: Line, words: Mapping[str, Mapping[str, str]], where: str) -> Line:
    """The line with its bullet in each of es, de, fr, pt (bot/crisis_words.py)."""
    said = {
        lang: localise(
            table,
            name=line.name,
            text=line.text,
            call=line.call,
            hours=line.hours,
            note=line.note,
            where=f"{where} ({lang})",
        )
        for lang, table in words.items()
    }
    return replace(line, said=MappingProxyType(said))
