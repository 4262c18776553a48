"""Opening the database at start: private files, an integrity check, migrations; one clear error.

`run`, `chat` and `migrate` all open it here, so a corrupt file, a full disk or a folder the
service cannot write ends every one of them the same way: StorageFault, exit code 2.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.errors import ConfigError, MigrationError, StorageFault
from bot.storage.db import Database
from bot.storage.health import is_storage_fault
from bot.storage.migrate import migrate
from bot.storage.pg import PostgresStore
from bot.storage.preflight import damaged, describe
from bot.storage.store import Store
from bot.storage.urls import parse_database_url

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
async def open_store(target: Path | str, *, pool_size: int = 10) -> AsyncIterator[Store]:
    """The open store (no check, no migration): a SQLite file for a Path, a plain path or a
    `sqlite:///path` URL; PostgreSQL for a `postgresql://` URL.

    Raises StorageFault (one line) when it cannot be opened (or the asyncpg extra is missing),
    ConfigError for a URL that names no engine.
    """
    if isinstance(target, str) and "://" in target:
        try:
            target = parse_database_url(target)
        except ValueError as error:
            raise ConfigError([str(error)]) from None
    if isinstance(target, str) and "://" in target:
        async with PostgresStore(target, pool_size=pool_size) as store:
            yield store
        return
    async with Database(Path(target)) as db:
        yield db


@asynccontextmanager
async def open_database(
    target: Path | str, migrations_dir: Path, *, check: str = QUICK, pool_size: int = 10
) -> AsyncIterator[tuple[Store, list[str]]]:
    """The open, checked and migrated store, and the migrations applied now.

    Raises StorageFault (naming the file or server and the likely fix) for a broken file,
    disk or server, MigrationError for a schema problem, ConfigError for a URL that cannot
    be used (see open_store).
    """
    async with open_store(target, pool_size=pool_size) as store:
        if not isinstance(store, Database):
            yield store, await migrate(store, migrations_dir)
            return
        path = store.path
        try:
            problems = await integrity_problems(store, check)
            if problems:
                raise damaged(path, problems[0])
            applied = await migrate(store, migrations_dir)
        except sqlite3.Error as error:
            raise describe(path, error) from error
        except MigrationError as error:
            if error.__cause__ is not None and is_storage_fault(error.__cause__):
                raise describe(path, error.__cause__) from error
            raise
        yield store, applied


__all__ = ["FULL", "QUICK", "StorageFault", "integrity_problems", "open_database", "open_store"]
