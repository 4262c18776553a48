"""Tests for the crisis check on user messages and the crisis-resource book."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety import Concern, check_message

REPO = Path(__file__).resolve().parents[1]
PHRASES = REPO / "tests" / "data" / "crisis_phrases.toml"
MAX_FALSE_ALARM_RATE = 0.05


def _phrases() -> dict[str, Any]:
    """Load the labelled phrase set."""
    with PHRASES.open("rb") as handle:
        return tomllib.load(handle)


def test_labelled_set_is_big_enough() -> None:
    """The labelled set holds at least 90 positives and 90 negatives with valid labels."""
    data = _phrases()
    assert len(data["positives"]) >= 90
    assert len(data["negatives"]) >= 90
    assert {p["concern"] for p in data["positives"]} == {c.value for c in Concern}


def test_every_positive_is_caught_with_the_right_concern() -> None:
    """Every labelled positive is flagged, and flagged with its labelled concern."""
    positives = _phrases()["positives"]
    misses = [
        f"{p['text']!r}: expected {p['concern']}, got {check_message(p['text'])}"
        for p in positives
        if check_message(p["text"]) != Concern(p["concern"])
    ]
    caught = len(positives) - len(misses)
    print(f"caught {caught}/{len(positives)} positives ({caught / len(positives):.1%})")
    assert not misses, f"{len(misses)} missed:\n" + "\n".join(misses)


def test_false_alarm_rate_on_negatives_is_at_most_five_percent() -> None:
    """At most 5% of the labelled negatives are flagged."""
    negatives = _phrases()["negatives"]
    flagged = [f"{text!r} -> {check_message(text)}" for text in negatives if check_message(text)]
    rate = len(flagged) / len(negatives)
    print(f"false alarms {len(flagged)}/{len(negatives)} ({rate:.1%}):\n" + "\n".join(flagged))
    assert rate <= MAX_FALSE_ALARM_RATE, "\n".join(flagged)


@pytest.mark.parametrize(
    "idiom",
    [
        "this deadline is killing me",
        "I could kill for a coffee",
        "I nearly died of embarrassment",
        "my phone is dead",
        "I'm dying to know",
        "that joke killed",
        "the project is dead in the water",
        "kill the process",
        "dead tired",
        "I'd die for a holiday",
        "they cut my hours",
        "the deal is dead",
        "that hurt my chances",
        "end it with my landlord",
        "I'm done with this job",
    ],
)
def test_named_idiom_is_not_flagged(idiom: str) -> None:
    """Each everyday idiom named in the brief passes without a flag."""
    assert check_message(idiom) is None


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("I DONT WANT TO BE HERE ANYMORE", Concern.SUICIDE),
        ("i dont want to be here anymore", Concern.SUICIDE),
        ("I don\u2019t want to be here anymore", Concern.SUICIDE),
        ("I\u2019m scared he\u2019ll hurt me", Concern.DANGER),
        ("i\u200b want to die", Concern.SUICIDE),
        ("i want to dieeeee", Concern.SUICIDE),
        ("\uff49 \uff57\uff41\uff4e\uff54 \uff54\uff4f \uff44\uff49\uff45", Concern.SUICIDE),
        ("ive been cutting myself", Concern.SELF_HARM),
    ],
)
def test_case_apostrophes_and_stretching_are_normalised(text: str, concern: Concern) -> None:
    """Case, curly apostrophes, zero-width, full-width and stretched letters do not hide risk."""
    assert check_message(text) == concern


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_check_message_never_raises(text: str) -> None:
    """Any string gives a Concern or None, never an exception."""
    assert check_message(text) is None or isinstance(check_message(text), Concern)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00\x01\x02\x1b[31m\x7f",
        "\ud800 lone surrogate",
        "\U0001f624" * 10_000,
        "a" * 100_000,
        "kill me " * 12_500,
        "scared he " * 10_000,
        "want to " * 12_500,
    ],
)
def test_extreme_inputs_are_handled_quickly(text: str) -> None:
    """Empty, control, emoji and 100k-character inputs return quickly without raising."""
    start = time.perf_counter()
    check_message(text)
    assert time.perf_counter() - start < 3.0
