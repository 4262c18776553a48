"""The plan card: the user's words tidied, shortened and laid out as written English."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from types import MappingProxyType

import pytest

from bot import engine, plan
from bot.domain import Session, Status, Step
from bot.prompts import Catalog
from tests.conftest import ALICE, START

LONG = ("word " * 800).strip()  # 3,999 characters, the most a message keeps.


def finished(**answers: str) -> Session:
    """A finished session with these answers and a revisit one week on."""
    return Session(
        user=ALICE,
        number=1,
        step=Step.SUMMARY,
        status=Status.FINISHED,
        answers=MappingProxyType(answers),
        revisit_at=START + timedelta(days=7),
        started_at=START,
        updated_at=START,
    )


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("They said no.", "They said no."),
        ("They said no!!!", "They said no!"),
        ("Why not??", "Why not?"),
        ("maybe later...", "maybe later…"),
        ("ok?.", "ok?"),
        ('"Not this year."', "Not this year."),
        ("“Not this year”", "Not this year"),
        ('He said "not this year"', 'He said "not this year"'),
        ('"Budget" and "timing"', '"Budget" and "timing"'),
        ("'no'", "no"),
        ("my manager said no", "my manager said no"),
        ("NASA said no", "NASA said no"),
        ("Promotion", "Promotion"),
        ("  two\n\nlines  ", "two lines"),
        (": after the review", "after the review"),
        ("- a bullet", "a bullet"),
    ],
)
def test_answers_read_as_written_english(typed: str, shown: str) -> None:
    """End marks are never doubled, wrapping quotes go, inner quotes and capitals stay."""
    assert plan.card_words(typed) == shown


@pytest.mark.parametrize(
    "typed", ["", "skip", "dunno", "IDK", "no idea.", "Nothing", "n/a", "?", "  -  "]
)
def test_skipped_and_non_answers_leave_nothing(typed: str) -> None:
    """A skipped answer or a "dunno" gives no words for the card."""
    assert plan.card_words(typed) == ""


def test_a_long_answer_is_cut_at_a_word_with_an_ellipsis() -> None:
    """A 4,000-character answer is shortened at a word boundary and ends in an ellipsis."""
    shown = plan.card_words(LONG)
    assert len(shown) <= plan.ANSWER_LIMIT
    assert shown.endswith("word…")
    assert LONG.startswith(shown[:-1])


def test_an_unbroken_long_word_is_cut_inside_it() -> None:
    """One 4,000-letter word is cut to the limit rather than vanish."""
    shown = plan.card_words("x" * 4000, 50)
    assert len(shown) == 50 and shown.endswith("x…")


def test_a_cut_never_leaves_punctuation_before_the_ellipsis() -> None:
    """A cut just after a comma drops the comma: "…" alone ends the words."""
    shown = plan.shorten("one two, three four five six seven", 12)
    assert shown == "one two…"


def test_the_card_shows_the_plan_in_the_users_words(catalog: Catalog) -> None:
    """The card holds the no, the option and next move, the date, question, calm and win."""
    session = finished(
        setback="my manager said no.",
        ask="A promotion",
        option="timeline",
        option_detail='Ask again in March with a "growth plan"',
        question="What would you need to see from me?",
        calm="breathe",
        success="Clear criteria!!",
    )
    text = catalog.render(plan.card_reply(session), "Europe/Berlin")
    assert text.splitlines() == [
        "Your plan",
        "The no: my manager said no.",
        "Third option: A different timeline",
        'Next move: Ask again in March with a "growth plan"',
        "I'll check in with you: Wednesday 2 December, 10:00",
        "The question you'll ask: What would you need to see from me?",
        "How you'll stay calm: Take a breath",
        "Your own win: Clear criteria!",
        catalog.text("plan.closing"),
    ]


def test_skipped_steps_and_something_else_leave_no_line(catalog: Catalog) -> None:
    """A "dunno" question, no revisit and "something else" as the option leave their lines out."""
    session = replace(
        finished(setback="No", option="other", option_detail="Ask Sam", question="dunno"),
        revisit_at=None,
    )
    lines = catalog.render(plan.card_reply(session), "UTC").splitlines()
    assert lines[:3] == ["Your plan", "The no: No", "Next move: Ask Sam"]
    assert len(lines) == 4
    assert not any(line.rstrip().endswith(":") for line in lines)


def test_calm_in_the_users_own_words_is_shown_as_written(catalog: Catalog) -> None:
    """A calm answer that is not a choice is shown in the user's words."""
    card = plan.card_reply(finished(setback="No", calm="count to ten"))
    assert "How you'll stay calm: count to ten" in catalog.render(card, "UTC")


