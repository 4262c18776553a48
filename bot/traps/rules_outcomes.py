"""Trap rules about what a "no" means: all-or-nothing, overgeneralizing, blame, catastrophe."""

from __future__ import annotations

from bot.traps.kinds import Trap
from bot.traps.vocabulary import BAD_OUTCOME, Rule, rule

_A = Trap.ALL_OR_NOTHING
_O = Trap.OVERGENERALIZING
_P = Trap.PERSONALIZING
_C = Trap.CATASTROPHIZING

OUTCOME_RULES: tuple[Rule, ...] = (
    # All-or-nothing: absolute verdicts and no-middle-ground framings.
    rule(_A, r"(?:'ll|\bwill)\s+(?:\w+\s+)?never\b(?! (?:guess|believe|forget|regret)\b)"),
    rule(_A, r"\bno (?:chance|way|hope)\b[^,.;]{0,20}(?:'ll|\bwill) ever\b"),
    rule(_A, r"\bcounts? for nothing\b|\bmeans? nothing\b|\bworth nothing\b"),
    rule(_A, r"\bnever (?:going to|be able to)\b"),
    rule(_A, r"\b(?:nobody|no one|no-one)(?:'ll| will) ever\b"),
    rule(_A, r"\bnot in a million years\b|\bno middle ground\b|\ball or nothing\b"),
    rule(
        _A,
        r"\b(?:complete|total|utter|absolute)(?:ly)? (?:waste|failure|write-off|bust)\b",
        veto=r"\bi'm (?:\w+ )?(?:a |an )?$",
    ),
    rule(_A, r"\bwrite-off\b|\bwrite off\b(?! the)|\ba bust\b"),
    rule(
        _A,
        r"\b(?:if|unless)\b",
        r"\b(?:pointless|worthless|meaningless|forever|a failure|a bust|a write-off)\b",
    ),
    rule(_A, r"\b(?:if|unless)\b[^,.;]{0,60}\bperfect", r"\b(?:at all|worthless|pointless)\b"),
    rule(_A, r"\bperfect\b[^,.;]{0,40}\bor (?:it's )?(?:nothing|pointless|worthless)\b"),
    rule(
        _A,
        r"\beither\b",
        r"\bor\b",
        r"\b(?:quit|garbage|rubbish|trash|nothing|worthless|useless|failure|bust|over|"
        r"pointless|hate|drop(?:ping)? out|give up|giving up)\b",
    ),
    rule(_A, r"\bnothing (?:i|we) (?:ever )?(?:do|did|say|said|write|wrote|try|tried|make|made)\b"),
    rule(_A, r"\bnothing good\b"),
    rule(
        _A,
        r"\bnothing (?:about|in) (?:my|the|this)\b",
        r"\b(?:good enough|right|worked|any good)\b",
    ),
    rule(_A, r"\bnone of (?:my|it|this|what i)\b", r"\b(?:matters?|counts?|worked|works|right)\b"),
    rule(
        _A,
        r"\b(?:whole|entire)\s+(?:\w+\s+){0,2}(?:is|was|are|were|'s)\s+(?:\w+\s+)?"
        r"(?:wrong|wasted|pointless|worthless|a waste|useless|rubbish|garbage)\b",
    ),
    rule(_A, r"\banything (?:less|short) (?:than|of)\b", r"\b(?:fail\w*|pointless|unacceptable)\b"),
    # Overgeneralizing: one "no" turned into an endless pattern.
    rule(_O, r"\balways\b", BAD_OUTCOME),
    rule(
        _O,
        r"\b(?:i|things|it|people|they|he|she|clients|\w+s)\s+(?:can\s+|could\s+)?never\s+"
        r"(?:get|gets|work|works|go|goes|win|wins|land|keep|hear|succeed|seem|seems|make|have any|"
        r"catch|do|does|find|stick|last|has|have|pan out|call|calls|reply|replies|answer|respond|"
        r"respon\w+|pick|picks|choose|chooses|listen|listens|notice|notices|come through)\b",
    ),
    # "Nobody ever told me" reports a missed message, not a pattern of rejection.
    rule(
        _O,
        r"\b(?:nobody|no one|no-one|nothing)\s+ever\b"
        r"(?!\s+(?:told|said|mentioned|explained|showed|warned)\b)",
    ),
    rule(_O, r"\bevery (?:single )?time\b|\bwhenever\b|\bby (?:everyone|everybody)\b", BAD_OUTCOME),
    rule(
        _O,
        r"\bevery (?:single )?(?!time\b|day\b|week\b|morning\b|night\b|month\b|year\b|"
        r"evening\b|weekend\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)\w+|\ball my \w+",
        BAD_OUTCOME,
    ),
    rule(_O, r"\b(?:again and again|time after time|over and over|time and again)\b"),
    rule(_O, r"\bnot (?:one|a single)\b[^,.;]{0,40}\bever\b|\bnot once\b|\bnever once\b"),
    rule(_O, r"\bevery other time\b|\bsame story\b|\bevery single time\b|\bends the same way\b"),
    rule(_O, r"\b(?:this|it) always happens\b"),
    # Personalizing: treating an outside event as proof of one's own fault.
    rule(_P, r"\bmy (?:own )?fault\b|\bi'm (?:the one )?to blame\b"),
    rule(_P, r"\b(?:because|due) (?:of|to) me\b"),
    rule(
        _P,
        r"(?:\bis|\bwas|'s)\s+(?:all\s+|obviously\s+|entirely\s+|totally\s+|completely\s+|"
        r"really\s+)?(?:on me|down to me|my doing)\b(?!\s+to\b)",
    ),
    rule(_P, r"\bmy doing\b|\bblam(?:e|ing) myself\b|\baimed at me\b|\bsomething about me\b"),
    rule(_P, r"\bsomething(?:'s| is)? wrong with me\b|\bwhat's wrong with me\b"),
    rule(_P, r"\bmust (?:be|have been) (?:something|because of) (?:i|me)\b"),
    rule(
        _P,
        r"\bi must have (?:done something|said something|upset|annoyed|offended|hurt|pushed|"
        r"put (?:\w+ )?off)\b",
    ),
    rule(_P, r"\bi'm the problem\b"),
    rule(
        _P,
        r"\bi'm the (?:reason|cause)\b",
        r"\b(?:awkward|fail\w*|lost|left|bad|wrong|broke|ended|ruin\w*|cancel\w*|fell|dropped|"
        r"quit|folded|went under)\b",
    ),
    rule(
        _P,
        r"\bbecause of (?:my (?:\w+ )?(?:mistakes?|failures?|screw-?ups?|errors?|incompetence|"
        r"stupidity|personality))\b",
    ),
    rule(_P, r"\bit's (?:always |just )?me who\b|\bit's always me\b"),
    rule(_P, r"\bi (?:ruined|wrecked|spoiled|sabotaged) (?:\w+ ){0,3}for\b"),
    rule(
        _P,
        r"\bbecause (?:i'm|i was|i wasn't)\s+(?:just\s+)?(?:not\s+(?:\w+\s+)?enough\b|"
        r"(?<=n't )(?:\w+\s+)?enough\b|"
        r"not (?:lovable|likeable|smart|clever|talented|interesting|attractive|good)\b|"
        r"(?:too|so)\s+(?:old|young|boring|quiet|awkward|shy|needy|difficult|ugly|slow|"
        r"stupid|fat|weird)\b|(?:a |an )?(?:boring|unlovable|stupid|useless|worthless|"
        r"failure|loser|idiot)\b)",
    ),
    rule(
        _P,
        r"\bif (?:only )?i'd\s+(?:just\s+)?been\s+(?:a\s+)?(?:more|less|better|nicer|smarter|"
        r"kinder|thinner|funnier)\b",
    ),
    # Catastrophizing: leaping to the worst possible outcome.
    rule(
        _C,
        r"\b(?:career|life|future|business|company|world|reputation|marriage|everything)"
        r"(?:'s|\s+is|\s+are)\s+(?:\w+\s+)?(?:over|finished|ruined|destroyed|done for|doomed)\b",
    ),
    rule(_C, r"\b(?:disaster|disastrous|catastroph\w*|nightmare|doomed|devastat\w+)\b"),
    rule(
        _C,
        r"\bend of the world\b|\bunbearable\b|\bfalling apart\b|\bcollaps(?:e|es|ed|ing)\b|"
        r"\bcrash(?:es|ed|ing)? (?:down|around)\b|\bin (?:ruins|tatters)\b|\bdown the drain\b",
    ),
    rule(_C, r"\bruin(?:ed|s)? (?:everything|my (?:\w+ )?(?:life|career|future))\b"),
    rule(_C, r"\beverything\b(?:[^,.;]){0,30}\bruined\b"),
    rule(_C, r"\b(?:wreck|destroy)(?:s|ed)? (?:me|my (?:whole |entire )?(?:life|career|future))\b"),
    rule(_C, r"\bwon't survive\b|\bcan't (?:cope|bear|survive)\b"),
    rule(_C, r"\bworst thing (?:that )?(?:could|can|ever)\b"),
    rule(_C, r"\bend up (?:homeless|on the streets?|with nothing|broke|destitute)\b"),
    rule(_C, r"\b(?:be|out|living|sleeping) (?:\w+ )?(?:homeless|on the streets?)\b"),
    rule(
        _C,
        r"\blose (?:everything|the house|the business|my (?:house|home|flat|kids|children|"
        r"family|business))\b",
    ),
    rule(_C, r"\b(?:i'm|we're|it's) (?:all )?(?:doomed|done for|screwed|ruined)\b"),
    rule(_C, r"\bno (?:coming|going) back from\b"),
)
