"""Screening's shortcuts give the answers of the long way: gated framing patterns, n-grams
cut once per message and all at once."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.crisis import TUNING, load
from bot.safety import carried, errands, frames
from bot.safety.gated import Gated, branches
from bot.safety.learned import pieces, shipped
from bot.safety.learned_parts import Parts
from bot.safety.normal import normalise

_PATTERNS = [
    value
    for module in (frames, errands, carried)
    for value in vars(module).values()
    if isinstance(value, re.Pattern)
]
_GATED = [Gated(pattern) for pattern in _PATTERNS]
_NORMALS = [normalise(example.text) for example in load(TUNING)]


def test_a_pattern_is_the_join_of_its_top_level_branches() -> None:
    """Splitting at top-level "|" keeps groups and classes whole, and joins back to the pattern."""
    assert branches(r"a|(b|c)|[|]d|\|e|[]|]f") == ["a", "(b|c)", "[|]d", r"\|e", "[]|]f"]
    assert all("|".join(branches(pattern.pattern)) == pattern.pattern for pattern in _PATTERNS)


@pytest.mark.parametrize("pattern", _PATTERNS, ids=lambda pattern: pattern.pattern[:30])
def test_a_gated_pattern_matches_where_the_pattern_does(pattern: re.Pattern[str]) -> None:
    """On every tuning text, a gated framing pattern finds a match exactly when the pattern
    does, in the whole text or in a part of it."""
    gated = _GATED[_PATTERNS.index(pattern)]
    for normal in _NORMALS:
        assert gated.found(normal) == bool(pattern.search(normal)), normal
        assert gated.found(normal, 5, 40) == bool(pattern.search(normal, 5, 40)), normal


def test_a_pattern_gated_from_a_length_searches_shorter_texts_whole() -> None:
    """Below its length a gated pattern is the plain search; above it, the branches: both give
    the pattern's answer on every tuning text."""
    gated = Gated(frames.NET_IDIOMS, from_length=100)
    for normal in _NORMALS:
        assert gated.found(normal) == bool(frames.NET_IDIOMS.search(normal)), normal


_RISKY_WORDS = (
    "i im dead die dying pills meds tablets to death could just embarrass end it with phone"
    " battery my rope of with over take doctor again still lol haha about to in the meeting"
    " disappear for a while just only dont worry . years ago as a kid knife home"
)
_RISKY = st.sampled_from(_RISKY_WORDS.split())


@given(st.lists(_RISKY, max_size=12))
@settings(max_examples=300, deadline=None)
def test_gated_patterns_agree_on_word_salad(words: list[str]) -> None:
    """For random sentences of the framing patterns' words, gated and plain patterns agree."""
    normal = " ".join(words)
    for pattern, gated in zip(_PATTERNS, _GATED, strict=True):
        assert gated.found(normal) == bool(pattern.search(normal))


def test_a_message_and_its_sentences_score_as_the_model_scores_them() -> None:
    """Parts cuts a message's n-grams once; the message, each sentence and any other text
    score exactly as Model.scores scores them on their own."""
    model = shipped()
    for normal in _NORMALS[:800]:
        parts = Parts(model, normal)
        for text in [normal, *normal.split(" . "), normal[:7], f"{normal} again"]:
            assert parts.scores(text) == model.scores(text), text
            assert parts.classify(text) == model.classify(text)
            assert parts.crisis(text) == model.crisis(text)


@given(st.text(alphabet="ab .", max_size=12), st.integers(min_value=2, max_value=8))
@settings(max_examples=300, deadline=None)
def test_pieces_are_every_n_characters_in_order(text: str, n: int) -> None:
    """Cutting a text at every position in one call gives what a loop over positions gives."""
    assert pieces(text, n) == tuple(text[i : i + n] for i in range(len(text) - n + 1))
    assert pieces(text * 200, n) == tuple(
        (text * 200)[i : i + n] for i in range(len(text) * 200 - n + 1)
    )
