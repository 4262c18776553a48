"""The service on a real SQLite file: one transaction per message, races, typed choices."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot import dialogue
from bot.clock import ManualClock
from bot.domain import Inbound, InboundKind, Origin, Status, Step, UserKey
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import ALICE, FULL_DIALOGUE, press, say


async def stored(db: Database, user: UserKey = ALICE) -> repos.UserRecord:
    """The user's row and newest session, straight from the database."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=user)
    assert record is not None
    return record


async def run(
    service: CoachService, lines: tuple[str, ...] | list[str], user: UserKey = ALICE
) -> list[str]:
    """Send each line and collect every reply text."""
    texts: list[str] = []
    for line in lines:
        result = await service.handle(say(line, user))
        texts.extend(message.text for message in result.messages)
    return texts


async def test_a_whole_dialogue_in_typed_words_reaches_the_summary(
    service: CoachService, db: Database
) -> None:
    """Typed words and numbers carry a user from hello to a summary of their own words."""
    texts = await run(service, FULL_DIALOGUE)
    record = await stored(db)
    assert record.session is not None and record.session.status is Status.FINISHED
    answers = record.session.answers
    assert answers["boundary"] == "soft"
    assert answers["timing"] == "maybe"
    assert answers["timing_note"] == "after the budget review"
    assert answers["option"] == "timeline"
    card = next(text for text in texts if text.startswith("Your plan"))
    for line in (FULL_DIALOGUE[1], FULL_DIALOGUE[10], FULL_DIALOGUE[12]):
        assert line in card
    assert "A different timeline" in card and "Pause before answering" in card
    assert "Getting clear criteria for the promotion" in card


@pytest.mark.parametrize("typed", ["soft", "Soft boundary", "SOFT BOUNDARY", "2", "could move"])
async def test_a_choice_may_be_typed_in_words_any_case(
    service: CoachService, db: Database, typed: str
) -> None:
    """The boundary choice is understood as its label, an alias, or its number."""
    await run(service, FULL_DIALOGUE[:3])
    await run(service, [typed])
    record = await stored(db)
    assert record.session is not None and record.session.answers["boundary"] == "soft"


async def test_a_non_choice_reasks_listing_the_options(service: CoachService) -> None:
    """Words that match no option are answered with the options again, as buttons."""
    await run(service, FULL_DIALOGUE[:3])
    result = await service.handle(say("purple"))
    assert [b.label for b in result.messages[-1].buttons] == [
        "Hard boundary",
        "Soft boundary",
        "Not sure",
        "Nobody to go back to",
    ]


async def test_returning_after_idle_days_is_offered_resume(
    service: CoachService, clock: ManualClock, db: Database
) -> None:
    """Eight days later, the next message offers to pick up or start fresh."""
    await run(service, FULL_DIALOGUE[:6])
    clock.set(clock.now() + timedelta(days=8))
    result = await service.handle(say("hello again"))
    assert [b.id for b in result.messages[-1].buttons] == ["resume", "fresh"]
    result = await service.handle(say("pick up"))
    record = await stored(db)
    assert record.session is not None and record.session.step is Step.OFFER


async def test_timezone_is_validated_with_a_suggestion(service: CoachService, db: Database) -> None:
    """A near miss gets a suggestion; a right name (any case) is stored properly spelled."""
    await run(service, ["hi"])
    near = await run(service, ["timezone Europe/Berln"])
    assert "Europe/Berlin" in near[0] and (await stored(db)).timezone is None
    done = await run(service, ["timezone europe/berlin"])
    assert "Europe/Berlin" in done[0]
    assert (await stored(db)).timezone == "Europe/Berlin"


async def test_quiet_hours_are_stored(service: CoachService, db: Database) -> None:
    """quiet 22:00-07:30 is stored on the user."""
    await run(service, ["hi", "quiet 22:00-07:30"])
    record = await stored(db)
    assert (record.quiet_start, record.quiet_end) == ("22:00", "07:30")


async def test_export_gives_all_the_users_data_as_json(service: CoachService) -> None:
    """export attaches a JSON document with every answer."""
    await run(service, FULL_DIALOGUE)
    result = await service.handle(say("export"))
    attachment = result.messages[-1].attachment
    assert attachment is not None
    document = json.loads(attachment.content)
    assert document["sessions"][0]["answers"]["setback"] == FULL_DIALOGUE[1]
    assert len(document["reminders"]) == 1


async def test_forget_me_deletes_every_row_after_confirmation(
    service: CoachService, db: Database
) -> None:
    """After yes, no row about the user remains, and the raw file holds none of their words."""
    await run(service, FULL_DIALOGUE)
    await run(service, ["forget me"])
    assert (await stored(db)).session is not None
    await run(service, ["yes"])
    async with db.autocommit() as conn:
        assert await repos.load_user(conn, user=ALICE) is None
    async with db.autocommit() as conn:
        for table in ("users", "sessions", "reminders", "processed_events"):
            assert await conn.fetch_value(f"SELECT COUNT(*) FROM {table}") == 0
    if isinstance(db, Database):  # the SQLite file itself, once the log is cut
        await db.scrub()
        raw = Path(db.path).read_bytes()
        for word in ("budget review", "headcount freeze", "platform migration"):
            assert word.encode() not in raw


