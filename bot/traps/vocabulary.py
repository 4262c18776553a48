"""The trap rules' building blocks: one rule's shape and the vocabularies rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.traps.kinds import Trap


@dataclass(frozen=True, slots=True)
class Rule:
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


def rule(
    trap: Trap,
    pattern: str,
    *needs: str,
    after: bool = False,
    veto: str | None = None,
) -> Rule:
    """Build a rule from pattern strings."""
    return Rule(
        trap=trap,
        pattern=_c(pattern),
        needs=tuple(_c(n) for n in needs),
        needs_after=after,
        veto_before=_c(veto) if veto else None,
    )


BAD_OUTCOME = (
    r"\b(?:mess(?:es|ed)? (?:\w+ )?up|screw(?:s|ed)? (?:\w+ )?up|blow(?:s)? it|wrong|"
    r"fail(?:s|ed)?|ruin(?:s|ed)?|los(?:e|es|t|ing)|leaves?|left out|walks? away|"
    r"reject(?:s|ed|ion)?|turns? (?:\w+ )?down|says? no|answer is no|happens to me|"
    r"someone else|badly|same way|shot down|knocked back|end(?:s)? up|ignored|passed over|"
    r"worst|(?:pulls?|drifts?|backs?|runs?) (?:\w+ )?away|(?:this|it) (?:always )?happens|"
    r"same (?:old )?(?:brush-?off|answer|response|result|rejection|excuse|outcome)|"
    r"dump(?:s|ed)?|no luck|(?:drives?|push(?:es)?) (?:\w+ )?away)\b"
)
FUTURE_BAD = (
    r"\b(?:reject(?:ed|ion)?|say no|turn (?:me )?down|dump|fire|fail|hate|laugh|"
    r"mess (?:\w+ )?up|screw (?:\w+ )?up|blow it|go (?:badly|wrong)|cancel|same way|"
    r"leave me|break up|kick me out|won't|no|pass on me|drop me|bomb)\b"
)
FUTURE = r"(?:'ll|\bwill\b|\bwon't\b|\bgoing to\b|\bends\b|\bnext\b)"
LABEL_NOUN = (
    r"(?:failure|idiot|loser|moron|fraud|joke|disappointment|fool|imbecile|screw-?up|"
    r"waste of space|nobody|clown|burden|coward|fake|dud|lost cause|write-off|"
    r"hopeless case|mess|slacker|reject)"
)
LABEL_ADJ = (
    r"(?:worthless|useless|pathetic|stupid|incompetent|unlovable|hopeless|dumb|"
    r"boring(?! you)|inadequate|defective|broken|unemployable|a failure|a loser)"
)
NEG_TRAIT = (
    r"\b(?:lazy|stupid|idiot|fraud|fake|desperate|incompetent|useless|boring|weak|"
    r"slacker|rude|failure|loser|joke|burden|pathetic|worthless|hopeless|clueless|dumb|"
    r"annoying|needy|pushy|greedy|arrogant|difficult|unreliable|scrounger|liar|mess|"
    r"crazy|selfish|too \w+|not|[a-z]+n't|only got|bad|terrible|awful|rubbish|garbage|"
    r"trash|lame|unprofessional|incapable|immature|naive|no good|out of my depth|"
    r"weird|creepy|cheap|a waste|troublemaker|nuisance|pest|liability|charity case|"
    r"problem|disappointment|embarrassment|failing|struggling)\b"
)
POSITIVE = (
    r"\b(?:prais\w*|compliment\w*|thank\w*|pass(?:ed)?|good|great|well|lik(?:e|ed|es)|"
    r"love[ds]?|accept\w*|offer\w*|interview|raise|promot\w*|won|win|grade|feedback|"
    r"success\w*|award\w*|closed|nice|proud|deal|hired|selected|shortlisted)\b"
)
# Someone other than the user, as the subject of a belief or feeling.
OTHER = (
    r"(?:she|he|they|everyone|everybody|people|(?:all )?(?:my|the|our|his|her|their)"
    r"(?: \w+){1,2})(?: (?:in|at|on|from) (?:(?:the|my|our|that) )?\w+)?"
)
ADVERB = r"(?:must|probably|obviously|clearly|secretly|all|definitely|really|just|totally)"
