"""The service on a real SQLite file: one transaction per message, races, typed choices."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot import dialogue
from bot.clock import ManualClock
from bot.domain import Inbound, InboundKind, Origin, Status, Step, UserKey
from bot.prompts import Catalog
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


async def test_racing_messages_from_one_user_lose_no_answer(
    service: CoachService, db: Database
) -> None:
    """Two messages sent at once are both kept, one after the other, in order of arrival."""
    await run(service, FULL_DIALOGUE[:1])
    await asyncio.gather(service.handle(say("The setback")), service.handle(say("The ask")))
    record = await stored(db)
    assert record.session is not None
    assert record.session.answers["setback"] == "The setback"
    assert record.session.answers["ask"] == "The ask"
    assert record.session.step is Step.BOUNDARY


async def test_two_processes_on_one_file_never_lose_an_update(
    tmp_path: Path, catalog: Catalog, clock: ManualClock
) -> None:
    """Two services on two connections to one file, racing, lose no answer (version + retry)."""
    path = tmp_path / "shared.db"
    from bot.storage.migrate import migrate
    from tests.conftest import MIGRATIONS

    async with Database(path) as first, Database(path) as second:
        await migrate(first, MIGRATIONS)
        one = CoachService(first, catalog, clock)
        two = CoachService(second, catalog, clock)
        await one.handle(say("hi"))
        # Free-text answers that each land in a different question: order decides which.
        words = [f"answer {i}" for i in range(6)]
        await asyncio.gather(
            *(svc.handle(say(w)) for svc, w in zip([one, two] * 3, words, strict=True))
        )
        record = await stored(first)
    assert record.session is not None
    kept = [record.session.answers.get(name) for name in ("setback", "ask")]
    assert all(value in words for value in kept)
    assert record.session.version >= 3
    assert (
        record.session.step is Step.BOUNDARY
    )  # setback, ask, then extra answers re-ask the choice


async def test_conflicting_writers_retry_instead_of_overwriting(
    tmp_path: Path, catalog: Catalog, clock: ManualClock
) -> None:
    """A write based on a stale version raises a conflict and is recomputed, not lost."""
    path = tmp_path / "shared.db"
    from bot.errors import ConflictError
    from bot.storage.migrate import migrate
    from tests.conftest import MIGRATIONS

    async with Database(path) as first, Database(path) as second:
        await migrate(first, MIGRATIONS)
        service = CoachService(first, catalog, clock)
        await run(service, ["hi", "setback words"])
        stale = await stored(second)
        await service.handle(say("ask words"))
        assert stale.session is not None
        with pytest.raises(ConflictError):
            async with second.transaction() as conn:
                await repos.save_session(
                    conn,
                    user_ref=stale.ref,
                    session=stale.session,
                    expected_version=stale.session.version,
                )
        record = await stored(first)
    assert record.session is not None and record.session.answers["ask"] == "ask words"


async def test_users_are_kept_apart_by_workspace(service: CoachService, db: Database) -> None:
    """The same user id in two workspaces has two separate histories."""
    one = UserKey("slack", "T1", "U1")
    two = UserKey("slack", "T2", "U1")
    await run(service, ["hi", "first workspace setback"], one)
    await run(service, ["hi", "second workspace setback"], two)
    assert (await stored(db, one)).session.answers["setback"] == "first workspace setback"  # type: ignore[union-attr]
    assert (await stored(db, two)).session.answers["setback"] == "second workspace setback"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Ünïcödé àccents",
        "😀🎉 emoji setback",
        "שלום עולם مرحبا",
        "line one\nline two",
        "<!channel> & <@U123>",
    ],
)
async def test_unusual_text_survives_the_round_trip(
    service: CoachService, db: Database, text: str
) -> None:
    """Emoji, right-to-left text, accents and markup are stored exactly as written."""
    await run(service, ["hi", text])
    record = await stored(db)
    assert record.session is not None and record.session.answers["setback"] == text


async def test_control_characters_are_stripped(service: CoachService, db: Database) -> None:
    """Control characters never reach the database."""
    await run(service, ["hi", "bad\x00byte\x1b[31m red\x07"])
    record = await stored(db)
    assert record.session is not None and record.session.answers["setback"] == "badbyte[31m red"


async def test_a_huge_message_is_kept_truncated_with_a_word_saying_so(
    service: CoachService, db: Database
) -> None:
    """Past 20,000 characters the answer is cut there and the user is told the bound."""
    texts = await run(service, ["hi", "x" * 30_000])
    record = await stored(db)
    assert record.session is not None and len(record.session.answers["setback"]) == 20_000
    assert any("20,000" in text for text in texts)


async def test_a_long_paste_is_kept_whole_without_a_word_of_cutting(
    service: CoachService, db: Database
) -> None:
    """A 5,000-character paste is kept whole (export reads it) and nothing says it was cut."""
    pasted = ("My landlord wrote back again about the heating. " * 110)[:5000].strip()
    texts = await run(service, ["hi", pasted])
    record = await stored(db)
    assert record.session is not None and record.session.answers["setback"] == pasted
    assert not any("characters" in text for text in texts)


async def test_blank_messages_get_a_gentle_reask(service: CoachService, db: Database) -> None:
    """An empty message changes nothing and re-asks."""
    await run(service, ["hi"])
    texts = await run(service, ["   \n\t "])
    assert texts[0].startswith("I didn't catch anything")
    record = await stored(db)
    assert record.session is not None and record.session.step is Step.SETBACK


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


@pytest.mark.sqlite_only
async def test_reading_a_file_written_by_sqlite_directly(db: Database) -> None:
    """The schema is plain SQLite: another tool can read it (sessions table exists)."""
    with sqlite3.connect(db.path) as conn:
        names = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert {"users", "sessions", "schema_version", "reminders"} <= names


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
