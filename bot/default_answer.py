"""Taking the default the coach offered: "ok", "sure use that one" after "A good default: …"
(pure reading; the service puts the default's words in, from prompts/coach.toml).
"""

from __future__ import annotations

import re

from bot import intents
from bot.domain import Session, Step
from bot.wording import has_words, normalise

# The steps whose gentle text offers a default to take as it is, and the key of its words.
DEFAULTS = {Step.QUESTION: "question.default"}

# Taking what was offered, in five languages ("sure use that one", "ok", "yes that", "vale").
_TAKES = re.compile(
    r"^(?:(?:ok|okay|k|sure|yes|yeah|yep|yup|fine|alright|all right|great|perfect|good|cool|"
    r"sounds good|that works|works for me|vale|claro|s[ií]|ja|gut|oui|d'accord|sim|beleza|"
    r"let's|lets|i'll|i will|just|then)\W*)*"
    r"(?:(?:use|take|go with|pick|keep|ask|i'll take|usa|nimm|prends|usa|usar|uso)"
    r"(?: (?:that|this|it|the default|your|that one|this one|the one you (?:said|suggested)|"
    r"that question|esa|esa pregunta|die|das|celle-l[aà]|essa))*|that one|this one|"
    r"the default|default|yours|that|same|ok|okay|sure|yes|yeah|yep|fine|sounds good|"
    r"vale|ja|oui|sim|d'accord)"
    r"(?:\W+(?:one|please|pls|thanks|thank you|then|lol|i guess|works|is fine|is good))*\W*$"
)


def gentle_said_last(session: Session) -> bool:
    """Whether the reply to the last message was the question's gentle text: an odd run of
    "I don't know" before this message (the gentle text and the example alternate)."""
    repeats = 0
    for earlier in reversed(session.recent):
        if intents.free_text(earlier) not in (intents.Intent.DONT_KNOW, intents.Intent.SKIP):
            break
        repeats += 1
    return repeats % 2 == 1


# What says nothing to keep at a question: not knowing, skipping, "hmm", "ok".
_NOTHING_KEPT = (intents.Intent.DONT_KNOW, intents.Intent.SKIP, intents.Intent.ACK)


def not_answers_before(session: Session) -> int:
    """How many messages in a row just before this one said nothing to keep ("idk", "hmm")."""
    run = 0
    for earlier in reversed(session.recent):
        if has_words(earlier) and intents.free_text(earlier) not in _NOTHING_KEPT:
            break
        run += 1
    return run


def taken(session: Session, text: str) -> str | None:
    """The key of the default the words take ("ok" right after it was offered), or None."""
    key = DEFAULTS.get(session.step)
    if key is None or not session.is_open or session.pending is not None:
        return None
    if not gentle_said_last(session):
        return None
    return key if _TAKES.match(normalise(text)) else None
