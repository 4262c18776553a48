"""The learned layer: a risk score over character n-grams, for words no pattern was written for.

A multinomial logistic regression (trained by `python -m bot.safety.train` with scikit-learn,
shipped as bot/bundled/crisis_model.json.gz) over the character 4- and 6-grams of the
normalised text padded with a space (" i w", "want", "t to ", "die "), present or absent,
scaled by one over the square root of their count. Pieces of words survive misspellings,
abbreviations and inflection in all five languages; pieces across a space keep some order.
The file names the n-gram sizes and whether the concepts (concepts.py: "@die", "@die+@want")
are read beside them, as `python -m bot.safety.train --concepts --ngrams 4` fits them.
Scoring is a sum of weights per class and a softmax in plain Python: no numpy at run time.

Five classes: none, possible, and the three crises by concern (suicide, self_harm, danger).
`classify` routes: risk = 1 - P(none) below its threshold -> nothing; else P(any crisis) at
or above the crisis threshold -> the crisis tier (strong evidence only); else the possible
tier, which asks the direct, kind question. When a pattern read only a possible risk, a
crisis score at or above the crisis threshold turns it into a crisis (`crisis`). Both
thresholds come from cross-validation.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from operator import itemgetter
from typing import Any

from bot.safety import concepts

MODEL_FILE = "crisis_model.json.gz"
# The n-gram sizes of the shipped model: 4 and 6 read as well as 3 to 6 in cross-validation,
# at half the cost. (4-grams with the concepts were measured: README, "How it is built".)
NGRAMS = (4, 6)
CLASSES = ("none", "possible", "suicide", "self_harm", "danger")
CRISES = CLASSES[2:]
# Weights are stored as integers in thousandths: the file stays small and reads exactly.
SCALE = 1000


# Slices of each size at each position, made once: operator.itemgetter cuts a text at all of
# them in one call, a third faster than a comprehension. Longer texts are cut in a loop.
_POSITIONS = 1000


@cache
def _slices(n: int) -> tuple[slice, ...]:
    return tuple(slice(i, i + n) for i in range(_POSITIONS))


def pieces(padded: str, n: int) -> tuple[str, ...]:
    """Every n-character piece of `padded`, in order (none when it is shorter than n)."""
    count = len(padded) - n + 1
    if count > _POSITIONS:
        return tuple(padded[i : i + n] for i in range(count))
    if count < 2:
        # itemgetter of one slice gives a string, of none raises: cut by hand.
        return (padded[:n],) if count == 1 else ()
    found: tuple[str, ...] = itemgetter(*_slices(n)[:count])(padded)
    return found


def features(normal: str, with_concepts: bool = False, sizes: tuple[int, ...] = NGRAMS) -> set[str]:
    """The distinct character n-grams (`sizes`) of a normalised text padded with a space, and
    with `with_concepts` its concepts (concepts.py: "@die", "@die+@want"), which no n-gram
    can be (no "@").

    Within a word the n-grams survive misspellings and endings; across a space they keep a
    little of the order ("t wa" in "dont want", "me now" in "kill me now"). The concepts
    carry a kind learned in one language to the others. A text shorter than a size gives
    no n-gram of it.
    """
    padded = f" {normal} "
    grams: set[str] = set()
    for n in sizes:
        grams.update(pieces(padded, n))
    if grams and with_concepts:
        grams |= concepts.features(normal)
    return grams


@dataclass(frozen=True, slots=True)
class Scores:
    """A message's probabilities: risk = 1 - P(none), crisis = P(any crisis); its likeliest
    concern of "suicide", "self_harm" and "danger"."""

    risk: float
    crisis: float
    concern: str


# At load each n-gram's five weights are packed into one integer, a field of _BITS bits per
# class holding weight + _OFFSET, so that summing a message's n-grams is one sum() of ints
# (a few microseconds) instead of five. A field cannot overflow: weights are under 2**20 in
# thousandths and a message has under 2**20 n-grams (the caller cuts it at 4,000 characters).
_BITS = 48
_OFFSET = 1 << 20
_MASK = (1 << _BITS) - 1


def _pack(weights: tuple[int, ...]) -> int:
    return sum((w + _OFFSET) << (_BITS * i) for i, w in enumerate(weights))


@dataclass(frozen=True, slots=True)
class Model:
    """Weights per n-gram (one per class, in thousandths), intercepts, the two thresholds, and
    whether it reads concepts beside the n-grams."""

    weights: dict[str, tuple[int, ...]]
    intercepts: tuple[float, ...]
    risk_threshold: float
    crisis_threshold: float
    concepts: bool = False
    ngrams: tuple[int, ...] = NGRAMS
    packed: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "packed", {g: _pack(w) for g, w in self.weights.items()})

    def scores(self, normal: str) -> Scores | None:
        """The probabilities for a normalised text, or None for one too short to have n-grams."""
        return self.weigh(features(normal, self.concepts, self.ngrams))

    def weigh(self, grams: set[str]) -> Scores | None:
        """The probabilities for a text's features (`features`), or None for no feature."""
        if not grams:
            return None
        known = list(filter(None, map(self.packed.get, grams)))
        total = sum(known)
        base = len(known) * _OFFSET
        scale = 1.0 / (SCALE * math.sqrt(len(grams)))
        logits = [
            b + (((total >> (_BITS * i)) & _MASK) - base) * scale
            for i, b in enumerate(self.intercepts)
        ]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total_exp = sum(exps)
        crises = exps[2:]
        concern = CRISES[crises.index(max(crises))]
        return Scores(1.0 - exps[0] / total_exp, sum(crises) / total_exp, concern)

    def classify(self, normal: str) -> tuple[str, str] | None:
        """("crisis" | "possible", concern) for a normalised text, or None below both."""
        return self.decide(self.scores(normal))

    def decide(self, found: Scores | None) -> tuple[str, str] | None:
        """("crisis" | "possible", concern) for a text's scores, or None below both."""
        if found is None or found.risk < self.risk_threshold:
            return None
        return ("crisis" if found.crisis >= self.crisis_threshold else "possible"), found.concern

    def crisis(self, normal: str) -> str | None:
        """The crisis concern when P(any crisis) reaches the crisis threshold, else None."""
        return self.crisis_of(self.scores(normal))

    def crisis_of(self, found: Scores | None) -> str | None:
        """The crisis concern of a text's scores when P(any crisis) reaches the threshold."""
        if found is None or found.crisis < self.crisis_threshold:
            return None
        return found.concern

    def to_json(self) -> dict[str, Any]:
        """The model as the JSON object the file holds (keys sorted when written)."""
        return {
            "classes": list(CLASSES),
            "ngrams": list(self.ngrams),
            "scale": SCALE,
            "concepts": self.concepts,
            "intercepts": [round(b, 6) for b in self.intercepts],
            "weights": {gram: list(w) for gram, w in sorted(self.weights.items())},
            "risk_threshold": self.risk_threshold,
            "crisis_threshold": self.crisis_threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        """A model from the file's JSON object. Raises ValueError when its shape is not ours."""
        if (
            data.get("classes") != list(CLASSES)
            or not _sizes(data.get("ngrams"))
            or data.get("scale") != SCALE
        ):
            raise ValueError("crisis model: classes, n-grams or scale differ from the code's")
        return cls(
            weights={gram: tuple(int(v) for v in w) for gram, w in data["weights"].items()},
            intercepts=tuple(float(b) for b in data["intercepts"]),
            risk_threshold=float(data["risk_threshold"]),
            crisis_threshold=float(data["crisis_threshold"]),
            concepts=bool(data.get("concepts", False)),
            ngrams=tuple(data["ngrams"]),
        )


def _sizes(value: object) -> bool:
    """Whether a file's n-gram sizes are ones the code reads: ascending, from 2 to 8."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(n, int) and 2 <= n <= 8 for n in value)
        and value == sorted(set(value))
    )


def dump(model: Model) -> bytes:
    """The model file's bytes: sorted JSON, gzipped without a timestamp (the same every build)."""
    text = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def parse(raw: bytes) -> Model:
    """A model from the file's bytes. Raises ValueError (or OSError) when they are not one."""
    return Model.from_json(json.loads(gzip.decompress(raw).decode("utf-8")))


@cache
def shipped() -> Model:
    """The model that travels inside the package (bot/bundled), read once."""
    return parse(files("bot.bundled").joinpath(MODEL_FILE).read_bytes())
