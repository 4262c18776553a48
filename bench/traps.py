"""Evaluate bot.traps.detect_traps against the labelled thoughts in tests/data/traps.jsonl."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bot.traps import Trap, detect_traps

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "traps.jsonl"


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and counts for one trap, or for all traps pooled."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def support(self) -> int:
        """Return how many examples carry this label."""
        return self.true_positives + self.false_negatives

    @property
    def precision(self) -> float:
        """Return TP / (TP + FP), or 1.0 when nothing was predicted (no false alarms)."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Return TP / (TP + FN), or 1.0 when the label never occurs."""
        return self.true_positives / self.support if self.support else 1.0


@dataclass(frozen=True, slots=True)
class Miss:
    """One example where the detector's output differs from the label."""

    text: str
    expected: tuple[str, ...]
    predicted: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """Per-trap and micro-averaged scores over a labelled data set."""

    examples: int
    per_trap: dict[Trap, Score]
    overall: Score
    exact_matches: int
    misses: tuple[Miss, ...]


def load(path: Path) -> list[tuple[str, frozenset[Trap]]]:
    """Read (text, labels) pairs from a JSON-lines file, skipping blank lines."""
    rows: list[tuple[str, frozenset[Trap]]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            try:
                labels = frozenset(Trap(name) for name in record["traps"])
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: {exc}") from exc
            rows.append((str(record["text"]), labels))
    return rows


def evaluate(path: Path = DEFAULT_DATA) -> Report:
    """Run detect_traps over every example in `path` and score the results."""
    counts = {trap: [0, 0, 0] for trap in Trap}
    misses: list[Miss] = []
    exact = 0
    rows = load(path)
    for text, expected in rows:
        predicted = detect_traps(text)
        if predicted == expected:
            exact += 1
        else:
            misses.append(
                Miss(text, tuple(sorted(expected)), tuple(sorted(predicted))),
            )
        for trap in Trap:
            tally = counts[trap]
            if trap in predicted and trap in expected:
                tally[0] += 1
            elif trap in predicted:
                tally[1] += 1
            elif trap in expected:
                tally[2] += 1
    per_trap = {trap: Score(*tally) for trap, tally in counts.items()}
    overall = Score(
        sum(s.true_positives for s in per_trap.values()),
        sum(s.false_positives for s in per_trap.values()),
        sum(s.false_negatives for s in per_trap.values()),
    )
    return Report(len(rows), per_trap, overall, exact, tuple(misses))


def format_table(report: Report) -> str:
    """Render the report as a fixed-width text table."""
    lines = [f"{'trap':<24} {'precision':>9} {'recall':>7} {'support':>8} {'tp':>4} {'fp':>4}"]
    lines.append("-" * len(lines[0]))
    for trap, score in report.per_trap.items():
        lines.append(
            f"{trap.value:<24} {score.precision:>9.3f} {score.recall:>7.3f} "
            f"{score.support:>8} {score.true_positives:>4} {score.false_positives:>4}"
        )
    lines.append("-" * len(lines[0]))
    o = report.overall
    lines.append(
        f"{'micro (overall)':<24} {o.precision:>9.3f} {o.recall:>7.3f} "
        f"{o.support:>8} {o.true_positives:>4} {o.false_positives:>4}"
    )
    lines.append(f"examples: {report.examples}, exact label-set matches: {report.exact_matches}")
    return "\n".join(lines)


def to_json(report: Report) -> dict[str, object]:
    """Convert the report into plain JSON-serialisable data."""

    def score(s: Score) -> dict[str, object]:
        return {**asdict(s), "support": s.support, "precision": s.precision, "recall": s.recall}

    return {
        "examples": report.examples,
        "exact_matches": report.exact_matches,
        "overall": score(report.overall),
        "per_trap": {trap.value: score(s) for trap, s in report.per_trap.items()},
        "misses": [asdict(m) for m in report.misses],
    }


def run(*, quick: bool = False) -> None:
    """Print the evaluation table (the set is small: quick changes nothing)."""
    main([])


def main(argv: Sequence[str] | None = None) -> int:
    """Print the evaluation table, optionally the misses and a JSON report."""
    parser = argparse.ArgumentParser(prog="python -m bench.traps", description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON-lines data set")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the report here")
    parser.add_argument("--misses", action="store_true", help="list mislabelled examples")
    args = parser.parse_args(argv)
    report = evaluate(args.data)
    print(format_table(report))
    if args.misses:
        for miss in report.misses:
            print(f"  expected={list(miss.expected)} got={list(miss.predicted)}  {miss.text}")
    if args.json is not None:
        args.json.write_text(json.dumps(to_json(report), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
