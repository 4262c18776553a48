"""One message read by the learned layer whole and sentence by sentence, its n-grams cut once.

Screening weighs a long message and then each of its sentences (the parts between " . "):
cutting every part into n-grams again doubles the learned layer's cost. A part bounded by a
space on each side (as every part between " . " is) padded with a space is a piece of the
whole message padded with a space, so its n-grams are the whole's n-grams that start inside
it: one list of n-grams per size, cut once, gives every part's as a slice of the list. The
strings are shared, so a part's set and its look-ups reuse their hashes. The scores are the
model's own for the same text (`Model.scores`), only sooner.
"""

from __future__ import annotations

from bot.safety import concepts
from bot.safety.learned import Model, Scores, features, pieces


class Parts:
    """A normalised message's n-grams by position, for scoring it and its sentences."""

    __slots__ = ("_lists", "_spans", "model", "normal")

    def __init__(self, model: Model, normal: str) -> None:
        self.model = model
        self.normal = normal
        # part -> (start, end) in `normal`; the same text twice has the same n-grams.
        spans = {normal: (0, len(normal))}
        start = 0
        for part in normal.split(" . "):
            spans.setdefault(part, (start, start + len(part)))
            start += len(part) + 3
        self._spans = spans
        self._lists: tuple[tuple[str, ...], ...] = ()

    def _grams(self, start: int, end: int) -> set[str]:
        """features(normal[start:end]) for a part with a space (or an end) on each side."""
        if not self._lists:
            padded = f" {self.normal} "
            self._lists = tuple(pieces(padded, n) for n in self.model.ngrams)
        grams: set[str] = set()
        for n, grams_n in zip(self.model.ngrams, self._lists, strict=True):
            # " part " starts at `start` in " normal ", and has end - start + 3 - n n-grams.
            grams.update(grams_n[start : end + 3 - n])
        if grams and self.model.concepts:
            grams |= concepts.features(self.normal[start:end])
        return grams

    def scores(self, part: str) -> Scores | None:
        """The model's scores for `part`: the message, one of its sentences, or any text."""
        span = self._spans.get(part)
        if span is None:
            return self.model.weigh(features(part, self.model.concepts, self.model.ngrams))
        return self.model.weigh(self._grams(*span))

    def classify(self, part: str) -> tuple[str, str] | None:
        """Model.classify for `part`."""
        return self.model.decide(self.scores(part))

    def crisis(self, part: str) -> str | None:
        """Model.crisis for `part`."""
        return self.model.crisis_of(self.scores(part))
