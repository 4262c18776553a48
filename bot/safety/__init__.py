"""Crisis screening for every user message, run before the engine sees it.

Two tiers. "crisis": a clear statement of suicidal intent, method, plan, preparation,
goodbye, current self-harm, or danger from someone else; the coach gives the crisis reply
at once. "possible": hopelessness, being a burden, wanting to disappear or not wake up,
ambiguous or negated mentions; the coach asks directly whether the person is thinking about
ending their life. English, Spanish, German, French and Portuguese are screened whatever
language the coaching is in, and the last few messages are read together with the new one.

Patterns first (english.py, other.py: precise, explainable, denials understood). A message
that no pattern reads at all goes to the learned layer (learned.py: character n-grams, so
words and spellings never written into a pattern still count): a high risk score asks the
direct question, a very high crisis score gives the crisis reply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.safety import english, learned, other
from bot.safety.normal import expand, normalise
from bot.safety.prefilter import Prefilter, anchored

__all__ = ["Concern", "Screening", "Tier", "screen"]


class Concern(StrEnum):
    """What kind of risk a message shows."""

    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    DANGER = "danger"  # danger from someone else: abuse, threats, violence against the user


class Tier(StrEnum):
    """How clear the risk is: a crisis reply at once, or a direct question first."""

    CRISIS = "crisis"
    POSSIBLE = "possible"


@dataclass(frozen=True, slots=True)
class Screening:
    """What screening found in a message: its tier and its concern."""

    tier: Tier
    concern: Concern


# Most acute first: a message that shows several gets the reply for the gravest.
_RULES: tuple[tuple[Tier, Concern, tuple[str, ...]], ...] = (
    (Tier.CRISIS, Concern.SUICIDE, english.SUICIDE + other.SUICIDE),
    (Tier.CRISIS, Concern.SELF_HARM, english.SELF_HARM + other.SELF_HARM),
    (Tier.CRISIS, Concern.DANGER, english.DANGER + other.DANGER),
    (Tier.POSSIBLE, Concern.SUICIDE, english.POSSIBLE + other.POSSIBLE),
    (Tier.POSSIBLE, Concern.SUICIDE, english.NET),
)
# Every pattern on its own, gravest first, with what it means when it matches.
PATTERNS: tuple[str, ...] = tuple(expand(p) for _, _, group in _RULES for p in group)
_MEANING: tuple[Screening, ...] = tuple(
    Screening(tier, concern) for tier, concern, group in _RULES for _ in group
)
_COMPILED = tuple(anchored(pattern) for pattern in PATTERNS)
# The safety net's patterns come last; their matches are checked against common idioms.
_NET_FROM = len(PATTERNS) - len(english.NET)
_NET_IDIOMS = re.compile(
    r"\b(?:phone|battery|laptop|plant|hopes?|deal|project|idea|market|car|startup|career)"
    r"(?: \w+){0,3} (?:is |are |was |were )?dead\b|\bdead body\b|\brather die than\b"
    r"|\bto death\b|\bcould (?:just )?die\b[^.]{0,20}\bembarrass|\bend (?:things|it) with\b"
    r"|\bend of my rope\b|\b(?:doctor|gp|prescri\w*|upped|take|taking|on|pick up|collect"
    r"|refill|get) (?:my )?(?:pills"
    r"|tablets)\b|\b(?:pills|tablets) for (?:my )?(?:blood|pain|sleep|allergies|headache)"
)
PREFILTER = Prefilter(PATTERNS)

# "I'm not going to kill myself", "je ne suis pas suicidaire": a denial just before the words.
_NEGATED = re.compile(
    r"\b(?:not|never|wouldnt|wont|dont|didnt|nicht|nie|pas|nunca|jamais|jamas|nao"
    r"|no (?:soy|estoy|voy a|pienso|me voy a))(?: \w+){0,2} $"
)
# "...just frustrated", "...over a job": the denial is plainly meant; nothing is flagged.
_REASSURED = re.compile(
    r"\b(?:just|only|simply|merely|solo|nur|juste|so) (?:\w+ )?(?:frustrated|angry|annoyed"
    r"|venting|stressed|upset|tired|mad|disappointed|fed up|pissed|gutted|exhausted|frustrad\w*"
    r"|enfadad\w*|cansad\w*|frustriert|wutend|mude|frustre\w*|enerve\w*|fatigue\w*)\b"
    r"|\bdont worry\b|\bover (?:a|this|the|my) (?:job|raise|promotion|rejection|no|landlord"
    r"|boss|interview|deal)\b"
)
_BUT = re.compile(r"\b(?:but|though|although|pero|aber|mais|mas|sometimes)\b")
# Words that turn an earlier risk into now: "tonight's the night" after "I have pills saved".
_NOW = re.compile(
    r"\b(?:tonight|tonite|tonights the night|its time|today is the day|this is it|im ready"
    r"|i am ready|goodbye|bye forever|farewell|do it|doing it|going to do it|gonna do it"
    r"|esta noche|es hoy|adios|heute nacht|lebt wohl|ce soir|adieu|esta noite|hoje a noite"
    r"|adeus|ive decided|i decided|i mean it|i meant it|for real|im serious|already have"
    r"|made up my mind)\b"
)
# Earlier messages read together with the new one; each is cut to keep the cost bounded.
CONTEXT_MESSAGES = 3
_CONTEXT_CHARS = 500
# The learned layer reads this much of a message: its cost grows with the length.
_LEARNED_CHARS = 4000
# A message of one or two words gives character n-grams too little to weigh ("me" and
# "nothing" scored as risk): short clear statements are the patterns' job.
LEARNED_MIN_WORDS = 3
_WORD = re.compile(r"\w+")


def _scan(normal: str) -> tuple[Screening, re.Match[str]] | None:
    """The gravest pattern that matches an already normalised text, and where."""
    for index in sorted(PREFILTER.candidates(normal)):
        found = _COMPILED[index].search(normal)
        if found is not None and not (index >= _NET_FROM and _NET_IDIOMS.search(normal)):
            return _MEANING[index], found
    return None


def _learned(normal: str) -> Screening | None:
    """The learned layer's reading of a text no pattern matched."""
    found = learned.shipped().classify(normal[:_LEARNED_CHARS])
    if found is None:
        return None
    tier, concern = found
    return Screening(Tier(tier), Concern(concern))


