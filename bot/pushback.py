"""Pushing back instead of answering: confusion, an objection, indifference at a menu (pure).

"wait what. i asked u a question", "what do u mean offer them, they said no", "que?": the
person did not follow the question. "i didn't pick anything", "that's not what i said": they
object to what the coach took or said. "sure whatever" at a menu picks nothing. None of these
is ever kept as an answer. The words are what people type (five languages), so they live here.
"""

from __future__ import annotations

import re

from bot.wording import normalise, word_set, words

# Longer messages tell their own story, whatever they open with.
_LONGEST = 30

# Not understanding, said alone in five languages.
_NOT_GETTING = (
    r"(?:i )?(?:don't|do not) (?:get it|understand|follow)(?: (?:the|your|this|that) question)?|"
    r"no (?:entiendo|comprendo|te entiendo)(?: (?:la|tu|esta|esa) pregunta)?|"
    r"(?:je )?(?:ne )?comprends? pas(?: (?:la|ta|votre|cette) question)?|"
    r"(?:ich )?versteh(?:e)? (?:ich )?(?:das |die frage |deine frage )?nicht|"
    r"n[aã]o (?:entendi|entendo|percebi)(?: (?:a|sua|essa|esta) pergunta)?"
)
# Lost the thread ("i dont even remember what we were talking about", "what was the question
# again", "ya no me acuerdo", "je ne sais plus"): the question is explained again.
_LOST = re.compile(
    r"\b(?:(?:i )?(?:don't|do not|can't|cannot) (?:even )?remember (?:what|the question|where)|"
    r"what (?:were|are) we (?:even )?(?:talking|on) about|what was the question|"
    r"(?:i )?forgot (?:the question|what (?:you|u) asked|what we were)|"
    r"(?:ya )?no me acuerdo|de qu[eé] (?:est[aá]bamos|estamos) hablando|"
    r"(?:ich )?wei[ßs] nicht mehr,? (?:was|worum|wovon)|worum ging es|"
    r"(?:je )?(?:ne )?(?:me )?souviens (?:plus|pas) (?:de quoi|de la question)|"
    r"de quoi on parlait|(?:n[aã]o )?(?:me )?lembro (?:mais )?do que|"
    r"do que (?:a gente )?(?:est[aá]vamos|estamos) falando)\b"
)
# The question's own word said back with a question word ("offer who??", "done what?",
# "gain what", "¿ofrecer qué?"): the question was not followed, whatever follows.
_ECHO = re.compile(
    r"^(?:(?:wait|sorry|um+|uh+|huh|ok|okay|so|but|hm+)\W+)*(?:[\w'-]+ ){1,2}"
    r"(?:who|whom|what|which|what exactly|qui[eé]n|qu[eé]|wer|was|wem|qui|quoi|quem|o qu[eê])"
    r"\s*\?"
)
# A first sentence that only says "I didn't follow" ("wait what", "que?", "huh??").
_CONFUSED_ALONE = re.compile(
    r"^(?:(?:wait|hold on|sorry|um+|uh+|eh|ok|okay|so|but|and|hm+|lol),? )*"
    r"(?:wh?a+t+\?*|wut|wat|huh|hu+h|eh|que|qu[eé]|c[oó]mo|perd[oó]n|quoi|hein|pardon|comment|"
    r"was|wie bitte|bitte|h[äa]|o qu[eê]|oque|qu[eê]|como|what now|say what|come again|"
    r"what the hell|wtf|excuse me|wdym|wym|i'm confused|confused|lost|what\?+ why|"
    rf"{_NOT_GETTING})$"
)
# An opening that asks what the coach means, whatever follows ("what do u mean offer them,
# they said no"): what follows quotes the question back.
_MEANING_OPENER = re.compile(
    r"^(?:(?:wait|hold on|sorry|um+|uh+|ok|okay|so|but|and|hm+|lol),? )*"
    r"(?:what do (?:you|u|ya) mean|what does (?:that|this|it) (?:even )?mean|wdym|wym|"
    r"what are (?:you|u) (?:talking about|on about|asking)|"
    r"qu[eé] quieres decir(?: con)?|a qu[eé] te refieres|c[oó]mo que|"
    r"was meinst du(?: mit)?|wie meinst du (?:das|dass)|"
    r"qu'est[- ]ce que (?:tu veux|vous voulez) dire(?: par)?|comment [çc]a|"
    r"o que (?:voc[eê] |vc )?quer dizer(?: com)?|como assim)\b"
)
_SENTENCES = re.compile(r"(?<=[.?!…])\s+|\s*[.?!…]+\s*|,\s+")


def _sentences(text: str) -> list[str]:
    """The message's sentences and comma clauses, normalised, empty ones left out."""
    return [normalise(part) for part in _SENTENCES.split(text) if normalise(part)]


