"""The database's files are private whatever the umask; its health follows storage faults."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.config import Settings, default_db_path
from bot.core import Core
from bot.errors import StorageFault
from bot.prompts import Catalog
from bot.runner import operations
from bot.service import CoachService
from bot.storage.db import Database
from bot.storage.migrate import migrate
from bot.storage.startup import FULL, QUICK, integrity_problems, open_database
from tests.conftest import ALICE, MIGRATIONS, PROMPTS, say
from tests.test_ops import fetch


def mode(path: Path) -> int:
    """The permission bits of a file or folder."""
    return stat.S_IMODE(path.stat().st_mode)


async def fill_the_disk(service: CoachService, db: Database) -> None:
    """Turns until one fails on a full disk: SQLite refuses to grow the file past
    max_page_count with SQLITE_FULL, as it does when the disk is full."""
    async with db.autocommit() as conn:
        pages = await conn.fetch_value("PRAGMA page_count")
    await db.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageFault, match="disk is probably full"):
        for index in range(50):
            await service.handle(say(f"My manager said no {index} " + "x" * 3000, ALICE))


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The loosest umask there is, restored afterwards."""
    old = os.umask(0)
    yield
    os.umask(old)


async def test_new_files_are_0600_and_a_new_folder_0700_under_umask_0(
    tmp_path: Path, open_umask: None
) -> None:
    """With umask 0, the folder, the database, its -wal and -shm are private all the same."""
    path = tmp_path / "data" / "coach.db"
    async with Database(path) as db:
        await migrate(db, MIGRATIONS)
        files = [path, path.with_name("coach.db-wal"), path.with_name("coach.db-shm")]
        assert all(file.exists() for file in files)
        assert [mode(file) for file in files] == [0o600, 0o600, 0o600]
    assert mode(path.parent) == 0o700


async def test_wider_modes_are_tightened_at_start_with_a_log_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An existing 0644 database and 0755 default data folder become 0600 / 0700, logged."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    path = default_db_path()
    assert tmp_path in path.parents
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    path.parent.chmod(0o755)
    path.chmod(0o644)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"")
    wal.chmod(0o664)
    with caplog.at_level(logging.WARNING, logger="bot.storage.preflight"):
        async with Database(path):
            pass
    assert (mode(path.parent), mode(path)) == (0o700, 0o600)
    assert not wal.exists() or mode(wal) == 0o600
    logged = [record.getMessage() for record in caplog.records]
    assert any(str(path) in line and "0644" in line and "0600" in line for line in logged)
    assert any(str(path.parent) in line and "0755" in line for line in logged)


async def test_an_operators_own_folder_keeps_its_mode(tmp_path: Path) -> None:
    """A folder the operator chose (not the default data folder) is left as it is."""
    folder = tmp_path / "srv"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    async with Database(folder / "coach.db"):
        pass
    assert mode(folder) == 0o755 and mode(folder / "coach.db") == 0o600


async def test_quick_check_at_start_and_the_full_check_pass_on_a_sound_file(
    tmp_path: Path,
) -> None:
    """A sound, migrated database passes both the quick check and the full integrity check."""
    async with open_database(tmp_path / "coach.db", MIGRATIONS) as (db, applied):
        assert applied and isinstance(db, Database)
        assert await integrity_problems(db, QUICK) == []
        assert await integrity_problems(db, FULL) == []


@pytest.mark.sqlite_only
async def test_health_follows_storage_faults_in_turns(service: CoachService, db: Database) -> None:
    """A turn that meets a full disk fails with our StorageFault and marks the database
    unhealthy; the next turn that commits marks it healthy again."""
    await service.handle(say("hi"))
    assert db.health.ok
    await fill_the_disk(service, db)
    assert not db.health.ok and db.health.reason == "SQLITE_FULL"
    await db.conn.execute("PRAGMA max_page_count = 1073741823")
    await service.handle(say("My landlord said no to fixing the heating"))
    assert db.health.ok and db.health.reason == ""


@pytest.mark.sqlite_only
async def test_readyz_says_not_ready_while_turns_fail_on_storage(
    tmp_path: Path, service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """/readyz turns 503 naming storage once a turn fails on a full disk, /healthz stays 200,
    and readiness comes back with the next turn that commits."""
    settings = Settings(db_path=db.path, prompts_dir=PROMPTS, migrations_dir=MIGRATIONS)
    core = Core(settings, db, catalog, service, clock)
    async with operations(core, (), 0) as server:
        assert server is not None and server.port is not None
        assert (await fetch(server.port, "/readyz"))[0] == 200
        await fill_the_disk(service, db)
        status, body = await fetch(server.port, "/readyz")
        assert status == 503 and '"storage": false' in body
        assert (await fetch(server.port, "/healthz"))[0] == 200
        await db.conn.execute("PRAGMA max_page_count = 1073741823")
        await service.handle(say("My manager said no to the promotion"))
        assert (await fetch(server.port, "/readyz"))[0] == 200
