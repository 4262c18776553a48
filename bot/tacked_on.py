"""A question about one's own answer tacked on after it ("soft I think - is that normal?") (pure).

People check in about what they just said: whether it is normal, enough, okay, whether it
counts or makes sense. The answer before it is kept as ever; the question is answered and
never kept, so it stays off the plan card. Read in English, Spanish, German, French and
Portuguese; the words are what people type, so they live in code.
"""

from __future__ import annotations

import re

from bot.wording import normalise

# Where a tacked-on question may begin: after an end mark, a comma or a dash.
_CLAUSE = re.compile(r"(?<=[?.!])\s+|\s*[,;]\s+|\s+[-\u2013\u2014]+\s+|\s*\.{2,}\s*")

# The question, whole (normalised: lower case, no end marks). "is that enough?", "does
# that count", "¿es normal?", "ist das okay?", "c'est normal ?", "isso conta?".
_CHECKING = re.compile(
    r"^(?:(?:but|and|so|or|lol|haha|honestly|tbh|like|um+|hmm+|pero|y|aber|und|mais|et|mas|e)"
    r"\s+)*(?:"
    r"(?:is|was|would) (?:that|this|it|mine) (?:(?:a |an )?(?:normal|ok|okay|alright|all right|"
    r"fine|bad|weird|wrong|enough|right|dumb|stupid|silly|good|valid|legit|a (?:good|bad|normal|"
    r"valid|real) (?:answer|one|thing))|normal to (?:feel|think|say) (?:that|this|so))|"
    r"(?:does|would|will) (?:that|this|it) (?:count|work|make sense|do|be enough)|"
    r"(?:that|this|it) (?:ok|okay|normal|enough|fine|alright|counts?)|"
    r"(?:do|does|would) (?:that|this|it) sound (?:ok|okay|right|normal|silly|dumb)|"
    r"(?:is that|is this) what you (?:mean|meant|want|wanted|were asking)|"
    r"am i (?:wrong|overthinking(?: this| it)?|being (?:silly|dramatic|stupid)|normal)|"
    r"(?:can|could) (?:that|this|it) count|is that even a thing|"
    # Spanish, German, French, Portuguese.
    r"(?:eso |esto )?(?:es|est[aá]) (?:normal|bien|suficiente|raro|mal)|(?:eso |esto )?cuenta|"
    r"(?:eso )?tiene sentido|(?:es|est[aá]) bien as[ií]|"
    r"ist (?:das|es) (?:normal|okay|ok|in ordnung|genug|schlimm|komisch|falsch)|"
    r"z[aä]hlt das|reicht das|passt das|macht das sinn|"
    r"(?:c'est|est-ce que c'est|c'est-tu) (?:normal|bon|bien|grave|assez|suffisant|bizarre|ok)|"
    r"[çc]a (?:compte|suffit|passe|va comme r[ée]ponse)|"
    r"(?:isso )?(?:[eé]|t[aá]|est[aá]) (?:normal|bom|bem|certo|suficiente|estranho|ok)|"
    r"(?:isso )?(?:conta|serve|faz sentido)"
    r")(?:\s+(?:though|tho|lol|haha|then|or not|to say|to feel|to think|right|\?+))*$"
)


def checking(text: str) -> bool:
    """Whether the words are only a question about an answer ("is that normal?")."""
    return _CHECKING.match(normalise(text)) is not None


def tail(text: str) -> tuple[str, str] | None:
    """An answer with a question about it tacked on after ("soft I think - is that
    normal?"): (the answer, the question); None when the message ends with no such question
    or has nothing before it."""
    for cut in reversed(list(_CLAUSE.finditer(text))):
        head, asked = text[: cut.start()].strip(" ,;-\u2013\u2014"), text[cut.end() :].strip()
        if head and asked and checking(asked):
            return head, asked
    return None
