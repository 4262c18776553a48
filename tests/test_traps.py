"""Tests for the rule-based thinking-trap detector in bot.traps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.traps import evaluate, load
from bot.traps import Trap, detect_traps, strongest_trap

DATA = Path(__file__).resolve().parent / "data" / "traps.jsonl"


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("they'll never promote me", Trap.ALL_OR_NOTHING),
        ("I always mess these up", Trap.OVERGENERALIZING),
        ("it's because I'm not good enough", Trap.PERSONALIZING),
        ("my career is over", Trap.CATASTROPHIZING),
        ("I'll definitely get rejected again", Trap.FORTUNE_TELLING),
        ("she thinks I'm lazy", Trap.MIND_READING),
        ("I'm such a failure", Trap.LABELING),
        ("I'm an idiot", Trap.LABELING),
        ("I should have known better", Trap.SHOULD_STATEMENTS),
        ("the praise doesn't count, anyone could have done it", Trap.DISQUALIFYING_POSITIVE),
    ],
)
def test_brief_examples_are_detected(text: str, trap: Trap) -> None:
    """Each example from the specification is detected as its trap."""
    assert trap in detect_traps(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't think I'm a failure",
        "it's not the end of the world",
        "It isn't my fault the company restructured.",
        "I don't believe my career is over.",
        "It's not like I'll never find another job.",
        "I'm not an idiot, I just missed a detail.",
        "I don't have to be perfect to be hired.",
        "I don't always get it right, and that's fine.",
    ],
)
def test_negated_thoughts_are_not_detected(text: str) -> None:
    """A negated distortion is not reported as a trap."""
    assert detect_traps(text) == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "she said 'never'",
        'he told me "you\'ll never make it"',
        "He told me “you’ll never make it” and I want to prove him wrong.",
        "My supervisor told me, 'You should have asked earlier.'",
        "She said I'm \"such a failure\" and I don't agree.",
        "She said I'm such a failure, which was unkind.",
        "He said, “I’m sure you’ll get rejected,” which was unkind.",
        'He said "you always rush these',
    ],
)
def test_quoted_and_reported_speech_is_not_detected(text: str) -> None:
    """Someone else's quoted or reported words are not the user's trap."""
    assert detect_traps(text) == frozenset()


def test_curly_apostrophes_are_normalised() -> None:
    """Curly apostrophes match the same rules as straight ones."""
    assert detect_traps("They’ll never promote me") == detect_traps("They'll never promote me")
    assert Trap.LABELING in detect_traps("I’m such a failure")


def test_two_traps_in_one_text() -> None:
    """A thought containing two distortions yields both."""
    found = detect_traps("I'm such an idiot, I always mess up interviews.")
    assert found == {Trap.LABELING, Trap.OVERGENERALIZING}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The landlord said no, so I'll look at the next flat on Saturday.",
        "I asked for a raise and they said not right now.",
        "I'm a nurse and the rota got changed without asking me.",
    ],
)
def test_strongest_trap_is_none_for_neutral_text(text: str) -> None:
    """Neutral text has no trap to reflect back."""
    assert strongest_trap(text) is None


def test_strongest_trap_with_no_texts() -> None:
    """Calling with no texts at all returns None."""
    assert strongest_trap() is None


def test_strongest_trap_prefers_priority_trap_in_mixed_text() -> None:
    """Catastrophizing outranks a should statement in the same text."""
    text = "I should have known better, and now my career is over."
    assert detect_traps(text) == {Trap.SHOULD_STATEMENTS, Trap.CATASTROPHIZING}
    assert strongest_trap(text) is Trap.CATASTROPHIZING


def test_strongest_trap_considers_all_texts() -> None:
    """The priority trap is chosen across every text passed, not just the first."""
    assert strongest_trap("I should have known better.") is Trap.SHOULD_STATEMENTS
    chosen = strongest_trap("I should have known better.", "Honestly, I'm a disappointment.")
    assert chosen is Trap.LABELING


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_never_raises_on_arbitrary_text(text: str) -> None:
    """Any string yields a frozenset of traps and never an exception."""
    found = detect_traps(text)
    assert isinstance(found, frozenset)
    assert all(isinstance(trap, Trap) for trap in found)
    assert strongest_trap(text, text) in {*found, None}


@pytest.mark.parametrize(
    "text",
    [
        "x" * 100_000,
        "I always mess up " * 6_000,
        '"' * 100_000,
        "'a " * 33_000,
        "if either every i'm " * 5_000,
        "\x00\x07\u200b😀🙃\r\n\t" * 10_000,
    ],
)
def test_huge_and_odd_inputs_do_not_raise(text: str) -> None:
    """Very long, repetitive and control-character inputs are handled."""
    assert isinstance(detect_traps(text), frozenset)


def test_evaluation_set_meets_precision_and_recall_targets() -> None:
    """Micro precision is at least 0.85 and recall at least 0.5 on the labelled set."""
    report = evaluate(DATA)
    assert report.examples >= 220
    assert report.overall.precision >= 0.85
    assert report.overall.recall >= 0.5


def test_evaluation_set_is_varied() -> None:
    """The data set has enough trap-free and multi-trap examples to be meaningful."""
    rows = load(DATA)
    assert len({text for text, _ in rows}) == len(rows)
    assert sum(1 for _, labels in rows if not labels) >= 60
    assert sum(1 for _, labels in rows if len(labels) >= 2) >= 5
    assert {trap for _, labels in rows for trap in labels} == set(Trap)


def test_a_blind_holdout_set_meets_the_same_targets() -> None:
    """On 50 thoughts written after the detector and never used to tune it, the targets hold."""
    report = evaluate(DATA.parent / "traps_holdout.jsonl")
    assert report.examples == 50
    assert report.overall.precision >= 0.85
    assert report.overall.recall >= 0.5
