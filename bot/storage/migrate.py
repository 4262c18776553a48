"""Forward-only schema migrations from migrations/NNNN_name.sql, recorded with checksums."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.errors import MigrationError
from bot.storage.db import Database
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


def discover(directory: Path) -> list[Migration]:
    """The migration files in order; gaps and stray names are errors."""
    if not directory.is_dir():
        raise MigrationError(f"no migrations folder at {directory}")
    found: list[Migration] = []
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if match is None:
            raise MigrationError(f"{path.name}: migration files are named like 0001_init.sql")
        found.append(Migration(int(match.group(1)), path.stem, path.read_text("utf-8")))
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise MigrationError(f"{migration.name}: expected migration number {expected:04d}")
    return found


async def _applied(conn: aiosqlite.Connection) -> dict[int, tuple[str, str]]:
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    rows = await conn.execute_fetchall("SELECT version, name, checksum FROM schema_version")
    return {row["version"]: (row["name"], row["checksum"]) for row in rows}


async def migrate(db: Database, directory: Path) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied."""
    migrations = discover(directory)
    conn = db.conn
    applied = await _applied(conn)
    newest_known = len(migrations)
    newer = sorted(version for version in applied if version > newest_known)
    if newer:
        raise MigrationError(
            f"the database {db.path} is at schema version {max(newer)}, newer than this "
            f"reframe-coach knows ({newest_known}); upgrade reframe-coach to use it"
        )
    done: list[str] = []
    for migration in migrations:
        if migration.version in applied:
            _, checksum = applied[migration.version]
            if checksum != migration.checksum:
                raise MigrationError(
                    f"{migration.name}.sql was edited after it was applied to {db.path}; "
                    "released migrations are never edited: add a new numbered file instead"
                )
            continue
        await _apply(conn, migration)
        log.info("applied migration %s", migration.name)
        done.append(migration.name)
    return done


async def is_current(store: Store, directory: Path) -> bool:
    """Whether the database answers and has every migration in `directory` applied.

    Raises what the driver raises when the database cannot be read (readiness counts that
    as not ready), MigrationError when the folder is unreadable.
    """
    expected = {migration.version for migration in discover(directory)}
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
