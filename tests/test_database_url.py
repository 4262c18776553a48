"""DATABASE_URL picks the engine; every way it can be wrong is one line at start; migrations on
PostgreSQL use its own files and let four workers starting together all come up."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from bot.__main__ import main
from bot.config import Settings
from bot.errors import ConfigError, StorageFault
from bot.storage.migrate import discover
from bot.storage.pg import PostgresStore
from bot.storage.startup import open_database
from tests.conftest import MIGRATIONS
from tests.engines import Server

ROOT = Path(__file__).resolve().parents[1]
UNREACHABLE = "postgresql://coach:s3cret-pw@127.0.0.1:1/reframe"


def settings_for(tmp_path: Path, **environ: str) -> Settings:
    """Settings from exactly these variables (texts and migrations from the checkout)."""
    return Settings.from_env({"REFRAME_PROMPTS_DIR": str(ROOT / "prompts"), **environ})


def test_database_url_chooses_postgresql_or_a_sqlite_file(tmp_path: Path) -> None:
    """postgresql:// is PostgreSQL; sqlite:///path is that file; neither means REFRAME_DB's file."""
    pg = settings_for(tmp_path, DATABASE_URL="postgresql://coach@127.0.0.1/reframe")
    assert pg.database == "postgresql://coach@127.0.0.1/reframe"
    lite = settings_for(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/c.db")
    assert lite.database == tmp_path / "c.db" and lite.database_url is None
    plain = settings_for(tmp_path, REFRAME_DB=str(tmp_path / "r.db"))
    assert plain.database == tmp_path / "r.db"


def test_the_pool_size_is_a_setting_of_at_least_two(tmp_path: Path) -> None:
    """DATABASE_POOL_SIZE caps a process's PostgreSQL connections (10 by default, 2 at least)."""
    assert settings_for(tmp_path).database_pool_size == 10
    assert settings_for(tmp_path, DATABASE_POOL_SIZE="4").database_pool_size == 4
    with pytest.raises(ConfigError, match="DATABASE_POOL_SIZE=1 must be at least 2"):
        settings_for(tmp_path, DATABASE_POOL_SIZE="1")


@pytest.mark.parametrize(
    ("environ", "said"),
    [
        ({"DATABASE_URL": "mysql://coach:s3cret-pw@db/reframe"}, "must start with postgresql://"),
        ({"DATABASE_URL": "postgresql://coach:s3cret-pw@db:port/x"}, "is not a valid URL"),
        (
            {"DATABASE_URL": "postgresql://coach:s3cret-pw@db/x", "REFRAME_DB": "r.db"},
            "keep one of them",
        ),
    ],
)
def test_a_wrong_database_url_is_a_settings_problem_without_the_password(
    tmp_path: Path, environ: dict[str, str], said: str
) -> None:
    """A URL naming no engine, a broken URL, or both settings at once: one ConfigError line."""
    with pytest.raises(ConfigError) as caught:
        settings_for(tmp_path, **environ)
    assert said in str(caught.value) and "s3cret-pw" not in str(caught.value)


def run_migrate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, url: str) -> int:
    """`reframe migrate` with DATABASE_URL=url (run in tmp_path: no .env read); its exit code."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("REFRAME_DB", raising=False)
    return main(["migrate"])


def assert_one_line(code: int, err: str, said: str) -> None:
    """Exit code 2 and a single `reframe:` line saying `said`, with no traceback or password."""
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reframe: "), err
    assert said in lines[0] and "s3cret-pw" not in err and "Traceback" not in err


def test_an_unreachable_server_is_one_line_at_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No server at the URL's port: `reframe migrate` says so in one line and exits 2."""
    code = run_migrate(monkeypatch, tmp_path, UNREACHABLE)
    assert_one_line(code, capsys.readouterr().err, "cannot reach PostgreSQL at")


