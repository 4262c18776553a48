"""At the revisit, one message may answer both open questions: the new date and the own win."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from bot import own_win
from bot.clock import ManualClock
from bot.domain import OwnWin, Session
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import ALICE, press, say
from tests.scheduler_harness import nudged

WINS = {"yes": "yes", "partly": "partly", "not yet": "not_yet", "it didn't": "not_yet"}


def reads(clause: str) -> str | None:
    """A stand-in for the catalog: the own-win choice a clause names exactly."""
    return WINS.get(clause.strip().lower().strip("!"))


@pytest.mark.parametrize(
    ("text", "win", "rest"),
    [
        ("march 1st, and yes!!", "yes", "march 1st"),
        ("partly. in 2 weeks", "partly", "in 2 weeks"),
        ("next friday and not yet", "not_yet", "next friday"),
        ("no, in 3 weeks", None, "no, in 3 weeks"),
        ("in 3 weeks", None, "in 3 weeks"),
    ],
)
def test_the_own_win_clause_is_split_off_the_date(text: str, win: str | None, rest: str) -> None:
    """The clause that answers the own win is taken out; the rest is read as the date."""
    assert own_win.split_off(text, reads) == (win, rest)


async def answered_maybe(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A revisit answered "Got a maybe": the new date and the own win are both asked."""
    await nudged(service, db, catalog, clock)
    result = await service.handle(press("maybe", "nudge", 1))
    assert result.messages[-1].text.startswith("And the win you named")


async def nudged_session(db: Database) -> Session:
    """The session the nudge was about, from the database."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
        assert record is not None
        sessions = await repos.list_sessions(conn, user_ref=record.ref, user=ALICE)
    return next(s for s in sessions if s.number == 1)


@pytest.mark.parametrize(
    ("text", "win"),
    [
        ("march 1st, and yes!!", OwnWin.YES),
        ("Partly. March 1st", OwnWin.PARTLY),
        ("yes, and march 1st", OwnWin.YES),
        ("1 march but not yet", OwnWin.NOT_YET),
    ],
)
async def test_a_date_and_the_own_win_in_one_message_are_both_kept(
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    text: str,
    win: OwnWin,
) -> None:
    """ "march 1st, and yes!!" sets the new revisit to 1 March and records the own win."""
    await answered_maybe(service, db, catalog, clock)
    result = await service.handle(say(text))
    session = await nudged_session(db)
    assert session.own_win is win
    assert session.revisit_at is not None
    local = session.revisit_at.astimezone(ZoneInfo("UTC"))
    assert (local.month, local.day) == (3, 1)
    said = [message.text for message in result.messages]
    assert catalog.text(f"nudge_win.{win.value}") in said
    assert not said[-1].startswith("And the win you named")


async def test_a_date_alone_then_asks_the_own_win_again(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A new date without the own win sets the date and asks the own-win question again."""
    await answered_maybe(service, db, catalog, clock)
    result = await service.handle(say("in 3 weeks"))
    session = await nudged_session(db)
    assert session.own_win is None
    assert session.revisit_at is not None
    assert session.revisit_at.date() == (clock.now() + timedelta(days=21)).date()
    assert result.messages[-1].text.startswith("And the win you named")
    assert result.messages[-1].session_number == 1
    typed = await service.handle(say("yes"))
    assert typed.messages[0].text == catalog.text("nudge_win.yes")
    assert (await nudged_session(db)).own_win is OwnWin.YES
