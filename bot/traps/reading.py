"""Reading a text for the trap rules: normalised, split into bounded sentences, negation."""

from __future__ import annotations

import re


def _c(pattern: str) -> re.Pattern[str]:
    """Compile a pattern for the already lower-cased, normalised text."""
    return re.compile(pattern)


# works on bounded input and the whole scan stays linear in the text length.
_MAX_SENTENCE = 400


_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": ", ",
        "\u2026": ".",
    }
)
# Control and other invisible characters would otherwise split or glue words oddly.
_CONTROL = _c(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = _c(r"[ \t\r\f\v]+")

# Canonical contractions, so the rules only need to spell each form once.
_CONTRACTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_c(p), r)
    for p, r in (
        (r"\bi am\b", "i'm"),
        (r"\bim\b", "i'm"),
        (r"\b(i|you|he|she|it|we|they|that|this|nobody|everyone)\s+will\b", r"\1'll"),
        (r"\b(do|does|did|is|was|are|were|could|should|would|must|have|has|had)\s+not\b", r"\1n't"),
        (r"\b(do|does|did|is|was|are|were|could|should|would|must|have|has|had)nt\b", r"\1n't"),
        (r"\b(?:will not|wont)\b", "won't"),
        (r"\b(?:cannot|can not|cant)\b", "can't"),
        (r"\b(it|that|he|she|what|there)\s+is\b", r"\1's"),
        (r"\b(they|we|you)\s+are\b", r"\1're"),
        (r"\bgonna\b", "going to"),
        (r"\b(should|could|would|must)'ve\b", r"\1 have"),
        (r"\bi would\b", "i'd"),
        (r"\bi had\b(?=\s+(?:been|just|only|not)\b)", "i'd"),
    )
)

# Quoted spans are someone else's words (or the user mentioning words), not their
# own thought, so they are blanked before matching.
_DOUBLE_QUOTED = _c(r'"[^"\n]{0,300}"')
_LONE_DOUBLE_QUOTE = _c(r'"[^.!?;\n]{0,300}')
# A single-quoted span opens after a non-letter and closes before one; apostrophes
# followed by a letter inside it (contractions) do not close it.
_SINGLE_QUOTED = _c(r"(?<![a-z0-9])'(?=[a-z])(?:[^'\n]|'(?=[a-z])){0,300}?'(?![a-z])")
# Reported speech without quotes ("she said I'm lazy") is also someone else's words:
# blank the reported clause, unless the speaker is the user ("I said").
_SPEECH = _c(
    r"(?<!\bi )(?<!\bhave )\b(?:(?:said|says)(?! (?:no|yes)\b)|told (?:me|him|her|us|them)|"
    r"tells (?:me|him|her|us|them)|wrote|writes|replied|texted|emailed|messaged|mentioned|"
    r"called me|asked(?: me)?|warned(?: me)?|"
    r"yelled|shouted|claimed|claims|insisted)\b"
    r"(?:(?!\bbut\b|\bso\b|\band i\b)[^.;!?,\n]){0,200}"
)
_SENTENCE_SPLIT = _c(r"[.!?;\n]+")
_CLAUSE_BREAK = _c(r"[,:()\-]|\bbut\b|\bthough\b|\bhowever\b|\balthough\b")
_WORD = _c(r"[a-z']+")

# Negation that governs the match: a negator among the last few words of the clause
# ("it's not the end of the world"), or an epistemic frame anywhere in the clause
# ("I don't think I'm a failure").
_NEG_WORD = _c(r"^(?:not|no|never|nor|hardly|barely|[a-z]+n't)$")
_NEG_FRAME = _c(
    r"\b(?:don't (?:think|believe|feel)|doubt|not sure|no longer|wouldn't say|not saying|"
    r"not that|not like|doesn't mean|don't mean|isn't true|not true|not because)\b"
)
# Phrases containing a negator that do not negate what follows.
_NEG_IDIOM = _c(
    r"\b(?:can't|couldn't) (?:believe|help|stop|stand)\b|\bno wonder\b|\bno matter\b|"
    r"\bno doubt\b|\bnot only\b"
)
_NEG_WINDOW = 3


def normalise(text: str) -> str:
    """Lower-case, unify quotes and contractions, and blank other people's words."""
    text = _CONTROL.sub(" ", text.translate(_CHAR_MAP)).lower()
    text = _SPACES.sub(" ", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    # Blank rather than delete, so the words either side never fuse into a new cue.
    text = _DOUBLE_QUOTED.sub(" , ", text)
    text = _LONE_DOUBLE_QUOTE.sub(" , ", text)
    text = _SINGLE_QUOTED.sub(" , ", text)
    return _SPEECH.sub(" , ", text)


def sentences(text: str) -> list[str]:
    """Split into sentences, cutting very long ones so each check stays bounded."""
    out: list[str] = []
    for sentence in _SENTENCE_SPLIT.split(text):
        sentence = sentence.strip()
        while len(sentence) > _MAX_SENTENCE:
            cut = sentence.rfind(" ", 0, _MAX_SENTENCE)
            cut = cut if cut > 0 else _MAX_SENTENCE
            out.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        if sentence:
            out.append(sentence)
    return out


def clause_before(sentence: str, start: int) -> str:
    """Return the text of the current clause that precedes position `start`."""
    prefix = sentence[max(0, start - 120) : start]
    return _CLAUSE_BREAK.split(prefix)[-1]


def negated(clause: str) -> bool:
    """Say whether a negator in the clause prefix governs what follows it."""
    clause = _NEG_IDIOM.sub(" ", clause)
    if _NEG_FRAME.search(clause):
        return True
    words = _WORD.findall(clause)[-_NEG_WINDOW:]
    return any(_NEG_WORD.match(w) for w in words)
