"""The boundary question answered in words: hard, soft, not sure or closed, and a note beside it.

A typed number picks in the order dialogue.py offers the choices; a misspelt choice word
("sfot") is still read as the choice.
"""

from __future__ import annotations

import difflib
import re

from bot import asking_back
from bot.intents import Intent, free_text
from bot.wording import normalise
from bot.wording import word_set as _word_set

# Not knowing which: also read after the plan, where it keeps a story from being a new no.
UNSURE = re.compile(
    r"\b(?:not sure|unsure|don't know|dunno|idk|no idea|can't tell|hard to say|no clue|"
    r"maybe|either|both|somewhere (?:in )?between|50/50|fifty fifty|could be either|"
    r"not certain|unclear|who knows|depends|(?:in )?the middle|in between|50[-/ ]50|"
    r"hard to (?:say|tell|know))\b"
)
_CLOSED = re.compile(
    r"\b(?:nobody|no one|noone|no-one|nothing to negotiate|can't go back|cannot go back|"
    r"not a person|no person|loss|passed away|died|gone|no way back|out of my hands|"
    r"closed door|door is closed|nobody to (?:ask|talk to|go back to))\b"
)
_SOFT = re.compile(
    r"\b(?:soft(?:ish| one| boundary)?|could move|might move|can move|flexible|negotiable|"
    r"open to (?:it|talking|discussion)|not final|could change|might change|movable|"
    r"there's room|some room|wiggle room|"
    r"blando|blanda|suave|flexible|negociable|souple|doux|douce|n[ée]gociable|weich|flexibel|"
    r"verhandelbar|flex[ií]vel|negoci[aá]vel|mole)\b"
)
_HARD = re.compile(
    r"\b(?:hard(?: one| boundary| no)?|final|firm|fixed|set in stone|no way|absolute|"
    r"non-negotiable|not negotiable|definite|definitely not|won't change|never change|"
    r"duro|dura|firme|r[ií]gido|r[ií]gida|definitivo|definitiva|dur|dure|d[ée]finitif|d[ée]finitive|hart|fest|"
    r"endg[üu]ltig)\b"
)
# Words that may come before a choice without being a note ("I think it's soft").
_LEAD_WORDS = _word_set(
    "i think it's it is feels like a seems more pretty quite very kind of rather probably "
    "definitely def i'd say honestly a bit somewhat somewhere"
)
_NOTE_SEPARATOR = re.compile(r"^[\s,;:.!?\-–—]+|^(?:because|since|as|cause|cos|bc)\b\s*")


def _note_after(text: str, match: re.Match[str]) -> str:
    """The user's words besides the choice: what follows it when it leads, else all of it."""
    lowered = normalise(text)
    lead = set(lowered[: match.start()].replace(",", " ").split())
    if lead <= _LEAD_WORDS:
        offset = len(text) - len(text.lstrip())
        rest = text[offset + match.end() :] if match.end() <= len(text) else ""
        return _NOTE_SEPARATOR.sub("", rest.strip()).strip()
    return text.strip()


def boundary(text: str) -> tuple[Intent, str]:
    """Read the boundary question's answer: the choice, and any words beside it as a note."""
    kind = free_text(text)
    if kind is Intent.SKIP:
        kind = Intent.DONT_KNOW
    asks = kind is Intent.ANSWER and asking_back.asks_which(text)
    if kind in (Intent.EXIT, Intent.QUESTION) or asks:
        return kind if kind is Intent.EXIT else Intent.QUESTION, ""
    if kind is Intent.DONT_KNOW:
        return Intent.UNSURE, ""
    lowered = normalise(text)
    numbered = re.match(r"^([1-4])(?:$|[\s,;:.)\-–—]+(?!\d))", lowered)
    if numbered is not None:
        # A typed number picks the choice in the order dialogue.py offers them.
        chosen = _BOUNDARY_ORDER[int(numbered.group(1)) - 1]
        return chosen, _NOTE_SEPARATOR.sub("", text.strip()[numbered.end() :]).strip()
    hard_to_say = re.search(r"\bhard to (?:say|tell|know)\b", lowered)
    for intent, pattern in (
        (Intent.CLOSED, _CLOSED),
        (Intent.UNSURE, UNSURE),
        (Intent.SOFT, _SOFT),
        (Intent.HARD, _HARD),
    ):
        found = pattern.search(lowered)
        if found is None or (intent is Intent.HARD and hard_to_say):
            continue
        if intent is Intent.UNSURE and found.group(0) == "maybe" and _SOFT.search(lowered):
            continue
        note = text.strip() if intent is Intent.CLOSED else _note_after(text, found)
        return intent, note
    if kind is Intent.ACK:
        return Intent.ACK, ""
    # A typo in the choice word itself ("sfot, she said…"): the closest choice, if close.
    first = lowered.split(",")[0].split()
    if first:
        close = difflib.get_close_matches(first[0], _TYPO_CHOICES, n=1, cutoff=0.7)
        if close:
            offset = len(text) - len(text.lstrip()) + len(first[0])
            return _TYPO_CHOICES[close[0]], _NOTE_SEPARATOR.sub("", text[offset:].strip()).strip()
    return Intent.ANSWER, ""


_BOUNDARY_ORDER = (Intent.HARD, Intent.SOFT, Intent.UNSURE, Intent.CLOSED)
# Choice words whose misspellings are still read as the choice.
_TYPO_CHOICES = {"soft": Intent.SOFT, "hard": Intent.HARD, "final": Intent.HARD}
