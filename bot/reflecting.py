"""A short line that says back what was just answered, before the next question (pure).

A form moves on without a word; a coach shows it heard. Free-text answers are said back in a
few of the user's own words ("That's real value: …"); the words beside a choice (the
reason given with "hard - they already hired the other guy") are said back with the
choice, before what the coach says about it. Nothing is said back for a skipped question.
"""

from __future__ import annotations

from bot import owed
from bot.domain import Reply, Session, Step
from bot.opening import gist

# Free-text questions whose answer is said back (`<step>.heard`). The clarifying question and
# the win are left out: the first has its own follow-ups (said_too.py, default_answer.py),
# the second is followed by the card, which shows it.
SAID_BACK = (
    Step.ASK,
    Step.UNSEEN,
    Step.OFFER,
    Step.DONE,
    Step.GAIN,
    Step.OPTION_DETAIL,
    Step.CONTROL,
    Step.HELPERS,
    Step.NEXT_MOVE,
)

# Choices whose note is said back with them (`<step>.noted_<choice>`).
NOTED = {
    Step.BOUNDARY: ("hard", "hard_owed", "closed", "soft", "unsure"),
    Step.TIMING: ("yes", "maybe", "no"),
}

KEYS = (
    *(f"{at.value}.heard" for at in SAID_BACK),
    *(f"{at.value}.noted_{choice}" for at, chosen in NOTED.items() for choice in chosen),
    "listen.reassured",
    "listen.reassured_choice",
)


def heard(moved: Session, answered: Step) -> Reply | None:
    """The line that says back the answer just kept; None when there is nothing to say back
    (a skipped question, a bare choice, a question not said back)."""
    value = moved.answers.get(answered.value, "")
    if not value.strip():
        return None
    if answered in SAID_BACK:
        if moved.step is Step.REFLECT:
            # A thinking trap in the words is reflected as a question of its own instead.
            return None
        return Reply(f"{answered.value}.heard", {"answer": gist(value)})
    note = moved.answers.get(f"{answered.value}_note", "").strip()
    if answered not in NOTED or not note:
        return None
    if answered is Step.BOUNDARY and value == "hard" and owed.owed(moved.answers):
        value = "hard_owed"
    if value not in NOTED[answered]:
        return None
    return Reply(f"{answered.value}.noted_{value}", {"answer": gist(note)})


def reassured(answered: Step, value: str, *, chosen: bool) -> Reply:
    """The answer to a question about one's own answer ("is that normal?"); a choice is
    named by its label (free text is said back by `heard`, or shown on the card)."""
    if chosen:
        return Reply(
            "listen.reassured_choice", labels={"answer": f"{answered.value}.choice.{value}"}
        )
    return Reply("listen.reassured")
