"""A keyword prefilter: run only the screening patterns that can match somewhere in a text.

Two keys per pattern, both read at import from the regular-expression parser, so the index is
derived from the patterns themselves and cannot drift from them:

- its possible first characters (up to three: "wan", "i w", "sui"), looked up at each word
  start of the text (every pattern matches from the start of a word);
- the strings one of which every match must contain ("pills" or "tablets"; "way out"), taken
  from the longest run of literal text the pattern requires, found with one Aho-Corasick pass
  (pyahocorasick) over the text.

A pattern runs only when both its keys occur. Most messages run a handful of the several
hundred patterns.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from functools import reduce
from typing import Any

import ahocorasick

with warnings.catch_warnings():
    # The parser is the only way to read a pattern's structure; it is stable since 3.5.
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as sc
    import sre_parse

KEY_LENGTH = 3
# At most this many word heads are remembered (a few MB): beyond, each is worked out again.
_HEADS = 100_000
_ANY: frozenset[str] = frozenset({""})  # "can start with anything": always run
_ZERO_WIDTH = (sc.AT, sc.ASSERT, sc.ASSERT_NOT)
_SMALL_CLASS = 12
# Pads a prefix whose continuation is unknown (\S+, a wide class), so nothing extends it.
_OPEN = "\0"


def _class_chars(items: Any) -> frozenset[str] | None:
    """The characters a small positive [...] class holds, or None for a wide one."""
    chars: set[str] = set()
    for op, value in items:
        if op is sc.LITERAL:
            chars.add(chr(value))
        elif op is sc.RANGE and value[1] - value[0] < _SMALL_CLASS:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        else:
            return None
    return frozenset(chars) if len(chars) <= _SMALL_CLASS else None


def _node(op: Any, value: Any, limit: int) -> frozenset[str] | None:
    """The first `limit` characters one parsed node can produce (None: anything)."""
    if op is sc.LITERAL:
        return frozenset({chr(value)})
    if op in _ZERO_WIDTH:
        return frozenset({""})
    if op is sc.IN:
        return _class_chars(value)
    if op is sc.SUBPATTERN:
        return _sequence(value[-1], limit)
    if op is sc.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            part = _sequence(branch, limit)
            if part is None:
                return None
            found |= part
        return frozenset(found)
    if op in (sc.MAX_REPEAT, sc.MIN_REPEAT):
        low, high, item = value
        once = _sequence(item, limit)
        if once is None:
            return None
        found = set()
        for count in range(low, min(high, limit) + 1):
            found |= _sequence(list(item) * count, limit) or set()
        if high > limit:
            # More repeats only lengthen what is already `limit` long, or was cut short.
            found |= _sequence(list(item) * (limit + 1), limit) or set()
        return frozenset(found)
    return None


def _sequence(nodes: Iterable[Any], limit: int) -> frozenset[str] | None:
    """The first `limit` characters a sequence of parsed nodes can produce (None: anything)."""
    partial: set[str] = {""}
    for op, value in nodes:
        short = {p for p in partial if len(p) < limit}
        if not short:
            break
        ends = _node(op, value, limit)
        if ends is None:
            # Keep what is known so far, padded so that no later node lengthens it: a
            # shorter key is still a true prefix.
            return frozenset(p + _OPEN * (limit - len(p)) for p in partial)
        partial = (partial - short) | {(p + e)[:limit] for p in short for e in ends}
    return frozenset(partial)


def first_keys(pattern: str) -> frozenset[str]:
    """Every way a match of `pattern` can begin, cut at KEY_LENGTH ("" means anything)."""
    found = _sequence(sre_parse.parse(pattern).data, KEY_LENGTH)
    if found is None:
        return _ANY
    keys = frozenset(key.split(_OPEN, 1)[0] for key in found)
    if "" in keys or any(not key[0].isalnum() for key in keys):
        return _ANY
    return keys


# A run of literal text is kept while it has at most this many spellings.
_MAX_SPELLINGS = 256
# A factor shorter than this would be found in nearly every text: not worth a key.
_MIN_FACTOR = 3


def _exact(op: Any, value: Any) -> frozenset[str] | None:
    """Every string one parsed node matches, when they are few and fixed (else None)."""
    if op is sc.LITERAL:
        return frozenset({chr(value)})
    if op is sc.IN:
        return _class_chars(value)
    if op is sc.SUBPATTERN:
        return _exact_sequence(value[-1])
    if op is sc.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            part = _exact_sequence(branch)
            if part is None:
                return None
            found |= part
        return frozenset(found) if len(found) <= _MAX_SPELLINGS else None
    return None


def _exact_sequence(nodes: Iterable[Any]) -> frozenset[str] | None:
    """Every string a sequence of parsed nodes matches, when few and fixed (else None)."""
    found: frozenset[str] = frozenset({""})
    for op, value in nodes:
        if op in _ZERO_WIDTH:
            continue
        part = _exact(op, value)
        if part is None or len(found) * len(part) > _MAX_SPELLINGS:
            return None
        found = frozenset(a + b for a in found for b in part)
    return found


def _runs(nodes: Iterable[Any]) -> list[frozenset[str]]:
    """The runs of fixed text a sequence of parsed nodes always contains, in order."""
    runs: list[frozenset[str]] = []
    current: frozenset[str] = frozenset({""})
    for op, value in nodes:
        if op in _ZERO_WIDTH:
            continue  # a lookaround or \b consumes nothing: the run goes on
        part = _exact(op, value)
        if part is not None and len(current) * len(part) <= _MAX_SPELLINGS:
            current = frozenset(a + b for a in current for b in part)
            continue
        runs.append(current)
        current = frozenset({""})
        if op is sc.SUBPATTERN:
            runs.extend(_runs(value[-1]))
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT) and value[0] >= 1:
            runs.extend(_runs(value[2]))  # once at least: what one repeat holds is required
    runs.append(current)
    return runs


def _required(nodes: Any) -> frozenset[str] | None:
    """The best set of strings one of which every match of the nodes contains, or None.

    Best: its shortest string is the longest. Alternatives ("a|b") require one string from
    each alternative's own best set.
    """
    candidates = [run for run in _runs(nodes) if min(map(len, run)) >= _MIN_FACTOR]
    for op, value in nodes:
        if op is sc.SUBPATTERN:
            inner = _required(value[-1])
            if inner is not None:
                candidates.append(inner)
        elif op is sc.BRANCH:
            parts = [_required(branch) for branch in value[1]]
            if all(part is not None for part in parts):
                candidates.append(frozenset().union(*(part or () for part in parts)))
    return max(candidates, key=lambda run: min(map(len, run)), default=None)


def factors(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains, or None when none is useful."""
    return _required(sre_parse.parse(pattern).data)


