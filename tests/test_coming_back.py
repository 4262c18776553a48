"""Coming back after a cancel or a crisis stop: a new no begins anew, the invitation varies."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from bot import engine
from bot.domain import Status, Step
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import START, say
from tests.test_crisis_flow import stored, to_question
from tests.test_engine import keys, walk_to


@pytest.mark.parametrize(
    "told",
    [
        "my girlfriend broke up with me",
        "mi novia me dejó ayer",
        "my landlord kicked me out of the flat",
        "got ghosted after the final interview at adyen",
    ],
)
def test_a_no_told_after_cancel_begins_a_new_reframe_with_it(told: str) -> None:
    """After `cancel`, a message telling a no is that new reframe's setback, not the prompt."""
    cancelled = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    fresh = engine.step(cancelled, say(told), START + timedelta(minutes=3))
    assert fresh.session.number == cancelled.number + 1 and fresh.session.is_open
    assert fresh.session.answers.get("setback") == told
    assert keys(fresh)[-1] == "ask.ask"


def test_a_wish_to_work_on_something_after_cancel_asks_for_the_no() -> None:
    """After `cancel`, "just want to sort out the gf thing" is asked for the no, nothing opened."""
    cancelled = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    text = "hey. sorry about that. im ok now, just want to sort out the gf thing"
    asked = engine.step(cancelled, say(text), START)
    assert asked.session.number == cancelled.number and keys(asked) == ["start.tell_me"]
    told = engine.step(asked.session, say("my girlfriend broke up with me"), START)
    assert told.session.number == cancelled.number + 1 and told.session.step is Step.ASK


def test_greetings_after_cancel_never_get_the_same_line_three_times() -> None:
    """Greetings after a cancel get the invitation worded differently each time in a row."""
    session = engine.step(walk_to(Step.QUESTION), say("cancel"), START).session
    said = []
    for typed in ("hi", "hello", "hello", "hello", "hi"):
        moved = engine.step(session, say(typed), START)
        said.append(keys(moved)[-1])
        session = moved.session
    assert all(a != b for a, b in itertools.pairwise(said)), said
    assert "start.prompt_plainly" in said
    again = engine.step(session, say("undo"), START + timedelta(minutes=5))
    assert keys(again)[0] == "cancel.undone" and again.session.is_open


async def test_coming_back_after_a_crisis_stop_is_met_kindly_and_begins_anew(
    service: CoachService, db: Database
) -> None:
    """After "stop" ends a crisis, coming back is greeted kindly once, asked whether they are
    safe, and once they say so a no told starts anew."""
    await to_question(service)
    await service.handle(say("my husband hits me"))
    await service.handle(say("stop"))
    before = (await stored(db)).session
    assert before is not None and before.status is Status.CANCELLED
    text = "hey. sorry about last night. im ok now, just want to sort out the gf thing"
    back = await service.handle(say(text))
    texts = [message.text for message in back.messages]
    assert "glad you're back" in texts[0] and "What was the no?" not in texts[-1]
    safe = await service.handle(say("I'm safe right now, he's gone"))
    assert "glad you're safe" in safe.messages[0].text
    later = await service.handle(say("my girlfriend broke up with me"))
    after = (await stored(db)).session
    assert after is not None and after.number == before.number + 1 and after.is_open
    assert after.step is Step.ASK
    assert all("glad you're back" not in message.text for message in later.messages)
