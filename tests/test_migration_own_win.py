"""The own-win migration: a database from the schema before it upgrades with its sessions."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.domain import Outcome, Status, UserKey
from bot.storage import repos
from bot.storage.db import Database, from_db
from bot.storage.migrate import migrate
from tests.conftest import MIGRATIONS

USER = UserKey("slack", "T1", "U1")
DAY, TIME = "2026-01-", "T09:00:00.000000+00:00"
STATE = '{"answers": {"setback": "No raise", "success": "A clear answer"}, "history": []}'


async def all_sessions(db: Database) -> list[tuple[object, ...]]:
    """Every column of every session, as stored."""
    async with db.autocommit() as conn:
        return [tuple(row.values()) for row in await conn.fetch_all("SELECT * FROM sessions")]


async def test_a_database_at_the_previous_schema_upgrades_with_its_sessions_intact(
    tmp_path: Path,
) -> None:
    """Sessions written before it keep every field; their outcome is dated by updated_at."""
    previous = tmp_path / "previous"
    previous.mkdir()
    [own] = MIGRATIONS.glob("*_own_win.sql")
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.name < own.name:
            shutil.copy(path, previous / path.name)
    async with Database(tmp_path / "old.db") as db:
        await migrate(db, previous)
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO users (id, platform, workspace, user_id, created_at)"
                " VALUES (1, 'slack', 'T1', 'U1', '2026-01-01T00:00:00.000000+00:00')"
            )
            for number, outcome in ((1, "yes"), (2, None)):
                await conn.execute(
                    "INSERT INTO sessions (user_ref, number, step, status, state, outcome,"
                    " started_at, updated_at) VALUES (1, :number, 'summary', 'finished', :state,"
                    " :outcome, :started, :updated)",
                    {
                        "number": number,
                        "state": STATE,
                        "outcome": outcome,
                        "started": f"{DAY}01{TIME}",
                        "updated": f"{DAY}0{number + 1}{TIME}",
                    },
                )
        before = await all_sessions(db)
        applied = await migrate(db, MIGRATIONS)
        after = await all_sessions(db)
        async with db.autocommit() as conn:
            sessions = await repos.list_sessions(conn, user_ref=1, user=USER)
    assert applied[0] == own.stem
    assert [row[: len(before[0])] for row in after] == before
    newest, oldest = sessions
    assert oldest.status is Status.FINISHED and oldest.outcome is Outcome.YES
    assert oldest.answers["success"] == "A clear answer"
    assert oldest.outcome_at == from_db(f"{DAY}02{TIME}")
    assert oldest.own_win is None and oldest.own_win_at is None
    assert newest.outcome is None and newest.outcome_at is None