def test_a_missing_postgres_extra_is_one_line_naming_it(tmp_path: Path) -> None:
    """Without asyncpg installed, a PostgreSQL URL says which extra to install, in one line."""
    script = (
        "import sys; sys.modules['asyncpg'] = None\n"
        "from bot.__main__ import main\nsys.exit(main(['migrate']))"
    )
    env = {**os.environ, "DATABASE_URL": UNREACHABLE, "PYTHONPATH": str(ROOT)}
    env.pop("REFRAME_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert_one_line(done.returncode, done.stderr, "pip install 'reframe-coach[postgres]'")


def with_login(url: str, user: str, password: str, database: str) -> str:
    """The server URL with another login and database."""
    parts = urlsplit(url)
    netloc = f"{user}:{password}@{parts.hostname}:{parts.port or 5432}"
    return urlunsplit(parts._replace(netloc=netloc, path=f"/{database}"))


def test_bad_credentials_and_a_missing_database_are_one_line_each(
    postgres_server: Server,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A login the server refuses, and a database it does not have: one line each, exit 2."""
    nobody = with_login(postgres_server.url, "seam16_nobody", "s3cret-pw", "postgres")
    code = run_migrate(monkeypatch, tmp_path, nobody)
    assert_one_line(code, capsys.readouterr().err, "refused the credentials")
    missing = urlunsplit(urlsplit(postgres_server.url)._replace(path=f"/no_{uuid.uuid4().hex}"))
    code = run_migrate(monkeypatch, tmp_path, missing)
    assert_one_line(code, capsys.readouterr().err, "does not exist")


async def test_four_workers_starting_together_on_an_empty_database_all_come_up(
    fresh_postgres_url: str,
) -> None:
    """Four stores migrating one empty database at once: one applies everything, all come up."""

    async def start() -> list[str]:
        async with open_database(fresh_postgres_url, MIGRATIONS) as (store, applied):
            async with store.autocommit() as conn:
                assert await conn.fetch_value("SELECT COUNT(*) FROM schema_version") == len(
                    discover(MIGRATIONS)
                )
            return applied

    applied = await asyncio.gather(*(start() for _ in range(4)))
    assert sorted(len(names) for names in applied) == [0, 0, 0, len(discover(MIGRATIONS))]


async def test_postgresql_gets_its_own_version_of_a_migration_where_one_exists(
    fresh_postgres_url: str,
) -> None:
    """Ids are identity columns there, and the checksum recorded is that of the file applied."""
    async with (
        open_database(fresh_postgres_url, MIGRATIONS) as (store, _),
        store.autocommit() as conn,
    ):
        identity = await conn.fetch_value(
            "SELECT is_identity FROM information_schema.columns"
            " WHERE table_name = 'users' AND column_name = 'id'"
        )
        recorded = await conn.fetch_value("SELECT checksum FROM schema_version WHERE version = 1")
    assert identity == "YES"
    [first] = [m for m in discover(MIGRATIONS, "postgresql") if m.version == 1]
    assert recorded == first.checksum != discover(MIGRATIONS)[0].checksum


def test_migrate_and_doctor_run_on_postgresql(
    fresh_postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`reframe migrate` applies every file to an empty PostgreSQL database, then none;
    `reframe doctor` reports its schema version (PostgreSQL checks its own pages)."""
    assert run_migrate(monkeypatch, tmp_path, fresh_postgres_url) == 0
    assert "applied 0001_init" in capsys.readouterr().out
    assert run_migrate(monkeypatch, tmp_path, fresh_postgres_url) == 0
    assert capsys.readouterr().out.strip().endswith("up to date")
    assert main(["doctor"]) == 0
    assert f"schema at version {len(discover(MIGRATIONS))}" in capsys.readouterr().out


def test_a_server_fault_without_words_still_names_what_happened() -> None:
    """A PostgreSQL fault whose message is empty (a timeout) says its kind, not a bare colon."""
    store = PostgresStore("postgresql://coach:secret@db.example:5432/reframe")
    with (
        pytest.raises(StorageFault, match=r"failed: TimeoutError$") as raised,
        store._watch("turn"),
    ):
        raise TimeoutError()
    assert "secret" not in str(raised.value)
