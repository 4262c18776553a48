"""The plan card: a short card of a finished reframe, in the user's own words.

Pure: it chooses and tidies the user's words and returns Replies (prompt keys plus
variables); the words around them live in prompts/plan.toml. The full answers stay stored
and exported; only the card shortens them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot import owed, tone
from bot.dialogue import QUESTIONS, Path, path_of
from bot.domain import Reply, Session, Status, Step
from bot.text import as_number

CARD_KEY = "plan.card"
TITLES = ("plan.title", "plan.title_nudge", "plan.title_home")
# Every key this module and the plan's side of the service say (checked when prompts load).
KEYS = (
    CARD_KEY,
    *TITLES,
    "plan.hint",
    "plan.closing_plain",
    "plan.none",
    "plan.in_progress",
    "plan.unknown",
    "plan.only_one",
    "plan.purged",
    "plan.others",
    "plan.entry",
    "plan.entry_purged",
    "plan.next_revisit",
    "plan.closing",
    "plan.closing_self",
)
# The placeholders the plan's texts add to the catalog's known names.
PLACEHOLDERS = ("title", "started_at", "win", "reached", "closing")
# The most characters of one answer the card shows (the no is one line, the rest a little more).
# With every line full the card stays under Discord's 2,000 characters (tests/test_plan_limits).
SETBACK_LIMIT = 120
ANSWER_LIMIT = 120
NOTE_LIMIT = 80
OTHERS_SHOWN = 5
ELLIPSIS = "…"
# The option ids whose label says something; "something else" adds nothing beside the detail.
OPTION_LABELS = ("compromise", "pivot", "elsewhere", "someone", "timeline", "bundle", "later")
# Answers of the path with nobody to go back to, shown as written.
SELF_ANSWERS = ("control", "helpers", "next_move")
# Choice steps that keep words typed after the choice ("soft, budget frozen"): the dialogue's.
NOTED_CHOICES = {
    step.value: frozenset(question.choices + question.hard_choices)
    for step, question in QUESTIONS.items()
    if question.note
}
# The card's last line: step 5's words, or, with nobody to go back to, words about oneself.
CLOSINGS = {Path.SELF: "plan.closing_self"}
CALM_CHOICES = ("pause", "breathe", "ask")
# Words that answer nothing (input words, not coach text): they leave no line on the card.
NON_ANSWERS = frozenset(
    {
        "dunno",
        "dont know",
        "don't know",
        "i dont know",
        "i don't know",
        "idk",
        "no idea",
        "not sure",
        "no clue",
        "nothing",
        "none",
        "n/a",
        "na",
        "pass",
        "skip",
        "whatever",
        "?",
        "-",
        "",
    }
)

_SPACES = re.compile(r"\s+")
_END_RUN = re.compile(r"([.!?,;:…])[.!?,;:…]*$")
_DOTS = re.compile(r"\.{3,}$")
_PAIRS = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»", "„": "“"}
_DOUBLE = str.maketrans({'"': "'", "“": "‘", "”": "’"})
_LEAD = ":;,-–— "
_CUT_TAIL = ".,;:!?-–—([{'\"“‘ "


def is_answer(text: str) -> bool:
    """Whether the words say something (not skipped, not "dunno")."""
    typed = _SPACES.sub(" ", text.strip().lower()).strip(" .!")
    return typed not in NON_ANSWERS


def tidy(text: str) -> str:
    """One line of the user's words as written: spaces collapsed, no wrapping quotes, one end mark.

    The user's capitals, inner quotes and wording are kept; a run of end marks ("!!!",
    "?.", "....") becomes one, so nothing the card adds doubles it.
    """
    line = _SPACES.sub(" ", text).strip().lstrip(_LEAD)
    while len(line) >= 2 and _PAIRS.get(line[0]) == line[-1]:
        inner = line[1:-1].strip()
        if line[0] in inner or line[-1] in inner:
            break  # '"a" and "b"' is not one quoted phrase.
        line = inner
    line = _DOTS.sub(ELLIPSIS, line)
    return _END_RUN.sub(r"\1", line)


def quotable(text: str) -> str:
    """The user's words tidied to go inside our double quotes: theirs become single quotes."""
    return tidy(text).translate(_DOUBLE)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters: cut at a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    sentence = max(cut.rfind(f"{mark} ") for mark in ".!?")
    if sentence > limit * 2 // 3:
        # A whole sentence near the limit reads better than a stub of the next one.
        return cut[:sentence].rstrip(_CUT_TAIL) + ELLIPSIS
    space = cut.rfind(" ")
    # A word longer than half the room is cut inside it rather than leave a stub.
    cut = cut[:space] if space > limit // 2 else cut[: limit - len(ELLIPSIS)]
    return cut.rstrip(_CUT_TAIL) + ELLIPSIS


# Markup a chat would render from the user's words when we say them back: mentions and links
# in Slack's <...> form, Markdown marks, a quote or heading mark at a line's start.
_MARKUP = re.compile(r"<[@#!][^>\s]*>|<[^>\s]*\|([^>]*)>|[`*~|]+|(?<!\w)_+|_+(?!\w)|^[>#\s]+")
_PINGS = re.compile(r"@(?=(?:everyone|here|channel|all)\b)", re.IGNORECASE)
# Chat fillers a line said back starts without ("sorry lol, a renewal" -> "a renewal").
_FILLERS = re.compile(
    r"^(?:(?:sorry|soz|lol|lmao|haha+|hehe|oops|omg|ugh+|um+|uh+|hmm+|ok(?:ay)?|so|well)"
    r"\b[\s,.!:;\-–—]*)+",
    re.IGNORECASE,
)
SAID_BACK_LIMIT = 80


