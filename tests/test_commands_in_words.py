"""Commands asked for in words at a question are done, never kept as the answer."""

from __future__ import annotations

import pytest

from bot import command_words, engine
from bot.commands import CommandName
from bot.domain import Step
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, START, say
from tests.test_engine import keys, walk_to
from tests.test_service import run, stored

ASKED = [
    ("show my plan", CommandName.PLAN),
    ("can I see my plan?", CommandName.PLAN),
    ("what's my plan so far", CommandName.PLAN),
    ("what are my reminders", CommandName.REMINDERS),
    ("when will you check in?", CommandName.REMINDERS),
    ("show me my wins", CommandName.WINS),
    ("where am I", CommandName.STATUS),
    ("how many questions left?", CommandName.STATUS),
    ("what can I type", CommandName.HELP),
    ("help please", CommandName.HELP),
    ("help?", CommandName.HELP),
    ("view plan", CommandName.PLAN),
    ("any reminders?", CommandName.REMINDERS),
    ("what reminders do I have", CommandName.REMINDERS),
    ("how many more questions", CommandName.STATUS),
    ("how much longer", CommandName.STATUS),
    ("what step is this", CommandName.STATUS),
]
ANSWERS = [
    "my plan is to ask again in March",
    "I want to see the plan they make",
    "where am I going with this job",
    "my wins this year include a promotion",
    "show them my work",
    "How much longer will the freeze last?",
    "how many people applied?",
]


@pytest.mark.parametrize(("text", "name"), ASKED)
def test_requests_in_words_read_as_their_command(text: str, name: CommandName) -> None:
    """Each request in words is read as the command it asks for."""
    found = command_words.read(text)
    assert found is not None and found.name is name


@pytest.mark.parametrize("text", ANSWERS)
def test_answers_holding_those_words_stay_answers(text: str) -> None:
    """An answer that merely holds "plan", "wins" or "where am I" is not a command."""
    assert command_words.read(text) is None


@pytest.mark.parametrize("step", [Step.OFFER, Step.QUESTION, Step.OPTION_DETAIL, Step.BOUNDARY])
@pytest.mark.parametrize(("text", "name"), ASKED)
def test_a_request_at_a_question_is_done_and_the_question_asked_again(
    step: Step, text: str, name: CommandName
) -> None:
    """At any question the request is done, nothing is kept, and the same question follows."""
    session = walk_to(step)
    moved = engine.step(session, say(text), START)
    assert moved.session.answers == session.answers and moved.session.step is step
    assert keys(moved)[-1] == f"{step.value}.ask"


def test_their_plan_at_the_clarifying_question_is_the_question_to_ask() -> None:
    """ "Can I see the plan?" at the clarifying-question step is kept as the question to ask."""
    moved = engine.step(walk_to(Step.QUESTION), say("Can I see the plan?"), START)
    assert moved.session.answers["question"] == "Can I see the plan?"


async def test_show_my_plan_mid_reframe_through_the_service(
    service: CoachService, db: Database
) -> None:
    """ "show my plan" at the offer question is not stored, and the question is asked again."""
    await run(service, FULL_DIALOGUE[:6])
    before = (await stored(db)).session
    assert before is not None and before.step is Step.OFFER
    texts = await run(service, ["show my plan"])
    after = (await stored(db)).session
    assert after is not None and after.answers == before.answers and after.step is Step.OFFER
    assert texts[-1].startswith("Second step: know what you bring.")


async def test_the_plan_asked_for_mid_reframe_says_it_is_still_being_made(
    service: CoachService, catalog: Catalog
) -> None:
    """Mid-reframe with no plan yet, `plan` says the plan is being made, not "tell me a no"."""
    await run(service, FULL_DIALOGUE[:6])
    texts = await run(service, ["show my plan"])
    assert texts[0] == catalog.text("plan.in_progress")
