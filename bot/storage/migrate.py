"""Forward-only schema migrations from migrations/NNNN_name.sql, recorded with checksums.

PostgreSQL runs `migrations/postgresql/NNNN_name.sql` instead where that file exists (identity
columns, jsonb), and applies them while holding an advisory lock, so workers that start
together wait for the first one's migrations instead of racing it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from bot.errors import MigrationError
from bot.storage.db import Database, to_db
from bot.storage.pg import PostgresStore
from bot.storage.store import Store

log = logging.getLogger(__name__)
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered SQL file."""

    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        """SHA-256 of the file's text: an edit after release changes it."""
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def discover(directory: Path, dialect: str = "sqlite") -> list[Migration]:
    """The migration files in order, each in the dialect's own version where it has one
    (`directory/<dialect>/NNNN_name.sql`); gaps and stray names are errors."""
    if not directory.is_dir():
        raise MigrationError(f"no migrations folder at {directory}")
    found: list[Migration] = []
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if match is None:
            raise MigrationError(f"{path.name}: migration files are named like 0001_init.sql")
        override = directory / dialect / path.name
        source = override if override.is_file() else path
        found.append(Migration(int(match.group(1)), path.stem, source.read_text("utf-8")))
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise MigrationError(f"{migration.name}: expected migration number {expected:04d}")
    return found


async def _applied(conn: aiosqlite.Connection) -> dict[int, tuple[str, str]]:
    await conn.execute(SCHEMA_VERSION)
    rows = await conn.execute_fetchall("SELECT version, name, checksum FROM schema_version")
    return {row["version"]: (row["name"], row["checksum"]) for row in rows}


SCHEMA_VERSION = (
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


def pending(
    migrations: list[Migration], applied: dict[int, tuple[str, str]], name: str
) -> list[Migration]:
    """The migrations still to apply; MigrationError when the database is newer than the
    code or a released file was edited."""
    newest_known = len(migrations)
    newer = sorted(version for version in applied if version > newest_known)
    if newer:
        raise MigrationError(
            f"the database {name} is at schema version {max(newer)}, newer than this "
            f"reframe-coach knows ({newest_known}); upgrade reframe-coach to use it"
        )
    todo: list[Migration] = []
    for migration in migrations:
        if migration.version not in applied:
            todo.append(migration)
        elif applied[migration.version][1] != migration.checksum:
            raise MigrationError(
                f"{migration.name}.sql was edited after it was applied to {name}; "
                "released migrations are never edited: add a new numbered file instead"
            )
    return todo


async def migrate(store: Store, directory: Path) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied."""
    if isinstance(store, PostgresStore):
        return await _migrate_postgresql(store, directory)
    if not isinstance(store, Database):
        raise TypeError(f"no migration runner for {type(store).__name__}")
    conn = store.conn
    done: list[str] = []
    for migration in pending(discover(directory), await _applied(conn), store.name):
        await _apply(conn, migration)
        log.info("applied migration %s", migration.name)
        done.append(migration.name)
    return done


async def _migrate_postgresql(store: PostgresStore, directory: Path) -> list[str]:
    """PostgreSQL: the same files (or their postgresql/ versions) under the migration lock."""
    migrations = discover(directory, "postgresql")
    done: list[str] = []
    async with store.migrating() as conn:
        await conn.execute_script(SCHEMA_VERSION)
        rows = await conn.fetch_all("SELECT version, name, checksum FROM schema_version")
        applied = {row["version"]: (row["name"], row["checksum"]) for row in rows}
        for migration in pending(migrations, applied, store.name):
            try:
                async with conn.savepoint():
                    await conn.execute_script(migration.sql)
                    await conn.execute(
                        "INSERT INTO schema_version (version, name, checksum, applied_at)"
                        " VALUES (:version, :name, :checksum, :at)",
                        {
                            "version": migration.version,
                            "name": migration.name,
                            "checksum": migration.checksum,
                            "at": to_db(datetime.now(UTC)),
                        },
                    )
            except MigrationError:
                raise
            except Exception as error:
                raise MigrationError(
                    f"{migration.name}.sql failed and was rolled back: {error}"
                ) from error
            log.info("applied migration %s", migration.name)
            done.append(migration.name)
    return done


async def is_current(store: Store, directory: Path) -> bool:
    """Whether the database answers and has every migration in `directory` applied.

    Raises what the driver raises when the database cannot be read (readiness counts that
    as not ready), MigrationError when the folder is unreadable.
    """
    expected = {migration.version for migration in discover(directory)}  # same numbers
    async with store.autocommit() as conn:
        rows = await conn.fetch_all("SELECT version FROM schema_version")
    applied = {row["version"] for row in rows}
    return expected <= applied


async def _apply(conn: aiosqlite.Connection, migration: Migration) -> None:
    # executescript runs the whole file; BEGIN/COMMIT inside it make it one transaction.
    record = (
        "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES "
        f"({migration.version}, '{migration.name}', '{migration.checksum}', "
        "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));"
    )
    try:
        await conn.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}\n;\n{record}\nCOMMIT;")
    except Exception as error:
        if conn.in_transaction:
            await conn.execute("ROLLBACK")
        raise MigrationError(f"{migration.name}.sql failed and was rolled back: {error}") from error