class Prefilter:
    """Which of a list of patterns can match a normalised text, by their first characters
    and by the fixed text they require."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.always: frozenset[int] = frozenset(
            index for index, pattern in enumerate(patterns) if first_keys(pattern) is _ANY
        )
        index_by_key: dict[str, set[int]] = {}
        for index, pattern in enumerate(patterns):
            if index not in self.always:
                for key in first_keys(pattern):
                    index_by_key.setdefault(key, set()).add(index)
        self._by_key = {key: frozenset(found) for key, found in index_by_key.items()}
        # A word's first KEY_LENGTH characters -> the patterns any of their prefixes opens,
        # remembered as words are seen: one look-up a word instead of one a prefix length.
        self._heads: dict[str, frozenset[int]] = {}
        index_by_factor: dict[str, set[int]] = {}
        unkeyed: set[int] = set()
        for index, pattern in enumerate(patterns):
            required = factors(pattern)
            if required is None:
                unkeyed.add(index)
            for factor in required or ():
                index_by_factor.setdefault(factor, set()).add(index)
        self._unkeyed = frozenset(unkeyed)
        self._automaton = ahocorasick.Automaton()
        for factor, found in index_by_factor.items():
            self._automaton.add_word(factor, frozenset(found))
        self._automaton.make_automaton()

    def candidates(self, normal: str) -> set[int]:
        """Indexes of the patterns that may match somewhere in `normal` (a superset)."""
        # The fixed text first: one pass in C, and most texts hold little of it.
        present = reduce(
            frozenset.union, (hit for _, hit in self._automaton.iter(normal)), self._unkeyed
        )
        if not present:
            return set()
        found = set(self.always)
        heads = self._heads
        start = 0
        for word in normal.split(" "):
            head = normal[start : start + KEY_LENGTH]
            hit = heads.get(head)
            if hit is None:
                hit = self._head(head)
            if hit:
                found |= hit
            start += len(word) + 1
        return found & present

    def _head(self, head: str) -> frozenset[int]:
        """The patterns opened by any prefix of a word's head, remembered (up to _HEADS)."""
        hit = frozenset().union(
            *(self._by_key.get(head[:length], ()) for length in range(1, len(head) + 1))
        )
        if len(self._heads) < _HEADS:
            self._heads[head] = hit
        return hit


def anchored(pattern: str) -> re.Pattern[str]:
    """One pattern compiled to be tried at word starts, as the prefilter assumes."""
    return re.compile(r"\b(?:" + pattern + ")")
