"""What a message means at a step of the dialogue, besides being an answer (pure, no I/O).

Each reader takes the user's text and returns an `Intent`. The word lists here are what
people type, not what the coach says, so they live in code rather than in prompts/.
Contexts (and the intents each may return) follow the blind-set format:

    free_text      answer | question | dont_know | exit | ack
    boundary       hard | soft | unsure | closed | question | exit | ack  (+ the note)
                   (in bot/boundary_words.py)
    nudge          yes | maybe | no | snooze | stop | unclear  (in bot/nudge_words.py)
    after_summary  show_plan | new_setback | ack | exit | other  (in bot/opening_words.py)
    first_message  greeting | setback | question  (in bot/opening_words.py)
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot import asking_back, pushback, question_words
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
    "my haven't mind's whatsoever tell me nothing ? right now still again sadly "
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
    if question_words.QUESTION_PHRASES.match(lowered):
        return False
    if (
        found is None
        or found.start() > 14
        or re.search(r"[,;:]|\b(?:but|maybe|so|because)\b", lowered)
    ):
        return False
    return _WH_TAIL.match(lowered[found.end() :].strip()) is not None and len(_words(text)) <= 12


_DONT_KNOW = _full(
    # Not knowing said again ("i said idk", "like i said, no idea", "ya te dije que no sé").
    r"(?:(?:i (?:already |just )?(?:said|told (?:you|u))|like i said|as i said|"
    r"ya te dije(?: que)?|ich sagte(?:,? ich)?|j'ai dit(?: que)?|eu (?:j[aá] )?disse(?: que)?),? )?"
    r"(?:(?:i )?(?:don't|do not|dont) know|no s[eé]|wei[ßs] (?:ich )?nicht|"
    r"je (?:ne )?sais pas|n[aã]o sei|i really don't know|idk|dunno|i dunno|no idea|"
    r"i have no idea|i've no idea|not sure|i'm not sure|i am not sure|unsure|no clue|"
    r"not a clue|i have no clue|haven't a clue|beats me|who knows|hard to say|can't say|"
    r"i can't say|i can't think of anything|can't think of anything|nothing comes to mind|"
    r"i'm blank|drawing a blank|i'm drawing a blank|blank|no clue either|"
    r"i don't know what to (?:say|write|put|answer)|i have no answer|no answer|"
    r"i haven't thought about (?:it|that)|haven't thought about (?:it|that)|"
    r"not certain|i'm unsure|good question|pass|idk what to say|no idea what to (?:say|write|put)|"
    r"i can't tell|can't tell|i wish i knew|your guess is as good as mine|"
    r"i don't know either|i don't know tbh|nothing|none|nope no idea|i'm not really sure)"
)
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


def is_ack(text: str) -> bool:
    """Whether a short message only acknowledges (ok, thanks, an emoji), asking nothing."""
    if not has_words(text):
        return bool(text.strip()) and "?" not in text
    words = _words(text)
    return bool(words) and len(words) <= 6 and all(word in _ACK_WORDS for word in words)


def free_text(text: str, *, answer_is_a_question: bool = False) -> Intent:
    """Read a message typed at an open question: an answer, or something about the question.

    With `answer_is_a_question` (the step asks for a question to put to them), a question
    counts as asking back only when it is unmistakably about the coach's question.
    """
    if not text.strip():
        return Intent.ACK
    core = _core(text)
    words = _words(text)
    if pushback.confused(text, strict=answer_is_a_question):
        # "wait what. i asked u a question", "que? respect??": the question was not followed.
        return Intent.QUESTION
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
        if question_words.PLAIN_QUESTION_BACK.match(
            core or normalise(text)
        ) or asking_back.is_question_back(text, strict=True):
            return Intent.QUESTION
    elif question_words.question_back(text) or asking_back.is_question_back(text):
        return Intent.QUESTION
    if short and (is_ack(text) or (core == "" and len(words) <= 4)):
        return Intent.ACK
    return Intent.ANSWER
