"""`reminders` lists revisits by date, soonest first, whichever was picked first."""

from __future__ import annotations

from datetime import timedelta
from types import MappingProxyType

from bot.domain import Session, Status, Step
from bot.prompts import Catalog
from bot.storage.reminders import Upcoming
from bot.userdata import reminders_reply
from tests.conftest import ALICE, START


def plan(number: int, ask: str, *, days: int, open_: bool) -> Session:
    """A reframe whose revisit is `days` after START, finished or still open."""
    return Session(
        user=ALICE,
        number=number,
        step=Step.QUESTION if open_ else Step.SUMMARY,
        status=Status.ACTIVE if open_ else Status.FINISHED,
        answers=MappingProxyType({"ask": ask}),
        revisit_at=START + timedelta(days=days),
        started_at=START,
        updated_at=START,
    )


def test_a_sooner_date_picked_later_is_listed_first(catalog: Catalog) -> None:
    """Revisits set in the order 30, 10 and (open reframe) 3 days ahead are listed 3, 10, 30."""
    sessions = [
        plan(1, "far one", days=30, open_=False),
        plan(2, "middle one", days=10, open_=False),
        plan(3, "soon one", days=3, open_=True),
    ]
    # As the database gives them: soonest first.
    upcoming = [
        Upcoming(2, 2, START + timedelta(days=10)),
        Upcoming(1, 1, START + timedelta(days=30)),
    ]
    text = catalog.render(reminders_reply(sessions, upcoming), "UTC")
    order = [text.index(ask) for ask in ("soon one", "middle one", "far one")]
    assert order == sorted(order)
    assert "1. " in text.split("middle one")[0] and "2. " in text.split("far one")[0]
