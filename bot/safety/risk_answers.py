"""The answer to "are you thinking about ending your life?", in English, Spanish, German,
French and Portuguese.

It leans to safety: an answer that is not a plain no is read as "not sure" (or "yes" when the
thought is admitted even partly), and both get the crisis lines.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.safety.followup_words import AT_TIMES, NOT_SURE_MORE
from bot.safety.normal import normalise

__all__ = ["RiskAnswer", "declined", "risk_answer"]


class RiskAnswer(StrEnum):
    """An answer to the direct question."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


_UNSURE = re.compile(
    r"\b(?:not sure|unsure|dont know|do not know|dunno|idk|maybe|perhaps|kind of|kinda|sort of"
    r"|sometimes|a little|a bit|possibly|i guess|hard to say|i think about it|at times"
    r"|no se|nose|quizas|quiza|tal vez|a veces|no estoy segur[oa]|weiss nicht|weiss es nicht"
    r"|keine ahnung|vielleicht|manchmal|je sais pas|je ne sais pas|sais pas|peut etre|parfois"
    r"|nao sei|talvez|as vezes|nao tenho certeza)\b"
)
_YES = re.compile(
    # "i am", "i do" answer it only as a clause of their own: "i do everything for him" does not.
    r"\b(?:(?:i am|im|i do|i have been|ive been)(?= ?(?:[.,!;]|$|and\b|yes\b|sometimes\b|tbh\b"
    r"|honestly\b|i think\b|i guess\b|lately\b|again\b))"
    r"|yes|yeah|yep|yup|yea|ya|yess|ye|i think so|true|honestly yes"
    r"|ive thought about it|thought about it|thinking about it|every day|all the time"
    r"|constantly|a lot|thats what i mean|exactly|correct|probably|i think i am|i think i do"
    r"|pretty much|definitely(?! not)|absolutely(?! not)|of course(?! not)|more than"
    r"|si|ja|jep|jawohl|oui|ouais|sim|claro que si|claro que sim)\b"
)
_NO = re.compile(
    r"\b(?:no|nope|nah|naw|not at all|not really|of course not|never|no way|definitely not"
    r"|absolutely not|im not|i am not|im fine|im ok|im okay|i dont think so|not thinking"
    r"|nein|non|nao|nunca|jamais|keineswegs|gar nicht|para nada|pas du tout|de jeito nenhum)\b"
)
_BUT = re.compile(r"\b(?:but|though|pero|aber|mais|mas)\b")
# What the earlier words were about, said instead ("not like that", "je parlais du livre");
# never "about me" ("je parlais de moi" answers yes).
_MEANT = (
    r"not like that|not (?:in )?that way|thats not what i (?:meant|mean)"
    r"|i was (?:talking|speaking) about\b(?! me\b| myself)|(?:i was )?just venting"
    r"|figure of speech|quise decir|hablaba del?\b(?! mi)|en ese sentido no|no en ese sentido"
    r"|(?:nicht )?so (?:war das )?nicht gemeint|nicht so gemeint"
    r"|je voulais dire|je parlais d(?:e|u|es)\b(?! moi)|pas (?:dans ce sens|comme ca)"
    r"|eu quis dizer|(?:eu )?(?:falava|estava falando) de|nao nesse sentido"
)
# A no that says what the earlier words meant ("no, I just meant it's hopeless with her").
_CLARIFIED = re.compile(
    r"\b(?:i (?:just |only )?mean(?:t)?|solo (?:decia|hablaba)|ich meinte"
    r"|ich (?:sprach|rede(?:te)?) von|" + _MEANT + r")\b"
)
# The same without a "no" ("not like that. i meant in the relationship"): a no too, unless a
# yes is said beside it; narrower, as "i mean... yeah" is not one.
_CLARIFIED_ALONE = re.compile(
    r"\b(?:i (?:just |only )?meant (?:in|about|with|at|for|my|the|her|him|them|work|as)"
    r"|ich meinte (?:nur|die|den|das|mit|im|in)|" + _MEANT + r")\b"
)


def risk_answer(text: str, *, risky: bool = False) -> RiskAnswer | None:
    """The answer to the direct question, or None when the message does not answer it."""
    normal = normalise(text)
    if not normal:
        return None
    said_no = _NO.search(normal) is not None
    unsure = _UNSURE.search(normal) is not None or NOT_SURE_MORE.search(normal) is not None
    if said_no and _CLARIFIED.search(normal) and not unsure and not _BUT.search(normal):
        # Only the words of possible risk are left (a crisis never reaches here): a no.
        return RiskAnswer.NO
    clarified = _CLARIFIED_ALONE.search(normal) and not _YES.search(normal)
    if clarified and not unsure and not _BUT.search(normal):
        return RiskAnswer.NO
    if AT_TIMES.search(normal) and not said_no:
        # "Sometimes", "kind of", "it's crossed my mind": the thought admitted, even partly.
        return RiskAnswer.YES
    if unsure or (said_no and (risky or _BUT.search(normal))):
        # "no, but sometimes I wish I wasn't here" is not a no.
        return RiskAnswer.YES if _YES.search(normal) and not said_no else RiskAnswer.UNSURE
    if _YES.search(normal) or risky:
        return RiskAnswer.UNSURE if said_no else RiskAnswer.YES
    if said_no:
        return RiskAnswer.NO
    return None


# Declining the direct question itself, in the five languages: not an answer, and no way to
# be held at the question either.
_DECLINED = re.compile(
    r"\b(?:(?:do ?n.?t|do not|dont) (?:want|wanna|like) to (?:talk|say|answer|discuss|go into)"
    r"|rather not|prefer not|not (?:talking|going to talk|answering|going to answer)"
    r"|wont answer|won t answer|(?:none|not) (?:of )?your business|no comment|next question"
    r"|move on|not (?:now|today)|private|personal"
    r"|no quiero (?:hablar|contestar|responder)|prefiero no|no es asunto tuyo"
    r"|(?:will|mochte) (?:nicht|nichts) (?:daruber )?(?:reden|sagen|antworten)"
    r"|geht dich nichts an"
    r"|je (?:ne )?veux pas (?:en )?(?:parler|repondre)|je prefere ne pas"
    r"|nao quero (?:falar|responder)|prefiro nao)\b"
)


def declined(text: str) -> bool:
    """Whether a message declines to answer the direct question ("I'd rather not say")."""
    return _DECLINED.search(normalise(text)) is not None
