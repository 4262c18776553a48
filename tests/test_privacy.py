"""Safety and privacy through the real service: crisis, isolation, logs, retention, floods."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.crisis_lines import LineBook
from bot.domain import Inbound, UserKey
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler, SchedulerConfig
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import ALICE, FULL_DIALOGUE, say


async def stored(db: Database, user: UserKey = ALICE) -> repos.UserRecord:
    """The user's row and newest session."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=user)
    assert record is not None
    return record


async def count(db: Database, table: str) -> int:
    """Rows in a table."""
    async with db.autocommit() as conn:
        return int(await conn.fetch_value(f"SELECT COUNT(*) FROM {table}"))


async def test_the_operators_crisis_country_is_the_fallback(
    db: Database, catalog: Catalog, clock: ManualClock, lines: LineBook
) -> None:
    """With CRISIS_COUNTRY=US and no signal from the user, the 988 line is shown."""
    service = CoachService(db, catalog, clock, lines=lines, country="US")
    result = await service.handle(say("I keep thinking about suicide"))
    assert "988" in result.messages[0].text


async def test_a_slack_users_time_zone_chooses_the_country(service: CoachService) -> None:
    """A Slack user in Toronto with Slack's default en-US locale gets Canada's lines, not 988 US."""
    user = UserKey("slack", "T1", "U1")
    inbound = Inbound(
        user, text="I want to die", locale_hint="en-US", timezone_hint="America/Toronto"
    )
    text = (await service.handle(inbound)).messages[0].text
    assert "9-8-8" in text and "686868" in text
    assert "988lifeline" not in text


async def test_a_discord_locale_does_not_name_a_country(service: CoachService) -> None:
    """Discord's en-US is a language, not a place: the directory is shown, not US numbers."""
    user = UserKey("discord", "-", "42")
    inbound = Inbound(user, text="I want to die", locale_hint="en-US", timezone_hint=None)
    text = (await service.handle(inbound)).messages[0].text
    assert "findahelpline.com" in text
    assert "988" not in text


@pytest.mark.sqlite_only
async def test_forget_me_leaves_no_words_in_the_database_wal_or_shm(
    service: CoachService, db: Database
) -> None:
    """After forget me, the raw bytes of the file, its -wal and -shm hold none of the words."""
    words = [f"Zyzzogeton{n} quibbled marmalade{n}" for n in range(len(FULL_DIALOGUE))]
    lines = [FULL_DIALOGUE[0], *words[1:5]]
    for line in lines:
        await service.handle(say(line))
    await service.handle(say("I want to die, Zyzzogeton crisis words"))
    await service.handle(say("forget me"))
    await service.handle(say("yes"))
    # Read while the process (and its connection) is still open.
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{db.path}{suffix}")
        raw = path.read_bytes() if path.exists() else b""
        assert b"Zyzzogeton" not in raw, suffix
        assert b"marmalade" not in raw, suffix
    assert await count(db, "users") == 0


async def test_the_same_user_id_in_two_workspaces_sees_only_its_own_data(
    service: CoachService, db: Database
) -> None:
    """Sessions, reminders, wins and export never cross from one workspace to another."""
    one, two = UserKey("slack", "T1", "U1"), UserKey("slack", "T2", "U1")
    for line in FULL_DIALOGUE:
        await service.handle(say(line, one))
    await service.handle(say("hi", two))
    export = await service.handle(say("export", two))
    attachment = export.messages[0].attachment
    assert attachment is not None
    document = json.loads(attachment.content)
    assert document["reminders"] == []
    assert FULL_DIALOGUE[1] not in attachment.content.decode()
    assert "no upcoming" in (await service.handle(say("reminders", two))).messages[0].text
    assert "empty" in (await service.handle(say("wins", two))).messages[0].text
    assert (
        "cancel"
        not in (await service.handle(say("reminders cancel 1", two))).messages[0].text.lower()
    )
    assert await count(db, "reminders WHERE status = 'pending'") == 1


