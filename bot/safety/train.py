"""Builds the learned layer's model file: `python -m bot.safety.train [--no-cv]`.

Run from a checkout with the `train` extra (scikit-learn). Reads the tuning sets
(tests/data/crisis_tuning*.jsonl, the three retired blind sets among them) and, as more ordinary
messages, the coaching texts of the intent and thinking-trap tuning sets
(tests/data/intents_tuning*.jsonl, traps.jsonl); never tests/data/blind/. Fits a multinomial
logistic regression (fixed data order, lbfgs: the same file every run), chooses the two
thresholds by five-fold cross-validation (fixed seed; each message scored by a model that
never saw it nor its near-duplicates: `groups`), prints those figures and writes
bot/bundled/crisis_model.json.gz. `--by-kind` also prints the figures when each kind is held
out whole (a model that never saw the kind: the harder test); `--no-cv` keeps the shipped
thresholds.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.safety.learned import CLASSES, MODEL_FILE, SCALE, Model, dump, features, shipped
from bot.safety.normal import normalise

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
TUNING = tuple(sorted(DATA.glob("crisis_tuning*.jsonl")))
ORDINARY = (DATA / "intents_tuning.jsonl", DATA / "intents_tuning_2.jsonl", DATA / "traps.jsonl")
OUTPUT = ROOT / "bot" / "bundled" / MODEL_FILE
# Inverse regularisation strength; 10 was best of 3-30 in grouped cross-validation.
C = 10.0
# Thresholds from the out-of-fold scores of ordinary setbacks (the tuning set's "none"):
# at most this share may be asked the direct question, or given the crisis reply.
RISK_FALSE_ALARMS = 0.02
CRISIS_FALSE_ALARMS = 0.01
# And at most this share of possible risk (despair without a plan) gets the crisis reply
# instead of the direct question: the threshold is the higher of the two.
POSSIBLE_UPGRADED = 0.10
FOLDS = 5
SEED = 14
# Weights smaller than this (in thousandths) are left out of the file.
MIN_WEIGHT = 5


@dataclass(frozen=True, slots=True)
class Row:
    """One training message: normalised text, class, language, kind, and whether it is ours."""

    normal: str
    label: str
    lang: str
    kind: str
    setback: bool  # an ordinary setback from the crisis tuning set (where false alarms count)


def _label(row: dict[str, Any]) -> str:
    tier = row["tier"]
    return "none" if tier == "none" else "possible" if tier == "possible" else row["concern"]


def rows() -> list[Row]:
    """The training messages: the tuning set (without context), then ordinary coaching texts."""
    found = []
    for line in (line for path in TUNING for line in path.read_text("utf-8").splitlines()):
        row = json.loads(line)
        if row.get("context"):
            continue  # a message read with earlier ones: the patterns' business
        found.append(
            Row(
                normalise(row["text"]), _label(row), row["lang"], row["kind"], row["tier"] == "none"
            )
        )
    for path in ORDINARY:
        for line in path.read_text("utf-8").splitlines():
            found.append(Row(normalise(json.loads(line)["text"]), "none", "en", "coaching", False))
    # A text too short for an n-gram ("2", "k") carries nothing to learn from.
    return [row for row in found if features(row.normal)]


def _vectors(batch: Sequence[Row], with_concepts: bool) -> list[dict[str, float]]:
    vectors = []
    for row in batch:
        grams = features(row.normal, with_concepts)
        vectors.append(dict.fromkeys(grams, 1.0 / math.sqrt(len(grams))))
    return vectors


def fit(
    batch: Sequence[Row],
    risk_threshold: float,
    crisis_threshold: float,
    with_concepts: bool = False,
) -> Model:
    """A model fitted on `batch` (with the concept features or not), weights rounded to
    thousandths, small ones left out."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(_vectors(batch, with_concepts))
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    model.fit(matrix, [CLASSES.index(row.label) for row in batch])
    assert list(model.classes_) == list(range(len(CLASSES)))
    weights = {}
    for gram, column in zip(vectoriser.get_feature_names_out(), model.coef_.T, strict=True):
        scaled = tuple(round(float(w) * SCALE) for w in column)
        if max(abs(w) for w in scaled) >= MIN_WEIGHT:
            weights[str(gram)] = scaled
    intercepts = tuple(float(b) for b in model.intercept_)
    return Model(weights, intercepts, risk_threshold, crisis_threshold, with_concepts)


