"""A crisis after a finished plan, through the real service, scheduler and database: the plan's
check-in survives it, in five languages, and is still delivered on its day."""

from __future__ import annotations

import pytest

from bot.clock import ManualClock
from bot.domain import Status
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import ALICE, START, say, stored_session
from tests.test_crisis_check_in import NUDGE_DAY, reminder_states
from tests.test_scheduler import RecordingOutbox, finish_with_revisit, scheduler_for

CRISES = [
    ("I want to kill myself tonight", "stop"),
    ("quiero matarme esta noche", "para ya"),
    ("ich will mich heute nacht umbringen", "für heute aufhören"),
    ("je veux me tuer ce soir", "arrêter pour aujourd'hui"),
    ("quero me matar hoje à noite", "parar por hoje"),
]


@pytest.mark.parametrize(("crisis", "stop"), CRISES)
async def test_a_crisis_after_a_plan_keeps_its_check_in_and_it_is_delivered(
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    crisis: str,
    stop: str,
) -> None:
    """A crisis reply and a stop after a finished plan cancel none of its reminders, leave the
    plan finished, and the check-in still goes out on its day."""
    await finish_with_revisit(service)
    assert await reminder_states(db) == [("pending", False)]
    clock.set(START.replace(hour=20))
    reply = await service.handle(say(crisis))
    assert "findahelpline.com" in reply.messages[0].text
    await service.handle(say(stop))
    assert await reminder_states(db) == [("pending", False)]
    listed = await service.handle(say("reminders"))
    assert "no upcoming" not in "\n".join(message.text for message in listed.messages)
    assert (await stored_session(db, ALICE, 1)).status is Status.FINISHED
    outbox = RecordingOutbox()
    assert (await scheduler_for(db, catalog, clock, outbox).run_once(NUDGE_DAY)).delivered == 1
    assert await reminder_states(db) == [("sent", False)]
