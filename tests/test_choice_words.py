"""A choice typed in words: its id, number or a yes/no word, with the note beside it."""

from __future__ import annotations

import pytest

from bot.choice_words import read_choice

CALM = ("pause", "breathe", "ask")
YES_NO = ("yes", "no")
TIMING = ("yes", "maybe", "no")


@pytest.mark.parametrize(
    ("text", "offered", "chosen", "note"),
    [
        ("2 and maybe write notes beforehand", CALM, "breathe", "maybe write notes beforehand"),
        ("2", CALM, "breathe", ""),
        ("#3", CALM, "ask", ""),
        ("option 1 - and I'd count to ten", CALM, "pause", "I'd count to ten"),
        ("Breathe, then ask", CALM, "breathe", "then ask"),
        ("ya", YES_NO, "yes", ""),
        ("yep", YES_NO, "yes", ""),
        ("yup", YES_NO, "yes", ""),
        ("yeah!", YES_NO, "yes", ""),
        ("Yesss", YES_NO, "yes", ""),
        ("nah", YES_NO, "no", ""),
        ("yes, after the Q2 budget", TIMING, "yes", "after the Q2 budget"),
        ("no way", TIMING, "no", ""),
        ("sí", YES_NO, "yes", ""),
        ("ja", YES_NO, "yes", ""),
    ],
)
def test_a_typed_choice_and_its_note(
    text: str, offered: tuple[str, ...], chosen: str, note: str
) -> None:
    """A number, an id or a yes/no word picks the choice; the words after it are the note."""
    assert read_choice(text, offered) == (chosen, note)


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("2 weeks", CALM),
        ("1/2", CALM),
        ("10:00", CALM),
        ("9", CALM),
        ("yeah no", YES_NO),
        ("no idea", TIMING),
        ("yesterday they said no", YES_NO),
        ("ya", CALM),
        ("pivot to a smaller project", ("pivot", "other")),
    ],
)
def test_words_that_only_look_like_a_choice(text: str, offered: tuple[str, ...]) -> None:
    """Amounts, dates, a number out of range, "yeah no" and not knowing pick nothing."""
    assert read_choice(text, offered) == (None, "")


REVISIT = ("1w", "2w", "1m", "none")


@pytest.mark.parametrize(
    ("text", "offered", "chosen", "note"),
    [
        ("2 next cycle", TIMING, "maybe", "next cycle"),
        ("3 they never budge", TIMING, "no", "they never budge"),
        ("1 Count to five first", CALM, "pause", "Count to five first"),
        ("2 weeks", REVISIT, None, ""),
        ("3 march", REVISIT, None, ""),
        ("1 feb at 9", REVISIT, None, ""),
        ("2 next week", REVISIT, None, ""),
        ("3 days", TIMING, None, ""),
        ("2 people could help", CALM, None, ""),
    ],
)
def test_a_number_then_plain_words_is_the_choice_and_its_note(
    text: str, offered: tuple[str, ...], chosen: str | None, note: str
) -> None:
    """ "2 next cycle" picks choice 2 and keeps the note; "2 weeks" or "3 march" pick nothing."""
    assert read_choice(text, offered) == (chosen, note)
