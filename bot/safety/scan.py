"""The patterns, gravest first, and the scan of a normalised text for the gravest that matches.

Each pattern's meaning (tier and concern) is kept beside it; the prefilter runs only the
patterns whose words occur. A match is set aside when an idiom, a trip away, an errand,
medicine in ordinary life, a third person or a topic frames it (frames.py, errands.py).
"""

from __future__ import annotations

import re

from bot.safety import (
    english_danger,
    english_possible,
    english_self_harm,
    english_suicide,
    errands,
    everyday,
    frames,
    kinds,
    other,
)
from bot.safety.gated import Gated
from bot.safety.normal import expand
from bot.safety.prefilter import Prefilter, anchored
from bot.safety.screening import Concern, Screening, Tier

# Most acute first: a message that shows several gets the reply for the gravest.
_RULES: tuple[tuple[Tier, Concern, tuple[str, ...]], ...] = (
    (
        Tier.CRISIS,
        Concern.SUICIDE,
        english_suicide.SUICIDE + other.SUICIDE + kinds.SUICIDE + everyday.SUICIDE,
    ),
    (
        Tier.CRISIS,
        Concern.SELF_HARM,
        english_self_harm.SELF_HARM + other.SELF_HARM + kinds.SELF_HARM + everyday.SELF_HARM,
    ),
    (
        Tier.CRISIS,
        Concern.DANGER,
        english_danger.DANGER + other.DANGER + kinds.DANGER + everyday.DANGER,
    ),
    (
        Tier.POSSIBLE,
        Concern.SUICIDE,
        english_possible.POSSIBLE + other.POSSIBLE + kinds.POSSIBLE + everyday.POSSIBLE,
    ),
    (Tier.POSSIBLE, Concern.SELF_HARM, kinds.POSSIBLE_SELF_HARM),
    (Tier.POSSIBLE, Concern.SUICIDE, english_possible.NET),
)
# Every pattern on its own, gravest first, with what it means when it matches.
PATTERNS: tuple[str, ...] = tuple(expand(p) for _, _, group in _RULES for p in group)
_MEANING: tuple[Screening, ...] = tuple(
    Screening(tier, concern) for tier, concern, group in _RULES for _ in group
)
COMPILED = tuple(anchored(pattern) for pattern in PATTERNS)
# The safety net's patterns come last; their matches are checked against common idioms.
_NET_FROM = len(PATTERNS) - len(english_possible.NET)
PREFILTER = Prefilter(PATTERNS)
# The idioms' 23 branches tried at every position cost 50-100 us on a long text: there, only
# the branches whose words occur are tried (gated.py).
NET_IDIOMS = Gated(frames.NET_IDIOMS, from_length=100)


def scan(normal: str) -> tuple[Screening, re.Match[str]] | None:
    """The gravest pattern that matches an already normalised text, and where."""
    for index in sorted(PREFILTER.candidates(normal)):
        found = COMPILED[index].search(normal)
        if found is None or (index >= _NET_FROM and NET_IDIOMS.found(normal)):
            continue
        if frames.DIE_OF.match(normal, found.end()):
            continue
        if _MEANING[index].tier is Tier.POSSIBLE and frames.AWAY.search(normal):
            continue
        if errands.errand_match(normal, found):
            continue
        if errands.MEDS.search(found.group()) and errands.medicine(normal):
            continue
        if _MEANING[index].concern is not Concern.DANGER and (
            frames.THIRD.search(normal, sentence_start(normal, found.start()), found.start())
            or frames.TOPIC.match(normal, found.end())
            or frames.COMPOUND.search(found.group())
        ):
            continue
        return _MEANING[index], found
    return None


def sentence_start(normal: str, at: int) -> int:
    """Where the sentence holding position `at` starts, at most 60 characters back.

    Someone else as the subject, or a "no", sets a match aside only in its own sentence:
    "mi jefe me dijo que no otra vez . ya tengo las pastillas para esta noche" is a crisis.
    """
    stop = normal.rfind(" . ", 0, at)
    # No mark before it: the sentence is the message's first (a denial may open it).
    return max(0, at - 60, stop + 3 if stop >= 0 else 0)
