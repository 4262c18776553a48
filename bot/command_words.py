"""Commands asked for in words ("show my plan", "where am I", "what are my reminders").

Pure. A request is a whole short message: a polite lead, the request, a polite tail, with
nothing of the user's own around it, so an answer that merely holds the words ("my plan is
to ask again in March", "I want to see the plan they make") stays an answer. Only "my" plan,
wins or reminders count: "what's the plan?" may be the question a user means to ask someone.
"""

from __future__ import annotations

import re

from bot.commands import Command, CommandName
from bot.wording import normalise

_POLITE = r"(?:(?:ok|okay|so|um+|hm+|wait|hey|sorry|actually|oh|first|quickly),? )*"
_ASKING = (
    r"(?:(?:can|could|may) (?:i|you)(?: please)? |(?:please |pls )?"
    r"|i(?:'d| would) like to |i want to |i wanna |let me |lemme )"
)
_SEE = r"(?:see|show|view|check|get|read|display|look at|have a look at|list|give|send)(?: me)?"
_TAIL = r"(?: so far| again| now| please| pls| quickly| first| real quick)*\W*$"
_WHAT_IS = r"(?:what(?:'s| is| are| was| were|s)|where(?:'s| is| are)|how(?:'s| is| are))"

_PATTERNS: tuple[tuple[CommandName, re.Pattern[str]], ...] = (
    (
        CommandName.PLAN,
        re.compile(
            rf"^{_POLITE}(?:{_ASKING}{_SEE} (?:my |the )?(?:plan|card|summary)(?: so far)?"
            rf"|{_WHAT_IS} my plan(?: so far| now| looking like)?|my plan|plan please)"
            rf"(?: so far)?{_TAIL}"
        ),
    ),
    (
        CommandName.REMINDERS,
        re.compile(
            rf"^{_POLITE}(?:{_ASKING}{_SEE} (?:my|the) (?:reminders?|revisits?|check[- ]ins?)"
            rf"|{_WHAT_IS} my (?:reminders?|revisits?|check[- ]ins?)|my reminders"
            rf"|(?:do i have |are there |have i got )?any (?:reminders?|revisits?|check[- ]ins?)"
            rf"(?: set| scheduled| coming up| booked)?"
            rf"|what (?:reminders?|revisits?|check[- ]ins?) (?:do i have|have i got|are (?:there|"
            rf"set|scheduled|coming up))"
            rf"|when (?:will|are) you (?:check(?:ing)? in|remind(?:ing)? me|com(?:e|ing) back))"
            rf"{_TAIL}"
        ),
    ),
    (
        CommandName.WINS,
        re.compile(rf"^{_POLITE}(?:{_ASKING}{_SEE} my wins|{_WHAT_IS} my wins|my wins){_TAIL}"),
    ),
    (
        CommandName.STATUS,
        re.compile(
            rf"^{_POLITE}(?:where (?:am i|are we)(?: at| up to)?|how far (?:am i|are we)"
            rf"(?: along| in)?|how (?:many|much) (?:more )?(?:questions?(?: (?:is|are))?"
            rf"(?: (?:left|to go|there|more))?|(?:is |are )?(?:left|to go|more))|how much longer|"
            rf"what (?:step|question) (?:am i|are we) (?:on|at)|what (?:step|question) is this"
            rf"|{_WHAT_IS} my (?:status|progress)|{_ASKING}{_SEE} (?:my )?status"
            rf"|status check|status please|am i nearly (?:done|there)|are we nearly (?:done|there))"
            rf"{_TAIL}"
        ),
    ),
    (
        CommandName.RESTART,
        re.compile(
            rf"^{_POLITE}(?:{_ASKING}|let's |let us |can we |could we |we should |lets )?"
            rf"(?:start (?:over|again|afresh|from (?:scratch|the (?:beginning|start|top)))|"
            rf"restart(?: (?:this|it|the (?:whole )?(?:thing|conversation|reframe)))?|"
            rf"begin again|do (?:this|it) (?:over|again from the start)|"
            rf"(?:quiero|podemos) (?:empezar de nuevo|volver a empezar|reiniciar)|"
            rf"(?:ich )?(?:will|möchte|moechte) (?:neu anfangen|von vorne anfangen)|"
            rf"(?:je veux |on peut )?(?:recommencer|tout recommencer)(?: à zéro)?|"
            rf"(?:quero |vamos )?(?:recomeçar|começar de novo))"
            rf"{_TAIL}"
        ),
    ),
    (
        CommandName.HELP,
        re.compile(
            rf"^{_POLITE}(?:what can i (?:type|say|write)|what are the commands|"
            rf"{_ASKING}{_SEE} (?:the )?(?:commands|help)|(?:list of )?commands|help(?: please)?|"
            rf"what commands (?:are there|can i use|do you (?:have|know)))"
            rf"{_TAIL}"
        ),
    ),
)


# "Can I see the plan?" may be the question a user means to ask someone: where the answer is
# itself a question, only their own ("my plan") is a request to the coach.
_THEIRS = re.compile(r"\bthe (?:plan|card|summary|reminders?|revisits?|check[- ]ins?)\b")


def read(text: str, *, answer_is_a_question: bool = False) -> Command | None:
    """The command a short request in words asks for, or None when it is anything else."""
    if len(text) > 80:
        return None
    lowered = normalise(text).rstrip("?!. ")
    if answer_is_a_question and _THEIRS.search(lowered):
        return None
    for name, pattern in _PATTERNS:
        if pattern.match(lowered):
            return Command(name)
    return None
