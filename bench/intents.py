"""Measure bot.intents on the tuning set and the blind sets: per-intent precision and recall.

Only aggregate figures are printed, never the texts of the blind examples (the blind sets
are not for reading); `--misses` lists the tuning set's misses only. Scoring rules, fixed
before any blind figure was seen: at the boundary step, "dont_know" and "unsure" are the
same product choice ("Not sure"), so either label is matched by the recogniser's "unsure";
in free text, "skip" is not knowing where the question may not be skipped, so a "dont_know"
label is matched by the recogniser's "skip".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.traps import Score
from bot import boundary_words, intents, opening_words
from bot.nudge_words import nudge

CONTEXTS = {
    "free_text": intents.free_text,
    "boundary": lambda text: boundary_words.boundary(text)[0],
    "nudge": nudge,
    "after_summary": opening_words.after_summary,
    "first_message": opening_words.first_message,
}


def recognise(context: str, text: str) -> intents.Intent:
    """The intent of a message in one of CONTEXTS (ValueError for an unknown context)."""
    if context not in CONTEXTS:
        raise ValueError(f"unknown context {context!r}")
    return CONTEXTS[context](text)


DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
# The first round's tuning lines, then this round's (written by kind before the rules; kept
# apart because the crisis model's training reads the first file as ordinary messages).
TUNING = (DATA / "intents_tuning.jsonl", DATA / "intents_tuning_2.jsonl")
BLIND = DATA / "blind" / "intents.jsonl"
# The second blind set, by another author, written after the first round of tuning.
BLIND_2 = DATA / "blind" / "intents_2.jsonl"


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled message: its context, its intent and whether it carries a note."""

    text: str
    context: str
    intent: str
    note: bool | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Per-(context, intent) scores, macro averages over labels present, and note accuracy."""

    examples: int
    scores: dict[tuple[str, str], Score]
    accuracy: float
    note_accuracy: float | None

    @property
    def macro_precision(self) -> float:
        """Mean precision over the labels that occur in the set."""
        present = [s.precision for s in self.scores.values() if s.support]
        return sum(present) / len(present) if present else 1.0

    @property
    def macro_recall(self) -> float:
        """Mean recall over the labels that occur in the set."""
        present = [s.recall for s in self.scores.values() if s.support]
        return sum(present) / len(present) if present else 1.0


def load(path: Path | Sequence[Path]) -> list[Example]:
    """Read the JSON-lines examples of a set, or of several files in order (ValueError naming
    the line when one is bad)."""
    if not isinstance(path, Path):
        return [example for one in path for example in load(one)]
    rows: list[Example] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                rows.append(
                    Example(
                        str(record["text"]),
                        str(record["context"]),
                        str(record["intent"]),
                        record.get("note"),
                    )
                )
            except (ValueError, KeyError) as error:
                raise ValueError(f"{path.name}:{number}: {error}") from None
    return rows


def _predicted(example: Example) -> str:
    guess = recognise(example.context, example.text).value
    if example.intent == "dont_know" and (example.context, guess) in _SAME_AS_DONT_KNOW:
        return "dont_know"
    return guess


# The recogniser's answers that do what "dont_know" does where they were typed.
_SAME_AS_DONT_KNOW = frozenset({("boundary", "unsure"), ("free_text", "skip")})


def evaluate(path: Path | Sequence[Path]) -> Report:
    """Score the recogniser on every example of a set."""
    examples = load(path)
    counts: dict[tuple[str, str], list[int]] = {}
    right = 0
    notes_right = notes_seen = 0
    for example in examples:
        guess = _predicted(example)
        expected = (example.context, example.intent)
        got = (example.context, guess)
        counts.setdefault(expected, [0, 0, 0])
        counts.setdefault(got, [0, 0, 0])
        if guess == example.intent:
            counts[expected][0] += 1
            right += 1
        else:
            counts[got][1] += 1
            counts[expected][2] += 1
        if example.note is not None and example.context == "boundary":
            notes_seen += 1
            notes_right += bool(boundary_words.boundary(example.text)[1]) == example.note
    scores = {key: Score(*tally) for key, tally in sorted(counts.items())}
    return Report(
        len(examples),
        scores,
        right / len(examples) if examples else 1.0,
        notes_right / notes_seen if notes_seen else None,
    )


def format_table(name: str, report: Report) -> str:
    """A fixed-width table of aggregate figures (no example text)."""
    lines = [
        f"{name}: {report.examples} examples",
        f"{'context':<14} {'intent':<12} {'precision':>9} {'recall':>7} {'support':>8}",
    ]
    for (context, intent), score in report.scores.items():
        lines.append(
            f"{context:<14} {intent:<12} {score.precision:>9.3f} {score.recall:>7.3f} "
            f"{score.support:>8}"
        )
    lines.append(
        f"macro precision {report.macro_precision:.3f}, macro recall {report.macro_recall:.3f},"
        f" accuracy {report.accuracy:.3f}"
        + (f", boundary notes {report.note_accuracy:.3f}" if report.note_accuracy else "")
    )
    return "\n".join(lines)


def tuning_misses(path: Sequence[Path] = TUNING) -> list[tuple[Example, str]]:
    """The tuning set's examples read wrongly, with what was read (never for a blind set)."""
    if any(one.parent.name == "blind" for one in path):
        raise ValueError("the blind sets are not for reading")
    return [(e, got) for e in load(path) if (got := _predicted(e)) != e.intent]


def microseconds_per_message(path: Sequence[Path] = TUNING, rounds: int = 20) -> float:
    """Mean time to read one message of the set, in microseconds (best of `rounds` passes)."""
    examples = load(path)
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for example in examples:
            recognise(example.context, example.text)
        best = min(best, time.perf_counter() - started)
    return best / len(examples) * 1e6


def run(*, quick: bool = False) -> None:
    """Print every table (the sets are small: quick changes nothing)."""
    main([])


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tuning-set table, the time per message and each blind set's table."""
    parser = argparse.ArgumentParser(prog="python -m bench.intents", description=__doc__)
    parser.add_argument("--tuning", type=Path, nargs="+", default=list(TUNING))
    parser.add_argument("--blind", type=Path, nargs="*", default=[BLIND, BLIND_2])
    parser.add_argument("--no-blind", action="store_true", help="the tuning set only")
    parser.add_argument("--misses", action="store_true", help="list the tuning set's misses")
    args = parser.parse_args(argv)
    print(format_table("tuning set", evaluate(args.tuning)))
    print(f"time per message: {microseconds_per_message(args.tuning):.1f} us (mean, best pass)")
    if args.misses:
        for example, got in tuning_misses(args.tuning):
            print(f"  {example.context} {example.intent} -> {got}: {example.text}")
    for blind in [] if args.no_blind else args.blind:
        if blind.exists():
            print(format_table(f"blind set {blind.name}", evaluate(blind)))
        else:
            print(f"blind set not found at {blind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