def confused(text: str, *, strict: bool = False) -> bool:
    """Whether a message says the question was not followed before anything else ("wait what.
    i asked u a question", "what do u mean offer them, they said no", "que? respect??");
    `strict` where the answer is itself a question: only a confused word opening it."""
    said = words(text)
    if not said or len(said) > _LONGEST:
        return False
    plain = normalise(text)
    # Where the answer is itself a question ("what do you mean by soon?" for their manager),
    # only a confused word alone counts.
    if not strict and (_MEANING_OPENER.match(plain) or _ECHO.match(plain) or _LOST.search(plain)):
        return True
    parts = _sentences(text)
    if not parts or _CONFUSED_ALONE.match(parts[0]) is None:
        return False
    # "what? they said no to me again" may be the story itself: a confused opening counts
    # when something after it asks, objects or complains, or nothing follows.
    rest = parts[1:]
    asks_more = text.count("?") > (1 if "?" in text.split(".")[0][:40] else 0)
    return not rest or asks_more or any(_objects(part) or _ASKS.match(part) for part in rest)


# A clause that asks something of its own ("what would that look like").
_ASKS = re.compile(
    r"^(?:(?:wait|so|but|and|ok|okay|um+|hold on|sorry),? )*"
    rf"(?:what|how|why|which|who|que|qu[eé]|c[oó]mo|por qu[eé]|was|wie|warum|{_NOT_GETTING})\b"
)


# Saying the coach took or said what they did not ("i didn't pick anything", "that's not
# what i said", "i asked u a question", "no elegí nada", "das habe ich nicht gesagt").
_OBJECTION = re.compile(
    r"\b(?:i (?:did not|didn't|never|haven't|have not) (?:pick|choose|chose|select|say|said|"
    r"type|mean|meant|answer|agree to|ask for)(?:ed)?(?: (?:anything|that|this|any of (?:that|"
    r"those|them)|it|one|an? option|a thing|nothing))?|"
    r"(?:that's|that is|this is|that was|it's|thats) not what i (?:said|meant|mean|wrote|picked|"
    r"chose|typed|asked|wanted)|not what i (?:said|meant|picked|chose|asked)|"
    r"i (?:just )?asked (?:you|u) (?:a question|something)|"
    r"i (?:was|am|'m) (?:just |only )?asking (?:you|u)(?: (?:a question|something))?|"
    r"(?:it|that|mine) was a question|(?:you|u) (?:didn't|did not|never) "
    r"answer(?:ed)? (?:my|me|the) ?(?:question)?|answer my question|"
    r"(?:you're|you are|ur|u r|u are) not (?:listening|reading)|(?:you|u) (?:made|make) that up|"
    r"where did (?:that|this|you get that) come from|where did you get that|"
    r"i never said (?:that|this|it|so)|"
    r"no (?:eleg[ií]|escog[ií]|dije|he elegido) (?:nada|eso|ninguna)|eso no (?:es lo que )?dije|"
    r"(?:das )?habe ich (?:nicht|nichts) (?:gesagt|gewählt|ausgewählt)|ich habe nichts gewählt|"
    r"(?:j'ai|j ai) (?:rien|pas) (?:choisi|dit)|(?:je n'ai|j'ai) rien choisi|"
    r"c'est pas ce que j'ai dit|"
    r"(?:eu )?n[aã]o (?:escolhi|disse) (?:nada|isso)|n[aã]o foi isso que eu disse)\b"
)
# What may stand beside an objection without telling anything new.
_OBJECTION_GLUE = re.compile(
    r"^(?:(?:wait|hold on|no|nope|um+|uh+|what|huh|lol|ok|okay|sorry|hey|excuse me|hm+|"
    r"i mean|dude|bro|so|but|and|ugh|wtf|seriously|eh|what\?+|that's wrong|wrong|"
    r"(?:it's|its|they said no|it is) (?:over|done|finished)|they said no),? ?)*$"
)


def _objects(part: str) -> bool:
    """Whether a clause objects to what the coach took ("i didnt pick anything"), with
    nothing of the person's own beside it ("i didn't pick anything yet but i'd ask" tells)."""
    found = _OBJECTION.search(part)
    if found is None:
        return False
    beside = words(part[: found.start()]) + words(part[found.end() :])
    return all(word in _BESIDE for word in beside)


_BESIDE = word_set(
    "wait no nope um uh what huh lol ok okay sorry hey excuse me hm i mean dude bro so but and "
    "ugh wtf seriously eh at all here there though tho ever man yo literally just actually "
    "even did earlier before that's wrong hello"
)


