"""Words beside the answer at a maybe's new-date question (and the own-win question, when it
is open too): a question about the coach, or not knowing ("maybe", "idk") (pure).

Neither is read as a date: the first gets its straight answer, the second a word that not
knowing is fine and what each open question takes; then both questions again, nothing kept.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot import about_coach, intents, own_win
from bot.dialogue import REVISIT_CHOICES
from bot.domain import Reply, Session, Transition
from bot.steps import NUDGE_DATE_STEP, choices
from bot.wording import normalise

# "maybe", "idk maybe?", "not sure tbh", "quizás": unsure, with no date in it.
_UNSURE = re.compile(
    r"^(?:(?:hmm+|um+|uh+|well|so|idk|i guess|i think|honestly|tbh|ugh|oh)\W+)*"
    r"(?:maybe|perhaps|possibly|not sure|unsure|no idea|dunno|idk|don't know|do not know|"
    r"i don't know|i dont know|hard to say|who knows|can't say|cant say|kind of|sort of|kinda|"
    r"quiz[aá]s?|tal vez|no s[eé]|vielleicht|keine ahnung|weiß nicht|weiss nicht|peut-[eê]tre|"
    r"je sais pas|je ne sais pas|talvez|n[aã]o sei)"
    r"(?:\W+(?:i guess|i think|idk|tbh|honestly|lol|haha|really|yet|either|maybe|so|not sure))*"
    r"\W*$"
)


def unsure(text: str) -> bool:
    """Whether a message only says the person is not sure ("maybe", "idk maybe?")."""
    said = normalise(text)
    return bool(_UNSURE.match(said)) or intents.free_text(text) is intents.Intent.DONT_KNOW


def answered(session: Session, text: str, now: datetime) -> Transition | None:
    """At the new-date question, a question about the coach or not knowing: answered, and the
    open questions asked again, nothing kept; None for any other words."""
    topic = about_coach.asked(text)
    if topic is not None:
        said = about_coach.said(topic, session.user)
    elif unsure(text):
        said = Reply("nudge_date.unsure")
    else:
        return None
    date_again = Reply(
        "nudge_date.reprompt",
        choices=choices(NUDGE_DATE_STEP, REVISIT_CHOICES),
        choice_step=NUDGE_DATE_STEP,
    )
    win_again = own_win.question(session) if own_win.awaiting(session, now) else ()
    return Transition(session, (said, date_again, *win_again))
