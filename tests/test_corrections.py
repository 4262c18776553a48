"""Taking back the previous answer in words, and "I already said", at every step (pure engine)."""

from __future__ import annotations

import pytest

from bot import corrections, dialogue, engine
from bot.domain import Session, Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, say
from tests.test_crisis_flow import stored
from tests.test_engine import ANSWERS, keys, walk_to
from tests.test_listening import explain_key
from tests.test_service import run

OPEN_PATH = dialogue.counted({})
# Every step that has a question before it, with the free-text ones' answers kept as typed.
AFTER_FIRST = [at for at in OPEN_PATH if at is not Step.SETBACK]


@pytest.mark.parametrize("at", AFTER_FIRST)
@pytest.mark.parametrize(
    "typed",
    [
        "go back",
        "undo",
        "can we go back?",
        "oops, wrong one",
        "scratch that",
        "wait, I meant…",
        "i typed that wrong",
        "ugh wrong one",
        "can I change what I said?",
    ],
)
def test_taking_back_in_words_reopens_the_previous_question(at: Step, typed: str) -> None:
    """Words that take the last answer back do what `back` does; nothing is stored as an answer."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    assert transition == engine.step(session, say("back"), START)
    assert transition.session.step is not at
    assert typed not in transition.session.answers.values()


@pytest.mark.parametrize(
    "typed",
    [
        "actually I meant two weeks off",
        "wait, I meant: two weeks off",
        "sorry, I meant two weeks off",
        "correction: two weeks off",
        "sorry, I mean two weeks off",
    ],
)
def test_i_meant_replaces_the_previous_answer_and_moves_on(typed: str) -> None:
    """ "Actually I meant X" replaces the previous answer with X and asks the current question."""
    session = walk_to(Step.BOUNDARY)
    transition = engine.step(session, say(typed), START)
    assert transition.session.answers["ask"] == "two weeks off"
    assert "boundary" not in transition.session.answers
    assert transition.session.step is Step.BOUNDARY
    assert keys(transition)[0] == "back.corrected"


def test_i_meant_a_choice_at_the_next_step_changes_the_choice() -> None:
    """ "Wait, I meant hard" after picking soft changes the choice and follows the new path."""
    session = walk_to(Step.TIMING)
    transition = engine.step(session, say("wait, I meant hard"), START)
    assert transition.session.answers["boundary"] == "hard"
    assert transition.session.step is not Step.TIMING


@pytest.mark.parametrize(
    "typed",
    [
        "I want to go back to school",
        "I meant to ask sooner",
        "Actually it was the budget",
        "they said they'd get back to me",
        "I need to go back and ask for the criteria",
        "I mean, two weeks off would help",
        "it was wrong of them to refuse",
    ],
)
def test_real_answers_holding_those_words_are_kept(typed: str) -> None:
    """An answer that merely contains back/actually/meant is stored as the answer."""
    session = walk_to(Step.UNSEEN)
    transition = engine.step(session, say(typed), START)
    assert transition.session.answers["unseen"] == typed


def test_taking_back_right_after_the_plan_reopens_the_last_question() -> None:
    """ "Oops, go back" right after the plan card does what `back` does there."""
    session = walk_to(Step.SUCCESS)
    finished = engine.step(session, say(ANSWERS[Step.SUCCESS]), START).session
    transition = engine.step(finished, say("oops, go back"), START)
    assert transition == engine.step(finished, say("back"), START)
    assert transition.session.step is Step.SUCCESS


@pytest.mark.parametrize("typed", ["like i just said??", "I already told you", "see above"])
@pytest.mark.parametrize(
    ("setback", "hoped"),
    [
        ("My boss said no to a raise", "a raise"),
        ("My landlord refused to fix the heating", "fix the heating"),
        ("the bank rejected my loan application, again", "my loan application"),
        ("I didn't get the promotion", "the promotion"),
    ],
)
def test_already_said_at_the_ask_reuses_the_setback(typed: str, setback: str, hoped: str) -> None:
    """ "Like I just said" at the ask keeps what the setback says they hoped for."""
    session = engine.step(walk_to(Step.SETBACK), say(setback), START).session
    transition = engine.step(session, say(typed), START)
    assert transition.session.answers["ask"] == hoped
    assert keys(transition)[0] == "listen.reused"


def test_already_said_at_the_ask_without_a_readable_hope_asks_another_way() -> None:
    """When the setback names no thing hoped for ("she said no"), the ask is explained instead."""
    session = engine.step(walk_to(Step.SETBACK), say("she said no"), START).session
    transition = engine.step(session, say("I already told you"), START)
    assert keys(transition) == ["listen.already_said", "ask.explain"]
    assert "ask" not in transition.session.answers


@pytest.mark.parametrize("at", [Step.OFFER, Step.UNSEEN, Step.SUCCESS, Step.BOUNDARY])
@pytest.mark.parametrize(
    "typed",
    ["I already said that", "as i said already!!", "read above", "you asked me that already"],
)
def test_already_said_elsewhere_is_owned_and_asked_another_way(at: Step, typed: str) -> None:
    """Without an earlier answer to reuse, the complaint is owned and the question explained."""
    session = walk_to(at)
    transition = engine.step(session, say(typed), START)
    assert keys(transition) == ["listen.already_said", explain_key(at)]
    assert transition.session == session


def test_an_answer_that_quotes_itself_is_not_a_complaint() -> None:
    """ "The promotion, like I said" carries an answer and is kept as one."""
    assert not corrections.already_said("The promotion, like I said")


def test_already_said_at_the_detail_reuses_the_note_typed_with_the_option() -> None:
    """ "3 ask again in march", then "I already said" at the detail keeps that note as it."""
    session = engine.step(walk_to(Step.OPTION), say("3 ask again in march"), START).session
    assert session.step is Step.OPTION_DETAIL
    transition = engine.step(session, say("I already said"), START)
    assert transition.session.answers["option_detail"] == "ask again in march"
    assert keys(transition)[0] == "listen.reused"


def _after_hard() -> Session:
    """A session that picked a hard boundary and now stands at the next question."""
    return engine.step(walk_to(Step.BOUNDARY), say("hard"), START).session


@pytest.mark.parametrize(
    ("typed", "note"),
    [
        ("oops wrong one, i meant soft. budget unfreezes in jan", "budget unfreezes in jan"),
        ("no wait, soft", None),
        ("ugh sorry 2, they said maybe after the audit", "they said maybe after the audit"),
        ("soft instead", None),
    ],
)
def test_a_choice_said_again_with_a_lead_in_changes_the_previous_answer(
    typed: str, note: str | None
) -> None:
    """ "no wait, soft" after hard changes the boundary (note kept), never the next answer."""
    session = _after_hard()
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers["boundary"] == "soft"
    assert moved.session.answers.get("boundary_note") == note
    assert session.step.value not in moved.session.answers
    assert keys(moved)[0] == "back.corrected_choice"


@pytest.mark.parametrize(
    "typed", ["no, maybe their budget is gone", "actually hard to say, the budget", "oops 2 things"]
)
def test_an_answer_after_a_lead_in_that_names_no_choice_is_kept(typed: str) -> None:
    """An answer that starts "sorry" or "actually" but names no earlier choice stays an answer."""
    session = walk_to(Step.UNSEEN)
    moved = engine.step(session, say(typed), START)
    assert moved.session.answers["boundary"] == "soft"
    assert moved.session.answers.get("unseen") == typed


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("ya te dije, 1 día por semana", "1 día por semana"),
        ("i just told u, 5 yrs", "5 yrs"),
        ("já te disse: o aumento", "o aumento"),
        ("Hab ich doch schon gesagt, mehr Gehalt", "mehr Gehalt"),
        ("je te l'ai déjà dit, une augmentation", "une augmentation"),
        ("like I said… two weeks off", "two weeks off"),
    ],
)
def test_an_answer_after_like_i_said_keeps_only_the_answer(typed: str, kept: str) -> None:
    """ "i just told u, 5 yrs" keeps "5 yrs" as the answer, in each of the five languages."""
    moved = engine.step(walk_to(Step.ASK), say(typed), START)
    assert moved.session.answers["ask"] == kept


@pytest.mark.parametrize("typed", ["já te disse!", "ya te dije", "ich hab's doch schon gesagt"])
def test_like_i_said_alone_in_another_language_is_never_kept(typed: str) -> None:
    """ "já te disse!" alone is the complaint, reused or asked another way, never kept as typed."""
    moved = engine.step(walk_to(Step.UNSEEN), say(typed), START)
    assert "unseen" not in moved.session.answers
    assert "listen.already_said" in keys(moved)


def test_i_said_as_part_of_an_answer_is_kept_whole() -> None:
    """ "I said no to them first" is an answer, kept whole."""
    moved = engine.step(walk_to(Step.UNSEEN), say("I said no to them first"), START)
    assert moved.session.answers["unseen"] == "I said no to them first"


async def test_no_wait_at_a_yes_no_question_changes_the_choice_before_it(
    service: CoachService, db: Database
) -> None:
    """ "no wait, hard" at the timing question (yes/maybe/no) changes the boundary, not timing."""
    for line in FULL_DIALOGUE[: FULL_DIALOGUE.index("soft") + 1]:
        await service.handle(say(line))
    await service.handle(say("no wait, hard"))
    session = (await stored(db)).session
    assert session is not None
    assert session.answers["boundary"] == "hard"
    assert "timing" not in session.answers


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        (
            "actually I meant: hey there!! so basically a raise of 10% and a new title and a "
            "team of my own, with a budget and a say in hiring and a seat at the planning table",
            '"basically a raise of 10% and a new title and a team of my own, with a budget…"',
        ),
        (
            "sorry, I meant <@U0123> **a raise** @everyone `now`",
            '"a raise everyone now"',
        ),
        (
            "actually I meant: sorry lol, a raise",
            '"a raise"',
        ),
        ("oops wrong one, i meant soft. budget unfreezes in jan", None),
    ],
)
async def test_a_changed_answer_is_said_back_briefly_and_without_markup(
    service: CoachService, typed: str, shown: str | None
) -> None:
    """The confirmation of a changed answer names the question and shows the kept answer
    trimmed, without greeting, mentions or markup; a choice by its label."""
    await run(service, [*FULL_DIALOGUE[:3], *([] if shown else ["hard"])])
    said = await run(service, [typed])
    first = said[0]
    if shown is None:
        assert first == "Changed: hard or soft boundary is now Soft boundary."
        return
    assert first.startswith("Changed: what you asked for is now ") and first.endswith(shown), said
    assert len(first) < 130
    for mark in ("<@", "**", "`", "@everyone", "hey there"):
        assert mark not in first
