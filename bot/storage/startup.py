"""Opening the database at start: private files, an integrity check, migrations; one clear error.

`run`, `chat` and `migrate` all open it here, so a corrupt file, a full disk or a folder the
service cannot write ends every one of them the same way: StorageFault, exit code 2.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.errors import MigrationError, StorageFault
from bot.storage.db import Database
from bot.storage.health import is_storage_fault
from bot.storage.migrate import migrate
from bot.storage.preflight import damaged, describe

# integrity_check reads every page and index (minutes on a large file): `reframe doctor` runs
# it. quick_check skips the index-to-table cross-checks and is what every start runs.
QUICK, FULL = "quick_check", "integrity_check"
MAX_PROBLEMS = 20


async def integrity_problems(db: Database, check: str = QUICK) -> list[str]:
    """What SQLite's quick_check or integrity_check finds wrong (empty when the file is sound)."""
    async with db.autocommit() as conn:
        rows = await conn.fetch_all(f"PRAGMA {check}({MAX_PROBLEMS})")
    found = [str(next(iter(row.values()))) for row in rows]
    return [] if found == ["ok"] else found


@asynccontextmanager
async def open_database(
    path: Path, migrations_dir: Path, *, check: str = QUICK
) -> AsyncIterator[tuple[Database, list[str]]]:
    """The open, checked and migrated database, and the migrations applied now.

    Raises StorageFault (naming the file and the likely fix) for a broken file or disk,
    MigrationError for a schema problem.
    """
    async with Database(path) as db:
        try:
            problems = await integrity_problems(db, check)
            if problems:
                raise damaged(path, problems[0])
            applied = await migrate(db, migrations_dir)
        except sqlite3.Error as error:
            raise describe(path, error) from error
        except MigrationError as error:
            if error.__cause__ is not None and is_storage_fault(error.__cause__):
                raise describe(path, error.__cause__) from error
            raise
        yield db, applied


__all__ = ["FULL", "QUICK", "StorageFault", "integrity_problems", "open_database"]
