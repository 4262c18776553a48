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
language but English is (the test of words never seen), `--by-file` when each crisis tuning
file is (one author's messages: the nearest to a new author's); `--no-cv` keeps the shipped
thresholds; `--concepts`, `--ngrams 4` and `--c 100` fit the variants measured (README, "How it
is built"), `--no-write` only prints. The data is read in train_data.py, fitted and its
thresholds chosen in train_fit.py, the figures printed by train_report.py.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from functools import partial

from bot.safety.learned import MODEL_FILE, NGRAMS, dump, shipped
from bot.safety.train_data import ROOT, Row, rows
from bot.safety.train_fit import (
    FEATURES,
    FOLDS,
    HELD_LANGUAGES,
    MIN_WEIGHT,
    C,
    fit,
    out_of_fold,
    thresholds,
)
from bot.safety.train_report import report

# What the tests and scripts import from here: the fit and its data, as before the split.
__all__ = ["MIN_WEIGHT", "fit", "main", "rows"]

OUTPUT = ROOT / "bot" / "bundled" / MODEL_FILE


def main(argv: Sequence[str] | None = None) -> None:
    """Fit, choose thresholds by grouped cross-validation (unless --no-cv), write the file."""
    parser = argparse.ArgumentParser(prog="python -m bot.safety.train")
    parser.add_argument("--no-cv", action="store_true", help="keep the shipped thresholds")
    parser.add_argument("--by-kind", action="store_true", help="also hold out each kind whole")
    parser.add_argument(
        "--by-language", action="store_true", help="also hold out each language but English whole"
    )
    parser.add_argument(
        "--by-file", action="store_true", help="also hold out each crisis tuning file whole"
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
    parser.add_argument(
        "--features", type=int, default=FEATURES, help="n-grams kept, the heaviest (0: all)"
    )
    args = parser.parse_args(argv)
    sizes = tuple(int(n) for n in args.ngrams.split(","))
    batch = rows()
    # Held-out scores of models fitted the way this one is: grouped folds, or `held_out`.
    held_out = partial(
        out_of_fold,
        batch,
        with_concepts=args.concepts,
        sizes=sizes,
        strength=args.c,
        kept=args.features,
    )
    scored: list[tuple[float, float]] = []
    if args.no_cv:
        old = shipped()
        risk_threshold, crisis_threshold = old.risk_threshold, old.crisis_threshold
    else:
        scored = held_out()
        risk_threshold, crisis_threshold = thresholds(batch, scored)
    model = fit(
        batch, risk_threshold, crisis_threshold, args.concepts, sizes, args.c, args.features
    )
    limits = (model.risk_threshold, model.crisis_threshold)
    print(f"thresholds: risk {limits[0]:.3f}, crisis {limits[1]:.3f}")
    if scored:
        report(f"{FOLDS}-fold cross-validation", batch, scored, limits)
    if args.by_kind:
        report("each kind held out", batch, held_out(held_out="kind"), limits)
    if args.by_file:
        _held_alone(batch, held_out(held_out="file"), limits)
    if args.by_language:
        _by_language(batch, held_out(held_out="language"), limits)
    if args.no_write:
        return
    OUTPUT.write_bytes(dump(model))
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(model.weights)} n-grams")


def _held_alone(
    batch: Sequence[Row], held: Sequence[tuple[float, float]], limits: tuple[float, float]
) -> None:
    """Print the figures of the crisis tuning files each held out of training whole (the
    coaching texts, never held out, left out of them), at the model's thresholds."""
    kept = [(row, s) for row, s in zip(batch, held, strict=True) if row.kind != "coaching"]
    rows_, scores_ = [row for row, _ in kept], [s for _, s in kept]
    report("each tuning file held out", rows_, scores_, limits, brief=True)


def _by_language(
    batch: Sequence[Row], held: Sequence[tuple[float, float]], limits: tuple[float, float]
) -> None:
    """Print the figures of each language held out of training whole: at the shipped model's
    thresholds, and at thresholds chosen on that language's own held-out scores (the same
    share of its setbacks flagged), which shows how well the scores rank a new language."""
    for lang in HELD_LANGUAGES:
        kept = [(row, s) for row, s in zip(batch, held, strict=True) if row.lang == lang]
        rows_, scores_ = [row for row, _ in kept], [s for _, s in kept]
        report(f"{lang} held out, at the model's thresholds", rows_, scores_, limits, brief=True)
        own = thresholds(rows_, scores_)
        report(f"{lang} held out, at its own thresholds", rows_, scores_, own, brief=True)


if __name__ == "__main__":
    main()
