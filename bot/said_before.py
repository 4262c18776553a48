"""What a later question asks, already said in an earlier answer (pure).

"I bring 5 years on the payments system, my third option is to ask again in 3 months, I'll
revisit it in 2 weeks, and a win would be a clear list of criteria": when the coach reaches
what they bring, the third option, the revisit date or the win, it says those words back and
asks whether to keep them (`yes`), rather than asking as if nothing was said. Only words said
plainly count ("I bring …", "my third option is …", "a win would be …", a date after "revisit"
or "check in"); the clarifying question said beside a change is bot/said_too.py's. The words
are what people type, so they live in code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from types import MappingProxyType

from bot import datewords, dialogue
from bot.domain import Reply, Session, Step
from bot.steps import ask, choices
from bot.wording import normalise

# Where the words said plainly end: a sentence, a clause joined by "and"/"but", a dash.
_END = r"(?P<said>[^.;!?\n]{3,160}?)(?=\s*(?:$|[.;!?\n]|,?\s+(?:and|but|so|plus|also|y|und|et|e)\s+"
_END += r"(?:my|a|the|i|i'll|i will|i'd|if|then|maybe|mi|un|una|ich|mein|meine|ein|je|ma|mon|"
_END += r"une|eu|minha|meu|uma|um)\b))"
_PLAINLY: Mapping[Step, re.Pattern[str]] = MappingProxyType(
    {
        Step.OFFER: re.compile(
            r"\b(?:i (?:can |could |would |'d )?(?:bring|offer)|what i (?:bring|offer)"
            r"(?: (?:them|him|her|to the table))? is|"
            # es, de, fr, pt: "puedo ofrecer", "ich biete", "j'apporte", "posso oferecer"
            r"(?:yo )?(?:puedo ofrecer|ofrezco|aporto)|ich (?:kann |könnte )?(?:biete|anbieten|"
            r"bringe mit|bringe)|j'apporte|je (?:peux )?(?:offrir|propose|apporte)|"
            r"(?:eu )?(?:posso oferecer|ofereço|trago))\s+(?!(?:it|this|that) up\b)" + _END,
            re.IGNORECASE,
        ),
        Step.OPTION: re.compile(
            r"\b(?:(?:my|a|the|our) (?:third option|plan b|other option|middle ground)"
            r"(?: here)? (?:is|would be|could be|might be|will be|:)|"
            r"mi (?:tercera opción|tercera opcion|plan b|otra opción) (?:es|sería|seria)|"
            r"(?:meine (?:dritte option|alternative)|mein plan b) (?:ist|wäre)|"
            r"(?:ma (?:troisième option|solution de rechange|alternative)|mon plan b) "
            r"(?:est|serait)|(?:minha (?:terceira opção|alternativa)|meu plano b) (?:é|seria))"
            r"\s+" + _END,
            re.IGNORECASE,
        ),
        Step.REVISIT: re.compile(
            r"(?:\b(?:i'll|i will|i'd|i would|i want to|i'm going to|we'll|we will|let's|"
            r"let us|i can|i could|i plan to) (?:revisit|check in|check back|come back to|"
            r"circle back|follow up|ask (?:again|(?:her|him|them) again)|try again|raise it "
            r"again|bring it up again)(?: (?:it|this|that|on (?:it|this|that)|with (?:her|him|"
            r"them|you)))?|"
            # es, de, fr, pt: "lo retomaré", "ich frage noch mal", "je redemanderai", "vou
            # perguntar de novo"
            r"\b(?:lo retomaré|volveré a (?:preguntar|intentarlo)|ich (?:frage|versuche es) "
            r"(?:noch ?mal|erneut)|je (?:reviendrai|redemanderai|réessaierai)|vou (?:perguntar|"
            r"tentar) de novo))\s+" + _END,
            re.IGNORECASE,
        ),
        Step.SUCCESS: re.compile(
            r"\b(?:(?:a|my) (?:win|success|good outcome)(?: for me)?(?: this time)? "
            r"(?:would be|will be|is|would just be|=|:)|i'?d (?:count|call) it a (?:win|success) "
            r"if|(?:un|mi) (?:logro|éxito|exito) (?:sería|seria)|(?:ein|mein) (?:erfolg|gewinn) "
            r"wäre|(?:une|ma) (?:victoire|réussite) (?:serait)|(?:uma|minha) vitória seria|"
            r"um sucesso seria)\s+" + _END,
            re.IGNORECASE,
        ),
    }
)
# Answers read for words said before (the steps asked so far whose answers are the user's
# own words; the question's own answer is never read for itself).
_READ = (
    Step.SETBACK,
    Step.ASK,
    Step.UNSEEN,
    Step.OFFER,
    Step.DONE,
    Step.GAIN,
    Step.OPTION,
    Step.OPTION_DETAIL,
    Step.CONTROL,
    Step.HELPERS,
    Step.NEXT_MOVE,
    Step.QUESTION,
    Step.CALM,
)
_AGREE = re.compile(
    r"^(?:(?:yes|yeah|yep|yup|ya|y|sure|ok|okay|correct|right|exactly|true|that's it|that's right|"
    r"keep it|keep that|sounds good|perfect|yes please|go ahead|same|that one|that|use that|"
    r"thats it|yes keep it|yes that|sí|si|claro|exacto|eso|ja|genau|richtig|oui|exactement|"
    r"d'accord|sim|isso|exato)(?:\W+|$))+$"
)
_DECLINE = re.compile(
    r"^(?:no|nope|nah|not that|not really|no thanks|something else|change it|not quite|nein|"
    r"non|não|nao)\W*$"
)


def key(at: Step) -> str:
    """Where the words said before for a question are kept while it is asked."""
    return f"{at.value}_said"


def said(at: Step, answers: Mapping[str, str]) -> tuple[str, str]:
    """The words an earlier answer said plainly for this question, whole as said ("I'll
    revisit it in 2 weeks") and as the answer ("in 2 weeks"); ("", "") when none did."""
    pattern = _PLAINLY.get(at)
    if pattern is None or answers.get(at.value):
        return "", ""
    for earlier in _READ:
        text = answers.get(earlier.value, "")
        plain = text.replace("\u2019", "'")
        found = pattern.search(plain) if text and earlier is not at else None
        if found is not None:
            words = found.group("said").strip(" ,:-'\"")
            if at is not Step.REVISIT or (_WHEN_FIRST.match(words) and _a_date(words)):
                return found.group(0).strip(" ,:-'\""), words
    return "", ""


# After "follow up" or "check in", a date must come first ("in 2 weeks", "next friday"):
# "I'll check in with HR tomorrow" is another errand, not the revisit.
_WHEN_FIRST = re.compile(
    r"^(?:in|on|next|this|after|around|by|at|tomorrow|tmrw|early|mid|end|late|the|a|one|two|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|\d|"
    # es, de, fr, pt: "en dos semanas", "nächsten Freitag", "dans deux semaines", "em duas"
    r"en|el|la|am|dans|em|na|no|nächste\w*|próxim\w*|proxim\w*|mañana|morgen|demain|amanhã)\b",
    re.IGNORECASE,
)


def _a_date(words: str) -> bool:
    """Whether the words name one future day (read in UTC at a fixed date; the real reading
    is done when the person says yes, in their zone and at their now)."""
    probe = datetime(2026, 1, 5, 9, tzinfo=UTC)
    return datewords.read_when(words, probe, "UTC").when is not None


def asked(session: Session) -> tuple[Session, Reply]:
    """The question of the session's step: the words said before said back, asking whether
    to keep them (with the step's choices), when an earlier answer said them; else as ever."""
    at = session.step
    if at not in _PLAINLY or key(at) in session.answers:
        return session, ask(at, session)
    whole, words = said(at, session.answers)
    if not words:
        return session, ask(at, session)
    kept = replace(session, answers=MappingProxyType({**session.answers, key(at): words}))
    offered = dialogue.choices(at, session.answers)
    reply = Reply(
        "said_before.confirm_choices" if offered else "said_before.confirm",
        {"answer": whole},
        labels={"step": f"{at.value}.label"},
        choices=choices(at.value, offered),
        choice_step=at.value if offered else None,
    )
    return kept, reply


def proposed(session: Session) -> str:
    """The earlier words offered at the open question, if any."""
    return session.answers.get(key(session.step), "")


def agrees(text: str) -> bool:
    """Whether a reply keeps the words offered ("yes", "yep that's it", "keep it")."""
    return bool(_AGREE.match(normalise(text)))


def declines(text: str) -> bool:
    """Whether a reply turns the words offered down without giving others ("no", "not that")."""
    return bool(_DECLINE.match(normalise(text)))


def dropped(session: Session) -> Session:
    """The session without the words offered at its question (it is asked plainly then)."""
    answers = {name: value for name, value in session.answers.items() if name != key(session.step)}
    return replace(session, answers=MappingProxyType(answers))
