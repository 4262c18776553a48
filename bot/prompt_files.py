"""The prompt files on disk: which files, read and flattened, translations checked against
their original (keys and placeholders)."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from pathlib import Path

from bot import language

PROMPT_FILES = (
    "coach.toml",
    "asked_back.toml",
    "commands.toml",
    "plan.toml",
    "safety.toml",
    "traps.toml",
)
# The safety texts are said in the person's language too: safety_<code>.toml has every key of
# safety.toml with the same placeholders, loaded as key_<code> (language.keyed).
TRANSLATED = "safety.toml"

_FORMATTER = string.Formatter()


def placeholders(text: str) -> list[str]:
    """The {names} a text uses (format syntax; {{ and }} are literal braces)."""
    return [field for _, field, _, _ in _FORMATTER.parse(text) if field is not None]


def _flatten(table: Mapping[str, object], prefix: str, into: dict[str, object]) -> None:
    for name, value in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if isinstance(value, dict):
            _flatten(value, key, into)
        else:
            into[key] = value


def translated_file(code: str) -> str:
    """The file of TRANSLATED in a language: "safety_es.toml"."""
    return TRANSLATED.replace(".toml", f"_{code}.toml")


def _read(path: Path, problems: list[str]) -> dict[str, object] | None:
    """A prompt file's keys, flattened ("crisis.stop"); None (and a problem) when unreadable."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        problems.append(f"{path}: missing")
        return None
    except tomllib.TOMLDecodeError as error:
        problems.append(f"{path}: not valid TOML ({error})")
        return None
    found: dict[str, object] = {}
    _flatten(data, "", found)
    return found


def _unlike(
    path: Path, original: Mapping[str, object], translation: Mapping[str, object]
) -> list[str]:
    """How a translation's keys or placeholders differ from the original's."""
    problems = [
        f"{path}: '{key}' is missing" for key in sorted(original.keys() - translation.keys())
    ]
    problems += [
        f"{path}: '{key}' is not in {TRANSLATED}"
        for key in sorted(translation.keys() - original.keys())
    ]
    for key in sorted(original.keys() & translation.keys()):
        theirs, ours = original[key], translation[key]
        try:
            differ = (
                isinstance(theirs, str)
                and isinstance(ours, str)
                and (sorted(placeholders(theirs)) != sorted(placeholders(ours)))
            )
        except ValueError:
            continue  # a broken placeholder is reported with the text itself
        if differ:
            problems.append(f"{path}: '{key}' has other placeholders than in {TRANSLATED}")
    return problems


def read_all(directory: Path, problems: list[str]) -> dict[str, object]:
    """Every key of every prompt file in `directory`, flattened ("crisis.stop"), the
    translations as key_<code>; what is wrong with them added to `problems`."""
    flat: dict[str, object] = {}
    original: dict[str, object] = {}
    for filename in PROMPT_FILES:
        found = _read(directory / filename, problems)
        if found is None:
            continue
        for key in found.keys() & flat.keys():
            problems.append(f"{directory / filename}: '{key}' is defined twice")
        flat.update(found)
        if filename == TRANSLATED:
            original = found
    for code in language.LANGUAGES:
        path = directory / translated_file(code)
        found = _read(path, problems)
        if found is not None:
            problems += _unlike(path, original, found)
            flat.update({language.keyed(key, code): value for key, value in found.items()})
    return flat
