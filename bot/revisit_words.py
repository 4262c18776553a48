"""What people say at the revisit besides the answer, kept; and answers said again (pure).

"ok so i had the 1:1!! she said probably yes in jan but wouldnt put it in writing yet" is a
maybe, and also how it went: the words are kept on the session (export shows them), never
dropped. "partly i guess" names the own win under a hedge; "i literally just said partly"
says it again.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.choice_words import unhedged
from bot.domain import Session, Transition
from bot.wording import words

# The answers' key for what was said at the revisit, each message on its own line.
SAID_KEY = "revisit_said"
# A bare choice ("yes!!", "partly", "in 2 weeks") tells nothing beyond the answer itself.
_TELLS_MORE = 4
# Kept whole, like an answer, up to the message bound; a few lines a revisit.
_KEEP = 10


def keep_said(transition: Transition, before: Session, text: str) -> Transition:
    """The transition with the typed words kept on its session when they tell more than a
    bare answer, and only when the answer changed the session."""
    said = text.strip()
    if len(words(said)) < _TELLS_MORE or transition.session == before:
        return transition
    lines = [line for line in transition.session.answers.get(SAID_KEY, "").split("\n") if line]
    if said in lines:
        return transition
    kept = "\n".join([*lines, said][-_KEEP:])
    answers = {**transition.session.answers, SAID_KEY: kept}
    return replace(transition, session=replace(transition.session, answers=answers))


# "i literally just said partly", "like i said, yes": a short answer said again.
_SAID_AGAIN = re.compile(
    r"^(?:(?:ugh+|lol|but|well|omg|bro|dude|um+)[\s,]+)*(?:like |as )?i "
    r"(?:literally |just |already |clearly |did )*(?:said|told (?:you|u)|wrote|answered)"
    r"[\s,:]+(?P<rest>[\w' ]{1,20}?)\W*$",
    re.IGNORECASE,
)


def said_again(text: str) -> str:
    """The answer inside a complaint that it was given already ("i literally just said
    partly" -> "partly"); the text itself when it is no such complaint."""
    found = _SAID_AGAIN.match(text.strip())
    if found is None or len(found.group("rest").split()) > 2:
        return text
    return found.group("rest")


# "maybe partly", "quizás en parte": a maybe before an own-win answer only softens it.
_SOFTENER = re.compile(
    r"^(?:maybe|perhaps|possibly|quiz[aá]s|tal vez|vielleicht|peut[- ][eê]tre|talvez)"
    r"[\s,.…]+(?=\w)",
    re.IGNORECASE,
)
# "partly on the win", "yes for my own win", "en parte con mi objetivo": which question
# the words answer, said beside the answer.
ABOUT_THE_WIN = re.compile(
    r"[\s,]*\b(?:(?:on|for|with|about|re|regarding|as for) )?(?:the |my |that )?(?:own )?"
    r"(?:win|goal)(?:[- ]wise)?(?: (?:part|thing|bit|though|tho))?\b|"
    r"[\s,]*\b(?:(?:en|con|sobre|de) )?(?:el |mi )?(?:logro|objetivo|meta)\b|"
    r"[\s,]*\b(?:(?:bei|beim|mit|f[üu]r) )?(?:dem |meinem |mein )?(?:ziel|erfolg)\b|"
    r"[\s,]*\b(?:(?:pour|sur|c[oô]t[eé]) )?(?:l'|mon |ma )?(?:objectif|victoire|r[ée]ussite)\b|"
    r"[\s,]*\b(?:(?:na|no|com a|com o|sobre a|sobre o) )?(?:minha |meu )?"
    r"(?:vit[oó]ria|meta|objetivo)\b",
    re.IGNORECASE,
)


def names_the_win(text: str) -> bool:
    """Whether the words say they are about the win the user named ("partly on the win")."""
    return ABOUT_THE_WIN.search(text) is not None


def plain_choice(text: str) -> str:
    """The words without hedges around them, a softening maybe or the words that say which
    question they answer ("partly i guess", "hmm maybe partly", "partly on the win" ->
    "partly")."""
    plain = ABOUT_THE_WIN.sub(" ", text).strip(" ,.…!?") or text
    plain = unhedged(plain) or plain
    softened = _SOFTENER.sub("", plain)
    return unhedged(softened) or softened
