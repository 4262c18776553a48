"""Messages at a question that are not plain answers: pushing back, hedged choices (pure).

Confusion, an objection or indifference (bot/pushback.py reads them) is answered and never
kept; a hedged choice ("idk maybe?", "no se... creo que es duro") is taken and said back, and
a question beside it ("is this gonna take long") answered.
"""

from __future__ import annotations

from dataclasses import replace

from bot import (
    asking_back,
    boundary_words,
    choice_words,
    dialogue,
    impatience,
    intents,
    owed,
    pushback,
    tacked_on,
)
from bot.dialogue import QUESTIONS
from bot.domain import Reply, Session, Step, Transition
from bot.examples import explained, with_choices
from bot.steps import ask


def notes(current: Step, note: str) -> dict[str, str]:
    """The words beside a choice, kept where the question keeps a note."""
    if choice_words.only_hedge(note):
        # "soft I think": the hedge is how it was said, not something to keep on the card.
        return {}
    return {f"{current.value}_note": note} if QUESTIONS[current].note and note else {}


def hedged(current: Step, offered: tuple[str, ...], text: str) -> tuple[str, str] | None:
    """The choice a hedged answer picks ("idk maybe?", "no se... creo que es duro") and the
    words after it; None when it picks none."""
    if not offered or not text:
        return None
    found = choice_words.hedged_choice(text, offered)
    rest = choice_words.unhedged(text)
    if found is None and current is Step.BOUNDARY and rest:
        read, note = boundary_words.boundary(rest)
        found = (read.value, note) if read.value in offered else None
    return found


def said_back(session: Session, current: Step, chosen: str, note: str) -> tuple[Reply, bool]:
    """The hedged choice said back, with how many questions are left when the words beside it
    asked ("is this gonna take long"); and whether they did."""
    label = {"answer": f"{current.value}.choice.{chosen}"}
    if note and impatience.impatient(note):
        left = dialogue.counted({**session.answers, current.value: chosen})
        total = len(left) - left.index(current) - 1 if current in left else 0
        return Reply("listen.hedged_left", {"total": str(total)}, labels=label), True
    return Reply("listen.hedged", labels=label), False


def pushed_back(session: Session, current: Step, text: str) -> Transition | None:
    """Confusion, an objection or indifference instead of an answer: never kept, the
    question explained or asked again; None when the message is none of these."""
    if owed.wants_plain(text) and not owed.plain(session.answers):
        # "a concrete plan pls, not a pep talk": the card without encouragement, from here on.
        plain = replace(session, answers={**session.answers, owed.PLAIN_KEY: "plain"})
        return Transition(plain, (Reply("listen.plain"), ask(current, plain)))
    if _unsure_and_impatient(session, current, text):
        # "idk maybe? is this gonna take long": how far it is, and the question again.
        left = dialogue.counted(session.answers)
        total = len(left) - left.index(current) if current in left else 1
        return Transition(
            session, (Reply("listen.impatient", {"total": str(total)}), ask(current, session))
        )
    if current in (Step.BOUNDARY, Step.TIMING) and pushback.asks_how_to_tell(text):
        # "how would i even know that lol": help deciding, and the choices again.
        return Transition(session, (with_choices(session, current, "decide"),))
    if pushback.objection(text):
        return Transition(session, (Reply("listen.objection"), explained(session, current, text)))
    if pushback.confused(text, strict=current is Step.QUESTION) and not asking_back.term_asked(
        text
    ):
        said = (Reply("listen.still_open"),) if pushback.says_over(text) else ()
        return Transition(session, (*said, explained(session, current, text)))
    if pushback.indifferent(text):
        if dialogue.choices(current, session.answers):
            return Transition(session, (Reply("listen.indifferent"), ask(current, session)))
        return Transition(session, (with_choices(session, current, "gentle"),))
    return None


def not_a_plain_choice(text: str) -> bool:
    """Whether typed words at a choice push back, hedge or ask how long this takes ("sure
    whatever", "i didn't pick anything", "idk maybe?", "no se... creo que sí", "soft, how
    many more?"), so that no label they begin with is taken for them with the rest as a note."""
    return (
        pushback.objection(text)
        or pushback.confused(text)
        or pushback.indifferent(text)
        or pushback.asks_how_to_tell(text)
        or owed.wants_plain(text)
        or choice_words.unhedged(text) is not None
        # "maybe, how many more of these?": the choice kept, the question answered (engine).
        or impatience.tail(text) is not None
        # "soft I think - is that normal?": the choice kept, the question answered (engine).
        or tacked_on.tail(text) is not None
    )


def _unsure_and_impatient(session: Session, current: Step, text: str) -> bool:
    """Whether a free-text answer is only a guess at not knowing followed by asking how long
    this takes ("idk maybe? is this gonna take long", "maybe i guess? idk how long is this"):
    nothing in it to keep."""
    split = impatience.tail(text.strip())
    if split is None or dialogue.choices(current, session.answers):
        return False
    head = split[0]
    if head.strip(" ?!.").lower() == "maybe":
        return True
    return choice_words.unhedged(head) in ("maybe?", "maybe", "") or intents.free_text(head) in (
        intents.Intent.DONT_KNOW,
        intents.Intent.ACK,
    )
