"""What a message means at a step of the dialogue, besides being an answer (pure, no I/O).

Each reader takes the user's text and returns an `Intent`. The word lists here are what
people type, not what the coach says, so they live in code rather than in prompts/.
Contexts (and the intents each may return) follow the blind-set format:

    free_text      answer | question | dont_know | exit | ack
    boundary       hard | soft | unsure | closed | question | exit | ack  (+ the note)
    nudge          yes | maybe | no | snooze | stop | unclear  (in bot/nudge_words.py)
    after_summary  show_plan | new_setback | ack | exit | other
    first_message  greeting | setback | question
"""

from __future__ import annotations

import difflib
import re
from enum import StrEnum

from bot import asking_back
from bot.wording import SHORT_WORDS, has_words, normalise
from bot.wording import core as _core
from bot.wording import full as _full
from bot.wording import only_glue as _only_glue
from bot.wording import word_set as _word_set
from bot.wording import words as _words


class Intent(StrEnum):
    """What a message does at the step it was typed at."""

    ANSWER = "answer"
    QUESTION = "question"
    DONT_KNOW = "dont_know"
    SKIP = "skip"
    EXIT = "exit"
    ACK = "ack"
    HARD = "hard"
    SOFT = "soft"
    UNSURE = "unsure"
    CLOSED = "closed"
    YES = "yes"
    MAYBE = "maybe"
    NO = "no"
    SNOOZE = "snooze"
    STOP = "stop"
    UNCLEAR = "unclear"
    SHOW_PLAN = "show_plan"
    NEW_SETBACK = "new_setback"
    OTHER = "other"
    GREETING = "greeting"
    SETBACK = "setback"