async def test_a_stale_button_gets_a_polite_note(service: CoachService, db: Database) -> None:
    """A button from a session that is over changes nothing."""
    await run(service, FULL_DIALOGUE[:3])
    before = await stored(db)
    result = await service.handle(press("hard", "boundary", 99))
    assert "earlier conversation" in result.messages[0].text
    assert (await stored(db)).session == before.session


async def test_a_slash_start_from_a_channel_records_the_origin(
    service: CoachService, db: Database
) -> None:
    """/reframe with text in a channel keeps the text as setback and remembers the channel."""
    inbound = Inbound(ALICE, InboundKind.START, text="The client said no", origin=Origin("C42"))
    await service.handle(inbound)
    record = await stored(db)
    assert record.session is not None
    assert record.session.answers["setback"] == "The client said no"
    assert record.session.origin == Origin("C42")


async def test_without_a_known_zone_the_coach_asks_once_before_the_revisit(
    service: CoachService, db: Database
) -> None:
    """A user whose platform gives no zone is asked once, at the revisit step, then never."""
    texts = await run_unzoned(service, FULL_DIALOGUE[:11])
    assert "what's your time zone?" in texts[-1]
    texts = await run_unzoned(service, ["europe/berlin"])
    assert "Europe/Berlin" in texts[0] and "When should we revisit" in texts[1]
    assert (await stored(db)).timezone == "Europe/Berlin"
    await run_unzoned(service, ["restart", "yes", *FULL_DIALOGUE[1:11]])
    record = await stored(db)
    assert record.session is not None and record.session.pending is None
    assert record.session.step is Step.REVISIT


async def test_keeping_the_default_zone_is_one_press(service: CoachService, db: Database) -> None:
    """'Keep the default' stores the default zone and goes on to the revisit question."""
    await run_unzoned(service, FULL_DIALOGUE[:11])
    record = await stored(db)
    assert record.session is not None
    result = await service.handle(press("default", "timezone", record.session.number))
    assert "When should we revisit" in result.messages[-1].text
    assert (await stored(db)).timezone == "UTC"


async def run_unzoned(service: CoachService, lines: tuple[str, ...] | list[str]) -> list[str]:
    """Send lines as a platform that reports no time zone (Discord)."""
    texts: list[str] = []
    for line in lines:
        result = await service.handle(say(line, zone=None))
        texts.extend(message.text for message in result.messages)
    return texts


async def test_greet_continues_an_unfinished_conversation_at_its_question(
    service: CoachService,
) -> None:
    """Opening the chat again re-asks the question where the user stopped."""
    await run(service, FULL_DIALOGUE[:4])
    result = await service.handle(replace(say("status")))
    assert "hard or soft" in result.messages[0].text or "timing" in result.messages[0].text
    greeting = await service.greet(ALICE)
    assert "Could the context or the timing change?" in greeting.messages[-1].text


@pytest.mark.parametrize("number", [1, 2, 3, 4])
async def test_a_number_typed_after_a_hard_boundary_picks_the_line_shown(
    service: CoachService, db: Database, number: int
) -> None:
    """On the hard-boundary path the option typed as a number is the one listed at that number."""
    await run(service, [*FULL_DIALOGUE[:3], "1"])
    shown: list[str] = []
    for _ in range(10):
        record = await stored(db)
        assert record.session is not None
        if record.session.step is Step.OPTION:
            break
        result = await service.handle(say("something I can do"))
        shown = [button.label for button in result.messages[-1].buttons]
    assert record.session is not None and record.session.step is Step.OPTION
    assert len(shown) == 4
    await run(service, [str(number)])
    record = await stored(db)
    assert record.session is not None
    picked = record.session.answers["option"]
    assert picked == dialogue.choices(Step.OPTION, record.session.answers)[number - 1]
    assert service.catalog.text(f"option.choice.{picked}") == shown[number - 1]


async def test_status_after_the_plan_shows_the_plan_and_its_revisit_date(
    service: CoachService, db: Database
) -> None:
    """`status` once the reframe is finished shows the plan card with the revisit date."""
    await run(service, FULL_DIALOGUE)
    plan = await run(service, ["plan"])
    texts = await run(service, ["status"])
    assert any("finished" in text for text in texts)
    assert plan[0] in texts
    record = await stored(db)
    assert record.session is not None and record.session.revisit_at is not None
    assert f"{record.session.revisit_at:%d}".lstrip("0") in plan[0]
