"""Rule-based detection of cognitive "thinking traps" in short first-person texts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Trap", "detect_traps", "strongest_trap"]


class Trap(StrEnum):
    """A cognitive distortion ("thinking trap") that the coach can reflect back."""

    ALL_OR_NOTHING = "all_or_nothing"
    OVERGENERALIZING = "overgeneralizing"
    PERSONALIZING = "personalizing"
    CATASTROPHIZING = "catastrophizing"
    FORTUNE_TELLING = "fortune_telling"
    MIND_READING = "mind_reading"
    LABELING = "labeling"
    SHOULD_STATEMENTS = "should_statements"
    DISQUALIFYING_POSITIVE = "disqualifying_positive"


# Which trap to reflect back when several are present. The most emotionally loaded
# distortions come first: a catastrophe or a global self-label hurts more, and is
# more worth challenging, than a "should" or a shrugged-off compliment.
_PRIORITY: tuple[Trap, ...] = (
    Trap.CATASTROPHIZING,
    Trap.LABELING,
    Trap.PERSONALIZING,
    Trap.ALL_OR_NOTHING,
    Trap.FORTUNE_TELLING,
    Trap.MIND_READING,
    Trap.OVERGENERALIZING,
    Trap.SHOULD_STATEMENTS,
    Trap.DISQUALIFYING_POSITIVE,
)

# Sentences longer than this are cut into pieces, so that every per-sentence check
# works on bounded input and the whole scan stays linear in the text length.
_MAX_SENTENCE = 400


@dataclass(frozen=True, slots=True)
class _Rule:
    """One pattern for one trap, with optional context that must also be present."""

    trap: Trap
    pattern: re.Pattern[str]
    # Every `needs` pattern must match the sentence (or the text after the match
    # when `needs_after` is set), which keeps ambiguous cue words from firing alone.
    needs: tuple[re.Pattern[str], ...] = ()
    needs_after: bool = False
    # Applied to the clause text before the match; a hit vetoes the match.
    veto_before: re.Pattern[str] | None = None


def _c(pattern: str) -> re.Pattern[str]:
    """Compile a pattern for the already lower-cased, normalised text."""
    return re.compile(pattern)


def _rule(
    trap: Trap,
    pattern: str,
    *needs: str,
    after: bool = False,
    veto: str | None = None,
) -> _Rule:
    """Build a rule from pattern strings."""
    return _Rule(
        trap=trap,
        pattern=_c(pattern),
        needs=tuple(_c(n) for n in needs),
        needs_after=after,
        veto_before=_c(veto) if veto else None,
    )


# --- Normalisation -----------------------------------------------------------------

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

# --- Shared vocabularies -----------------------------------------------------------

_BAD_OUTCOME = (
    r"\b(?:mess(?:es|ed)? (?:\w+ )?up|screw(?:s|ed)? (?:\w+ )?up|blow(?:s)? it|wrong|"
    r"fail(?:s|ed)?|ruin(?:s|ed)?|los(?:e|es|t|ing)|leaves?|left out|walks? away|"
    r"reject(?:s|ed|ion)?|turns? (?:\w+ )?down|says? no|answer is no|happens to me|"
    r"someone else|badly|same way|shot down|knocked back|end(?:s)? up|ignored|passed over|"
    r"worst|(?:pulls?|drifts?|backs?|runs?) (?:\w+ )?away|(?:this|it) (?:always )?happens|"
    r"same (?:old )?(?:brush-?off|answer|response|result|rejection|excuse|outcome)|"
    r"dump(?:s|ed)?|no luck|(?:drives?|push(?:es)?) (?:\w+ )?away)\b"
)
_FUTURE_BAD = (
    r"\b(?:reject(?:ed|ion)?|say no|turn (?:me )?down|dump|fire|fail|hate|laugh|"
    r"mess (?:\w+ )?up|screw (?:\w+ )?up|blow it|go (?:badly|wrong)|cancel|same way|"
    r"leave me|break up|kick me out|won't|no|pass on me|drop me|bomb)\b"
)
_FUTURE = r"(?:'ll|\bwill\b|\bwon't\b|\bgoing to\b|\bends\b|\bnext\b)"
_LABEL_NOUN = (
    r"(?:failure|idiot|loser|moron|fraud|joke|disappointment|fool|imbecile|screw-?up|"
    r"waste of space|nobody|clown|burden|coward|fake|dud|lost cause|write-off|"
    r"hopeless case|mess|slacker|reject)"
)
_LABEL_ADJ = (
    r"(?:worthless|useless|pathetic|stupid|incompetent|unlovable|hopeless|dumb|"
    r"boring(?! you)|inadequate|defective|broken|unemployable|a failure|a loser)"
)
_NEG_TRAIT = (
    r"\b(?:lazy|stupid|idiot|fraud|fake|desperate|incompetent|useless|boring|weak|"
    r"slacker|rude|failure|loser|joke|burden|pathetic|worthless|hopeless|clueless|dumb|"
    r"annoying|needy|pushy|greedy|arrogant|difficult|unreliable|scrounger|liar|mess|"
    r"crazy|selfish|too \w+|not|[a-z]+n't|only got|bad|terrible|awful|rubbish|garbage|"
    r"trash|lame|unprofessional|incapable|immature|naive|no good|out of my depth|"
    r"weird|creepy|cheap|a waste|troublemaker|nuisance|pest|liability|charity case|"
    r"problem|disappointment|embarrassment|failing|struggling)\b"
)
_POSITIVE = (
    r"\b(?:prais\w*|compliment\w*|thank\w*|pass(?:ed)?|good|great|well|lik(?:e|ed|es)|"
    r"love[ds]?|accept\w*|offer\w*|interview|raise|promot\w*|won|win|grade|feedback|"
    r"success\w*|award\w*|closed|nice|proud|deal|hired|selected|shortlisted)\b"
)
# Someone other than the user, as the subject of a belief or feeling.
_OTHER = (
    r"(?:she|he|they|everyone|everybody|people|(?:all )?(?:my|the|our|his|her|their)"
    r"(?: \w+){1,2})(?: (?:in|at|on|from) (?:(?:the|my|our|that) )?\w+)?"
)
_ADVERB = r"(?:must|probably|obviously|clearly|secretly|all|definitely|really|just|totally)"

_A = Trap.ALL_OR_NOTHING
_O = Trap.OVERGENERALIZING
_P = Trap.PERSONALIZING
_C = Trap.CATASTROPHIZING
_F = Trap.FORTUNE_TELLING
_M = Trap.MIND_READING
_L = Trap.LABELING
_S = Trap.SHOULD_STATEMENTS
_D = Trap.DISQUALIFYING_POSITIVE

_RULES: tuple[_Rule, ...] = (
    # All-or-nothing: absolute verdicts and no-middle-ground framings.
    _rule(_A, r"(?:'ll|\bwill)\s+(?:\w+\s+)?never\b(?! (?:guess|believe|forget|regret)\b)"),
    _rule(_A, r"\bno (?:chance|way|hope)\b[^,.;]{0,20}(?:'ll|\bwill) ever\b"),
    _rule(_A, r"\bcounts? for nothing\b|\bmeans? nothing\b|\bworth nothing\b"),
    _rule(_A, r"\bnever (?:going to|be able to)\b"),
    _rule(_A, r"\b(?:nobody|no one|no-one)(?:'ll| will) ever\b"),
    _rule(_A, r"\bnot in a million years\b|\bno middle ground\b|\ball or nothing\b"),
    _rule(
        _A,
        r"\b(?:complete|total|utter|absolute)(?:ly)? (?:waste|failure|write-off|bust)\b",
        veto=r"\bi'm (?:\w+ )?(?:a |an )?$",
    ),
    _rule(_A, r"\bwrite-off\b|\bwrite off\b(?! the)|\ba bust\b"),
    _rule(
        _A,
        r"\b(?:if|unless)\b",
        r"\b(?:pointless|worthless|meaningless|forever|a failure|a bust|a write-off)\b",
    ),
    _rule(_A, r"\b(?:if|unless)\b[^,.;]{0,60}\bperfect", r"\b(?:at all|worthless|pointless)\b"),
    _rule(_A, r"\bperfect\b[^,.;]{0,40}\bor (?:it's )?(?:nothing|pointless|worthless)\b"),
    _rule(
        _A,
        r"\beither\b",
        r"\bor\b",
        r"\b(?:quit|garbage|rubbish|trash|nothing|worthless|useless|failure|bust|over|"
        r"pointless|hate|drop(?:ping)? out|give up|giving up)\b",
    ),
    _rule(
        _A, r"\bnothing (?:i|we) (?:ever )?(?:do|did|say|said|write|wrote|try|tried|make|made)\b"
    ),
    _rule(_A, r"\bnothing good\b"),
    _rule(
        _A,
        r"\bnothing (?:about|in) (?:my|the|this)\b",
        r"\b(?:good enough|right|worked|any good)\b",
    ),
    _rule(_A, r"\bnone of (?:my|it|this|what i)\b", r"\b(?:matters?|counts?|worked|works|right)\b"),
    _rule(
        _A,
        r"\b(?:whole|entire)\s+(?:\w+\s+){0,2}(?:is|was|are|were|'s)\s+(?:\w+\s+)?"
        r"(?:wrong|wasted|pointless|worthless|a waste|useless|rubbish|garbage)\b",
    ),
    _rule(
        _A, r"\banything (?:less|short) (?:than|of)\b", r"\b(?:fail\w*|pointless|unacceptable)\b"
    ),
    # Overgeneralizing: one "no" turned into an endless pattern.
    _rule(_O, r"\balways\b", _BAD_OUTCOME),
    _rule(
        _O,
        r"\b(?:i|things|it|people|they|he|she|clients|\w+s)\s+(?:can\s+|could\s+)?never\s+"
        r"(?:get|gets|work|works|go|goes|win|wins|land|keep|hear|succeed|seem|seems|make|have any|"
        r"catch|do|does|find|stick|last|has|have|pan out|call|calls|reply|replies|answer|respond|"
        r"respon\w+|pick|picks|choose|chooses|listen|listens|notice|notices|come through)\b",
    ),
    # "Nobody ever told me" reports a missed message, not a pattern of rejection.
    _rule(
        _O,
        r"\b(?:nobody|no one|no-one|nothing)\s+ever\b"
        r"(?!\s+(?:told|said|mentioned|explained|showed|warned)\b)",
    ),
    _rule(
        _O, r"\bevery (?:single )?time\b|\bwhenever\b|\bby (?:everyone|everybody)\b", _BAD_OUTCOME
    ),
    _rule(
        _O,
        r"\bevery (?:single )?(?!time\b|day\b|week\b|morning\b|night\b|month\b|year\b|"
        r"evening\b|weekend\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)\w+|\ball my \w+",
        _BAD_OUTCOME,
    ),
    _rule(_O, r"\b(?:again and again|time after time|over and over|time and again)\b"),
    _rule(_O, r"\bnot (?:one|a single)\b[^,.;]{0,40}\bever\b|\bnot once\b|\bnever once\b"),
    _rule(_O, r"\bevery other time\b|\bsame story\b|\bevery single time\b|\bends the same way\b"),
    _rule(_O, r"\b(?:this|it) always happens\b"),
    # Personalizing: treating an outside event as proof of one's own fault.
    _rule(_P, r"\bmy (?:own )?fault\b|\bi'm (?:the one )?to blame\b"),
    _rule(_P, r"\b(?:because|due) (?:of|to) me\b"),
    _rule(
        _P,
        r"(?:\bis|\bwas|'s)\s+(?:all\s+|obviously\s+|entirely\s+|totally\s+|completely\s+|"
        r"really\s+)?(?:on me|down to me|my doing)\b(?!\s+to\b)",
    ),
    _rule(_P, r"\bmy doing\b|\bblam(?:e|ing) myself\b|\baimed at me\b|\bsomething about me\b"),
    _rule(_P, r"\bsomething(?:'s| is)? wrong with me\b|\bwhat's wrong with me\b"),
    _rule(_P, r"\bmust (?:be|have been) (?:something|because of) (?:i|me)\b"),
    _rule(
        _P,
        r"\bi must have (?:done something|said something|upset|annoyed|offended|hurt|pushed|"
        r"put (?:\w+ )?off)\b",
    ),
    _rule(_P, r"\bi'm the problem\b"),
    _rule(
        _P,
        r"\bi'm the (?:reason|cause)\b",
        r"\b(?:awkward|fail\w*|lost|left|bad|wrong|broke|ended|ruin\w*|cancel\w*|fell|dropped|"
        r"quit|folded|went under)\b",
    ),
    _rule(
        _P,
        r"\bbecause of (?:my (?:\w+ )?(?:mistakes?|failures?|screw-?ups?|errors?|incompetence|"
        r"stupidity|personality))\b",
    ),
    _rule(_P, r"\bit's (?:always |just )?me who\b|\bit's always me\b"),
    _rule(_P, r"\bi (?:ruined|wrecked|spoiled|sabotaged) (?:\w+ ){0,3}for\b"),
    _rule(
        _P,
        r"\bbecause (?:i'm|i was|i wasn't)\s+(?:just\s+)?(?:not\s+(?:\w+\s+)?enough\b|"
        r"(?<=n't )(?:\w+\s+)?enough\b|"
        r"not (?:lovable|likeable|smart|clever|talented|interesting|attractive|good)\b|"
        r"(?:too|so)\s+(?:old|young|boring|quiet|awkward|shy|needy|difficult|ugly|slow|"
        r"stupid|fat|weird)\b|(?:a |an )?(?:boring|unlovable|stupid|useless|worthless|"
        r"failure|loser|idiot)\b)",
    ),
    _rule(
        _P,
        r"\bif (?:only )?i'd\s+(?:just\s+)?been\s+(?:a\s+)?(?:more|less|better|nicer|smarter|"
        r"kinder|thinner|funnier)\b",
    ),
    # Catastrophizing: leaping to the worst possible outcome.
    _rule(
        _C,
        r"\b(?:career|life|future|business|company|world|reputation|marriage|everything)"
        r"(?:'s|\s+is|\s+are)\s+(?:\w+\s+)?(?:over|finished|ruined|destroyed|done for|doomed)\b",
    ),
    _rule(_C, r"\b(?:disaster|disastrous|catastroph\w*|nightmare|doomed|devastat\w+)\b"),
    _rule(
        _C,
        r"\bend of the world\b|\bunbearable\b|\bfalling apart\b|\bcollaps(?:e|es|ed|ing)\b|"
        r"\bcrash(?:es|ed|ing)? (?:down|around)\b|\bin (?:ruins|tatters)\b|\bdown the drain\b",
    ),
    _rule(_C, r"\bruin(?:ed|s)? (?:everything|my (?:\w+ )?(?:life|career|future))\b"),
    _rule(_C, r"\beverything\b(?:[^,.;]){0,30}\bruined\b"),
    _rule(
        _C, r"\b(?:wreck|destroy)(?:s|ed)? (?:me|my (?:whole |entire )?(?:life|career|future))\b"
    ),
    _rule(_C, r"\bwon't survive\b|\bcan't (?:cope|bear|survive)\b"),
    _rule(_C, r"\bworst thing (?:that )?(?:could|can|ever)\b"),
    _rule(_C, r"\bend up (?:homeless|on the streets?|with nothing|broke|destitute)\b"),
    _rule(_C, r"\b(?:be|out|living|sleeping) (?:\w+ )?(?:homeless|on the streets?)\b"),
    _rule(
        _C,
        r"\blose (?:everything|the house|the business|my (?:house|home|flat|kids|children|"
        r"family|business))\b",
    ),
    _rule(_C, r"\b(?:i'm|we're|it's) (?:all )?(?:doomed|done for|screwed|ruined)\b"),
    _rule(_C, r"\bno (?:coming|going) back from\b"),
    # Fortune telling: predicting a bad outcome as if it were certain.
    _rule(_F, r"\b(?:definitely|certainly|surely|bound to|for sure|guaranteed)\b", _FUTURE_BAD),
    _rule(_F, r"\bi (?:just |already )?know\b", _FUTURE, _FUTURE_BAD),
    _rule(
        _F,
        r"\bi'm\s+(?:so\s+|absolutely\s+)?(?:sure|certain|positive|convinced)\b",
        _FUTURE,
        _FUTURE_BAD,
    ),
    _rule(
        _F,
        r"(?:\bgoing to|'ll|\bwill)\s+(?:probably\s+|just\s+|only\s+|definitely\s+)?"
        r"(?:say no|reject|turn (?:me |it )?down|dump|fire|fail|hate|laugh|mess (?:\w+ )?up|"
        r"screw (?:\w+ )?up|blow it|go badly|go wrong|cancel|end the same way|leave me|"
        r"break up with me|kick me out|ghost|let me go|drop me|pass on me|bomb)\b"
        r"(?! forward| fast)",
    ),
    _rule(
        _F,
        r"(?:\bgoing to|'ll|\bwill)\s+(?:probably\s+|just\s+|definitely\s+)?(?:be\s+(?:so\s+|"
        r"really\s+)?(?:awkward|terrible|awful|horrible|humiliating|embarrassing|a mess|"
        r"pointless)|get\s+(?:rejected|fired|dumped|torn apart|laughed at|turned down|kicked out|"
        r"shot down|ignored|ripped apart))\b",
    ),
    _rule(_F, r"\bwon't (?:text|call|write|get|ring|message) (?:me )?back\b"),
    _rule(
        _F,
        r"\bwon't\s+(?:ever\s+)?(?:hire me|pick me|choose me|accept|work out|come through|"
        r"get (?:it|the|in|a|this)|call me back|say yes)\b",
        r"\b(?:anyway|why bother|obvious(?:ly)?|never|no point|definitely|know)\b",
    ),
    _rule(_F, r"\bwon't work out\b|\bwhy bother\b"),
    _rule(
        _F,
        r"\bno way (?:they|she|he|it|i|the \w+)(?:'ll|'d| would| is going| are going|'re going|"
        r"'m (?:\w+ing))\b",
    ),
    _rule(_F, r"\bi bet (?:they|she|he|it|the \w+)(?:'ll| will| won't|'re going| is going)\b"),
    _rule(_F, r"\bi know how (?:this|it) (?:ends|will end|goes)\b"),
    # Mind reading: assuming what others think, usually something negative about us.
    _rule(
        _M,
        rf"\b{_OTHER}\s+(?:{_ADVERB}\s+)?(?:think|thinks|thought|believe|believes)\b",
        _NEG_TRAIT,
        # The belief has to be about the user, not about the rent or the weather.
        r"\b(?:i|i'm|me|my|i've|i'd|i'll)\b",
        after=True,
    ),
    _rule(
        _M,
        rf"\b{_OTHER}\s+(?:{_ADVERB}\s+)?(?:sees?|saw|considers?|views?|treats?) me (?:as|like)\b",
        _NEG_TRAIT,
        after=True,
    ),
    _rule(
        _M,
        rf"\b(?:{_OTHER}|\w+)\s+(?:{_ADVERB}\s+)?(?:hates?|resents?|despises?|can't stand)\s+me\b",
    ),
    _rule(
        _M,
        r"(?:\bis|\bare|\bwas|\bwere|'s|'re|\bmust be|\bseems?|\bseemed)\s+(?:so\s+|really\s+|"
        r"clearly\s+|obviously\s+)?(?:annoyed|angry|mad|furious|upset|disappointed|bored|sick|"
        r"fed up|tired|judging|disgusted|embarrassed)\s+(?:(?:with|at|of|by|in)\s+)?"
        r"(?:me|hearing from me)\b",
    ),
    _rule(
        _M,
        r"\b(?:obviously|clearly|probably|must|secretly)\s+(?:doesn't|don't|didn't)\s+"
        r"(?:trust|like|want|rate|respect|believe|care about|value)\s+me\b",
    ),
    _rule(_M, r"\blooked at me like\b|\bwants? me (?:out|gone|to leave|to quit)\b"),
    _rule(
        _M,
        r"(?:'re|\bare|'s|\bis|\bwere|\bwas)\s+(?:all\s+)?(?:laughing|talking|gossiping|whispering)"
        r"\s+(?:at|about)\s+me\b",
        veto=r"\bi\s*$",
    ),
    _rule(_M, rf"\bi (?:can|could) tell (?:that )?{_OTHER}\b", _NEG_TRAIT, after=True),
    _rule(_M, r"\b(?:everyone|everybody|they all) (?:can|could) (?:see|tell)\b"),
    _rule(
        _M, r"\bi know (?:exactly )?what (?:they|she|he|everyone) (?:were|was|are|is) thinking\b"
    ),
    # Labeling: a global self-verdict instead of a description of what happened.
    _rule(
        _L,
        rf"\bi'm\s+(?:(?:just|such|so|really|basically|honestly|a|an|the|complete|total|utter|"
        rf"absolute|nothing but|a complete|a total|an absolute|an utter)\s+){{0,3}}"
        rf"(?:{_LABEL_NOUN}|{_LABEL_ADJ})\b",
        veto=r"(?:^|\s)(?!i\s)\w+\s+(?:\w+\s+)?(?:think|thinks|thought|believe|believes|reckons?|"
        r"sees? me as|calls? me|called me)\s+(?:that\s+)?$",
    ),
    _rule(
        _L,
        r"\bi'm\s+(?:a|an|the)\s+(?:\w+\s+)?(?:terrible|bad|awful|lousy|rubbish|horrible|useless|"
        r"hopeless|pathetic|crap|crappy|worst|shitty)\s+(?!at\b|of\b|in\b|with\b|mood\b|day\b|"
        r"place\b|state\b|way\b|spot\b|position\b|situation\b|week\b|time\b)[a-z]+",
        veto=r"(?:^|\s)(?!i\s)\w+\s+(?:\w+\s+)?(?:think|thinks|thought|believe|believes)\s+$",
    ),
    _rule(_L, rf"\bwhat an? (?:\w+\s+)?{_LABEL_NOUN}\s+i'm\b"),
    _rule(
        _L,
        r"\bi'm (?:just |simply )?not (?:a |an )?(?:smart|good|clever|likeable|lovable|capable|"
        r"talented|competent|bright)\s+person\b",
    ),
    # Should statements: rigid rules about how oneself or others ought to be.
    _rule(
        _S,
        r"\b(?:should|shouldn't|ought to|oughtn't to)\s+(?:never\s+|not\s+|just\s+|really\s+)?"
        r"have\s+(?!to\b|the\b|a\b|an\b|my\b|your\b|it\b|them\b|some\b|any\b|no\b|got\b)[a-z]+",
    ),
    _rule(
        _S,
        r"\b(?:i|we|you)\s+(?:should|ought to)\s+(?:really\s+|already\s+|at least\s+)?"
        r"(?:be|feel|need|know|own|earn|look|understand|cope|handle|get over|have known)\b",
    ),
    _rule(
        _S,
        r"\b(?:they|he|she|people|everyone|my \w+|the \w+)\s+(?:should|ought to)\s+"
        r"(?:really\s+)?(?:know|understand|care|appreciate|respect|see|realise|realize|"
        r"have given|give me)\b",
    ),
    _rule(_S, r"\bi (?:shouldn't|mustn't|oughtn't)\b|\bi must (?:never|always|not)\b"),
    _rule(_S, r"\bought to\b"),
    _rule(_S, r"\bi must (?!have\b)(?:get|win|succeed|pass|land|make it)\b"),
    _rule(
        _S,
        r"\bi (?:have to|need to|must|got to|gotta)\s+(?:be\s+|get it\s+|do it\s+)?"
        r"(?:perfect(?:ly)?|right the first time|the best|flawless|get it right)\b",
    ),
    # Disqualifying the positive: a good thing explained away so it cannot count.
    _rule(
        _D,
        r"\b(?:doesn't|don't|didn't|won't)\s+(?:really\s+|even\s+)?(?:count|matter|"
        r"mean (?:anything|much|a thing)|make up for)\b",
        _POSITIVE,
    ),
    _rule(_D, r"\b(?:anyone|anybody|everybody|everyone) could (?:have|'ve)\b"),
    _rule(_D, r"\b(?:just|only|pure|sheer|dumb|blind)\s+luck\b|\bfluke\b|\bgot lucky\b"),
    _rule(
        _D,
        r"\b(?:just|only)\s+(?:\w+\s+){0,3}?(?:being|to be|trying to be)\s+"
        r"(?:nice|polite|kind|generous|diplomatic)\b|\bout of pity\b|\bfelt sorry for me\b",
    ),
    _rule(_D, r"\b(?:have|has) to say that\b|\bsays? that to (?:everyone|everybody|anyone)\b"),
    _rule(_D, r"\b(?:only|just)\s+(?:\w+\s+){0,2}because\b", _POSITIVE),
    _rule(
        _D,
        r"\bdoesn't mean (?:i'm|i am)\s+(?:actually\s+|really\s+)?(?:good|talented|smart|capable|"
        r"competent|any good|clever|worth)\b",
        _POSITIVE,
    ),
    _rule(
        _D,
        r"\b(?:likes?|loves?|praises?|compliments?|passes|accepts?)\s+(?:everyone|everybody|"
        r"anyone)\b",
        r"\bbut\b",
    ),
    _rule(
        _D,
        r"\bbut\s+(?:\w+\s+){0,3}(?:was|were|is|'s)\s+(?:really\s+|so\s+|pretty\s+)?"
        r"(?:easy|nothing|no big deal)\b",
        _POSITIVE,
    ),
    _rule(_D, r"\bhad no (?:one|body) else\b|\bnobody else (?:applied|wanted)\b", _POSITIVE),
)


def _normalise(text: str) -> str:
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


def _sentences(text: str) -> list[str]:
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


def _clause_before(sentence: str, start: int) -> str:
    """Return the text of the current clause that precedes position `start`."""
    prefix = sentence[max(0, start - 120) : start]
    return _CLAUSE_BREAK.split(prefix)[-1]


def _negated(clause: str) -> bool:
    """Say whether a negator in the clause prefix governs what follows it."""
    clause = _NEG_IDIOM.sub(" ", clause)
    if _NEG_FRAME.search(clause):
        return True
    words = _WORD.findall(clause)[-_NEG_WINDOW:]
    return any(_NEG_WORD.match(w) for w in words)


def _fires(rule: _Rule, sentence: str) -> bool:
    """Say whether the rule has an un-negated, un-vetoed match in the sentence."""
    if not rule.needs_after and not all(n.search(sentence) for n in rule.needs):
        return False
    for match in rule.pattern.finditer(sentence):
        if rule.needs_after and not all(n.search(sentence, match.end()) for n in rule.needs):
            continue
        clause = _clause_before(sentence, match.start())
        if _negated(clause):
            continue
        if rule.veto_before is not None and rule.veto_before.search(clause):
            continue
        return True
    return False


def detect_traps(text: str) -> frozenset[Trap]:
    """Return the thinking traps clearly present in the user's own words."""
    found: set[Trap] = set()
    # Repeated sentences (pasted logs, spam) cannot add anything, so check each once.
    for sentence in dict.fromkeys(_sentences(_normalise(text))):
        for rule in _RULES:
            if rule.trap not in found and _fires(rule, sentence):
                found.add(rule.trap)
    return frozenset(found)


def strongest_trap(*texts: str) -> Trap | None:
    """Return the highest-priority trap found across all texts, or None."""
    found: set[Trap] = set()
    for text in texts:
        found |= detect_traps(text)
    return next((trap for trap in _PRIORITY if trap in found), None)
