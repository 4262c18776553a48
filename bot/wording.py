"""The plain form of what people type, shared by the readers of intents (pure, no I/O)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Longer messages carry content: they are answers whatever words they contain.
SHORT_WORDS = 9
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACES = re.compile(r"\s+")
# Spanish opens a question or a cry with its own mark ("¿qué quieres decir?"): an edge too.
_EDGES = re.compile(r"^[\s.,!?¿¡;:…\-–—\"'()*_~]+|[\s.,!?¿¡;:…\-–—\"'()*_~]+$")
# Words that add nothing to what a short message means ("um", "tbh", "sorry").
# Contractions typed without their apostrophe.
_CONTRACTED = {
    "dont": "don't",
    "didnt": "didn't",
    "cant": "can't",
    "im": "i'm",
    "wont": "won't",
    "havent": "haven't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "wouldnt": "wouldn't",
    "whats": "what's",
    "lets": "let's",
    "thats": "that's",
    "ive": "i've",
}
_CONTRACTIONS = re.compile(r"\b(?:" + "|".join(_CONTRACTED) + r")\b")
_FILLER = re.compile(
    r"\b(?:um+|uh+|erm+|hmm+|hm+|well|honestly|tbh|to be honest|really|just|sorry|lol|haha+|"
    r"man|mate|like|so|actually|at all|atm|right now|yet|please|pls|coach|oh|ah+|anyway|"
    r"i guess|i think|i suppose|srsly|seriously|genuinely|totally|frankly|truly)\b"
)


# Each reader normalises the same message several times: remember the last few.
@lru_cache(maxsize=256)
def normalise(text: str) -> str:
    """Lower case, straight apostrophes, single spaces, no punctuation at either end."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    folded = _CONTRACTIONS.sub(lambda found: _CONTRACTED[found.group(0)], folded)
    return _EDGES.sub("", _SPACES.sub(" ", folded)).strip()


@lru_cache(maxsize=256)
def core(text: str) -> str:
    """The normalised text without filler words, for short fixed phrases."""
    stripped = _FILLER.sub(" ", normalise(text))
    return _EDGES.sub("", _SPACES.sub(" ", stripped)).strip(" ,.!?")


def words(text: str) -> list[str]:
    """The words of the normalised text, apostrophes kept."""
    return re.findall(r"[\w']+", normalise(text))


def has_words(text: str) -> bool:
    """Whether the text holds any letter or digit (emoji and punctuation alone do not count)."""
    return any(ch.isalnum() for ch in text)


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


def full(pattern: str) -> re.Pattern[str]:
    """A pattern that must match the whole text."""
    return re.compile(rf"^(?:{pattern})$")


def only_glue(text: str, kernel: re.Pattern[str], glue: frozenset[str]) -> bool:
    """Whether the text says the kernel and otherwise only glue words."""
    lowered = normalise(text)
    if kernel.search(lowered) is None:
        return False
    rest = kernel.sub(" ", lowered)
    return all(word in glue for word in re.findall(r"[^\s,.!?;:…\-–—\"()]+", rest))
