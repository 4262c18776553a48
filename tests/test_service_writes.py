"""Turns that never lose an update: racing messages from one user, two processes on one file,
conflicting writers retried, workspaces kept apart, a file SQLite wrote directly."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.domain import Step, UserKey
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, say
from tests.test_service import run, stored


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


@pytest.mark.sqlite_only
async def test_reading_a_file_written_by_sqlite_directly(db: Database) -> None:
    """The schema is plain SQLite: another tool can read it (sessions table exists)."""
    with sqlite3.connect(db.path) as conn:
        names = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert {"users", "sessions", "schema_version", "reminders"} <= names
