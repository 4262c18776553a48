"""Questions about the coach, at any step or inside an answer: a straight answer, the same
question again, and nothing kept as the answer."""

from __future__ import annotations

import pytest

from bot import dialogue, engine
from bot.about_coach import Topic, asked, said
from bot.domain import Step, UserKey
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import ALICE, FULL_DIALOGUE, START, say
from tests.test_crisis_flow import stored
from tests.test_engine import keys, walk_to
from tests.test_service import run

EVERY_STEP = dialogue.counted({})

ASKED = [
    ("are you a real person?", Topic.HUMAN),
    ("r u a bot lol", Topic.HUMAN),
    ("is this AI?", Topic.HUMAN),
    ("wait am i talking to a human", Topic.HUMAN),
    ("is there someone reading on the other end?", Topic.HUMAN),
    ("is this even a person", Topic.HUMAN),
    ("who r u", Topic.HUMAN),
    ("can she see this??", Topic.PRIVACY),
    ("is this confidential?", Topic.PRIVACY),
    ("who can see this?", Topic.PRIVACY),
    ("can my boss see this??", Topic.PRIVACY),
    ("is anyone else reading this", Topic.PRIVACY),
    ("is this private btw", Topic.PRIVACY),
    ("what do you do with my data?", Topic.DATA),
    ("do you store my answers", Topic.DATA),
    ("where does all this go?", Topic.DATA),
    ("can i delete this later?", Topic.DATA),
    ("do u keep this stuff forever??", Topic.DATA),
]
MIXED = [
    "soft i think, but wait, who reads this?",
    "A repair before winter. also are you a real person?",
    "hmm idk, is this confidential tho",
]
THEIR_OWN = [
    "they said the decision was confidential",
    "my boss can see my work every day",
    "is it real that the budget is frozen?",
    "maybe there is someone else",
    "I wonder if AI took my job",
    "who reads the reports in that team",
]


@pytest.mark.parametrize(("text", "topic"), ASKED)
def test_a_question_about_the_coach_is_told_by_its_topic(text: str, topic: Topic) -> None:
    """Each way of asking whether the coach is a person, who sees this, or what is kept is read."""
    assert asked(text) is topic


@pytest.mark.parametrize("text", THEIR_OWN)
def test_words_about_their_own_matter_are_no_question_about_the_coach(text: str) -> None:
    """Answers that share the words ("confidential", "AI", "can see") are not read as asking."""
    assert asked(text) is None


@pytest.mark.parametrize("at", EVERY_STEP)
@pytest.mark.parametrize(("text", "topic"), ASKED[::3])
def test_at_every_step_the_question_gets_a_straight_answer_then_the_same_question(
    at: Step, text: str, topic: Topic
) -> None:
    """At any question, "are you a real person?" gets its answer and the question again, unkept."""
    session = walk_to(at)
    moved = engine.step(session, say(text), START)
    if at is Step.QUESTION and topic is not Topic.HUMAN:
        return  # a privacy question may be their own clarifying question (tested below)
    assert keys(moved) == [said(topic, ALICE).key, f"{at.value}.ask"]
    assert moved.session.step is at
    assert moved.session.answers == session.answers


@pytest.mark.parametrize("text", MIXED)
@pytest.mark.parametrize("at", [Step.ASK, Step.BOUNDARY, Step.UNSEEN])
def test_a_question_mixed_into_an_answer_is_answered_and_the_answer_not_kept(
    at: Step, text: str
) -> None:
    """ "soft i think, but wait, who reads this?" is answered; the question is asked again."""
    session = walk_to(at)
    moved = engine.step(session, say(text), START)
    assert keys(moved)[0].startswith("about.")
    assert keys(moved)[-1] == f"{at.value}.ask"
    assert moved.session.answers == session.answers


def test_at_the_clarifying_question_their_own_question_is_kept() -> None:
    """ "Is this confidential?" is a fair clarifying question to ask them: it is kept."""
    session = walk_to(Step.QUESTION)
    moved = engine.step(session, say("is this confidential?"), START)
    assert moved.session.answers["question"] == "is this confidential?"


async def test_the_answers_say_what_is_true_in_words_a_person_reads(
    service: CoachService, db: Database
) -> None:
    """Through the service: an automated coach, no person reads it, what is kept, export and
    forget me; then the same question, and the stored session has no such answer."""
    await run(service, FULL_DIALOGUE[:3])
    human = await run(service, ["are you a real person?"])
    assert "not a person" in human[0] and "automated" in human[0] and "no one reads" in human[0]
    data = await run(service, ["soft i think, but wait, what do you do with my data?"])
    assert "export" in data[0] and "forget me" in data[0] and "No person reads" in data[0]
    assert "hard boundary" in data[-1]
    record = await stored(db)
    assert record.session is not None and "boundary" not in record.session.answers


@pytest.mark.parametrize(
    ("text", "topic"),
    [("are you a real person?", Topic.HUMAN), ("who can see this?", Topic.PRIVACY)],
)
def test_as_a_first_message_the_question_is_answered_after_the_welcome(
    text: str, topic: Topic
) -> None:
    """A first DM that asks about the coach gets the welcome, the straight answer, then the no."""
    moved = engine.step(engine.new_session(ALICE, 1, START, welcome=True), say(text), START)
    assert keys(moved) == ["welcome.intro", said(topic, ALICE).key, "setback.ask"]
    assert not moved.session.answers


async def test_who_sees_this_fits_the_surface_it_is_asked_on(service: CoachService) -> None:
    """In the terminal "who sees this?" is told of a local file on this machine, never of a
    workspace or server; in Slack of the workspace."""
    terminal = await run(service, ["my boss said no", "who sees this?"])
    told = next(text for text in terminal if "Straight answer" in text)
    assert "local file on this machine" in told
    assert "workspace" not in told and "server" not in told
    slack = UserKey("slack", "T1", "U1")
    in_slack = await run(service, ["my boss said no", "who sees this?"], slack)
    told = next(text for text in in_slack if "Straight answer" in text)
    assert "workspace" in told and "local file" not in told
