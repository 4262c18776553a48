"""A zone named after the coach asked which one, and revisits kept upcoming across a zone change."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, say
from tests.test_service import run, stored

# Where the user may be when they ask: a first message not yet sent, mid-reframe, after the plan.
BEFORE = {
    "fresh": ["hi"],
    "mid-reframe": list(FULL_DIALOGUE[:5]),
    "after the plan": list(FULL_DIALOGUE),
}


@pytest.mark.parametrize("where", list(BEFORE))
@pytest.mark.parametrize(
    ("asked", "typed", "zone"),
    [
        ("timezone IST", "Kolkata", "Asia/Kolkata"),
        ("timezone IST", "dublin", "Europe/Dublin"),
        ("timezone Narnia", "pst", "America/Los_Angeles"),
        ("timezone Narnia", "berlin", "Europe/Berlin"),
    ],
)
async def test_the_zone_named_after_a_which_question_sets_the_zone(
    service: CoachService, db: Database, where: str, asked: str, typed: str, zone: str
) -> None:
    """After "which one?", a zone's name typed alone sets the zone; nothing else changes."""
    await run(service, BEFORE[where])
    before = (await stored(db)).session
    await run(service, [asked])
    texts = await run(service, [typed])
    after = await stored(db)
    assert after.timezone == zone
    assert zone in texts[0]
    assert after.session is not None and before is not None
    # The revisit's answer follows the date to the new zone (as the export shows it).
    kept = {key: value for key, value in before.answers.items() if key != "revisit"}
    assert after.session.number == before.number
    assert {k: v for k, v in after.session.answers.items() if k != "revisit"} == kept
    if after.session.revisit_at is not None:
        assert after.session.answers["revisit"] == after.session.revisit_at.isoformat()
    assert after.session.step is before.step and after.session.pending is before.pending


async def test_an_answer_after_a_which_question_is_still_an_answer(
    service: CoachService, db: Database
) -> None:
    """Words that name no zone, typed after "which one?", answer the open question as usual."""
    await run(service, list(FULL_DIALOGUE[:3]))
    await run(service, ["timezone IST"])
    await run(service, ["It might move after the budget review"])
    record = await stored(db)
    assert record.timezone is None
    assert record.session is not None
    assert record.session.answers["boundary"] == "soft"


async def test_a_zone_change_never_moves_a_revisit_into_the_past(
    service: CoachService, db: Database
) -> None:
    """Moving east past the revisit's wall time keeps its instant and says so; it stays ahead."""
    # 09:00 UTC is 01:00 in Los Angeles: "at 10:00" there is 18:00 UTC today.
    lines = [*FULL_DIALOGUE[:11], "at 10:00", *FULL_DIALOGUE[12:]]
    for line in lines:
        await service.handle(say(line, zone="America/Los_Angeles"))
    chosen = (await stored(db)).session
    assert chosen is not None and chosen.revisit_at is not None
    result = await service.handle(say("timezone Asia/Kolkata", zone="America/Los_Angeles"))
    # 10:00 in Kolkata today was 04:30 UTC, already gone: the revisit keeps 18:00 UTC.
    record = await stored(db)
    assert record.session is not None and record.session.revisit_at == chosen.revisit_at
    assert any("already gone by" in message.text for message in result.messages)
    listed = await service.handle(say("reminders"))
    assert "23:30" in listed.messages[0].text


async def test_the_export_after_a_zone_change_shows_the_moved_revisit_answer(
    service: CoachService, db: Database
) -> None:
    """After the plan and a zone change, the exported revisit answer is the moved date."""
    await run(service, list(FULL_DIALOGUE))
    before = (await stored(db)).session
    assert before is not None and before.revisit_at is not None
    await run(service, ["timezone America/New_York"])
    result = await service.handle(say("export"))
    attachment = next(m.attachment for m in result.messages if m.attachment is not None)
    (exported,) = json.loads(attachment.content)["sessions"]
    assert exported["revisit_at"] != before.revisit_at.isoformat()
    assert datetime.fromisoformat(exported["answers"]["revisit"]) == datetime.fromisoformat(
        exported["revisit_at"]
    )
