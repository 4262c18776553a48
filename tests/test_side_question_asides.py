"""At side questions (which date?, resume?, that far?, a maybe's new date) a question about
the coach gets its straight answer and the side question again, and not knowing ("maybe")
is met as such, never read as an unreadable date."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import engine
from bot.clock import ManualClock
from bot.domain import Pending, Step, Transition
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import START, say
from tests.scheduler_harness import nudged
from tests.test_confirmations import _asked
from tests.test_engine import keys, walk_to
from tests.test_revisit_two_answers import answered_maybe, nudged_session


def _resume_offered() -> Transition:
    """A reframe left idle for longer than the rules allow, then a message: resume?"""
    session = walk_to(Step.OFFER)
    return engine.step(session, say("hello again"), START + timedelta(days=30))


@pytest.mark.parametrize(
    "pending", [Pending.WHICH_DATE, Pending.FAR_DATE, Pending.RESTART, Pending.FORGET]
)
@pytest.mark.parametrize(
    ("text", "key"), [("are you a bot?", "about.human"), ("who sees this?", "about.privacy_local")]
)
def test_a_question_about_the_coach_at_a_side_question_is_answered_then_asked_again(
    pending: Pending, text: str, key: str
) -> None:
    """ "are you a bot?" at "which day did you mean?" gets the straight answer and that side
    question again; nothing is answered or kept."""
    session = _asked(pending)
    moved = engine.step(session, say(text), START)
    assert keys(moved) == [key, f"{pending.value}.reprompt"]
    assert moved.session == session


def test_a_question_about_the_coach_at_resume_is_answered_then_resume_asked() -> None:
    """ "are you a real person?" at "Pick up where we left off?" is answered, then asked again."""
    offered = _resume_offered()
    assert offered.session.pending is Pending.RESUME
    later = START + timedelta(days=30, minutes=1)
    moved = engine.step(offered.session, say("wait are you a real person?"), later)
    assert keys(moved) == ["about.human", "resume.reprompt"]
    assert moved.session.pending is Pending.RESUME


@pytest.mark.parametrize("text", ["maybe", "maybe?", "idk", "not sure tbh", "quizás"])
async def test_maybe_at_the_new_date_and_own_win_question_is_not_an_unreadable_date(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock, text: str
) -> None:
    """After "Got a maybe", "maybe" at the open new-date and own-win questions is met as not
    knowing (a rough date or "No new date"; "Not yet" for the win), both asked again, nothing
    kept."""
    await answered_maybe(service, db, catalog, clock)
    before = await nudged_session(db)
    result = await service.handle(say(text))
    said = [message.text for message in result.messages]
    assert said[0] == catalog.text("nudge_date.unsure")
    assert catalog.text("nudge_date.unclear") not in said
    assert [b.id for b in result.messages[1].buttons] == ["1w", "2w", "1m", "none"]
    assert said[-1].startswith("And the win you named")
    after = await nudged_session(db)
    assert (after.revisit_at, after.own_win, after.pending) == (
        before.revisit_at,
        None,
        Pending.NUDGE_DATE,
    )


async def test_who_sees_this_at_the_maybes_new_date_is_answered_then_the_date_again(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """ "who sees this?" at "When should we check in again?" gets the straight answer and the
    date question with its buttons again, never "I couldn't read that as a date"."""
    await nudged(service, db, catalog, clock)
    await service.handle(say("maybe"))
    result = await service.handle(say("who sees this?"))
    said = [message.text for message in result.messages]
    assert said[0].startswith("Straight answer") and "local file" in said[0]
    assert catalog.text("nudge_date.unclear") not in said
    assert any([b.id for b in m.buttons] == ["1w", "2w", "1m", "none"] for m in result.messages)


async def test_in_a_few_weeks_at_the_new_date_is_three_weeks(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """ "maybe in a few weeks" sets the new revisit three weeks on, said back as a date."""
    await answered_maybe(service, db, catalog, clock)
    await service.handle(say("maybe in a few weeks"))
    session = await nudged_session(db)
    assert session.revisit_at is not None
    assert session.revisit_at.date() == (clock.now() + timedelta(days=21)).date()
