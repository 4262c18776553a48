"""Builds the learned layer's model file: `python -m bot.safety.train [--no-cv]`.

Run from a checkout with the `train` extra (scikit-learn). Reads the tuning sets
(tests/data/crisis_tuning*.jsonl, the three retired blind sets among them) and, as more ordinary
messages, the coaching texts of the intent and thinking-trap tuning sets
(tests/data/intents_tuning*.jsonl, traps.jsonl); never tests/data/blind/. Fits a multinomial
logistic regression (fixed data order, lbfgs: the same file every run), chooses the two
thresholds by five-fold cross-validation (fixed seed; each message scored by a model that
never saw it nor its near-duplicates: `groups`), prints those figures and writes
bot/bundled/crisis_model.json.gz. `--by-kind` also prints the figures when each kind is held
out whole (a model that never saw the kind: the harder test), `--by-language` when each
language but English is (the test of words never seen); `--no-cv` keeps the shipped
thresholds; `--concepts`, `--ngrams 4` and `--c 100` fit the variants measured (README, "How it
is built"), `--no-write` only prints.
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

from bot.safety.learned import CLASSES, MODEL_FILE, NGRAMS, SCALE, Model, dump, features, shipped
from bot.safety.normal import normalise

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
TUNING = tuple(sorted(DATA.glob("crisis_tuning*.jsonl")))
ORDINARY = (DATA / "intents_tuning.jsonl", DATA / "intents_tuning_2.jsonl", DATA / "traps.jsonl")
OUTPUT = ROOT / "bot" / "bundled" / MODEL_FILE
# Inverse regularisation strength; 10 was best of 3-30 in grouped cross-validation. (`--c`:
# 4-grams with the concepts were measured at 10 to 1,000.)
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


def _vectors(
    batch: Sequence[Row], with_concepts: bool, sizes: tuple[int, ...]
) -> list[dict[str, float]]:
    vectors = []
    for row in batch:
        grams = features(row.normal, with_concepts, sizes)
        # A text shorter than every size (possible with --ngrams 5) is an empty vector.
        vectors.append(dict.fromkeys(grams, 1.0 / math.sqrt(max(1, len(grams)))))
    return vectors


def fit(
    batch: Sequence[Row],
    risk_threshold: float,
    crisis_threshold: float,
    with_concepts: bool = False,
    sizes: tuple[int, ...] = NGRAMS,
    strength: float = C,
) -> Model:
    """A model fitted on `batch` (with the concept features or not), weights rounded to
    thousandths, small ones left out."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(_vectors(batch, with_concepts, sizes))
    model = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000)
    model.fit(matrix, [CLASSES.index(row.label) for row in batch])
    assert list(model.classes_) == list(range(len(CLASSES)))
    weights = {}
    for gram, column in zip(vectoriser.get_feature_names_out(), model.coef_.T, strict=True):
        scaled = tuple(round(float(w) * SCALE) for w in column)
        if max(abs(w) for w in scaled) >= MIN_WEIGHT:
            weights[str(gram)] = scaled
    intercepts = tuple(float(b) for b in model.intercept_)
    return Model(weights, intercepts, risk_threshold, crisis_threshold, with_concepts, sizes)


# Held out whole in turn by `--by-language`: every language but English, whose coaching
# texts make up most of the "none" the model learns from.
HELD_LANGUAGES = ("es", "de", "fr", "pt")


def out_of_fold(
    batch: Sequence[Row],
    *,
    held_out: str = "folds",
    with_concepts: bool = False,
    sizes: tuple[int, ...] = NGRAMS,
    strength: float = C,
) -> list[tuple[float, float]]:
    """(risk, crisis) for each row from a model that never saw it: held_out "folds" (grouped
    five-fold), "kind" (nor its kind) or "language" (nor any message of its language; rows of
    other languages, English among them, are scored (0, 0) and not to be reported)."""
    from sklearn.model_selection import StratifiedGroupKFold

    if held_out == "kind":
        kinds = sorted({row.kind for row in batch} - {"coaching"})
        folds = [[i for i, row in enumerate(batch) if row.kind == kind] for kind in kinds]
    elif held_out == "language":
        folds = [[i for i, row in enumerate(batch) if row.lang == lang] for lang in HELD_LANGUAGES]
    else:
        split = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
        labels = [f"{row.label} {row.lang}" for row in batch]
        folds = [list(test) for _, test in split.split(labels, labels, groups(batch))]
    scored: list[tuple[float, float]] = [(0.0, 0.0)] * len(batch)
    for fold in folds:
        held = set(fold)
        kept = [row for i, row in enumerate(batch) if i not in held]
        model = fit(kept, 1.0, 1.0, with_concepts, sizes, strength)
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


