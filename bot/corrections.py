"""Taking back or correcting the previous answer in plain words, and "I already said" (pure).

"go back", "undo", "oops, wrong one", "wait" said alone ask for the previous question
again, as the `back` command does; "actually I meant two weeks off" or "wait, I meant soft"
replace the previous answer with the words after "meant". A real answer that merely holds
these words ("I want to go back to school", "I meant to ask sooner") stays an answer: the
kernel must stand with nothing but glue words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.wording import has_words, normalise, only_glue, word_set, words

_BACK_KERNEL = re.compile(
    r"\b(?:go(?:ing)? back|back up|step back|undo|redo|re-do|rewind|scratch that|"
    r"take (?:that|it) back|(?:previous|last|earlier) (?:question|answer|one|step)|"
    r"(?:change|fix|edit|correct|redo|amend) (?:that|it|my (?:last |previous )?answer|"
    r"the (?:last|previous) (?:answer|one))|wrong (?:answer|one|button|number|choice)|"
    r"(?:made|make) a (?:mistake|typo)|typo|my (?:bad|mistake)|oops+|whoops|"
    r"that's (?:wrong|not right|not what i meant)|not what i meant|i meant|"
    r"i didn't mean (?:that|it)|"
    r"(?:typed|wrote|put|answered|pressed|picked|chose) (?:that|it) wrong|"
    r"(?:came|come) out wrong|(?:that|it) was wrong|previous|return to|try (?:that|it) again|"
    r"change what i (?:said|wrote|typed|answered|put)|mistake in my (?:last|previous) answer|"
    r"actually|back)\b"
)
_BACK_GLUE = word_set(
    "a an the i i'm me my to can could we let let's us please pls go want wanna would like "
    "need just sorry oh no nope ah wait hold on hang actually that this it one answer answers "
    "question step sec second minute moment previous last earlier again ok okay so hmm um "
    "there i've i'd made meant was wrong typed pressed picked chose said put oops quick "
    "how do change that's not what is ugh argh dang damn shoot oh in return"
)
# "actually I meant two weeks off": the new answer follows "meant" (never "meant to ...").
_MEANT = re.compile(
    r"^(?:(?:oh|oops|whoops|sorry|wait|hold on|hang on|actually|no|nope|ah|um|hmm|ok|okay|"
    r"correction|my bad|my mistake|typo)[\s,.!:;\-–—]*)*"
    r"(?:i meant(?: to say)?|what i meant (?:is|was)|correction|(?:i )?should have said|"
    r"change (?:that|it|my (?:last )?answer) to)"
    r"(?!\s+(?:to|it|that|well|no harm)\b)[\s,.!:;\-–—]+(?P<new>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "sorry, I mean two weeks": "I mean" corrects only after an apology ("I mean, they…" tells).
_MEAN = re.compile(
    r"^(?:sorry|oops|whoops|wait|my bad|my mistake)[\s,.!:;\-–—]+i mean"
    r"[\s,.!:;\-–—]+(?P<new>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "I meant it" insists on the answer; it takes nothing back.
_EMPHASIS = frozenset({"i meant it", "i meant that", "i really meant it", "i meant what i said"})
# After "meant", at most this many words: a correction, not a new story.
_LONGEST_CORRECTION = 40


# "actually make it in 3 weeks", "no, next friday instead": a new value for the answer just
# given, said with a word of changing one's mind (read only where a date was just set).
_INSTEAD = re.compile(
    r"^(?:(?:oh|oops|sorry|wait|hold on|hang on|actually|no|nope|hmm+|um+|ok|okay|on second "
    r"thought|scratch that|change of plan|better)[\s,.!:;\-–—]*)*"
    r"(?P<verb>(?:(?:can|could) (?:we|you) |let's |let us |please |i'd rather |i would rather )?"
    r"(?:make (?:it|that)|change (?:it|that|the date) to|move (?:it|that) to|push (?:it|that) to|"
    r"do|say|how about|what about|rather|go (?:with|for))\s+)?"
    r"(?P<new>\S.*?)(?:,?\s+(?:instead|then|please|pls|actually))*\W*$",
    re.IGNORECASE | re.DOTALL,
)


def instead(text: str) -> str | None:
    """The new value in "actually make it in 3 weeks" / "no, friday instead"; None without a
    word of changing one's mind (a lead such as "actually", a verb such as "make it", or
    "instead")."""
    said = text.strip()
    found = _INSTEAD.match(said)
    if found is None or len(words(said)) > 12:
        return None
    cued = found.start("new") > 0 or re.search(r"\binstead\b", said, re.IGNORECASE)
    verb = (found.group("verb") or "").lower()
    if said.endswith("?") and not re.search(r"\b(?:make|change|move|push)\b", verb):
        # "How about next month?" may be the question they mean to ask someone.
        return None
    return found.group("new").strip() if cued else None


# Words that mark a message as changing one's mind about the answer just given ("oops wrong
# one, i meant soft", "no wait, soft", "ugh sorry, in 3 wks is better"): the value follows.
_MARKER = (
    r"(?:o+ps+|whoops|no+ wait|wait|sorry|soz|ugh+|argh+|actually|actly|hmm+|um+|er+m*|no+|nope|"
    r"nah|my bad|my mistake|wrong (?:one|answer|choice|button|number)|(?:that was|that's) wrong|"
    r"i meant(?: to say)?|i mean|meant|(?:make|change|switch) (?:it|that)(?: to)?|"
    r"(?:change|switch) (?:it|that|my answer) to|scratch that|on second thoughts?|"
    r"hold on|hang on|correction|typo|ok|okay|so)"
)
_MARKED_LEAD = re.compile(rf"^(?:{_MARKER}\b[\s,.!:;\-–—]*)+", re.IGNORECASE)
_MARKED_TAIL = re.compile(
    r"[\s,.!;\-–—]*(?:instead|is better|would be better|works better|is best|better)\W*$",
    re.IGNORECASE,
)


def marked(text: str) -> str | None:
    """The value after (or before) a word of changing one's mind: "no wait, soft" -> "soft",
    "in 3 wks is better" -> "in 3 wks"; None without such a word or without a value."""
    said = text.strip()
    lead = _MARKED_LEAD.match(said)
    rest = said[lead.end() :] if lead is not None else said
    tail = _MARKED_TAIL.search(rest)
    if tail is not None:
        rest = rest[: tail.start()]
    if (lead is None and tail is None) or not has_words(rest):
        return None
    return rest.strip()


@dataclass(frozen=True, slots=True)
class Correction:
    """The previous answer taken back; `new` is its replacement, empty to ask it again."""

    new: str = ""


def read(text: str) -> Correction | None:
    """A taking-back of the previous answer, with its replacement when one is given; else None."""
    said = text.strip()
    if not said or len(words(said)) > _LONGEST_CORRECTION:
        return None
    meant = _MEANT.match(said) or _MEAN.match(said)
    if meant is not None:
        new = meant.group("new").strip().strip("\"'“”‘’").strip()
        if has_words(new) and normalise(new) not in ("that", "it", "the other one"):
            return Correction(new)
    if normalise(said) in _EMPHASIS:
        return None
    if len(words(said)) <= 10 and only_glue(said, _BACK_KERNEL, _BACK_GLUE):
        return Correction()
    return None


_ALREADY_SAID = re.compile(
    r"\b(?:(?:i|i've|i have|i've already|i already|i just|i literally|i did|did i not|didn't i)"
    r"(?: already| just| literally| clearly)* (?:said|told|wrote|answered|mentioned|explained|"
    r"typed|say|tell|answer)(?: (?:you|that|it|this|so|already|before|earlier|above))*|"
    r"(?:as|like) i (?:just |already )?(?:said|told you|wrote|mentioned)|"
    r"(?:said|told you|answered|mentioned) (?:that|it|this) already|already (?:said|told you|"
    r"answered|mentioned)|see above|read (?:above|back|what i (?:said|wrote))|"
    r"(?:you|u) (?:already )?(?:asked|know) (?:that|this)(?: already)?|"
    r"same as (?:before|above|i said|last time)|same (?:no|one|thing|story|problem)"
    r"(?: as (?:before|last time)| again)?|(?:asked|answered) (?:and answered|that already)|"
    r"didn't you (?:read|listen|hear)|are you (?:even )?(?:listening|reading)|"
    r"(?:asked|told) (?:me )?(?:that|this)(?: already| before)?|look above|"
    r"(?:read|see|check|look at) (?:my )?(?:previous|last|earlier|first) (?:message|answer)|"
    r"that's what i (?:just )?(?:said|wrote|told you)|"
    r"i just told you|scroll up)\b"
)
_ALREADY_GLUE = word_set(
    "i i've i'm you u me my that this it so already just literally like as said told before "
    "earlier above the question same thing again yes yeah yep um hmm ok okay well but come on "
    "dude man bro lol wtf ugh seriously really duh obviously clearly did didn't not already "
    "about asked know it's its all a bit ffs omg sigh are even listening reading up what bruh"
)


def already_said(text: str) -> bool:
    """Whether the message complains that the answer was given already ("like I just said??")."""
    said = text.strip()
    if said and _LEAD_IN_ONLY.match(said.lower().translate(_STRAIGHT)):
        return True
    return bool(said) and len(words(said)) <= 12 and only_glue(said, _ALREADY_SAID, _ALREADY_GLUE)


# "i just told u, 5 yrs", "ya te dije, 1 día por semana", "já te disse: o aumento": a
# complaint that leads into the answer itself, in the five languages the coach reads.
_LEAD_IN = (
    r"^(?:(?:ugh+|omg|bro|dude|lol|man|sigh|ok|okay|again|but|well|um+|hmm+|pues|mas|aber|"
    r"mais|bah)[\s,.!:;\-–—]+)*"
    r"(?:(?:like|as|como|wie|comme) )?"
    r"(?:(?:i|i've|i have)(?: already| just| literally| clearly)* (?:told|said|wrote|mentioned|"
    r"answered|explained)(?: (?:you|u|ya|that|this|it|so|already|before|earlier|above))*|"
    r"i (?:just |already )?(?:said|told (?:you|u|ya))|"
    r"(?:ya )?te (?:lo )?(?:dije|he dicho|acabo de decir)(?: antes)?|ya (?:lo )?dije|"
    r"(?:eu )?j[áa] (?:te |lhe )?(?:disse|falei)(?: isso)?|(?:como )?(?:eu )?(?:te )?disse|"
    r"acabei de (?:te )?(?:dizer|falar)|"
    r"(?:ich )?hab(?:e|'s)? (?:ich |es |das )?(?:doch |dir )?(?:schon|gerade|bereits) gesagt|"
    r"(?:schon )?gesagt|"
    r"je (?:te |vous )?l'ai (?:d[ée]j[àa] |deja )?dit|(?:je l'ai )?d[ée]j[àa] dit|"
    r"je viens de (?:le |te le )?dire|j'ai dit)"
)
# Only a mark after the lead-in ends it: "I said no to them first" is an answer.
_ALREADY_LEAD = re.compile(
    _LEAD_IN + r"\s*[,.!:;\-–—…]+\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
# The lead-in alone ("já te disse!", "ya te dije") is the complaint without an answer.
_LEAD_IN_ONLY = re.compile(_LEAD_IN + r"\W*$", re.IGNORECASE)


def after_already_said(text: str) -> str | None:
    """The answer after a "like I just said" lead-in ("i just told u, 5 yrs" -> "5 yrs");
    None when there is no such lead-in or nothing after it."""
    said = text.strip()
    # Matched on a copy of the same length, so the answer keeps the user's own capitals.
    found = _ALREADY_LEAD.match(said.lower().translate(_STRAIGHT))
    if found is None:
        return None
    rest = said[found.start("rest") :].strip()
    if not has_words(rest) or already_said(rest):
        return None
    return rest
