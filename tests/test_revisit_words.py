"""What people say at the revisit is kept, and an own win said with a hedge or again is read."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot import engine, revisit_words
from bot.clock import ManualClock
from bot.domain import Outcome, OwnWin, Step
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import START, say
from tests.scheduler_harness import nudged
from tests.test_engine import keys, walk_to
from tests.test_revisit_two_answers import answered_maybe, nudged_session

HOW_IT_WENT = (
    "ok so i had the 1:1!! she said probably yes in jan but wouldnt put it in writing yet 😐"
)


async def test_how_it_went_is_kept_beside_the_outcome_and_exported(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A maybe told with a story keeps the story on the session, and `export` shows it."""
    await nudged(service, db, catalog, clock)
    await service.handle(say(HOW_IT_WENT))
    session = await nudged_session(db)
    assert session.outcome is Outcome.MAYBE
    assert session.answers[revisit_words.SAID_KEY] == HOW_IT_WENT
    exported = (await service.handle(say("export"))).messages[0].attachment
    assert exported is not None
    assert HOW_IT_WENT in json.dumps(json.loads(exported.content), ensure_ascii=False)


async def test_a_hedged_own_win_beside_a_date_is_read_and_kept(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """ "partly i guess, ... check back jan 15th" records partly, sets the date, keeps the words."""
    await answered_maybe(service, db, catalog, clock)
    typed = "partly i guess, she did give a number just not in writing. check back jan 15th"
    await service.handle(say(typed))
    session = await nudged_session(db)
    assert session.own_win is OwnWin.PARTLY
    assert session.revisit_at is not None and (
        session.revisit_at.month,
        session.revisit_at.day,
    ) == (
        1,
        15,
    )
    assert typed in session.answers[revisit_words.SAID_KEY]


@pytest.mark.parametrize(
    ("typed", "win"),
    [
        ("i literally just said partly", OwnWin.PARTLY),
        ("like i said, yes", OwnWin.YES),
        ("partly i guess", OwnWin.PARTLY),
    ],
)
async def test_an_own_win_said_again_or_hedged_is_read(
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    typed: str,
    win: OwnWin,
) -> None:
    """ "i literally just said partly" answers the own-win question with partly."""
    await answered_maybe(service, db, catalog, clock)
    await service.handle(say("in 3 weeks"))
    await service.handle(say(typed))
    assert (await nudged_session(db)).own_win is win


def test_an_answer_that_only_opens_with_i_said_is_left_whole() -> None:
    """ "I said no to them first" is not a complaint hiding a short answer; hedges come off."""
    assert revisit_words.said_again("I said no to them first") == "I said no to them first"
    assert revisit_words.plain_choice("partly i guess") == "partly"


def test_a_new_date_and_the_question_in_one_message_are_both_kept() -> None:
    """ "no wait in 2 weeks is better, and the question i'll ask is …" changes the date and
    keeps the question, which is not asked again."""
    session = walk_to(Step.REVISIT)
    session = engine.step(session, say("in 1 week"), START).session
    typed = (
        "no wait in 2 weeks is better, and the question i'll ask is what exactly needs to be "
        "true for a yes in jan"
    )
    moved = engine.step(session, say(typed), START)
    assert moved.session.revisit_at == START.replace(hour=10) + timedelta(days=14)
    assert moved.session.answers["question"] == "what exactly needs to be true for a yes in jan"
    assert "question.ask" not in keys(moved) and keys(moved)[-2:] == ["listen.kept_too", "calm.ask"]
