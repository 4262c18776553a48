"""Tests on both engines: the `engine` parameter, PostgreSQL test databases and when to skip.

Every test that uses the `db` fixture (directly or through `service` and the like) runs once
on SQLite and once on PostgreSQL (the `db_engine` parameter, ids `[sqlite]`, `[postgresql]`);
`@pytest.mark.sqlite_only` and `@pytest.mark.postgresql_only` keep a test on one engine.

PostgreSQL comes from REFRAME_TEST_POSTGRES_URL, a server's admin URL (`.ci/postgres` starts
one in CI). The suite creates its own databases there, named REFRAME_TEST_POSTGRES_PREFIX
(default `reframe_test`) plus a random suffix, never touching the URL's own database: one per
test session, migrated once, every table emptied before each test; and a fresh empty one for
each test that asks for `fresh_postgres_url`. All are dropped at the end. Without the URL the
PostgreSQL half is skipped and pytest's header says why; under CI=true that is an error.
"""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import pytest

from bot.storage.db import Database
from bot.storage.migrate import migrate

ENGINES = ("sqlite", "postgresql")
URL_VAR = "REFRAME_TEST_POSTGRES_URL"
PREFIX_VAR = "REFRAME_TEST_POSTGRES_PREFIX"
MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"
T = TypeVar("T")


def server_url() -> str | None:
    """The PostgreSQL server's admin URL the tests may create databases on, if any."""
    return os.environ.get(URL_VAR) or None


def in_ci() -> bool:
    """Whether this run is CI's (CI=true), where a missing server is a failure."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def with_database(url: str, name: str) -> str:
    """The same server URL pointing at another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def shown(url: str) -> str:
    """A URL fit for a log line: any password replaced."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end on a loop of its own in a thread (from sync fixtures)."""
    result: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(coroutine))
        except BaseException as error:
            failure.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]


async def admin(url: str, *statements: str) -> None:
    """Run statements on the server's admin database (CREATE / DROP DATABASE)."""
    import asyncpg

    conn = await asyncpg.connect(url, timeout=10)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