_EXIT = _full(
    r"(?:please |can we |let's |let us |i want to |i wanna |i'd like to |i need to |"
    r"i want you to |i would like to )?(?:stop|quit|exit|end|leave|cancel|finish|be done)"
    r"(?: it| this| now| here| this now| the conversation| this conversation| talking| for now|"
    r" for today| please| this chat| the chat| these questions)*"
    r"|stop it|i'm done|i am done|done|i'm out|enough|that's enough|enough for today|"
    r"leave me alone|go away|bye|goodbye|bye bye|good bye|see you|see ya|cya|"
    r"i don't want to (?:do this|continue|go on|talk about it|answer)(?: anymore| now)?|"
    r"no more(?: questions)?|not now|not today|i give up on this|forget it|never ?mind|"
    r"nvm|i'm leaving|gotta go|got to go|i have to go|i need to go|can i stop|can i leave|"
    r"i'd rather not continue|i want out|let me go|shut up|end session|stop asking|"
    r"(?:good ?)?night|nite|gn|nighty night|para|stopp|arr[eê]te|basta"
)
# Exit said in any words: a stopping phrase, with nothing else but glue words around it
# ("ok bye", "nah i'm done", "i'm tired of this, stop"); other words make it an answer.
_EXIT_KERNEL = re.compile(
    r"\b(?:stop(?:ping)?|quit(?:ting)?|exit|end(?:ing)?|cancel|finish(?:ed)?|done|enough|"
    r"bye+|goodbye|bye bye|ciao|cya|see (?:ya|you)|leav(?:e|ing)(?: now)?|go away|"
    r"out of here|i'm out|gotta (?:go|run)|got to (?:go|run)|have to (?:go|run)|need to go|"
    r"call it (?:a day|quits)|let me be|leave me alone|leave it|peace out|talk later|"
    r"(?:some )?other time|another time|come back later|not in the mood|(?:tired|sick) of this|"
    r"had enough|over it|give up|no more|that's it|not now|not today|forget it|never ?mind|nvm|"
    r"not doing this|not do this|(?:going to|gonna) go|i'll pass|"
    r"don't want to (?:do|talk|continue|go on|answer)|"
    r"(?:need|take) a break(?: from (?:this|it))?|paus(?:e|ing)|sign(?:ing)? off|log(?:ging)? off|"
    r"gtg|g2g|ttyl|talk (?:tomorrow|soon|later)|i'm off|(?:call|calling) it a (?:night|day)|"
    r"that's all|(?:another|some other) day|head(?:ing)? (?:off|out)|"
    r"come back (?:another day|tomorrow|later)|forget about it|abort|close (?:this|it)|"
    r"let me out|get me out|over (?:this|it)|"
    r"(?:tired|sick) of (?:this|answering|these|the questions)|"
    r"(?:go|going) offline|(?:do|finish) the rest later|be back later|wrap (?:it |this )?up|"
    r"call it (?:there|quits)|can't do this(?: (?:today|now|right now|anymore))?|"
    r"leave it there|pick (?:this|it) up (?:tomorrow|later|another time)|stopp|h[öo]r auf|"
    r"adi[oó]s|hasta luego|chao|tsch[uü]ss|au revoir|tchau|basta|chega|"
    r"j'arr[eê]te|arr[eê]ter|aufh[oö]ren|parar|salir|sair|terminar|fertig|schluss)\b"
)
_EXIT_GLUE = _word_set(
    "i i'm im i've we we're let's let us me my you want wanna would i'd like to rather need can "
    "could please pls just ok okay nah no yeah now here this that it for today tonight the "
    "a an conversation chat talk talking session questions all of with right rn really "
    "anymore any more already then so think guess am are is be gonna going i'll time back "
    "come later again maybe for now about coaching thing this stuff bot quiero ich will je "
    "moi für heute por hoy ya pour aujourd'hui isn't helping not helping pointless thanks "
    "thank sorry good well me that's for today tomorrow continue pick up there ugh lass uns "
    "veux quero möchte want ✌️"
)
_DONT_KNOW_KERNEL = re.compile(
    r"\b(?:(?:i )?(?:don't|do not|really don't) (?:really )?know|dunno|idk|idek|no idea|no clue|"
    r"not (?:really )?sure|unsure|not a clue|(?:haven't|have not) (?:got )?a clue|"
    r"couldn't (?:tell|say)|can't (?:tell|say)|wouldn't know|stumped|beats me|no sé|ni idea|"
    r"keine ahnung|wei(?:ß|ss) (?:ich )?nicht|je (?:ne )?sais pas|aucune idée|não sei|nao sei|"
    r"sei lá|nothing (?:comes|springs|jumps)(?: to mind| up| out)?|"
    r"(?:mind|head)(?:'s| is| has gone| went| gone)? (?:empty|blank)|"
    r"can't think of (?:any|anything|one|a (?:single )?thing)|blanking|not much|"
    r"(?:never|haven't|not) (?:really )?(?:thought|considered) (?:about )?(?:it|that)|"
    r"nothing (?:i can think of|that comes to mind)|no se|"
    r"drawing (?:a )?blanks?|blank|stuck|clueless|(?:the|a) foggiest|search me|"
    r"(?:be|i'm|am) (?:just |only )?guessing|can't answer (?:that|this|it)|"
    r"can't come up with (?:anything|something|one)|(?:came|come|coming) up (?:empty|blank)|"
    r"hard to (?:tell|say|know)|don't even know|(?:got|have) nothing|"
    r"not the (?:right |best )?(?:person|one) to (?:say|ask|answer)|uncertain|"
    r"who (?:can|could) say|who knows|no answer)\b|🤷"
)
_DONT_KNOW_GLUE = _word_set(
    "i i'm you really honestly tbh lol man hmm um no yet at all either sorry to be honest what "
    "say yeah nope genuinely just tho though haha literally absolutely completely totally even "
    "mind head is gone has went on this one here mate that it i've i'd only kinda bit a have "
    "my haven't mind's whatsoever tell me nothing ? right now "
    "😅 😬 🤷 🤷‍♀️ 🤷‍♂️ ‍♀️ ‍♂️ ♀️ ♂️ ️ ‍"
)
_WH_TAIL = re.compile(r"^(?:what|how|why|who|where|which|if|whether)\b")


def _is_exit(text: str) -> bool:
    if _only_glue(text, _EXIT_KERNEL, _EXIT_GLUE):
        return True
    # "This is too much right now, I need to stop": a clause that leaves, beside clauses that
    # say how the conversation feels; a clause that tells something ("ask in March, then
    # stop") keeps it an answer.
    clauses = [part for part in _CLAUSES.split(normalise(text)) if part.strip()]
    leaving = [part for part in clauses if _only_glue(part, _EXIT_KERNEL, _EXIT_GLUE)]
    return bool(leaving) and all(
        part in leaving or all(word in _REASON for word in _words(_core(part))) for part in clauses
    )


