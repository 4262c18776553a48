"""Measure bot.intents on the tuning set and the blind set: per-intent precision and recall.

Only aggregate figures are printed, never the texts of the examples (the blind set is not
for reading). Scoring rule, fixed before any blind figure was seen: at the boundary step,
"dont_know" and "unsure" are the same product choice ("Not sure"), so either label is
matched by the recogniser's "unsure".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.traps import Score
from bot import intents
from bot.nudge_words import nudge

CONTEXTS = {
    "free_text": intents.free_text,
    "boundary": lambda text: intents.boundary(text)[0],
    "nudge": nudge,
    "after_summary": intents.after_summary,
    "first_message": intents.first_message,
}


def recognise(context: str, text: str) -> intents.Intent:
    """The intent of a message in one of CONTEXTS (ValueError for an unknown context)."""
    if context not in CONTEXTS:
        raise ValueError(f"unknown context {context!r}")
    return CONTEXTS[context](text)


DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TUNING = DATA / "intents_tuning.jsonl"
BLIND = DATA / "blind" / "intents.jsonl"


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


def load(path: Path) -> list[Example]:
    """Read the JSON-lines examples of a set (ValueError naming the line when one is bad)."""
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
    if example.context == "boundary" and guess == "unsure" and example.intent == "dont_know":
        return "dont_know"
    return guess


def evaluate(path: Path) -> Report:
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
            notes_right += bool(intents.boundary(example.text)[1]) == example.note
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


def run(*, quick: bool = False) -> None:
    """Print both tables (the sets are small: quick changes nothing)."""
    main([])


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tuning-set table and, when it exists, the blind-set table."""
    parser = argparse.ArgumentParser(prog="python -m bench.intents", description=__doc__)
    parser.add_argument("--tuning", type=Path, default=TUNING)
    parser.add_argument("--blind", type=Path, default=BLIND)
    args = parser.parse_args(argv)
    print(format_table("tuning set", evaluate(args.tuning)))
    if args.blind.exists():
        print(format_table("blind set", evaluate(args.blind)))
    else:
        print(f"blind set not found at {args.blind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
