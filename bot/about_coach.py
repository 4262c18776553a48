"""Questions about the coach itself, asked at a question or inside an answer (pure).

"are you a real person?", "is this confidential?", "who can see this?", "what do you do
with my data?", "is this AI?": the person gets a straight answer (prompts: `about.<topic>`)
and the same question again; the message is never kept as an answer, even when it also
holds one ("soft i think, but wait, who reads this?"). The words are what people type, so
they live in code.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.dialogue import QUESTIONS
from bot.domain import Inbound, InboundKind, Pending, Reply, Session, Step, Transition, UserKey
from bot.steps import ask
from bot.wording import normalise


class Topic(StrEnum):
    """What a question about the coach asks (each has its text, `about.<value>`)."""

    HUMAN = "human"
    PRIVACY = "privacy"
    DATA = "data"


_YOU = r"(?:you|u|ya|this (?:bot|coach|chat|app|thing|conversation)|the (?:bot|coach|chat))"
_THIS = r"(?:this|it|that|all this|any of this|this stuff)"
_MINE = r"(?:my|these|the|our) (?:data|answers?|info|information|messages?|words|chats?|replies)"
_PERSON = (
    r"(?:a |an )?(?:real |actual |live |human )?(?:person|human(?: being)?|people|someone|"
    r"somebody|anyone|anybody|man|woman|guy|coach)"
)
_MACHINE = (
    r"(?:a |an )?(?:bot|robot|ai|a\.i\.?|chat ?bot|machine|program|computer|script|"
    r"chat ?gpt|gpt|llm|language model|artificial intelligence|automated|automatic)"
)
_DOING = r"there|reading|typing|replying|answering|watching"
# Said about the coach by name or by "you": never words of the user's own matter.
_FORMS = {
    Topic.HUMAN: (
        rf"(?:are|r) {_YOU} (?:even |actually |really |just )?(?:{_PERSON}|{_MACHINE}|real)",
        rf"(?:am i|are we) (?:talking|chatting|speaking|writing|texting) (?:to|with) "
        rf"(?:{_PERSON}|{_MACHINE})",
        rf"is (?:there (?:{_PERSON})(?: (?:{_DOING}))?|(?:{_PERSON}) (?:{_DOING}))"
        rf"(?: (?:this|on the other (?:end|side)|behind (?:this|it|the screen)|there))?",
        r"who am i (?:talking|chatting|speaking) (?:to|with)",
        r"(?:who|what) (?:are|r) (?:you|u|ya)(?: exactly| even| anyway| really)?|who is this",
        r"is (?:this|it|that) (?:even |really |actually )?(?:a |an )?(?:real )?"
        r"(?:person|human|someone)",
        rf"is (?:this|it|that) (?:even |really |actually |just )*(?:{_MACHINE})",
        r"(?:eres|es usted) (?:una persona|humano|un bot|una ia|real)(?: real)?|"
        r"bist du (?:ein mensch|echt|ein bot|eine ki)|es[- ]tu (?:un humain|une personne|"
        r"réel|un bot|une ia)(?: réelle?)?|(?:você|voce|vc) é (?:uma pessoa|humano|um bot|uma ia|"
        r"real)(?: real)?",
    ),
    Topic.PRIVACY: (
        rf"who (?:else )?(?:can|will|could|would|gets to|does|might) (?:see|read|view|access|"
        rf"know about|look at) (?:{_THIS}|{_MINE}|what i (?:write|say|type|wrote|said))",
        rf"who (?:reads|sees|looks at) (?:{_THIS}|{_MINE}|these)",
        rf"(?:can|will|does|could|would) (?:my |the )?(?:boss|manager|employer|company|hr|team|"
        rf"she|he|they|gf|bf|girlfriend|boyfriend|wife|husband|partner|family|parents|mom|mum|dad|"
        rf"co-?workers?|colleagues?|admins?|workspace admins?|anyone|anybody|someone|people|"
        rf"you guys|others|my partner) (?:else )?(?:see|read|find out about|access|get|know about) "
        rf"(?:{_THIS}|{_MINE}|what i (?:write|say|type|wrote|said))",
        rf"(?:is|are) (?:anyone|anybody|someone|a human|people) (?:else )?(?:reading|watching|"
        rf"monitoring|seeing) (?:{_THIS}|{_MINE}|us)",
        rf"(?:is|are) (?:{_THIS}|{_MINE}|this chat|our chat) (?:kept )?(?:confidential|private|"
        rf"anonymous|secret|secure|encrypted|between us|just between us)",
        rf"(?:do|will|would) {_YOU} (?:share|tell|report|pass on|forward|send) (?:{_THIS}|{_MINE})",
        r"qui(?:én|en)? lee esto|wer liest (?:das|mit)|qui (?:lit|voit) (?:ça|ca|ceci)|"
        r"quem (?:lê|le) isso|es (?:esto )?confidencial|ist das (?:vertraulich|privat)|"
        r"c'est confidentiel|é confidencial",
    ),
    Topic.DATA: (
        rf"what (?:do|will|would|does|are) {_YOU} (?:do|doing|going to do|gonna do) with "
        rf"(?:{_MINE}|{_THIS}|what i (?:write|say|type))",
        rf"what happens (?:to|with) (?:{_MINE}|{_THIS}|what i (?:write|say|type))",
        rf"(?:do|will|does|are) {_YOU} (?:store|save|keep|record|log|sell|use|remember|train on|"
        rf"storing|saving|keeping|recording|logging|selling|using) (?:{_MINE}|{_THIS}|my stuff|"
        rf"what i (?:write|say|type)|data|any data|anything)",
        rf"where (?:does|do|is|are) (?:{_THIS}|{_MINE}) (?:go|going|end up|stored|kept|saved)",
        rf"(?:is|are) (?:{_THIS}|{_MINE}) (?:being )?(?:stored|saved|kept|recorded|logged|"
        rf"used (?:for|to train)|sold)",
        rf"how long (?:do|will) {_YOU} keep",
        rf"can i (?:delete|erase|remove|wipe) (?:{_THIS}|{_MINE}|everything|my stuff)"
        r"(?: later| afterwards| after| if i want)?",
        rf"what (?:data|info|information) (?:do|does|will) {_YOU}",
        rf"(?:do|will|does) {_YOU} (?:keep|store|save|remember) (?:{_THIS}|{_MINE}|my stuff|"
        rf"it all|everything) (?:forever|for ever|for good|long|for long|around)",
    ),
}
# A question's end: the message's, a clause's, or a tag after it ("btw", "lol").
_END = (
    r"(?=\s*(?:$|[?!.,;:)]|\b(?:btw|tho|though|lol|haha|lmao|really|actually|honestly|tbh|"
    r"or not|right|here|at all|anyway|first|now)\b))"
)
# "is this confidential?" could also be asked of someone else; at the clarifying question
# step only the forms that name the coach count (and any question whether it is a person).
_NAMES_THE_COACH = re.compile(rf"\b{_YOU}\b|\b(?:here|this chat|{_MINE})\b")
_PATTERNS = {
    topic: re.compile(r"\b(?:" + "|".join(forms) + r")" + _END) for topic, forms in _FORMS.items()
}


def asked(text: str, *, could_be_their_own: bool = False) -> Topic | None:
    """The topic of a question about the coach in the message, anywhere in it; None if none.

    With `could_be_their_own` (the clarifying-question step, where the answer is itself a
    question), one about privacy or data that does not name the coach ("is this
    confidential?") is theirs.
    """
    said = normalise(text)
    for topic, pattern in _PATTERNS.items():
        found = pattern.search(said)
        if found is None:
            continue
        theirs = topic is not Topic.HUMAN and not _NAMES_THE_COACH.search(found.group(0))
        if could_be_their_own and theirs:
            continue
        return topic
    return None


# Surfaces where the conversation is a local file on the person's own machine, not a DM.
_LOCAL = frozenset({"console"})


def said(topic: Topic, user: UserKey) -> Reply:
    """The straight answer to a question about the coach, as it fits where it is asked: in
    the terminal, who sees it is about a local file on this machine, not a workspace."""
    if topic is Topic.PRIVACY and user.platform in _LOCAL:
        return Reply("about.privacy_local")
    return Reply(f"about.{topic.value}")


def answered(session: Session, inbound: Inbound) -> Transition | None:
    """At an open question, a question about the coach gets its straight answer and the same
    question again, nothing kept (after the plan or a cancel, the answer alone); None for any
    other message."""
    if inbound.kind is not InboundKind.MESSAGE or inbound.choice is not None:
        return None
    at = session.step
    asking = session.is_open and at in QUESTIONS
    if session.pending is not None or not (asking or not session.is_open):
        return None
    topic = asked(inbound.text, could_be_their_own=at is Step.QUESTION)
    if topic is None:
        return None
    told = said(topic, session.user)
    return Transition(session, (told, ask(at, session)) if asking else (told,))


# Side questions the engine asks again after a question about the coach (the crisis flow's
# own are answered by it; a maybe's new date by bot/new_date_aside.py).
_SIDE_QUESTIONS = frozenset(
    {
        Pending.RESUME,
        Pending.FORGET,
        Pending.FAR_DATE,
        Pending.TIMEZONE,
        Pending.RESTART,
        Pending.WHICH_DATE,
    }
)


def asked_aside(session: Session, inbound: Inbound) -> Reply | None:
    """At a side question ("Pick up where we left off?", "which day did you mean?"), the
    straight answer to a question about the coach typed there; None for any other message."""
    if inbound.kind is not InboundKind.MESSAGE or inbound.choice is not None:
        return None
    if session.pending not in _SIDE_QUESTIONS:
        return None
    topic = asked(inbound.text)
    return said(topic, session.user) if topic is not None else None