def _screen_one(normal: str, *, learn: bool = False) -> Screening | None:
    """One normalised text on its own, with denials taken into account.

    With `learn`, a text no pattern matched goes to the learned layer (only the new message
    does: earlier ones were screened when they came, and each reading costs time).
    """
    found = _scan(normal)
    if found is None:
        enough = learn and len(_WORD.findall(normal)) >= LEARNED_MIN_WORDS
        return _learned(normal) if enough else None
    meaning, match = found
    if meaning.concern is not Concern.DANGER and _NEGATED.search(normal[: match.start()]):
        after = normal[match.end() :]
        if _REASSURED.search(normal) and not _BUT.search(after):
            return None
        # A denial, then more: ask rather than assume.
        return Screening(Tier.POSSIBLE, meaning.concern)
    return meaning


def screen(text: str, context: Sequence[str] = ()) -> Screening | None:
    """The gravest risk a message shows, read with up to three earlier ones (oldest first).

    Returns None when it shows none. Never raises; any string is fine.
    """
    normal = normalise(text[: _CONTEXT_CHARS * 20])
    if not normal:
        return None
    found = _screen_one(normal, learn=True)
    earlier = [normalise(line[:_CONTEXT_CHARS]) for line in context[-CONTEXT_MESSAGES:]]
    earlier = [line for line in earlier if line]
    if not earlier or (found is not None and found.tier is Tier.CRISIS):
        return found
    # A thought split over two messages: "I just want to" then "die".
    joined = _screen_one(f"{earlier[-1]} {normal}")
    alone = _screen_one(earlier[-1])
    if joined is not None and joined != alone and _rank(joined) > _rank(found):
        found = joined
    risky = [s for s in (_screen_one(line) for line in earlier) if s is not None]
    if risky and _NOW.search(normal):
        # Earlier risk, and now a time or a goodbye: that is a plan.
        worst = max(risky, key=_rank)
        return Screening(Tier.CRISIS, worst.concern)
    if risky and found is not None and any(s.tier is Tier.CRISIS for s in risky):
        return Screening(Tier.CRISIS, found.concern)
    return found


def _rank(found: Screening | None) -> int:
    """Orders screenings: nothing < possible < crisis."""
    if found is None:
        return 0
    return 2 if found.tier is Tier.CRISIS else 1


def warm() -> None:
    """Load the learned layer now (about 0.6 s), so the first message screened does not wait."""
    learned.shipped()