_CLAUSES = re.compile(r"[,;.!?…]+|\s[-–—]+\s|\b(?:but|so)\b")
# How the conversation feels: the reasons people give beside leaving it.
_REASON = _word_set(
    "this it that is isn't was feels feel feeling too much so very really right now today "
    "tonight i i'm im am tired exhausted busy not helping pointless useless hard heavy sorry "
    "thanks thank you ugh honestly changed my mind in a good place for mood the lot of getting "
    "late overwhelmed overwhelming stressed can't anymore no nope ok okay well just bit kinda "
    "already enough been long day it's this's ve i've making me feel worse bad upset sad anxious "
    "all a little"
)


def _is_dont_know(text: str) -> bool:
    if _only_glue(text, _DONT_KNOW_KERNEL, _DONT_KNOW_GLUE):
        return True
    # "I'm not sure what they'd gain": not knowing about the question itself, nothing told.
    lowered = normalise(text)
    found = _DONT_KNOW_KERNEL.search(lowered)
    if _QUESTION_PHRASES.match(lowered):
        return False
    if (
        found is None
        or found.start() > 14
        or re.search(r"[,;:]|\b(?:but|maybe|so|because)\b", lowered)
    ):
        return False
    return _WH_TAIL.match(lowered[found.end() :].strip()) is not None and len(_words(text)) <= 12


