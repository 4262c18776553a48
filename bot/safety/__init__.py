"""Crisis screening for every user message, run before the engine sees it.

Two tiers. "crisis": a clear statement of suicidal intent, method, plan, preparation,
goodbye, current self-harm, or danger from someone else; the coach gives the crisis reply
at once. "possible": hopelessness, being a burden, wanting to disappear or not wake up,
ambiguous or negated mentions; the coach asks directly whether the person is thinking about
ending their life. English, Spanish, German, French and Portuguese are screened whatever
language the coaching is in, and the last few messages are read together with the new one.

Patterns first (english_suicide.py, english_possible.py, english_self_harm.py,
english_danger.py, other.py, and kinds.py and everyday.py for the five languages by kind:
precise, explainable, denials understood; scan.py holds them, gravest first), run only where
the prefilter finds the words they need (prefilter.py). A match is set aside when a third
person, a topic ("suicide prevention") or an idiom ("dying of shame", a week away) frames it
(frames.py), or an ordinary errand shares its words (errands.py: a letter to the recruiter); a
crisis long past and not now is asked about. A possible risk said with a time, a place or the
means at hand is a crisis. A message that no pattern reads goes to the learned layer
(learned.py: character n-grams, so words and spellings never written into a pattern still
count): a high risk score asks the direct question, a high crisis score gives the crisis reply,
and it also turns a possible risk a pattern read into a crisis when its crisis score is high.
Earlier messages are read as they were when they came, and words in the new one (carried.py: a
time, the means, "again") carry an earlier risk forward.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.safety import carried, errands, frames, learned, means
from bot.safety.learned_parts import Parts
from bot.safety.normal import normalise
from bot.safety.scan import COMPILED as _COMPILED
from bot.safety.scan import NET_IDIOMS as _NET_IDIOMS
from bot.safety.scan import PATTERNS, PREFILTER
from bot.safety.scan import scan as _scan
from bot.safety.scan import sentence_start as _sentence_start
from bot.safety.screening import Concern, Screening, Tier

__all__ = ["PATTERNS", "PREFILTER", "Concern", "Screening", "Tier", "screen", "worded"]


# Earlier messages read together with the new one; each is cut to keep the cost bounded.
CONTEXT_MESSAGES = 3
_CONTEXT_CHARS = 500
# The learned layer reads this much of a message: its cost grows with the length.
_LEARNED_CHARS = 4000
# A message of one or two words gives character n-grams too little to weigh ("me" and
# "nothing" scored as risk): short clear statements are the patterns' job.
LEARNED_MIN_WORDS = 3
_WORD = re.compile(r"\w+")
# What weighs a text in the learned layer: the model, or a message's Parts (the same scores).
_Reader = learned.Model | Parts


# Sentences read one by one in a long message: the first few hold what a chat message says.
_MOST_SENTENCES = 6


def _learned(normal: str, reader: _Reader) -> Screening | None:
    """The learned layer's reading of a text no pattern matched (idioms asked nothing)."""
    found = reader.classify(normal[:_LEARNED_CHARS])
    if found is None:
        return None
    tier, concern = found
    if tier == Tier.POSSIBLE and (
        _NET_IDIOMS.found(normal) or frames.AWAY.search(normal) or frames.DYING_OF.search(normal)
    ):
        return None
    errand = errands.ERRAND_WORD.search(normal)
    if errand is not None and errands.errand(normal, errand.start()):
        return None
    if errands.medicine(normal):
        return None
    if concern == Concern.DANGER.value and (
        (frames.PEACEFUL.search(normal) and not frames.BUT.search(normal))
        or (frames.BREAKUP.search(normal) and not frames.HARM.search(normal))
    ):
        # Good news at a check-in, or a partner leaving: danger only in words of harm.
        return None
    return Screening(Tier(tier), Concern(concern))


def _screen_one(normal: str, *, learn: _Reader | None = None) -> Screening | None:
    """One normalised text on its own, with denials taken into account.

    With `learn` (the model, or the message's Parts), a text no pattern matched goes to the
    learned layer (only the new message does: earlier ones were screened when they came, and
    each reading costs time).
    """
    found = _scan(normal)
    if found is None:
        # Seven tokens or more hold three words at least (" . " is one, between words).
        if learn is None:
            return None
        enough = normal.count(" ") >= 6 or len(_WORD.findall(normal)) >= LEARNED_MIN_WORDS
        return _learned(normal, learn) if enough else None
    meaning, match = found
    before = normal[_sentence_start(normal, match.start()) : match.start()]
    if meaning.concern is not Concern.DANGER and frames.NEGATED.search(before):
        after = normal[match.end() :]
        hedged = frames.BUT.search(after) or frames.HEDGE.search(after)
        if frames.REASSURED.search(normal) and not hedged:
            return None
        # A denial, then more: ask rather than assume.
        return Screening(Tier.POSSIBLE, meaning.concern)
    past = frames.PAST.search(normal) and not frames.STILL.search(normal)
    if meaning.tier is Tier.CRISIS and past:
        return Screening(Tier.POSSIBLE, meaning.concern)
    if meaning.tier is Tier.POSSIBLE:
        if match.re is not _COMPILED[-1] and frames.PLAN.search(normal):
            return Screening(Tier.CRISIS, meaning.concern)
        if learn is not None:
            # Despair a pattern read, and the learned layer reads a crisis in the same words
            # ("i wanna dye tonite, got evrything ready"): the crisis reply, not a question.
            crisis = learn.crisis(normal[:_LEARNED_CHARS])
            if crisis is not None:
                return Screening(Tier.CRISIS, Concern(crisis))
    return meaning