class Server:
    """The test run's PostgreSQL server: makes and drops uniquely named databases."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.prefix = os.environ.get(PREFIX_VAR) or "reframe_test"
        self.made: list[str] = []

    def create(self) -> str:
        """A new empty database; its URL."""
        name = f"{self.prefix}_{uuid.uuid4().hex[:10]}"
        run_sync(admin(self.url, f'CREATE DATABASE "{name}"'))
        self.made.append(name)
        return with_database(self.url, name)

    def drop(self, url: str) -> None:
        """Drop a database this run made (its connections are ended first)."""
        name = urlsplit(url).path.lstrip("/")
        run_sync(admin(self.url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.made.remove(name)


def pytest_configure(config: pytest.Config) -> None:
    """Declare the markers; in CI, insist on a server."""
    config.addinivalue_line("markers", "sqlite_only: a test about SQLite itself (file, WAL)")
    config.addinivalue_line("markers", "postgresql_only: a test about PostgreSQL itself")
    if in_ci() and server_url() is None:
        raise pytest.UsageError(
            f"CI=true but {URL_VAR} is not set: the PostgreSQL half must run in CI"
            " (.ci/run sources .ci/postgres, which starts a server and sets it)"
        )


def pytest_report_header(config: pytest.Config) -> str:
    """Say which engines the tests run on, and why PostgreSQL is left out when it is."""
    url = server_url()
    if url is None:
        return f"engines: sqlite; postgresql SKIPPED ({URL_VAR} is not set)"
    return f"engines: sqlite, postgresql on {shown(url)}"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Name the reason when the PostgreSQL half was skipped (quiet runs show no header)."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else ""
        if "PostgreSQL" in reason:
            reason = reason.removeprefix("Skipped: ").removeprefix("PostgreSQL: ")
            reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in reasons.items():
        terminalreporter.write_line(f"{count} tests skipped on PostgreSQL: {reason}", yellow=True)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that needs `db_engine` (through `db`) runs on each engine it may."""
    if "db_engine" not in metafunc.fixturenames:
        return
    engines: tuple[str, ...] = ENGINES
    if metafunc.definition.get_closest_marker("sqlite_only"):
        engines = ("sqlite",)
    elif metafunc.definition.get_closest_marker("postgresql_only"):
        engines = ("postgresql",)
    metafunc.parametrize("db_engine", engines, indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    """The PostgreSQL server (skips the test without one); drops what the run made."""
    url = server_url()
    if url is None:
        pytest.skip(f"PostgreSQL: {URL_VAR} is not set")
    server = Server(url)
    try:
        run_sync(admin(url, "SELECT 1"))
    except Exception as error:  # refused, timed out, bad credentials, no such database
        message = f"PostgreSQL at {shown(url)} does not answer: {error}"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    yield server
    for name in list(server.made):
        server.drop(with_database(url, name))


@dataclass(frozen=True, slots=True)
class Migrated:
    """The test session's migrated database, and the SQL that empties it again."""

    url: str
    empty_sql: str


async def emptying_sql(url: str) -> str:
    """DELETE from every table but schema_version, children before parents, and restart ids.

    DELETE, not TRUNCATE: on tables of a few rows it takes about 3 ms where TRUNCATE takes
    30-60 ms, and the suite empties the database before every PostgreSQL test.
    """
    import asyncpg

    conn = await asyncpg.connect(url, timeout=10)
    try:
        tables = [
            row["name"]
            for row in await conn.fetch(
                "SELECT relname AS name FROM pg_class c JOIN pg_namespace n"
                " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'"
                " AND relname <> 'schema_version' ORDER BY relname"
            )
        ]
        edges = await conn.fetch(
            "SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent"
            " FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid"
        )
    finally:
        await conn.close()
    order: list[str] = []
    pending = set(tables)
    while pending:
        # A table goes once nothing still pending refers to it.
        ready = sorted(
            table
            for table in pending
            if not any(e["parent"] == table and e["child"] in pending for e in edges)
        )
        if not ready:
            raise RuntimeError(f"foreign keys form a cycle among {sorted(pending)}")
        order += ready
        pending -= set(ready)
    deletes = "".join(f'DELETE FROM "{table}";' for table in order)
    return deletes + (
        "SELECT setval(c.oid, 1, false) FROM pg_class c JOIN pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S'"
    )


async def empty(migrated: Migrated) -> None:
    """Delete every row the last test left (schema_version stays)."""
    import asyncpg

    conn = await asyncpg.connect(migrated.url, timeout=10)
    try:
        await conn.execute(migrated.empty_sql)
    finally:
        await conn.close()


def postgres_store(url: str) -> AbstractAsyncContextManager[Any]:
    """seam-16's PostgreSQL Store on `url`, unopened (skips while bot/storage has none)."""
    try:
        from bot.storage.pg import PostgresStore  # type: ignore[import-not-found,unused-ignore]
    except ModuleNotFoundError as error:
        if error.name != "bot.storage.pg":
            raise
        pytest.skip("PostgreSQL: bot/storage has no PostgreSQL store yet")
    store: AbstractAsyncContextManager[Any] = PostgresStore(url)
    return store


async def migrate_postgres(url: str) -> None:
    """Apply every migration to the database at `url` through the PostgreSQL store."""
    from bot.storage.migrate import migrate

    async with postgres_store(url) as store:
        await migrate(store, MIGRATIONS)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql": which store this run of the test gets."""
    name = str(request.param)
    if name == "postgresql":
        request.getfixturevalue("postgres_server")
    return name


@pytest.fixture(scope="session")
def postgres_migrated(postgres_server: Server) -> Migrated:
    """The test session's own database on the server, migrated once."""
    postgres_store(postgres_server.url)  # skips before making anything while there is none
    url = postgres_server.create()
    run_sync(migrate_postgres(url))
    return Migrated(url, run_sync(emptying_sql(url)))


@pytest.fixture
def postgres_url(postgres_migrated: Migrated) -> str:
    """The URL of the migrated test database, emptied of the last test's rows."""
    run_sync(empty(postgres_migrated))
    return postgres_migrated.url


@pytest.fixture
def db_target(db_engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """Where `db` lives: a SQLite file in tmp_path, or the emptied PostgreSQL test database."""
    if db_engine == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return tmp_path / "reframe.db"


@asynccontextmanager
async def opened(target: Path | str) -> AsyncIterator[Any]:
    """A Store on `target` (a SQLite path or a PostgreSQL URL), migrated, closed after."""
    if isinstance(target, Path):
        async with Database(target) as database:
            await migrate(database, MIGRATIONS)
            yield database
    else:
        async with postgres_store(target) as store:
            yield store


@pytest.fixture
async def db(db_target: Path | str) -> AsyncIterator[Database]:
    """A migrated, empty database: a real SQLite file, or the PostgreSQL test database."""
    async with opened(db_target) as store:
        yield store


@pytest.fixture
def open_db(db_target: Path | str) -> Callable[[], AbstractAsyncContextManager[Any]]:
    """Opens another Store on the same database as `db`: a second worker."""
    return lambda: opened(db_target)


@pytest.fixture
def db_env(db_target: Path | str) -> dict[str, str]:
    """Environment variables pointing a child process at the same database as `db`."""
    if isinstance(db_target, Path):
        return {"REFRAME_DB": str(db_target)}
    return {"DATABASE_URL": db_target}


@pytest.fixture
def fresh_postgres_url(postgres_server: Server) -> Iterator[str]:
    """The URL of a brand-new empty database (no migrations), dropped after the test."""
    url = postgres_server.create()
    yield url
    postgres_server.drop(url)
