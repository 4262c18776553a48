"""A crisis at a check-in ("how did it go?") through the real service, scheduler and database:
the reminder survives, the message is kept, and the coach goes back to the check-in once the
person says they are safe."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.clock import ManualClock
from bot.domain import Outcome, Pending, Status
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import ALICE, START, press, say, stored_session
from tests.test_scheduler import RecordingOutbox, finish_with_revisit, scheduler_for

NUDGE_DAY = START + timedelta(days=15)
NUDGE_BUTTONS = ["yes", "maybe", "no", "snooze", "stop"]


async def at_the_check_in(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A finished plan whose revisit nudge has just been delivered on its day."""
    await finish_with_revisit(service)
    outbox = RecordingOutbox()
    assert (await scheduler_for(db, catalog, clock, outbox).run_once(NUDGE_DAY)).delivered == 1
    clock.set(NUDGE_DAY + timedelta(minutes=5))


async def reminder_states(db: Database) -> list[tuple[str, bool]]:
    """(status, answered) of every reminder, oldest first."""
    async with db.autocommit() as conn:
        rows = await conn.fetch_all("SELECT status, answered_at FROM reminders ORDER BY id")
    return [(row["status"], row["answered_at"] is not None) for row in rows]


@pytest.mark.parametrize(
    ("crisis", "safe", "asked"),
    [
        ("it went badly and I want to kill myself tonight", "I'm safe right now", "how did it go?"),
        ("salió fatal, quiero matarme", "ahora mismo estoy a salvo", "¿cómo te fue?"),
        ("es lief schlecht, ich will mich umbringen", "ich bin gerade in Sicherheit", "Wie ist es"),
        ("ça s'est mal passé, je veux me tuer", "je suis en sécurité maintenant", "comment ça"),
        ("foi horrível, quero me matar", "estou em segurança agora", "como foi?"),
    ],
)
async def test_a_crisis_at_a_check_in_keeps_it_and_goes_back_to_it_once_safe(
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    crisis: str,
    safe: str,
    asked: str,
) -> None:
    """In five languages: the crisis reply keeps the reminder and the message; after "I'm
    safe" the check-in is asked again (not "stays closed"), and a typed answer is recorded."""
    await at_the_check_in(service, db, catalog, clock)
    reply = await service.handle(say(crisis))
    assert "findahelpline.com" in reply.messages[0].text
    assert await reminder_states(db) == [("sent", False)]
    session = await stored_session(db, ALICE, 1)
    assert session.status is Status.FINISHED and session.pending is Pending.CRISIS
    assert crisis in json.dumps(dict(session.answers), ensure_ascii=False)
    back = await service.handle(say(safe))
    assert asked in back.messages[-1].text
    assert [button.id for button in back.messages[-1].buttons] == NUDGE_BUTTONS
    assert all("closed" not in message.text for message in back.messages)
    assert await reminder_states(db) == [("sent", False)]
    answered = await service.handle(say("they said yes!"))
    session = await stored_session(db, ALICE, 1)
    assert session.outcome is Outcome.YES, [m.text for m in answered.messages]
    assert session.status is Status.FINISHED
    assert await reminder_states(db) == [("sent", True)]


async def test_not_yet_after_a_crisis_at_a_check_in_keeps_a_reminder(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Leaving the check-in for later after the crisis schedules it again, a week on."""
    await at_the_check_in(service, db, catalog, clock)
    await service.handle(say("I have the pills here and I'm going to take them"))
    back = await service.handle(say("I'm safe now, I put them away and won't do anything"))
    await service.handle(press("snooze", back.messages[-1].step or "", 1))
    assert ("pending", False) in await reminder_states(db)


async def test_a_no_to_the_direct_question_at_a_check_in_goes_back_to_it(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """A possible risk at a check-in asks directly; "no" returns to the check-in question."""
    await at_the_check_in(service, db, catalog, clock)
    asked = await service.handle(say("still a no and honestly I can't see any way out"))
    assert "ending your life" in asked.messages[0].text
    back = await service.handle(say("no"))
    assert "how did it go?" in back.messages[-1].text
    assert [button.id for button in back.messages[-1].buttons] == NUDGE_BUTTONS
    assert await reminder_states(db) == [("sent", False)]


async def test_a_question_back_is_not_their_word_of_safety_at_a_check_in(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """ "are you ok?" after a crisis at a check-in keeps the coach listening, reminder kept."""
    await at_the_check_in(service, db, catalog, clock)
    await service.handle(say("I want to kill myself"))
    await service.handle(say("are you ok?"))
    session = await stored_session(db, ALICE, 1)
    assert session.pending is Pending.CRISIS
    assert await reminder_states(db) == [("sent", False)]
