"""Trap rules about beliefs: fortune telling, mind reading, labels, shoulds, discounted praise."""

from __future__ import annotations

from bot.traps.kinds import Trap
from bot.traps.vocabulary import (
    ADVERB,
    FUTURE,
    FUTURE_BAD,
    LABEL_ADJ,
    LABEL_NOUN,
    NEG_TRAIT,
    OTHER,
    POSITIVE,
    Rule,
    rule,
)

_F = Trap.FORTUNE_TELLING
_M = Trap.MIND_READING
_L = Trap.LABELING
_S = Trap.SHOULD_STATEMENTS
_D = Trap.DISQUALIFYING_POSITIVE

BELIEF_RULES: tuple[Rule, ...] = (
    # Fortune telling: predicting a bad outcome as if it were certain.
    rule(_F, r"\b(?:definitely|certainly|surely|bound to|for sure|guaranteed)\b", FUTURE_BAD),
    rule(_F, r"\bi (?:just |already )?know\b", FUTURE, FUTURE_BAD),
    rule(
        _F,
        r"\bi'm\s+(?:so\s+|absolutely\s+)?(?:sure|certain|positive|convinced)\b",
        FUTURE,
        FUTURE_BAD,
    ),
    rule(
        _F,
        r"(?:\bgoing to|'ll|\bwill)\s+(?:probably\s+|just\s+|only\s+|definitely\s+)?"
        r"(?:say no|reject|turn (?:me |it )?down|dump|fire|fail|hate|laugh|mess (?:\w+ )?up|"
        r"screw (?:\w+ )?up|blow it|go badly|go wrong|cancel|end the same way|leave me|"
        r"break up with me|kick me out|ghost|let me go|drop me|pass on me|bomb)\b"
        r"(?! forward| fast)",
    ),
    rule(
        _F,
        r"(?:\bgoing to|'ll|\bwill)\s+(?:probably\s+|just\s+|definitely\s+)?(?:be\s+(?:so\s+|"
        r"really\s+)?(?:awkward|terrible|awful|horrible|humiliating|embarrassing|a mess|"
        r"pointless)|get\s+(?:rejected|fired|dumped|torn apart|laughed at|turned down|kicked out|"
        r"shot down|ignored|ripped apart))\b",
    ),
    rule(_F, r"\bwon't (?:text|call|write|get|ring|message) (?:me )?back\b"),
    rule(
        _F,
        r"\bwon't\s+(?:ever\s+)?(?:hire me|pick me|choose me|accept|work out|come through|"
        r"get (?:it|the|in|a|this)|call me back|say yes)\b",
        r"\b(?:anyway|why bother|obvious(?:ly)?|never|no point|definitely|know)\b",
    ),
    rule(_F, r"\bwon't work out\b|\bwhy bother\b"),
    rule(
        _F,
        r"\bno way (?:they|she|he|it|i|the \w+)(?:'ll|'d| would| is going| are going|'re going|"
        r"'m (?:\w+ing))\b",
    ),
    rule(_F, r"\bi bet (?:they|she|he|it|the \w+)(?:'ll| will| won't|'re going| is going)\b"),
    rule(_F, r"\bi know how (?:this|it) (?:ends|will end|goes)\b"),
    # Mind reading: assuming what others think, usually something negative about us.
    rule(
        _M,
        rf"\b{OTHER}\s+(?:{ADVERB}\s+)?(?:think|thinks|thought|believe|believes)\b",
        NEG_TRAIT,
        # The belief has to be about the user, not about the rent or the weather.
        r"\b(?:i|i'm|me|my|i've|i'd|i'll)\b",
        after=True,
    ),
    rule(
        _M,
        rf"\b{OTHER}\s+(?:{ADVERB}\s+)?(?:sees?|saw|considers?|views?|treats?) me (?:as|like)\b",
        NEG_TRAIT,
        after=True,
    ),
    rule(
        _M,
        rf"\b(?:{OTHER}|\w+)\s+(?:{ADVERB}\s+)?(?:hates?|resents?|despises?|can't stand)\s+me\b",
    ),
    rule(
        _M,
        r"(?:\bis|\bare|\bwas|\bwere|'s|'re|\bmust be|\bseems?|\bseemed)\s+(?:so\s+|really\s+|"
        r"clearly\s+|obviously\s+)?(?:annoyed|angry|mad|furious|upset|disappointed|bored|sick|"
        r"fed up|tired|judging|disgusted|embarrassed)\s+(?:(?:with|at|of|by|in)\s+)?"
        r"(?:me|hearing from me)\b",
    ),
    rule(
        _M,
        r"\b(?:obviously|clearly|probably|must|secretly)\s+(?:doesn't|don't|didn't)\s+"
        r"(?:trust|like|want|rate|respect|believe|care about|value)\s+me\b",
    ),
    rule(_M, r"\blooked at me like\b|\bwants? me (?:out|gone|to leave|to quit)\b"),
    rule(
        _M,
        r"(?:'re|\bare|'s|\bis|\bwere|\bwas)\s+(?:all\s+)?(?:laughing|talking|gossiping|whispering)"
        r"\s+(?:at|about)\s+me\b",
        veto=r"\bi\s*$",
    ),
    rule(_M, rf"\bi (?:can|could) tell (?:that )?{OTHER}\b", NEG_TRAIT, after=True),
    rule(_M, r"\b(?:everyone|everybody|they all) (?:can|could) (?:see|tell)\b"),
    rule(_M, r"\bi know (?:exactly )?what (?:they|she|he|everyone) (?:were|was|are|is) thinking\b"),
    # Labeling: a global self-verdict instead of a description of what happened.
    rule(
        _L,
        rf"\bi'm\s+(?:(?:just|such|so|really|basically|honestly|a|an|the|complete|total|utter|"
        rf"absolute|nothing but|a complete|a total|an absolute|an utter)\s+){{0,3}}"
        rf"(?:{LABEL_NOUN}|{LABEL_ADJ})\b",
        veto=r"(?:^|\s)(?!i\s)\w+\s+(?:\w+\s+)?(?:think|thinks|thought|believe|believes|reckons?|"
        r"sees? me as|calls? me|called me)\s+(?:that\s+)?$",
    ),
    rule(
        _L,
        r"\bi'm\s+(?:a|an|the)\s+(?:\w+\s+)?(?:terrible|bad|awful|lousy|rubbish|horrible|useless|"
        r"hopeless|pathetic|crap|crappy|worst|shitty)\s+(?!at\b|of\b|in\b|with\b|mood\b|day\b|"
        r"place\b|state\b|way\b|spot\b|position\b|situation\b|week\b|time\b)[a-z]+",
        veto=r"(?:^|\s)(?!i\s)\w+\s+(?:\w+\s+)?(?:think|thinks|thought|believe|believes)\s+$",
    ),
    rule(_L, rf"\bwhat an? (?:\w+\s+)?{LABEL_NOUN}\s+i'm\b"),
    rule(
        _L,
        r"\bi'm (?:just |simply )?not (?:a |an )?(?:smart|good|clever|likeable|lovable|capable|"
        r"talented|competent|bright)\s+person\b",
    ),
    # Should statements: rigid rules about how oneself or others ought to be.
    rule(
        _S,
        r"\b(?:should|shouldn't|ought to|oughtn't to)\s+(?:never\s+|not\s+|just\s+|really\s+)?"
        r"have\s+(?!to\b|the\b|a\b|an\b|my\b|your\b|it\b|them\b|some\b|any\b|no\b|got\b)[a-z]+",
    ),
    rule(
        _S,
        r"\b(?:i|we|you)\s+(?:should|ought to)\s+(?:really\s+|already\s+|at least\s+)?"
        r"(?:be|feel|need|know|own|earn|look|understand|cope|handle|get over|have known)\b",
    ),
    rule(
        _S,
        r"\b(?:they|he|she|people|everyone|my \w+|the \w+)\s+(?:should|ought to)\s+"
        r"(?:really\s+)?(?:know|understand|care|appreciate|respect|see|realise|realize|"
        r"have given|give me)\b",
    ),
    rule(_S, r"\bi (?:shouldn't|mustn't|oughtn't)\b|\bi must (?:never|always|not)\b"),
    rule(_S, r"\bought to\b"),
    rule(_S, r"\bi must (?!have\b)(?:get|win|succeed|pass|land|make it)\b"),
    rule(
        _S,
        r"\bi (?:have to|need to|must|got to|gotta)\s+(?:be\s+|get it\s+|do it\s+)?"
        r"(?:perfect(?:ly)?|right the first time|the best|flawless|get it right)\b",
    ),
    # Disqualifying the positive: a good thing explained away so it cannot count.
    rule(
        _D,
        r"\b(?:doesn't|don't|didn't|won't)\s+(?:really\s+|even\s+)?(?:count|matter|"
        r"mean (?:anything|much|a thing)|make up for)\b",
        POSITIVE,
    ),
    rule(_D, r"\b(?:anyone|anybody|everybody|everyone) could (?:have|'ve)\b"),
    rule(_D, r"\b(?:just|only|pure|sheer|dumb|blind)\s+luck\b|\bfluke\b|\bgot lucky\b"),
    rule(
        _D,
        r"\b(?:just|only)\s+(?:\w+\s+){0,3}?(?:being|to be|trying to be)\s+"
        r"(?:nice|polite|kind|generous|diplomatic)\b|\bout of pity\b|\bfelt sorry for me\b",
    ),
    rule(_D, r"\b(?:have|has) to say that\b|\bsays? that to (?:everyone|everybody|anyone)\b"),
    rule(_D, r"\b(?:only|just)\s+(?:\w+\s+){0,2}because\b", POSITIVE),
    rule(
        _D,
        r"\bdoesn't mean (?:i'm|i am)\s+(?:actually\s+|really\s+)?(?:good|talented|smart|capable|"
        r"competent|any good|clever|worth)\b",
        POSITIVE,
    ),
    rule(
        _D,
        r"\b(?:likes?|loves?|praises?|compliments?|passes|accepts?)\s+(?:everyone|everybody|"
        r"anyone)\b",
        r"\bbut\b",
    ),
    rule(
        _D,
        r"\bbut\s+(?:\w+\s+){0,3}(?:was|were|is|'s)\s+(?:really\s+|so\s+|pretty\s+)?"
        r"(?:easy|nothing|no big deal)\b",
        POSITIVE,
    ),
    rule(_D, r"\bhad no (?:one|body) else\b|\bnobody else (?:applied|wanted)\b", POSITIVE),
)
