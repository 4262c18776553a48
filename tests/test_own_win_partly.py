"""At the revisit, a partial own win is read however it is said, alone or beside the outcome."""

from __future__ import annotations

import pytest

from bot import revisit_words
from bot.clock import ManualClock
from bot.domain import Outcome, OwnWin, Pending
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import say
from tests.test_revisit_two_answers import nudged_session
from tests.test_scheduler import nudged


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("hmm maybe partly", "partly"),
        ("partly on the win", "partly"),
        ("maybe partly on the win though", "partly"),
        ("yes for my own win", "yes"),
        ("quizás en parte", "en parte"),
        ("maybe", "maybe"),
    ],
)
def test_softeners_and_words_about_the_win_are_left_out(typed: str, plain: str) -> None:
    """A softening maybe and the words saying which question is answered are left out."""
    assert revisit_words.plain_choice(typed) == plain


@pytest.mark.parametrize(
    "typed",
    [
        "maybe … partly on the win",
        "maybe, partly on the win though",
        "got a maybe. win-wise partly",
        "quizás… en parte con mi objetivo",
    ],
)
async def test_a_maybe_with_a_partial_win_keeps_both(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock, typed: str
) -> None:
    """ "maybe … partly on the win" records the maybe and the partial win, asks for the new
    date, and never asks the win question again."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(say(typed))
    text = "\n".join(message.text for message in result.messages)
    assert "Did it happen?" not in text
    assert "Part of the way" in text
    session = await nudged_session(db)
    assert session.outcome is Outcome.MAYBE
    assert session.own_win is OwnWin.PARTLY
    assert session.pending is Pending.NUDGE_DATE


async def test_a_maybe_and_partly_alone_shade_the_maybe_only(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """ "maybe, partly" says nothing of the win: the win question is still asked."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(say("maybe, partly"))
    assert "Did it happen?" in result.messages[-1].text
    assert (await nudged_session(db)).own_win is None


@pytest.mark.parametrize(
    "typed",
    [
        "hmm maybe partly",
        "partly i guess",
        "kinda",
        "halfway",
        "en parte",
        "teilweise",
        "en partie",
        "em parte",
        "más o menos",
    ],
)
@pytest.mark.parametrize("outcome", ["yes", "maybe"])
async def test_a_partial_win_in_words_answers_the_win_question(
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    typed: str,
    outcome: str,
) -> None:
    """After the outcome (a yes, or a maybe whose date is still open), a partial win in any
    of the five languages is recorded as partly, not asked again."""
    await nudged(service, db, catalog, clock)
    await service.handle(say(outcome))
    result = await service.handle(say(typed))
    assert "Part of the way" in result.messages[0].text
    assert (await nudged_session(db)).own_win is OwnWin.PARTLY
