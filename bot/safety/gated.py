"""A compiled pattern behind the words it needs: only the branches that can match are tried.

The framing patterns (frames.py, errands.py) are long alternations that the regular-expression
engine tries branch by branch at every position of a text: a hundred microseconds for a long
message. Each top-level branch on its own needs one of a few fixed strings (prefilter.factors
reads them from the branch itself), and one Aho-Corasick pass (pyahocorasick) over the text
finds which branches' strings occur; only those branches are searched. Whether a gated pattern
matches is whether the pattern matches: only the time differs.
"""

from __future__ import annotations

import re
import sys

import ahocorasick

from bot.safety.prefilter import factors

# An inline flag, "(?i)" or "(?x)", applies to the whole pattern: such a pattern is not split.
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression ("a|(b|c)" -> ["a", "(b|c)"])."""
    found: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1
            if pattern[index : index + 1] == "^":
                index += 1
            if pattern[index : index + 1] == "]":
                index += 1  # a "]" first in a class ("[]a]", "[^]a]") is one of its characters
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:index])
            start = index + 1
        index += 1
    found.append(pattern[start:])
    return found


class Gated:
    """`pattern` (compiled) split into its top-level branches, each tried only in texts that
    hold one of the fixed strings it requires."""

    __slots__ = ("_always", "_automaton", "_branches", "from_length", "pattern")

    def __init__(self, pattern: re.Pattern[str], *, from_length: int = 0) -> None:
        # A text shorter than `from_length` is searched whole: there the plain search is
        # cheaper than the automaton's pass (measured with the data out of cache, as between
        # two users' messages).
        self.pattern = pattern
        self.from_length = from_length
        if _INLINE_FLAGS.search(pattern.pattern) or pattern.flags & re.IGNORECASE:
            parts = [pattern.pattern]
        else:
            parts = branches(pattern.pattern)
        self._branches = tuple(re.compile(part, pattern.flags) for part in parts)
        by_word: dict[str, list[int]] = {}
        always: list[int] = []
        for index, part in enumerate(parts):
            required = factors(part)
            if not required:
                always.append(index)  # nothing fixed is required: tried in every text
            for word in required or ():
                by_word.setdefault(word, []).append(index)
        self._always = frozenset(always)
        self._automaton = ahocorasick.Automaton()
        for word, indexes in by_word.items():
            self._automaton.add_word(word, tuple(indexes))
        if by_word:
            self._automaton.make_automaton()

    def _tried(self, text: str) -> list[re.Pattern[str]]:
        """The branches that may match in `text`, in the pattern's order."""
        tried = set(self._always)
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            for _, indexes in self._automaton.iter(text):
                tried.update(indexes)
        return [self._branches[index] for index in sorted(tried)]

    def found(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether the pattern matches somewhere in text[pos:endpos] (as its search would)."""
        if len(text) < self.from_length:
            return self.pattern.search(text, pos, endpos) is not None
        return any(branch.search(text, pos, endpos) for branch in self._tried(text))
