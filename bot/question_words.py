"""Asking back about the coach's question at an open question ("what do you mean?", "like
what?", "can you give an example", "qué quieres decir"), told from an answer (pure).

The words are what people type, so they live in code; intents.free_text reads them.
"""

from __future__ import annotations

import re

from bot.wording import SHORT_WORDS, has_words, normalise
from bot.wording import core as _core

_QUESTION_START = re.compile(
    r"^(?:what do (?:you|u) mean|what does (?:that|this|it) mean|wdym|what do you mean by|"
    r"what's that mean|what is that supposed to mean|meaning|like what|such as|such as what|"
    r"for example|for instance|e\.?g|any examples?|an example|"
    r"can you give (?:me )?(?:an )?example|could you give (?:me )?(?:an )?example|"
    r"give me an example|can you explain|could you explain|can you rephrase|"
    r"say that again|come again|pardon|sorry what|"
    r"i don't understand|i don't get (?:it|that|the question|what you mean)|i don't follow|"
    r"not sure what you mean|not sure i understand|what are you asking|what exactly|"
    r"what kind of|what sort of|how do you mean|how do i answer|how should i answer|"
    r"what should i (?:say|write|put|answer)|what am i supposed to|"
    r"why does (?:that|this|it) matter|why do you (?:ask|need|want)|why is (?:that|this|it) "
    r"(?:important|relevant|needed)|why are you asking|why would (?:that|this|it) matter|"
    r"how is (?:that|this|it) relevant|how does (?:that|this|it) help|what's the point|"
    r"what for|in what sense|what counts(?: as)?|does (?:that|this|it) matter|"
    r"is (?:that|this) relevant|who do you mean|which (?:one|ones)|like how|how so|"
    r"what would (?:that|this) look like|what do they mean|what is this question|"
    # The bare words last, so that the longer starts above are tried first.
    r"what|huh|eh|why|how)\b"
)
# Longer ways to ask back, tried before the short starts above ("what" alone) can claim them.
QUESTION_PHRASES = re.compile(
    r"^(?:what are you asking|um what|what (?:does|do) (?:that|this|you) even mean|wym|"
    r"(?:you )?lost me|in what way|what's (?:that|this) got to do|what has (?:that|this) got to do|"
    r"not sure (?:what you(?:'re| are)? (?:asking|mean|want)|i (?:follow|understand|get it))|"
    r"i'm not sure what you (?:mean|want|are asking|'re asking)|which part|"
    r"what do you want me to (?:say|write|put)|like what exactly|what exactly|"
    r"qu[eé] quieres decir|a qu[eé] te refieres|c[oó]mo que|wie meinst du|was meinst du|"
    r"was hei(?:ß|ss)t das|c'est[- ][aà][- ]dire|qu'est-ce que (?:tu veux|vous voulez) dire|"
    r"comment [çc]a|como assim|o que (?:voc[eê] )?quer dizer)\b"
)
_DIFFERENCE = re.compile(r"^(?:what's |what is )?(?:the )?difference\b")
# A question back may also be a short question that points at the coach's question.
_ASKING_BACK = re.compile(r"\b(?:you|your|question|mean|example|that mean|this mean)\b")


# Where the answer itself is a question (the clarifying question to ask them), only these
# unmistakable questions about the coach's question count as asking back.
PLAIN_QUESTION_BACK = re.compile(
    r"^(?:what do (?:you|u) mean|what does (?:that|this|it) mean|wdym|like what|such as|"
    r"for example|example|examples|any examples?|can you give (?:me )?(?:an )?example|"
    r"could you give (?:me )?(?:an )?example|give me an example|can you explain|explain|"
    r"i don't understand|i don't get (?:it|the question)|what should i (?:say|write|put|ask)|"
    r"what kind of question|not sure what you mean|huh|what|why|how)$"
)


def question_back(text: str) -> bool:
    """Whether a short message asks back about the coach's question ("what do you mean?",
    "like what?", "what's the difference?") rather than answering it."""
    core = normalise(text)
    words = core.split()
    if not text.strip():
        return False
    if not has_words(text):
        return "?" in text
    asked = text.rstrip().endswith("?")
    if len(words) > SHORT_WORDS + 3 or (len(words) > SHORT_WORDS and not asked):
        return False
    if QUESTION_PHRASES.match(core) or QUESTION_PHRASES.match(_core(text)):
        return True
    if asked and (_DIFFERENCE.match(core) or (not _core(text) and len(words) <= 2)):
        return True
    started = _QUESTION_START.match(_core(text) or core) or _QUESTION_START.match(core)
    if started is None:
        return asked and len(words) <= 7 and _ASKING_BACK.search(core) is not None
    head = started.group(0)
    # "why they said no: the budget" or "for example, I could…" tell something: answers.
    rest = core[len(head) :].strip(" ,.:;-")
    if head in ("why", "how", "what", "for example", "for instance", "such as", "like how"):
        return (asked and len(words) <= 6) or not rest
    return asked or len(words) <= 6
