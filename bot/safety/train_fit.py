"""Fitting the learned layer with scikit-learn, and choosing its two thresholds.

A multinomial logistic regression over the character n-grams (learned.features), fixed data
order and lbfgs: the same weights every run, rounded to thousandths, small ones left out. The
thresholds come from held-out scores (`out_of_fold`: grouped five-fold with a fixed seed, or
each kind or language held out whole).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.safety.learned import CLASSES, NGRAMS, SCALE, Model, features
from bot.safety.train_data import Row, groups

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
# The n-grams the model keeps, those that weigh most in a first fit (0: all of them).
FEATURES = 0
# Weights smaller than this (in thousandths) are left out of the file.
MIN_WEIGHT = 5


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
    kept: int = FEATURES,
) -> Model:
    """A model fitted on `batch` (with the concept features or not), weights rounded to
    thousandths, small ones left out; with `kept`, fitted again on the `kept` n-grams that
    weigh most in the first fit."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(_vectors(batch, with_concepts, sizes))
    names = vectoriser.get_feature_names_out()
    labels = [CLASSES.index(row.label) for row in batch]
    model = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000)
    model.fit(matrix, labels)
    if kept and kept < len(names):
        # A small table stays in the processor's cache between two users' messages (the
        # p99 of screening); the n-grams that weigh least move a score least when left out,
        # and the second fit gives their share to those kept. Stable order: ties by name.
        heaviest = np.argsort(-np.abs(model.coef_).max(axis=0), kind="stable")[:kept]
        columns = np.sort(heaviest)
        matrix, names = matrix[:, columns], names[columns]
        model = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000)
        model.fit(matrix, labels)
    assert list(model.classes_) == list(range(len(CLASSES)))
    weights = {}
    for gram, column in zip(names, model.coef_.T, strict=True):
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
    kept: int = FEATURES,
) -> list[tuple[float, float]]:
    """(risk, crisis) for each row from a model that never saw it: held_out "folds" (grouped
    five-fold), "kind" (nor its kind), "file" (nor any message of its crisis tuning file, one
    author's; the coaching texts are never held out and are scored (0, 0)) or "language" (nor
    any message of its language; rows of other languages, English among them, are scored
    (0, 0) and not to be reported)."""
    scored: list[tuple[float, float]] = [(0.0, 0.0)] * len(batch)
    for fold in folds(batch, held_out):
        held = set(fold)
        kept_rows = [row for i, row in enumerate(batch) if i not in held]
        model = fit(kept_rows, 1.0, 1.0, with_concepts, sizes, strength, kept)
        for index in fold:
            found = model.scores(batch[index].normal)
            scored[index] = (found.risk, found.crisis) if found else (0.0, 0.0)
    return scored


def folds(batch: Sequence[Row], held_out: str) -> list[list[int]]:
    """The rows held out together, fold by fold, for `out_of_fold`'s `held_out`."""
    from sklearn.model_selection import StratifiedGroupKFold

    if held_out == "kind":
        kinds = sorted({row.kind for row in batch} - {"coaching"})
        return [[i for i, row in enumerate(batch) if row.kind == kind] for kind in kinds]
    if held_out == "language":
        return [[i for i, row in enumerate(batch) if row.lang == lang] for lang in HELD_LANGUAGES]
    if held_out == "file":
        sources = sorted({row.source for row in batch if row.kind != "coaching"})
        return [[i for i, row in enumerate(batch) if row.source == src] for src in sources]
    split = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    labels = [f"{row.label} {row.lang}" for row in batch]
    return [list(test) for _, test in split.split(labels, labels, groups(batch))]


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