def screen(text: str, context: Sequence[str] = ()) -> Screening | None:
    """The gravest risk a message shows, read with up to three earlier ones (oldest first).

    Returns None when it shows none. Never raises; any string is fine.
    """
    normal = normalise(text[: _CONTEXT_CHARS * 20])
    if not normal:
        return None
    # The message and its sentences are weighed from one cut of its n-grams.
    parts = Parts(learned.shipped(), normal) if " . " in normal else learned.shipped()
    found = _screen_one(normal, learn=parts)
    if (found is None or found.tier is Tier.POSSIBLE) and " . " in normal:
        found = _by_sentence(normal, found, parts)
    earlier = [normalise(line[:_CONTEXT_CHARS]) for line in context[-CONTEXT_MESSAGES:]]
    earlier = [line for line in earlier if line]
    if not earlier or (found is not None and found.tier is Tier.CRISIS):
        return found
    # A thought split over two messages: "I just want to" then "die".
    # Each earlier message is read once, the learned layer included (a risk it alone read
    # is carried forward too); the last one also joined with the new.
    readings = [_earlier(line) for line in earlier]
    joined = _screen_one(f"{earlier[-1]} {normal}")
    if joined is not None and joined != readings[-1] and _rank(joined) > _rank(found):
        found = joined
    if found is None and means.USE.search(normal) and any(means.NAMED.search(x) for x in earlier):
        # The means named earlier, even in its place, and now its use: a plan.
        return Screening(Tier.CRISIS, Concern.SUICIDE)
    heights = any(carried.HEIGHT.search(line) for line in earlier)
    if found is None and heights and carried.GOING.search(normal):
        return Screening(Tier.CRISIS, Concern.SUICIDE)
    risky = [s for s in readings if s is not None]
    if not risky:
        return found
    worst = max(risky, key=_rank)
    danger = Screening(Tier.CRISIS, Concern.DANGER)
    near = carried.ARRIVING.search(normal) or carried.WEAPON.search(normal)
    if found is None and danger in risky and near:
        return danger
    # A plan carried forward is one's own: danger from someone else does not carry as such.
    own = Concern.SUICIDE if worst.concern is Concern.DANGER else worst.concern
    if carried.plan_now(normal):
        # Earlier risk, and now a time, the means at hand or a goodbye: that is a plan.
        return Screening(Tier.CRISIS, own)
    if carried.BACK.search(normal):
        # A risk said earlier, even long past, and now its thoughts or urges are back.
        return Screening(Tier.CRISIS, own)
    if worst.concern is Concern.SELF_HARM and (
        carried.AGAIN.search(normal) or carried.GAVE_IN.search(normal)
    ):
        # Self-harm said earlier (even long past), and now begun again.
        return Screening(Tier.CRISIS, Concern.SELF_HARM)
    if found is not None and any(s.tier is Tier.CRISIS for s in risky):
        return Screening(Tier.CRISIS, found.concern)
    if found is None and readings[-1] is not None and carried.SHRUG.search(normal):
        # The message just before showed risk and this one shrugs it off: still ask. (In the
        # coach the message after a possible risk answers the direct question, read alone.)
        return Screening(Tier.POSSIBLE, readings[-1].concern)
    return found


def worded(text: str) -> bool:
    """Whether a pattern, not only the learned layer, reads risk in a message or one of its
    sentences (denied or not): words of distress, as against wording that only resembles them.
    """
    normal = normalise(text[: _CONTEXT_CHARS * 20])
    # A set: a message of one sentence is read once, not twice.
    parts = {normal, *normal.split(" . ")[:_MOST_SENTENCES]}
    return any(_scan(part) is not None for part in parts if part)


def _by_sentence(normal: str, found: Screening | None, parts: _Reader) -> Screening | None:
    """The gravest reading of a message's sentences, each read alone, and of the whole.

    A setback told first dilutes the learned layer's reading of a risk said after it: "my
    boss said no . i have the pills for tonight" reads as nothing whole, a crisis by sentence.
    """
    for sentence in normal.split(" . ")[:_MOST_SENTENCES]:
        if sentence.count(" ") >= 2 and sentence != normal:
            reading = _screen_one(sentence, learn=parts)
            if reading is not None and _rank(reading) > _rank(found):
                found = reading
                if found.tier is Tier.CRISIS:
                    break  # nothing ranks higher
    return found


@lru_cache(maxsize=1024)
def _earlier(normal: str) -> Screening | None:
    """An earlier message's own reading, remembered: it was screened when it came."""
    enough = len(_WORD.findall(normal)) >= LEARNED_MIN_WORDS
    return _screen_one(normal, learn=learned.shipped() if enough else None)


def _rank(found: Screening | None) -> int:
    """Orders screenings: nothing < possible < crisis."""
    if found is None:
        return 0
    return 2 if found.tier is Tier.CRISIS else 1


def warm() -> None:
    """Load the learned layer now (about 0.6 s), so the first message screened does not wait."""
    learned.shipped()