def test_the_card_of_the_longest_answers_stays_short(catalog: Catalog) -> None:
    """With every answer 4,000 characters the card stays under 1,000 characters."""
    session = finished(
        **{name: LONG for name in ("setback", "option_detail", "question", "calm", "success")}
    )
    text = catalog.render(plan.card_reply(session), "UTC")
    assert len(text) < 1000
    assert text.count("…") == 5


def test_the_first_sentence_wins_over_a_stub_of_the_next() -> None:
    """A cut near a sentence end keeps the whole sentence, not one word of the next."""
    text = "We measure output together for three months. I would then ask again."
    assert plan.shorten(text, 50) == "We measure output together for three months…"


def test_words_inside_our_quotes_carry_single_quotes() -> None:
    """The setback said back in quotes has the user's own double quotes made single."""
    assert (
        plan.quotable('my boss said "no" to remote work!!!') == "my boss said 'no' to remote work!"
    )
    assert engine.gist('my boss said "no" to remote work!!!') == "my boss said 'no' to remote work"


def test_a_choice_with_a_note_reads_as_one_phrase(catalog: Catalog) -> None:
    """A boundary chosen with a few words shows the choice, a dash, then the user's words."""
    card = plan.card_reply(
        finished(setback="No", boundary="soft", boundary_note="he seemed unsure.")
    )
    assert "Their boundary: Soft boundary — he seemed unsure." in catalog.render(card, "UTC")


@pytest.mark.parametrize(
    ("answers", "line"),
    [
        ({"calm": "breathe", "calm_note": "and write notes first"}, "How you'll stay calm:"),
        ({"option": "timeline", "option_detail": "March", "option_note": "after Q2"}, "Third"),
    ],
)
def test_every_choice_that_keeps_a_note_shows_it(
    catalog: Catalog, answers: dict[str, str], line: str
) -> None:
    """A third option or a calm choice typed with a few words shows the choice and the words."""
    text = catalog.render(plan.card_reply(finished(setback="No", **answers)), "UTC")
    shown = next(row for row in text.splitlines() if row.startswith(line))
    note = next(value for key, value in answers.items() if key.endswith("_note"))
    assert shown.endswith(f" — {note}")


def test_a_typed_option_of_their_own_with_a_note_field_shows_their_words(
    catalog: Catalog,
) -> None:
    """An option in the user's own words is shown as written, never looked up as a label."""
    session = finished(setback="No", option="a smaller pilot first", option_note="stray")
    text = catalog.render(plan.card_reply(session), "UTC")
    assert "Third option: a smaller pilot first" in text


def test_with_nobody_to_go_back_to_the_card_closes_on_the_users_own_next_step(
    catalog: Catalog,
) -> None:
    """The no-counterpart card ends without "asking was fair"; the others keep step 5's line."""
    closed = finished(setback="The doctors refused", boundary="closed", next_move="Call Ana")
    open_card = finished(setback="No", boundary="soft")
    closed_text = catalog.render(plan.card_reply(closed), "UTC")
    assert closed_text.splitlines()[-1] == catalog.text("plan.closing_self")
    assert catalog.text("plan.closing") not in closed_text
    assert catalog.render(plan.card_reply(open_card), "UTC").splitlines()[-1] == catalog.text(
        "plan.closing"
    )