def out_of_fold(
    batch: Sequence[Row], *, by_kind: bool, with_concepts: bool = False
) -> list[tuple[float, float]]:
    """(risk, crisis) for each row from a model that never saw it (by_kind: nor its kind)."""
    from sklearn.model_selection import StratifiedGroupKFold

    if by_kind:
        kinds = sorted({row.kind for row in batch} - {"coaching"})
        folds = [[i for i, row in enumerate(batch) if row.kind == kind] for kind in kinds]
    else:
        split = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
        labels = [f"{row.label} {row.lang}" for row in batch]
        folds = [list(test) for _, test in split.split(labels, labels, groups(batch))]
    scored: list[tuple[float, float]] = [(0.0, 0.0)] * len(batch)
    for fold in folds:
        held = set(fold)
        kept = [row for i, row in enumerate(batch) if i not in held]
        model = fit(kept, 1.0, 1.0, with_concepts)
        for index in fold:
            found = model.scores(batch[index].normal)
            scored[index] = (found.risk, found.crisis) if found else (0.0, 0.0)
    return scored


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


def _threshold(values: Sequence[float], share: float) -> float:
    """The lowest threshold that at most `share` of `values` reach (rounded up to 0.001)."""
    ranked = sorted(values, reverse=True)
    allowed = math.floor(share * len(ranked))
    above = ranked[allowed] if allowed < len(ranked) else 0.0
    return math.floor(above * 1000) / 1000 + 0.001


def report(
    title: str, batch: Sequence[Row], scored: Sequence[tuple[float, float]], model: Model
) -> None:
    """Print out-of-fold figures by tier, language and kind at the model's thresholds."""
    by: dict[str, Counter[str]] = {}
    for row, (risk, crisis) in zip(batch, scored, strict=True):
        said = (
            "crisis"
            if crisis >= model.crisis_threshold
            else "possible"
            if risk >= model.risk_threshold
            else "none"
        )
        truth = (
            "none" if row.label == "none" else "possible" if row.label == "possible" else "crisis"
        )
        for key in (f"all {truth}", f"{row.lang} {truth}", f"kind {row.kind} {truth}"):
            by.setdefault(key, Counter())[said] += 1
    print(f"{title} (flagged = either tier; the learned layer alone, without the patterns):")
    for key in sorted(by):
        counts = by[key]
        total = sum(counts.values())
        flagged = (counts["crisis"] + counts["possible"]) / total
        print(
            f"  {key:<28} {total:>5}  crisis {counts['crisis'] / total:6.1%}"
            f"  flagged {flagged:6.1%}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Fit, choose thresholds by grouped cross-validation (unless --no-cv), write the file."""
    parser = argparse.ArgumentParser(prog="python -m bot.safety.train")
    parser.add_argument("--no-cv", action="store_true", help="keep the shipped thresholds")
    parser.add_argument("--by-kind", action="store_true", help="also hold out each kind whole")
    parser.add_argument(
        "--concepts", action="store_true", help="read the concept lexicon beside the n-grams"
    )
    args = parser.parse_args(argv)
    batch = rows()
    scored: list[tuple[float, float]] = []
    if args.no_cv:
        old = shipped()
        risk_threshold, crisis_threshold = old.risk_threshold, old.crisis_threshold
    else:
        scored = out_of_fold(batch, by_kind=False, with_concepts=args.concepts)
        setbacks = [s for row, s in zip(batch, scored, strict=True) if row.setback]
        risk_threshold = _threshold([risk for risk, _ in setbacks], RISK_FALSE_ALARMS)
        possible = [s for row, s in zip(batch, scored, strict=True) if row.label == "possible"]
        crisis_threshold = max(
            _threshold([crisis for _, crisis in setbacks], CRISIS_FALSE_ALARMS),
            _threshold([crisis for _, crisis in possible], POSSIBLE_UPGRADED),
        )
    model = fit(batch, risk_threshold, crisis_threshold, args.concepts)
    print(f"thresholds: risk {model.risk_threshold:.3f}, crisis {model.crisis_threshold:.3f}")
    if scored:
        report(f"{FOLDS}-fold cross-validation", batch, scored, model)
    if args.by_kind:
        held = out_of_fold(batch, by_kind=True, with_concepts=args.concepts)
        report("each kind held out", batch, held, model)
    OUTPUT.write_bytes(dump(model))
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(model.weights)} n-grams")


if __name__ == "__main__":
    main()