def objection(text: str) -> bool:
    """Whether a message objects to what the coach took or said, and tells nothing new:
    every clause is an objection, a confused word, or glue around them."""
    said = words(text)
    if not said or len(said) > _LONGEST:
        return False
    parts = _sentences(text)
    if not any(map(_objects, parts)):
        return False
    return all(
        _objects(part)
        or _CONFUSED_ALONE.match(part)
        or _OBJECTION_GLUE.match(part)
        or _MEANING_OPENER.match(part)
        or _ASKS.match(part)
        for part in parts
    )


# Picking nothing at a menu: indifference ("sure whatever", "idc", "you pick", "me da igual").
_INDIFFERENT = re.compile(
    r"^(?:(?:sure|ok|okay|yeah|yea|yes|fine|um+|eh|meh|i mean|honestly|idk|lol|uh+|ugh),? )*"
    r"(?:what ?ever|whatevs|w/e|idc|i don't care|don't care|dont care|i don't mind|don't mind|"
    r"doesn't matter|it doesn't matter|does not matter|no preference|"
    r"any(?: of them| one| is fine)?|"
    r"anything|either|you (?:pick|choose|decide)|up to you|your call|you tell me|"
    r"(?:me )?da igual|lo que sea|(?:mir )?egal|ist mir egal|(?:je m'en fiche|peu importe|"
    r"n'importe)|(?:tanto faz|tanto fez|qualquer um)|sure|fine|ok|okay|k)"
    r"(?:,? (?:i guess|lol|idk|i suppose|then|really|honestly|tbh|fine|man|bro))*$"
)
# Alone, these agree to something rather than pick: only indifference when a word of it joins.
_AGREEING_ALONE = frozenset({"sure", "fine", "ok", "okay", "k"})


def indifferent(text: str) -> bool:
    """Whether a message at a menu picks nothing ("sure whatever", "idc", "you pick")."""
    plain = normalise(text).replace(",", "")
    return plain not in _AGREEING_ALONE and _INDIFFERENT.match(plain) is not None


# "They said no, it's over": the person hears the question as arguing with a closed door.
_OVER = re.compile(
    r"\b(?:(?:it's|its|it is|that's|thats) (?:over|done|finished|final)|they said no|"
    r"(?:he|she) said no|no means no|se acab[oó]|ya dijo que no|c'est fini|es ist vorbei|"
    r"acabou)\b"
)


def says_over(text: str) -> bool:
    """Whether a message says the no closed the matter ("they said no. its over")."""
    return _OVER.search(normalise(text)) is not None


# Asking how to choose ("how would i even know that lol", "¿cómo lo voy a saber?").
_HOW_TO_TELL = re.compile(
    r"\b(?:how (?:would|do|am|can|could|should|will|is) (?:i|one) (?:even |supposed to |meant to |"
    r"ever )?(?:know|tell|decide|judge|figure(?: (?:it|that) out)?|be sure)|"
    r"how (?:can|do|would|could) (?:you|u|anyone|anybody) (?:even |ever )?(?:know|tell)|"
    r"how (?:to|do you) (?:tell|know|decide)|(?:no|there's no) way (?:to|of) know(?:ing)?|"
    r"can't (?:know|tell) (?:that|this|which)|"
    r"c[oó]mo (?:lo )?(?:voy a |puedo )?(?:s[eé]|saber)|"
    r"comment (?:je (?:peux|pourrais|suis cens[ée]e?) |puis-je |on peut )?(?:le )?savoir|"
    r"(?:woher|wie) soll ich (?:das )?wissen|como (?:eu )?(?:vou|posso) saber|como (?:eu )?sei)\b"
)


def asks_how_to_tell(text: str) -> bool:
    """Whether a message asks how to choose between the options ("how would i even know")."""
    return len(words(text)) <= _LONGEST and _HOW_TO_TELL.search(normalise(text)) is not None


# Holding back at a yes/no that cannot be undone ("hmm no wait", "hold on", "not sure",
# "let me think", "espera", "warte mal", "attends", "peraí"): not a yes.
_HESITATES = re.compile(
    r"\b(?:no|nope|nah|not|wait|hold on|hang on|hmm+|um+|uh+|actually|maybe|idk|unsure|"
    r"let me think|not sure|not yet|later|don't|dont|stop|never ?mind|"
    r"espera|esperá|mejor no|todav[ií]a no|warte|moment|lieber nicht|doch nicht|nein|"
    r"attends?|attendez|pas s[uû]r|plut[oô]t pas|non|espere|pera[ií]|melhor n[aã]o|n[aã]o)\b"
)


def hesitates(text: str) -> bool:
    """Whether words at a yes/no that cannot be undone hold back ("hmm no wait")."""
    return len(words(text)) <= _LONGEST and _HESITATES.search(normalise(text)) is not None