async def test_no_answer_reaches_the_logs_at_info_or_above(
    service: CoachService, caplog: pytest.LogCaptureFixture
) -> None:
    """A whole dialogue, a crisis and the commands log nothing the user wrote at INFO+."""
    with caplog.at_level(logging.DEBUG):
        for line in (*FULL_DIALOGUE, "export", "wins", "I want to die"):
            await service.handle(say(line))
    loud = [record.getMessage() for record in caplog.records if record.levelno >= logging.INFO]
    # Our own lines carry no text at any level (aiosqlite's DEBUG lines do: see bot/logs.py).
    everything = [r.getMessage() for r in caplog.records if r.name.startswith("bot")] + loud
    assert loud, "the test must see some INFO lines to be meaningful"
    for answer in FULL_DIALOGUE[1:]:
        assert not any(answer in line for line in everything), answer
    assert not any("want to die" in line for line in everything)


async def test_retention_purges_old_words_but_keeps_outcomes(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """After RETENTION_DAYS a finished session's words are gone; the wins count remains."""
    lines = list(FULL_DIALOGUE)
    lines[11] = "4"  # don't schedule
    for line in lines:
        await service.handle(say(line))
    async with db.transaction() as conn:
        await conn.execute("UPDATE sessions SET outcome = 'yes'")
    scheduler = NudgeScheduler(db, catalog, clock, {}, SchedulerConfig(retention_days=180))
    assert await scheduler.purge(clock.now() + timedelta(days=179)) == 0
    assert await scheduler.purge(clock.now() + timedelta(days=181)) == 1
    record = await stored(db)
    assert record.session is not None and dict(record.session.answers) == {}
    async with db.autocommit() as conn:
        kept = await conn.fetch_value(
            "SELECT COUNT(*) FROM sessions WHERE state LIKE :words",
            {"words": f"%{FULL_DIALOGUE[1]}%"},
        )
    assert kept == 0
    if isinstance(db, Database):  # the SQLite file itself, once the log is cut
        await db.scrub()
        assert FULL_DIALOGUE[1].encode() not in Path(db.path).read_bytes()
    wins = await service.handle(say("wins"))
    assert "Your no became a maybe or a yes" in wins.messages[0].text


@pytest.fixture
def gated(db: Database, catalog: Catalog, clock: ManualClock) -> CoachService:
    """A service with the default flood control: 20 messages per 10 seconds."""
    return CoachService(db, catalog, clock)


async def test_a_flood_is_slowed_politely_without_growing_the_database(
    gated: CoachService, db: Database
) -> None:
    """100 messages in one instant: the first burst is handled, the rest politely refused."""
    service = gated
    stranger = UserKey("console", "local", "bob")
    await service.handle(say("hi"))
    before = await count(db, "sessions")
    replies = [await service.handle(say(f"message {i}")) for i in range(100)]
    busy = [r for r in replies if "faster than I can keep up" in r.messages[0].text]
    assert len(busy) >= 75
    assert all(r.messages for r in replies)
    assert await count(db, "sessions") <= before + 1
    other = await service.handle(say("hello", stranger))
    assert "Reframe Coach" in other.messages[0].text


async def test_the_flood_limit_refills_with_time(gated: CoachService, clock: ManualClock) -> None:
    """After the window passes, a flooded user is heard again."""
    service = gated
    for i in range(40):
        await service.handle(say(f"message {i}"))
    clock.set(clock.now() + timedelta(seconds=10))
    result = await service.handle(say("status"))
    assert "faster than I can keep up" not in result.messages[0].text


def test_logging_setup_keeps_aiosqlite_quiet_even_at_debug() -> None:
    """aiosqlite (it logs statement parameters at DEBUG) stays at WARNING under LOG_LEVEL=DEBUG."""
    from bot.logs import setup_logging

    root = logging.getLogger()
    saved = (root.level, root.handlers[:])
    try:
        setup_logging("DEBUG")
        assert logging.getLogger("aiosqlite").getEffectiveLevel() == logging.WARNING
    finally:
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]


async def test_the_users_own_locale_chooses_the_crisis_lines(
    service: CoachService, db: Database
) -> None:
    """A locale reported by the platform picks national lines and is remembered for the user."""
    british = Inbound(ALICE, text="I want to die", locale_hint="en-GB", timezone_hint="UTC")
    result = await service.handle(british)
    assert "116 123" in result.messages[0].text
    assert (await stored(db)).locale == "en-GB"
    later = await service.handle(say("I still want to die"))
    assert "116 123" in later.messages[0].text