_DONT_KNOW = _full(
    r"(?:i )?(?:don't|do not|dont) know|i really don't know|idk|dunno|i dunno|no idea|"
    r"i have no idea|i've no idea|not sure|i'm not sure|i am not sure|unsure|no clue|"
    r"not a clue|i have no clue|haven't a clue|beats me|who knows|hard to say|can't say|"
    r"i can't say|i can't think of anything|can't think of anything|nothing comes to mind|"
    r"i'm blank|drawing a blank|i'm drawing a blank|blank|no clue either|"
    r"i don't know what to (?:say|write|put|answer)|i have no answer|no answer|"
    r"i haven't thought about (?:it|that)|haven't thought about (?:it|that)|"
    r"not certain|i'm unsure|good question|pass|idk what to say|no idea what to (?:say|write|put)|"
    r"i can't tell|can't tell|i wish i knew|your guess is as good as mine|"
    r"i don't know either|i don't know tbh|nothing|none|nope no idea|i'm not really sure"
)
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
_QUESTION_PHRASES = re.compile(
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


_ACK_WORDS = _word_set(
    "ok okay k kk okey okie oki thanks thank you thx ty tysm cheers ta cool nice great sure "
    "alright aight fine good got it gotcha right noted understood will do sounds good yes yeah "
    "yep yup ya yea mhm mm mhmm hi hello hey yo hiya wow awesome perfect lovely amazing "
    "brilliant neat sweet true fair enough indeed makes sense i see see ah ok. thank u much "
    "very so a lot appreciated appreciate it that's that helps helpful interesting right on "
    "no problem np all good kind of you hmm hm mm one then oh thing okey dokey roger merci danke "
    "gracias obrigado obrigada thnx thanx tks super cool. mate coach bot was useful helped again "
    "hola hallo bonjour salut olá ola oi buenas "
    "👌 🙏"
)


def _is_ack(text: str) -> bool:
    if not has_words(text):
        return bool(text.strip()) and "?" not in text
    words = _words(text)
    return bool(words) and len(words) <= 6 and all(word in _ACK_WORDS for word in words)


# Where the answer itself is a question (the clarifying question to ask them), only these
# unmistakable questions about the coach's question count as asking back.
_PLAIN_QUESTION_BACK = re.compile(
    r"^(?:what do (?:you|u) mean|what does (?:that|this|it) mean|wdym|like what|such as|"
    r"for example|example|examples|any examples?|can you give (?:me )?(?:an )?example|"
    r"could you give (?:me )?(?:an )?example|give me an example|can you explain|explain|"
    r"i don't understand|i don't get (?:it|the question)|what should i (?:say|write|put|ask)|"
    r"what kind of question|not sure what you mean|huh|what|why|how)$"
)


def _is_question_back(text: str) -> bool:
    core = normalise(text)
    words = core.split()
    if not text.strip():
        return False
    if not has_words(text):
        return "?" in text
    asked = text.rstrip().endswith("?")
    if len(words) > SHORT_WORDS + 3 or (len(words) > SHORT_WORDS and not asked):
        return False
    if _QUESTION_PHRASES.match(core) or _QUESTION_PHRASES.match(_core(text)):
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


def free_text(text: str, *, answer_is_a_question: bool = False) -> Intent:
    """Read a message typed at an open question: an answer, or something about the question.

    With `answer_is_a_question` (the step asks for a question to put to them), a question
    counts as asking back only when it is unmistakably about the coach's question.
    """
    if not text.strip():
        return Intent.ACK
    core = _core(text)
    words = _words(text)
    if len(words) > asking_back.LONGEST:
        return Intent.ANSWER
    short = len(words) <= SHORT_WORDS
    if (short and (_EXIT.match(core) or _EXIT.match(normalise(text)))) or _is_exit(text):
        return Intent.EXIT
    if short and asking_back.is_skip(text):
        return Intent.SKIP
    if asking_back.not_following(text):
        return Intent.QUESTION
    if (short and (_DONT_KNOW.match(core) or _DONT_KNOW.match(normalise(text)))) or _is_dont_know(
        text
    ):
        return Intent.DONT_KNOW
    if answer_is_a_question:
        if _PLAIN_QUESTION_BACK.match(core or normalise(text)) or asking_back.is_question_back(
            text, strict=True
        ):
            return Intent.QUESTION
    elif _is_question_back(text) or asking_back.is_question_back(text):
        return Intent.QUESTION
    if short and (_is_ack(text) or (core == "" and len(words) <= 4)):
        return Intent.ACK
    return Intent.ANSWER


# ---- choices with words -------------------------------------------------------------------

_UNSURE = re.compile(
    r"\b(?:not sure|unsure|don't know|dunno|idk|no idea|can't tell|hard to say|no clue|"
    r"maybe|either|both|somewhere (?:in )?between|50/50|fifty fifty|could be either|"
    r"not certain|unclear|who knows|depends|(?:in )?the middle|in between|50[-/ ]50|"
    r"hard to (?:say|tell|know))\b"
)
_CLOSED = re.compile(
    r"\b(?:nobody|no one|noone|no-one|nothing to negotiate|can't go back|cannot go back|"
    r"not a person|no person|loss|passed away|died|gone|no way back|out of my hands|"
    r"closed door|door is closed|nobody to (?:ask|talk to|go back to))\b"
)
_SOFT = re.compile(
    r"\b(?:soft(?:ish| one| boundary)?|could move|might move|can move|flexible|negotiable|"
    r"open to (?:it|talking|discussion)|not final|could change|might change|movable|"
    r"there's room|some room|wiggle room)\b"
)
_HARD = re.compile(
    r"\b(?:hard(?: one| boundary| no)?|final|firm|fixed|set in stone|no way|absolute|"
    r"non-negotiable|not negotiable|definite|definitely not|won't change|never change)\b"
)
# Words that may come before a choice without being a note ("I think it's soft").
_LEAD_WORDS = _word_set(
    "i think it's it is feels like a seems more pretty quite very kind of rather probably "
    "definitely def i'd say honestly a bit somewhat somewhere"
)
_NOTE_SEPARATOR = re.compile(r"^[\s,;:.!?\-–—]+|^(?:because|since|as|cause|cos|bc)\b\s*")


def _note_after(text: str, match: re.Match[str]) -> str:
    """The user's words besides the choice: what follows it when it leads, else all of it."""
    lowered = normalise(text)
    lead = set(lowered[: match.start()].replace(",", " ").split())
    if lead <= _LEAD_WORDS:
        offset = len(text) - len(text.lstrip())
        rest = text[offset + match.end() :] if match.end() <= len(text) else ""
        return _NOTE_SEPARATOR.sub("", rest.strip()).strip()
    return text.strip()


def boundary(text: str) -> tuple[Intent, str]:
    """Read the boundary question's answer: the choice, and any words beside it as a note."""
    kind = free_text(text)
    if kind is Intent.SKIP:
        kind = Intent.DONT_KNOW
    asks = kind is Intent.ANSWER and asking_back.asks_which(text)
    if kind in (Intent.EXIT, Intent.QUESTION) or asks:
        return kind if kind is Intent.EXIT else Intent.QUESTION, ""
    if kind is Intent.DONT_KNOW:
        return Intent.UNSURE, ""
    lowered = normalise(text)
    numbered = re.match(r"^([1-4])(?:$|[\s,;:.)\-–—]+(?!\d))", lowered)
    if numbered is not None:
        # A typed number picks the choice in the order dialogue.py offers them.
        chosen = _BOUNDARY_ORDER[int(numbered.group(1)) - 1]
        return chosen, _NOTE_SEPARATOR.sub("", text.strip()[numbered.end() :]).strip()
    hard_to_say = re.search(r"\bhard to (?:say|tell|know)\b", lowered)
    for intent, pattern in (
        (Intent.CLOSED, _CLOSED),
        (Intent.UNSURE, _UNSURE),
        (Intent.SOFT, _SOFT),
        (Intent.HARD, _HARD),
    ):
        found = pattern.search(lowered)
        if found is None or (intent is Intent.HARD and hard_to_say):
            continue
        if intent is Intent.UNSURE and found.group(0) == "maybe" and _SOFT.search(lowered):
            continue
        note = text.strip() if intent is Intent.CLOSED else _note_after(text, found)
        return intent, note
    if kind is Intent.ACK:
        return Intent.ACK, ""
    # A typo in the choice word itself ("sfot, she said…"): the closest choice, if close.
    first = lowered.split(",")[0].split()
    if first:
        close = difflib.get_close_matches(first[0], _TYPO_CHOICES, n=1, cutoff=0.7)
        if close:
            offset = len(text) - len(text.lstrip()) + len(first[0])
            return _TYPO_CHOICES[close[0]], _NOTE_SEPARATOR.sub("", text[offset:].strip()).strip()
    return Intent.ANSWER, ""


_BOUNDARY_ORDER = (Intent.HARD, Intent.SOFT, Intent.UNSURE, Intent.CLOSED)
# Choice words whose misspellings are still read as the choice.
_TYPO_CHOICES = {"soft": Intent.SOFT, "hard": Intent.HARD, "final": Intent.HARD}


# ---- after the plan, and the first message ------------------------------------------------

_SHOW_PLAN = re.compile(
    r"\b(?:(?:show|see|view|send|give|read|get|open|display|remind|repeat|print|recap)"
    r"(?: me)?(?: my| the| that| our)? (?:plan|summary|card|recap)|(?:my|the|our) plan|"
    r"what (?:was|is|were) (?:my|the|our) plan|plan again|where(?:'s| is) (?:my|the) plan|"
    r"summary again|recap|^plan$|^summary$|what did we (?:decide|agree|come up with)|"
    r"what (?:am i|was i) (?:supposed|meant) to (?:do|say)|"
    r"what we (?:came up with|made|wrote|decided|agreed|planned)|"
    r"^(?:can i |could i |can you |could you |pls |please )?(?:see|show|send|repeat|have|"
    r"give|read|view|display)(?: me)?(?: it| that| this)?(?: again)?$|"
    r"(?:see|show|send|repeat|have|give|get|read|view|display) (?:me )?(?:it|that|this|them) again|"
    r"(?:steps?|plan|summary|card) again|repeat (?:it|that|the plan)|"
    r"what (?:was|were|is|did) (?:it|that|we|the steps?|my (?:next )?steps?)\b.{0,20}\bagain|"
    r"what did we (?:say|decide|agree|plan))\b"
)
# Doing something to the plan other than seeing it ("how do I change my plan?").
_CHANGE_PLAN = re.compile(r"\b(?:change|edit|update|delete|remove|modify|fix|redo|stop|cancel)\b")
_THANKS = re.compile(
    r"\b(?:thank\w*|thx|ty|helpful|helped|useful|love (?:it|this)|good stuff|great|amazing|"
    r"brilliant|awesome|wonderful|fantastic|appreciate\w*|feel(?:ing)? (?:\w+ ){0,2}better|"
    r"nice|cool|perfect|lovely|sweet|will do)\b"
)
_NEW_SETBACK = re.compile(
    r"\b(?:another (?:no|one|setback|rejection)|new (?:no|one|setback|reframe)|"
    r"start (?:a )?(?:new|another|over)|one more|something else happened|also got a no|"
    r"(?:can|could) we (?:do|try) (?:another|a new)|i have another|i've got another|"
    r"(?:said|says|told me) no|rejected|turned (?:me |it )?down|refused|declined|denied|"
    r"didn't get|won't (?:let|give|pay|approve|fix)|wouldn't|can't have|not allowed|"
    r"no to (?:my|the|our)|got a no|passed on|said they won't|"
    r"wasn't (?:approved|accepted|selected)|"
    r"didn't (?:approve|accept|agree)|was let go|laid off|fired)\b"
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|nobody|nothing|none|can't|couldn't|won't|wouldn't|don't|doesn't|didn't|"
    r"isn't|wasn't|aren't|weren't|refus\w*|reject\w*|declin\w*|lost|fail\w*|denied|against)\b"
)
_GREETING = _full(
    r"(?:hi|hello|hey|hiya|heya|yo|howdy|greetings|good (?:morning|afternoon|evening|day)|"
    r"morning|evening|sup|what's up|hi there|hello there|hey there|hey coach|hi coach|"
    r"hello coach|hi bot|hey bot|hello bot|hola|hallo|bonjour|ola|oi|salut|guten tag|"
    r"hi again|hello again|hey again|good to meet you|nice to meet you)"
    r"(?: there| again| coach| bot| you| friend| all| team)*"
    r"(?: how are you| how's it going| how are things)?"
)
_HOW_ARE_YOU = re.compile(r"\bhow (?:are|r) (?:you|u)\b|\bhow's it going\b")
_ABOUT_BOT = re.compile(
    r"\b(?:what (?:is|are) (?:this|you|reframe)|who are you|what do you do|what can you do|"
    r"how (?:does|do) (?:this|it|you)(?: \w+)? work|"
    r"is (?:this|it) (?:free|private|safe|confidential|secure|anonymous)|"
    r"do you (?:store|save|keep|share|read|record)|who (?:made|built|runs) (?:you|this)|"
    r"how does (?:this|it) work|how do (?:i|you) (?:use|start|work)|what's this|what is this|"
    r"what are you for|are you (?:a bot|human|real|a person|an ai)|is this a bot|"
    r"is (?:this|it|that) (?:a |an )?(?:bot|real|human|person|ai|automated)|"
    r"can you help|how can you help|what is reframe|help me understand|what should i do here|"
    r"how do i begin|what happens now|what now)\b"
)


_WANTS_NEW = re.compile(
    r"\b(?:another (?:one|reframe)|new (?:one|reframe)|start (?:a )?(?:new|another|over)|"
    r"(?:can|could) we (?:do|try) (?:another|a new)|i have another|i've got another|one more)\b"
)


def tells_new_no(text: str) -> bool:
    """Whether the words plainly tell of a new refusal or ask for a new reframe (strong cues)."""
    return _NEW_SETBACK.search(normalise(text)) is not None


def wants_new(text: str) -> bool:
    """Whether the user asks for a new reframe without telling its story yet."""
    return _WANTS_NEW.search(normalise(text)) is not None and len(_words(text)) <= 8


def after_summary(text: str) -> Intent:
    """Read a message sent after the plan was shown: the plan again, a new no, or neither."""
    lowered = normalise(text)
    words = _words(text)
    if not has_words(text):
        return Intent.ACK
    shown = _SHOW_PLAN.search(lowered) or _SHOW_PLAN.search(_core(text))
    if shown and len(words) <= 12 and not _CHANGE_PLAN.search(lowered):
        return Intent.SHOW_PLAN
    if _NEW_SETBACK.search(lowered):
        return Intent.NEW_SETBACK
    kind = free_text(text)
    if kind is Intent.ACK or _GREETING.match(_core(text) or lowered):
        return Intent.ACK
    if kind is Intent.EXIT:
        return Intent.EXIT
    if _THANKS.search(lowered) and len(words) <= 8 and not text.rstrip().endswith("?"):
        # "This was really helpful", "feeling better already": thanks in other words.
        return Intent.ACK
    told = kind is Intent.ANSWER and len(words) >= 5 and not text.rstrip().endswith("?")
    if told and _NEGATION.search(lowered) and not _UNSURE.search(lowered):
        # A story of some length that tells of a refusal is most likely the next no.
        return Intent.NEW_SETBACK
    return Intent.OTHER


def first_message(text: str) -> Intent:
    """Read a first message: a greeting, a question about the coach, or a setback told."""
    lowered = normalise(text)
    core = _core(text)
    words = _words(text)
    if not has_words(text) or _GREETING.match(lowered) or _GREETING.match(core):
        return Intent.GREETING
    if _is_ack(text) and len(words) <= 3:
        return Intent.GREETING
    if _ABOUT_BOT.search(lowered) and len(words) <= 12:
        return Intent.QUESTION
    if len(words) <= 6 and _GREETING.match(words[0]) and _HOW_ARE_YOU.search(lowered):
        return Intent.GREETING
    if len(words) < 3 and not _NEW_SETBACK.search(lowered):
        return Intent.GREETING if free_text(text) is Intent.ACK else Intent.QUESTION
    if free_text(text) in (Intent.QUESTION, Intent.DONT_KNOW) and len(words) <= 6:
        return Intent.QUESTION
    return Intent.SETBACK
