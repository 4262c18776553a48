"""Check-in answers in whole sentences are read as the outcome they name, never a snooze."""

from __future__ import annotations

import pytest

from bot import nudge_words
from bot.clock import ManualClock
from bot.domain import Outcome, Status
from bot.intents import Intent
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import say
from tests.scheduler_harness import nudged
from tests.test_revisit_two_answers import nudged_session


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("adyen ghosted me but stripe wants a call next week. is that a maybe?", Intent.MAYBE),
        ("maybe - he said march for real this time. partly on the win", Intent.MAYBE),
        ("partly, she wants to meet again next week", Intent.MAYBE),
        ("vielleicht, sie meldet sich nächste Woche", Intent.MAYBE),
        ("honestly i'd call it a no, they want to talk again tomorrow tho", Intent.NO),
        ("not yet, maybe next week", Intent.SNOOZE),
    ],
)
def test_an_outcome_named_outright_wins_over_time_words(text: str, outcome: Intent) -> None:
    """ "maybe - … next week" and "is that a maybe?" are that outcome; "not yet" stays a snooze."""
    assert nudge_words.nudge(text) is outcome


async def test_a_maybe_in_a_sentence_is_recorded_as_the_outcome(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A check-in answered "stripe wants a call next week. is that a maybe?" keeps a maybe."""
    await nudged(service, db, catalog, clock)
    await service.handle(
        say("adyen ghosted me but stripe wants a call next week. is that a maybe?")
    )
    assert (await nudged_session(db)).outcome is Outcome.MAYBE


async def test_a_change_of_mind_right_after_a_check_in_answer_changes_it(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """ "wait no thats a maybe" after "still waiting" records the maybe and asks for a date."""
    await nudged(service, db, catalog, clock)
    await service.handle(say("still waiting on them"))
    assert (await nudged_session(db)).outcome is None
    changed = await service.handle(say("wait no thats a maybe"))
    assert (await nudged_session(db)).outcome is Outcome.MAYBE
    assert "check in again" in changed.messages[0].text


async def test_undo_after_a_check_in_answer_keeps_the_plan_finished(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """`undo` after "not yet" never reopens the finished reframe at its last question."""
    await nudged(service, db, catalog, clock)
    await service.handle(say("still waiting on them"))
    undone = await service.handle(say("undo"))
    session = await nudged_session(db)
    assert session.status is Status.FINISHED and not session.is_open
    assert "stands" in undone.messages[0].text
