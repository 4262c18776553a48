"""Impatience and venting at a question, told from an answer and from a wish to stop (pure).

"how many more of these", "is this almost over", "done?" ask how far it is: they are
answered (how many questions are left, that `skip` and `cancel` exist), never kept. "i'm so
done lol" or "so over it" may be about the no as much as about us: the coach asks rather
than ending the conversation. The words are what people type, so they live in code.
"""

from __future__ import annotations

import re

from bot.wording import normalise, words

# Longer messages tell something: they are answers.
_LONGEST = 10

_IMPATIENT = re.compile(
    r"^(?:(?:ugh+|omg|ok|okay|so|seriously|srsly|lol|man|bro|hmm+|um+|jeez|geez|god|idk|"
    r"also|btw|and|but|oh|anyway|quick q(?:uestion)?|just wondering|sorry|wait)\W+)*"
    r"(?:how many (?:more|left|questions|of these|to go)|how much (?:more|longer|left)|"
    r"how long (?:is|will|does|more|left)|(?:is|are) (?:this|we|it) (?:almost|nearly|about|"
    r"finally|done|over|finished|there)|(?:almost|nearly) (?:done|there|over|finished)|"
    r"are we (?:done|there) yet|"
    r"(?:is|will) (?:this|it) (?:gonna |going to )?take (?:much |too )?(?:long|longer|forever)|"
    r"(?:still|more|even) more|when (?:does|will) (?:this|it) end|"
    r"(?:can|could) (?:we|i|you) (?:just )?(?:jump|skip|go|get|fast forward|cut) (?:straight )?"
    r"(?:to|ahead to) the (?:end|plan|result|last)|(?:jump|skip) to the end|hurry up|"
    r"this is (?:so |really |kinda |kind of )?(?:pointless|useless|stupid|dumb|a waste of time|"
    r"taking forever|dragging|boring|long)|(?:so|too) many questions|"
    r"(?:what's|what is) the point|duh+|done|finished|over|are we done|is that all|that all|"
    # The same in Spanish, German, French and Portuguese ("wie viele fragen noch?").
    r"cu[aá]ntas (?:preguntas )?(?:m[aá]s|quedan|faltan)|falta (?:mucho|poco)|"
    r"wie viele (?:fragen )?(?:noch|kommen noch)|dauert (?:das|es) noch (?:lange)?|"
    r"combien de questions?(?: (?:encore|reste|restent|il reste))?|c'est encore long|"
    r"encore (?:beaucoup|longtemps)|quantas perguntas(?: (?:mais|faltam|ainda))?|"
    r"falta muito|ainda falta)"
    r"(?:\W+(?:of|these|them|this|questions?|qs|to|go|left|is|it|are|there|do|we|have|over|"
    r"done|finished|yet|already|lol|lmao|haha|now|pls|please|ugh|omg|bruh|man|the|end|still|"
    r"more|really|seriously|finally|gonna|going|be|take|honestly|tbh|😩|🙄|😒|"
    r"preguntas|quedan|noch|fragen|lange|questions|perguntas|faltam)){0,6}\W*$"
)
# The same asked in Spanish, German, French and Portuguese ("¿cuánto falta?", "wie lange
# dauert das noch", "c'est encore long ?", "quantas perguntas faltam").
_ASKED_IN_OTHERS = re.compile(
    r"^\W*(?:(?:y|e|und|et|pero|mais|aber|mas|oye|bueno|alors|also|ok|okay)\W+)?(?:"
    r"cu[aá]nto (?:falta|queda|m[aá]s|tiempo (?:m[aá]s|falta|queda|va a tardar))|"
    r"cu[aá]ntas (?:preguntas )?(?:m[aá]s|quedan|faltan)|"
    r"(?:esto )?(?:va a )?(?:tardar|durar) mucho|"
    r"wie (?:lange (?:noch|dauert (?:das|es)(?: noch)?)|viele (?:fragen )?(?:noch|kommen noch))|"
    r"dauert (?:das|es) (?:noch )?lange|sind wir (?:bald |gleich )?fertig|"
    r"combien de (?:questions|temps (?:encore|reste|[çc]a (?:va )?(?:prend|dure)))|"
    r"c'est (?:encore )?long|"
    r"(?:[çc]a|cela) (?:va )?(?:durer|prendre) (?:encore )?longtemps|on a (?:bient[oô]t )?fini|"
    r"quanto (?:falta|tempo (?:falta|mais|ainda|demora|vai levar))|"
    r"quantas (?:perguntas )?(?:faltam|mais|ainda)|"
    r"(?:isso )?vai demorar(?: muito)?|j[aá] (?:acabou|terminou|est[aá] acabando)"
    r")(?:\W+\w+){0,2}\W*$"
)
# Bare "done", "over" or "finished" ask only as a question ("done?"); said flat, they stop.
_ASKED_ONLY = frozenset({"done", "finished", "over"})

_VENTING = re.compile(
    r"\b(?:so+|sooo+|literally|totally|completely|fully|just|honestly) (?:done|over it|over this|"
    r"over everything|finished)\b|"
    r"\bdone with (?!(?:this|these|the|you)(?: (?:chat|conversation|questions|coaching|bot|"
    r"session|thing|stuff))?\W*$)\w+|\bover (?:him|her|them|that job|this job|my job|work|"
    r"everything|all of it|people|life)\b"
)


def impatient(text: str) -> bool:
    """Whether a message asks how far the questions go or says they take too long."""
    said = normalise(text)
    if not said or len(words(said)) > _LONGEST:
        return False
    found = _IMPATIENT.match(said) or _ASKED_IN_OTHERS.match(said)
    if found is None or venting(text):
        return False
    bare = re.sub(r"\W", "", said)
    return bare not in _ASKED_ONLY or "?" in text


def venting(text: str) -> bool:
    """Whether a message that reads as stopping is venting about the no ("im so done lol",
    "i'm done with this job", "so over it") rather than a clear wish to end the conversation."""
    said = normalise(text)
    return bool(said) and len(words(said)) <= _LONGEST and bool(_VENTING.search(said))


# Where a question may be tacked on after an answer: a sentence's end, a comma, a dash.
_CLAUSE = re.compile(r"(?<=[?.!])\s+|\s*[,;]\s+|\s+[-\u2013\u2014]+\s+|\s*\.{2,}\s*")


_THAT_ALL = re.compile(r"^(?:is )?that all\W*$")


def tail(text: str) -> tuple[str, str] | None:
    """An answer with a question about how long this takes tacked on after it ("Maybe their
    budget is over. is this gonna take long"): (the answer, the question); None when the
    message ends with no such question or has nothing before it."""
    for cut in reversed(list(_CLAUSE.finditer(text))):
        head, asked = text[: cut.start()].strip(), text[cut.end() :].strip()
        # "they offered 2%, is that all?" asks about the offer, not about us.
        if head and asked and impatient(asked) and not _THAT_ALL.match(normalise(asked)):
            return head, asked
    return None