def thresholds(batch: Sequence[Row], scored: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """(risk, crisis) thresholds from held-out scores: RISK_FALSE_ALARMS of the setbacks asked,
    CRISIS_FALSE_ALARMS of them and POSSIBLE_UPGRADED of possible risk given the crisis reply."""
    setbacks = [s for row, s in zip(batch, scored, strict=True) if row.setback]
    possible = [s for row, s in zip(batch, scored, strict=True) if row.label == "possible"]
    return _threshold([risk for risk, _ in setbacks], RISK_FALSE_ALARMS), max(
        _threshold([crisis for _, crisis in setbacks], CRISIS_FALSE_ALARMS),
        _threshold([crisis for _, crisis in possible], POSSIBLE_UPGRADED),
    )


def report(
    title: str,
    batch: Sequence[Row],
    scored: Sequence[tuple[float, float]],
    limits: tuple[float, float],
    *,
    brief: bool = False,
) -> None:
    """Print out-of-fold figures at the (risk, crisis) thresholds `limits`: by tier, language
    and kind (unless `brief`), then a summary by language."""
    by: dict[str, Counter[str]] = {}
    for row, (risk, crisis) in zip(batch, scored, strict=True):
        said = "crisis" if crisis >= limits[1] else "possible" if risk >= limits[0] else "none"
        truth = (
            "none" if row.label == "none" else "possible" if row.label == "possible" else "crisis"
        )
        keys = [f"all {truth}", f"{row.lang} {truth}", f"kind {row.kind} {truth}"]
        if row.setback:
            keys += ["all setback", f"{row.lang} setback"]
        for key in keys:
            by.setdefault(key, Counter())[said] += 1
    print(f"{title} (flagged = either tier; the learned layer alone, without the patterns):")
    for key in [] if brief else sorted(by):
        counts = by[key]
        total = sum(counts.values())
        flagged = (counts["crisis"] + counts["possible"]) / total
        print(
            f"  {key:<28} {total:>5}  crisis {counts['crisis'] / total:6.1%}"
            f"  flagged {flagged:6.1%}"
        )
    summary(by, sorted({row.lang for row in batch}))


def summary(by: dict[str, Counter[str]], langs: Sequence[str]) -> None:
    """Print, per language, clear crises given the crisis reply, clear + possible flagged, and
    ordinary setbacks flagged (false alarms; the coaching texts left out)."""
    print("  summary: crisis at once / all risk flagged / false alarms on setbacks")
    for lang in ("all", *langs):
        crisis, possible, none = (
            by.get(f"{lang} {truth}", Counter()) for truth in ("crisis", "possible", "setback")
        )
        risky = sum(crisis.values()) + sum(possible.values())
        if not risky:
            continue
        at_once = crisis["crisis"] / max(1, sum(crisis.values()))
        flagged = (risky - crisis["none"] - possible["none"]) / risky
        alarms = 1 - none["none"] / max(1, sum(none.values()))
        print(f"  {lang:<4} {at_once:6.1%} {flagged:6.1%} {alarms:6.1%}")


def main(argv: Sequence[str] | None = None) -> None:
    """Fit, choose thresholds by grouped cross-validation (unless --no-cv), write the file."""
    parser = argparse.ArgumentParser(prog="python -m bot.safety.train")
    parser.add_argument("--no-cv", action="store_true", help="keep the shipped thresholds")
    parser.add_argument("--by-kind", action="store_true", help="also hold out each kind whole")
    parser.add_argument(
        "--by-language", action="store_true", help="also hold out each language but English whole"
    )
    parser.add_argument(
        "--concepts", action="store_true", help="read the concept lexicon beside the n-grams"
    )
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    parser.add_argument(
        "--ngrams",
        default=",".join(map(str, NGRAMS)),
        help="n-gram sizes, e.g. 4 (measured with --concepts)",
    )
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    sizes = tuple(int(n) for n in args.ngrams.split(","))
    batch = rows()
    scored: list[tuple[float, float]] = []
    if args.no_cv:
        old = shipped()
        risk_threshold, crisis_threshold = old.risk_threshold, old.crisis_threshold
    else:
        scored = out_of_fold(batch, with_concepts=args.concepts, sizes=sizes, strength=args.c)
        risk_threshold, crisis_threshold = thresholds(batch, scored)
    model = fit(batch, risk_threshold, crisis_threshold, args.concepts, sizes, args.c)
    limits = (model.risk_threshold, model.crisis_threshold)
    print(f"thresholds: risk {limits[0]:.3f}, crisis {limits[1]:.3f}")
    if scored:
        report(f"{FOLDS}-fold cross-validation", batch, scored, limits)
    if args.by_kind:
        held = out_of_fold(
            batch, held_out="kind", with_concepts=args.concepts, sizes=sizes, strength=args.c
        )
        report("each kind held out", batch, held, limits)
    if args.by_language:
        _by_language(batch, limits, args.concepts, sizes, args.c)
    if args.no_write:
        return
    OUTPUT.write_bytes(dump(model))
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(model.weights)} n-grams")


def _by_language(
    batch: Sequence[Row],
    limits: tuple[float, float],
    with_concepts: bool,
    sizes: tuple[int, ...],
    strength: float,
) -> None:
    """Print the figures of each language held out of training whole: at the shipped model's
    thresholds, and at thresholds chosen on that language's own held-out scores (the same
    share of its setbacks flagged), which shows how well the scores rank a new language."""
    held = out_of_fold(
        batch, held_out="language", with_concepts=with_concepts, sizes=sizes, strength=strength
    )
    for lang in HELD_LANGUAGES:
        kept = [(row, s) for row, s in zip(batch, held, strict=True) if row.lang == lang]
        rows_, scores_ = [row for row, _ in kept], [s for _, s in kept]
        report(f"{lang} held out, at the model's thresholds", rows_, scores_, limits, brief=True)
        own = thresholds(rows_, scores_)
        report(f"{lang} held out, at its own thresholds", rows_, scores_, own, brief=True)


if __name__ == "__main__":
    main()
