"""The dialogue as data: every question, its choices, and which path of the method asks it.

The engine runs this table and the prompt loader checks its texts against it, so adding a
question is one row here plus its texts in prompts/coach.toml (`ask`, `label`, `explain`,
`gentle`, and `reprompt` plus `choice.*` when it offers choices).

Three paths through the method, decided by the user's own answers:

    open   a no from someone they can go back to (soft or unsure boundary): all five steps
    hard   a hard boundary: no timing question, third options that look elsewhere
    self   nobody to go back to (a loss, a closed door): what is in their control, who
           could help, a next step for themselves, and step 5
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from bot.domain import Step


class Path(StrEnum):
    """Which way through the method a conversation goes."""

    OPEN = "open"
    HARD = "hard"
    SELF = "self"


ALL_PATHS = frozenset(Path)
WITH_SOMEONE = frozenset({Path.OPEN, Path.HARD})


@dataclass(frozen=True, slots=True)
class Question:
    """How one step asks and what it keeps.

    `choices` are offered as buttons (per path when `hard_choices` differ); with
    `free_text_with_choices` a typed answer of the user's own is kept as it is; `note` keeps
    words typed after a choice ("soft, budget frozen till Q2") as `<step>_note`.
    """

    choices: tuple[str, ...] = ()
    optional: bool = False
    free_text_with_choices: bool = False
    paths: frozenset[Path] = ALL_PATHS
    hard_choices: tuple[str, ...] = ()
    note: bool = False
    # Asked only after a thinking trap was noticed; its words come from the trap's text.
    reflection: bool = False


REVISIT_CHOICES = ("1w", "2w", "1m", "none")
QUESTIONS: Mapping[Step, Question] = MappingProxyType(
    {
        Step.SETBACK: Question(),
        Step.ASK: Question(paths=WITH_SOMEONE),
        Step.REFLECT: Question(optional=True, reflection=True),
        Step.BOUNDARY: Question(choices=("hard", "soft", "unsure", "closed"), note=True),
        Step.TIMING: Question(
            choices=("yes", "maybe", "no"), note=True, paths=frozenset({Path.OPEN})
        ),
        Step.UNSEEN: Question(optional=True, paths=WITH_SOMEONE),
        Step.OFFER: Question(paths=WITH_SOMEONE),
        Step.DONE: Question(optional=True, paths=WITH_SOMEONE),
        Step.GAIN: Question(optional=True, paths=WITH_SOMEONE),
        Step.OPTION: Question(
            choices=("compromise", "pivot", "timeline", "bundle", "later", "other"),
            hard_choices=("elsewhere", "someone", "pivot", "other"),
            free_text_with_choices=True,
            note=True,
            paths=WITH_SOMEONE,
        ),
        Step.OPTION_DETAIL: Question(paths=WITH_SOMEONE),
        Step.CONTROL: Question(paths=frozenset({Path.SELF})),
        Step.HELPERS: Question(optional=True, paths=frozenset({Path.SELF})),
        Step.NEXT_MOVE: Question(paths=frozenset({Path.SELF})),
        Step.REVISIT: Question(
            choices=REVISIT_CHOICES, free_text_with_choices=True, paths=WITH_SOMEONE
        ),
        Step.QUESTION: Question(paths=WITH_SOMEONE),
        Step.CALM: Question(
            choices=("pause", "breathe", "ask"),
            free_text_with_choices=True,
            note=True,
            paths=WITH_SOMEONE,
        ),
        Step.SUCCESS: Question(),
    }
)
DIALOGUE: tuple[Step, ...] = tuple(QUESTIONS)


def path_of(answers: Mapping[str, str]) -> Path:
    """The path the answers so far lead down (open until the boundary says otherwise)."""
    chosen = answers.get(Step.BOUNDARY.value)
    if chosen == "closed":
        return Path.SELF
    if chosen == "hard":
        return Path.HARD
    return Path.OPEN


def asked(at: Step, answers: Mapping[str, str]) -> bool:
    """Whether this step is asked, given the answers so far."""
    question = QUESTIONS[at]
    if question.reflection and not answers.get("trap"):
        return False
    return path_of(answers) in question.paths


def next_step(after: Step, answers: Mapping[str, str]) -> Step:
    """The question that follows `after` on the user's path, or SUMMARY when none is left."""
    index = DIALOGUE.index(after)
    for candidate in DIALOGUE[index + 1 :]:
        if asked(candidate, answers):
            return candidate
    return Step.SUMMARY


def choices(at: Step, answers: Mapping[str, str]) -> tuple[str, ...]:
    """The choices a step offers on the user's path."""
    question = QUESTIONS[at]
    if question.hard_choices and path_of(answers) is Path.HARD:
        return question.hard_choices
    return question.choices


def all_choices(at: Step) -> tuple[str, ...]:
    """Every choice a step can offer on any path (for labels and validation)."""
    question = QUESTIONS[at]
    return tuple(dict.fromkeys((*question.choices, *question.hard_choices)))


def counted(answers: Mapping[str, str]) -> tuple[Step, ...]:
    """The questions counted on the user's path (reflections are not questions of the method)."""
    return tuple(
        at
        for at in DIALOGUE
        if not QUESTIONS[at].reflection and path_of(answers) in QUESTIONS[at].paths
    )


# The most questions any path asks: the number the welcome promises ("at most N").
MOST_QUESTIONS = max(
    len(counted({Step.BOUNDARY.value: choice})) for choice in ("soft", "hard", "closed")
)
# Each step may explain itself with an example, and rephrase gently for someone stuck.
LISTEN_KEYS = ("explain", "gentle")