def said_back(text: str, limit: int = SAID_BACK_LIMIT) -> str:
    """The user's words as the coach says them back in a line: without the greeting or lead-in,
    mentions or markup, tidied, in single quotes, cut at `limit` characters at a word."""
    plain = _MARKUP.sub(lambda found: found.group(1) or "", tone.without_lead(text))
    plain = _FILLERS.sub("", _PINGS.sub("", plain).strip())
    return shorten(quotable(plain), limit) or shorten(quotable(text), limit)


def card_words(text: str, limit: int = ANSWER_LIMIT) -> str:
    """What the card shows of one answer: tidied and shortened, or "" for a non-answer."""
    return shorten(tidy(text), limit) if is_answer(text) else ""


def card_reply(session: Session, title: str = "plan.title", *, with_date: bool = True) -> Reply:
    """The card of a session: the no, the next move and its date, question, calm, own win.

    `dates["revisit_at"]` is the revisit as stored (UTC); the service moves it to the moment
    the nudge will really be sent (quiet hours) before it is shown.
    """
    answers = session.answers
    variables = {
        # A pasted message is shown by its substance, not "client email below:".
        "setback": card_words(tone.substance(answers.get("setback", "")), SETBACK_LIMIT),
        "option_detail": card_words(answers.get("option_detail", "")),
        "question": card_words(answers.get("question", "")),
        "success": card_words(answers.get("success", "")),
    }
    variables.update({name: card_words(answers.get(name, "")) for name in SELF_ANSWERS})
    labels = {"title": title, "closing": CLOSINGS.get(path_of(answers), "plan.closing")}
    if owed.plain(answers):
        labels["closing"] = "plan.closing_plain"
    for choice, ids in NOTED_CHOICES.items():
        note = card_words(answers.get(f"{choice}_note", ""), NOTE_LIMIT)
        # Only a pressed or typed choice has a label, note or not ("other" alone says nothing);
        # an answer in their own words is below.
        if answers.get(choice) in ids and (note or answers[choice] != "other"):
            labels[choice] = f"{choice}.choice.{answers[choice]}"
            variables[f"{choice}_note"] = note
    option = answers.get("option", "")
    if option in OPTION_LABELS:
        labels["option"] = f"option.choice.{option}"
    elif option != "other":
        # A third option typed in the user's own words is shown as they wrote it.
        variables["option"] = card_words(option)
    calm = answers.get("calm", "")
    if calm in CALM_CHOICES:
        labels["calm"] = f"calm.choice.{calm}"
    else:
        variables["calm"] = card_words(calm)
    dates = {}
    if with_date and session.revisit_at is not None:
        dates["revisit_at"] = session.revisit_at.isoformat()
    return Reply(CARD_KEY, variables, labels=labels, dates=dates)


def plans(sessions: Sequence[Session]) -> list[Session]:
    """The user's plans (finished reframes), newest first."""
    finished = [s for s in sessions if s.status is Status.FINISHED]
    return sorted(finished, key=lambda s: s.number, reverse=True)


def _started(session: Session) -> str:
    moment = session.started_at or session.updated_at or datetime.min
    return moment.isoformat()


# Steps at which no reframe is under way yet (or it is already finished).
_NOT_YET = frozenset({Step.WELCOME, Step.SETBACK, Step.SUMMARY})


def plan_command_reply(sessions: Sequence[Session], argument: str = "") -> Reply:
    """`plan` (the latest) or `plan N` (the Nth newest), with the list of recent plans below."""
    kept = plans(sessions)
    if not kept:
        # Mid-reframe the plan is still being made: say so, not "tell me about a no".
        making = any(s.is_open and s.step not in _NOT_YET for s in sessions)
        return Reply("plan.in_progress" if making else "plan.none")
    number = as_number(argument) if argument else 1
    if number is None or not 1 <= number <= len(kept):
        return Reply(
            "plan.unknown" if len(kept) > 1 else "plan.only_one", {"total": str(len(kept))}
        )
    chosen = kept[number - 1]
    if not chosen.answers:
        shown = Reply("plan.purged", dates={"started_at": _started(chosen)})
    else:
        shown = card_reply(chosen)
    if len(kept) == 1:
        return shown
    entries = tuple(
        Reply(
            "plan.entry" if s.answers else "plan.entry_purged",
            {
                "number": str(index),
                "setback": card_words(tone.substance(s.answers.get("setback", "")), 60),
            },
            dates={"started_at": _started(s)},
        )
        for index, s in enumerate(kept[:OTHERS_SHOWN], 1)
    )
    return replace(shown, items=(Reply("plan.others"), *entries))


def latest_plan(sessions: Sequence[Session], next_revisit: datetime | None) -> tuple[Reply, ...]:
    """The current plan's card (the newest finished reframe, words not purged) for a home
    screen, with the user's next revisit (UTC) below it; () when there is none."""
    kept = plans(sessions)
    if not kept or not kept[0].answers:
        return ()
    card = card_reply(kept[0], "plan.title_home")
    if next_revisit is None:
        return (card,)
    return (
        replace(
            card,
            items=(Reply("plan.next_revisit", dates={"revisit_at": next_revisit.isoformat()}),),
        ),
    )
