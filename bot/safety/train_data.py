"""The learned layer's training messages: the crisis tuning sets and ordinary coaching texts.

Reads tests/data/crisis_tuning*.jsonl (the retired blind sets among them) and, as more ordinary
messages, the coaching texts of the intent and thinking-trap tuning sets
(tests/data/intents_tuning*.jsonl, traps.jsonl); never tests/data/blind/. Near-duplicates are
grouped (`groups`) so that cross-validation never scores a message with a model that saw its
twin.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.safety.learned import features
from bot.safety.normal import normalise

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
TUNING = tuple(sorted(DATA.glob("crisis_tuning*.jsonl")))
ORDINARY = (DATA / "intents_tuning.jsonl", DATA / "intents_tuning_2.jsonl", DATA / "traps.jsonl")


@dataclass(frozen=True, slots=True)
class Row:
    """One training message: normalised text, class, language, kind, whether it is ours, and
    the file it comes from."""

    normal: str
    label: str
    lang: str
    kind: str
    setback: bool  # an ordinary setback from the crisis tuning set (where false alarms count)
    # Each crisis tuning file was written by one author in one round: holding a file out
    # whole is the nearest the tuning sets come to a new author (`--by-file`).
    source: str = ""


def _label(row: dict[str, Any]) -> str:
    tier = row["tier"]
    return "none" if tier == "none" else "possible" if tier == "possible" else row["concern"]


def rows() -> list[Row]:
    """The training messages: the tuning set (without context), then ordinary coaching texts."""
    found = []
    for path in TUNING:
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            if row.get("context"):
                continue  # a message read with earlier ones: the patterns' business
            setback = row["tier"] == "none"
            label, lang, kind = _label(row), row["lang"], row["kind"]
            found.append(Row(normalise(row["text"]), label, lang, kind, setback, path.name))
    for path in ORDINARY:
        for line in path.read_text("utf-8").splitlines():
            text = normalise(json.loads(line)["text"])
            found.append(Row(text, "none", "en", "coaching", False, path.name))
    # A text too short for an n-gram ("2", "k") carries nothing to learn from.
    return [row for row in found if features(row.normal)]


# Short words left out of a message's signature: they say nothing of what it is about.
_COMMON_WORDS = (
    "the and for that this but not with you are was have just its all que por con para una los"
    " las del der die das und ich nicht mit ein eine les des pas pour une est qui mais com nao"
    " uma dos"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def groups(batch: Sequence[Row]) -> list[int]:
    """A group per row such that near-duplicates share one: rows whose three longest words
    (of three letters or more, common ones left out) are the same are put together, so that
    cross-validation never scores a message with a model that saw its twin."""
    seen: dict[tuple[str, ...], int] = {}
    found = []
    for index, row in enumerate(batch):
        words = {w for w in row.normal.split() if len(w) > 2 and w not in _COMMON}
        key = tuple(sorted(sorted(words, key=lambda w: (-len(w), w))[:3]))
        found.append(seen.setdefault(key, index) if len(key) >= 2 else index)
    return found
