"""Schema migrations on a real SQLite file: checksums, atomic files, refusing the unknown."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.errors import MigrationError
from bot.storage.db import Database
from bot.storage.migrate import migrate
from tests.conftest import MIGRATIONS


@pytest.fixture
def migrations(tmp_path: Path) -> Path:
    """A private copy of the real migrations that a test may change."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder)
    return folder


async def test_every_migration_is_applied_once_and_recorded(tmp_path: Path) -> None:
    """A new database gets every file, recorded with its checksum; a second run applies none."""
    async with Database(tmp_path / "a.db") as db:
        first = await migrate(db, MIGRATIONS)
        second = await migrate(db, MIGRATIONS)
        async with db.autocommit() as conn:
            rows = await conn.fetch_all("SELECT version, checksum FROM schema_version")
    assert first == [path.stem for path in sorted(MIGRATIONS.glob("*.sql"))]
    assert second == []
    assert len(rows) == len(first) and all(len(row["checksum"]) == 64 for row in rows)


async def test_pragmas_are_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    """The connection runs in WAL mode, with foreign keys on and a busy timeout."""
    async with Database(tmp_path / "a.db") as db:
        values = {}
        for pragma in ("journal_mode", "foreign_keys", "busy_timeout", "secure_delete"):
            async with db.autocommit() as conn:
                values[pragma] = await conn.fetch_value(f"PRAGMA {pragma}")
    assert values == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "secure_delete": 1,
    }


async def test_a_failing_file_leaves_nothing_behind(tmp_path: Path, migrations: Path) -> None:
    """A migration that fails half way is rolled back whole and not recorded."""
    count = len(list(migrations.glob("*.sql")))
    (migrations / f"{count + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n"
    )
    async with Database(tmp_path / "a.db") as db:
        with pytest.raises(MigrationError, match=r"broken.*rolled back"):
            await migrate(db, migrations)
    with sqlite3.connect(tmp_path / "a.db") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_version")]
    assert "half_done" not in tables
    assert versions == list(range(1, count + 1))


async def test_an_edited_applied_migration_is_refused(tmp_path: Path, migrations: Path) -> None:
    """Changing a file after it was applied is refused with a clear message."""
    async with Database(tmp_path / "a.db") as db:
        await migrate(db, migrations)
        first = sorted(migrations.glob("*.sql"))[0]
        first.write_text(first.read_text() + "\n-- an innocent edit\n")
        with pytest.raises(MigrationError, match="edited after it was applied"):
            await migrate(db, migrations)


async def test_a_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    """A schema version beyond the known files is refused, naming both versions."""
    async with Database(tmp_path / "a.db") as db:
        await migrate(db, MIGRATIONS)
        await db.conn.execute(
            "INSERT INTO schema_version VALUES (999, '0999_future', 'x', '2030-01-01')"
        )
        with pytest.raises(MigrationError, match="schema version 999, newer than"):
            await migrate(db, MIGRATIONS)


async def test_a_misnamed_file_is_refused(tmp_path: Path, migrations: Path) -> None:
    """A file that is not NNNN_name.sql stops the migration with its name."""
    (migrations / "extra.sql").write_text("SELECT 1;")
    async with Database(tmp_path / "a.db") as db:
        with pytest.raises(MigrationError, match=r"extra\.sql"):
            await migrate(db, migrations)
