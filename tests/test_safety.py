"""Tests for the crisis check on user messages and the crisis-resource book."""

from __future__ import annotations

import re
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety import Concern, Resource, ResourceBook, check_message, load_resources

REPO = Path(__file__).resolve().parents[1]
PHRASES = REPO / "tests" / "data" / "crisis_phrases.toml"
RESOURCES = REPO / "prompts" / "crisis_resources.toml"
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


@pytest.fixture(scope="module")
def book() -> ResourceBook:
    """The real crisis-resource book shipped in prompts/."""
    return load_resources(RESOURCES)


def test_en_us_gives_988_first_and_the_default(book: ResourceBook) -> None:
    """en_US lists the 988 line first and still includes the international default."""
    lines = book.for_locale("en_US")
    assert "988" in lines[0].contact
    assert all(resource in lines for resource in book.default)


def test_en_gb_gives_samaritans(book: ResourceBook) -> None:
    """en-GB lists Samaritans on 116 123 and the default."""
    lines = book.for_locale("en-GB")
    assert any(r.name == "Samaritans" and "116 123" in r.contact for r in lines)
    assert lines[-len(book.default) :] == book.default


@pytest.mark.parametrize("locale", ["xx_ZZ", "tlh", "fr", "es-419", "", "C"])
def test_unknown_locale_gives_default(book: ResourceBook, locale: str) -> None:
    """A locale with no known country gives exactly the international default."""
    assert book.for_locale(locale) == book.default


def test_none_locale_gives_default(book: ResourceBook) -> None:
    """No locale at all gives exactly the international default."""
    assert book.for_locale(None) == book.default


def test_default_has_helpline_directory_and_emergency(book: ResourceBook) -> None:
    """The default names findahelpline.com and tells people to call emergency services."""
    contacts = " ".join(r.contact for r in book.default)
    assert "findahelpline.com" in contacts
    assert "emergency" in contacts.lower()


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de-DE", "0800 111 0 111"),
        ("fr_FR.UTF-8", "3114"),
        ("en_IE", "116 123"),
        ("en_CA", "9-8-8"),
        ("en_AU", "13 11 14"),
        ("en_NZ", "1737"),
        ("UK", "116 123"),
    ],
)
def test_national_line_comes_first(book: ResourceBook, locale: str, expected: str) -> None:
    """Each country's main line comes first for its locale."""
    assert expected in book.for_locale(locale)[0].contact


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[[country.US]]\nname = "A"\ncontact = "B"\n', "missing [[default]]"),
        ('[[default]]\nname = ""\ncontact = "B"\n', "default[0].name"),
        ('[[default]]\nname = "A"\ncontact = "B"\nurl = "C"\n', "unknown key(s): url"),
        ('[[default]]\nname = "A"\n', "missing 'contact'"),
        ('[[default]]\nname = "A"\ncontact = "B"\n[extra]\nx = 1\n', "unknown top-level"),
        ('[[default]]\nname = "A"\ncontact = "B"\n[[country.us]]\nname = "A"\n', "country.us"),
        ("default = []\n", "non-empty"),
        ("[[default]\n", "not valid TOML"),
    ],
)
def test_load_resources_rejects_malformed_file(tmp_path: Path, content: str, problem: str) -> None:
    """A malformed resources file raises ValueError naming the problem."""
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(problem)):
        load_resources(path)


def test_load_resources_round_trips_a_minimal_file(tmp_path: Path) -> None:
    """A minimal valid file loads into the expected book."""
    path = tmp_path / "ok.toml"
    path.write_text(
        '[[default]]\nname = " Line "\ncontact = "Call 1"\n'
        '[[country.GB]]\nname = "Samaritans"\ncontact = "Call 116 123"\n',
        encoding="utf-8",
    )
    book = load_resources(path)
    assert book.default == (Resource("Line", "Call 1"),)
    assert book.for_locale("en_GB") == (
        Resource("Samaritans", "Call 116 123"),
        Resource("Line", "Call 1"),
    )
