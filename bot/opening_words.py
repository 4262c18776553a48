"""Where a new reframe may begin: the first message, and a message after the plan was shown.

A first message is a greeting, a question about the coach or a setback told; after the plan,
a message asks for the plan again, tells a new no, thanks, leaves or is something else.
"""

from __future__ import annotations

import re

from bot.boundary_words import UNSURE
from bot.intents import Intent, free_text, is_ack
from bot.wording import core as _core
from bot.wording import full as _full
from bot.wording import has_words, normalise
from bot.wording import words as _words

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
    r"another thing|otra cosa|outra coisa|autre chose|noch (?:was|etwas)|"
    r"(?:can|could) we (?:do|try) (?:another|a new)|i have another|i've got another|"
    r"(?:said|says|told me) no|rejected|turned (?:me |it )?down|refused|declined|denied|"
    r"didn't get|won't (?:let|give|pay|approve|fix)|wouldn't|can't have|not allowed|"
    r"no to (?:my|the|our)|got a no|passed on|said they won't|"
    r"wasn't (?:approved|accepted|selected)|"
    r"didn't (?:approve|accept|agree)|was let go|laid off|fired)\b"
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|nobody|nothing|none|can't|couldn't|won't|wouldn't|don't|doesn't|didn't|"
    r"isn't|wasn't|aren't|weren't|refus\w*|reject\w*|declin\w*|lost|fail\w*|denied|against|"
    # A rejection letter's words: "we regret to inform you", "unfortunately".
    r"regret\w*|unfortunately|unable|unsuccessful|other candidates|been filled|"
    # The same in Spanish, Portuguese, German and French (the coach reads them all).
    r"não|nao|nunca|nadie|ninguém|nada|rechaz\w*|neg(?:ó|ou|aron|aram|ado|ada)|deneg\w*|"
    r"recus\w*|nein|nicht|kein\w*|abgelehnt|abgesagt|verweigert|gekündigt|non|pas|jamais|"
    r"rejet\w*|personne)\b"
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
    if told and _NEGATION.search(lowered) and not UNSURE.search(lowered):
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
    if is_ack(text) and len(words) <= 3:
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
