"""The SQLite store: one aiosqlite connection, pragmas, one write transaction at a time."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn, cast

import aiosqlite

from bot.domain import UserKey
from bot.metrics import DB_SECONDS
from bot.storage.health import StorageHealth, is_storage_fault
from bot.storage.preflight import describe, prepare
from bot.storage.store import NO_PARAMS, Params, Row

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    # WAL with NORMAL is durable across application crashes; only power loss can lose
    # the last commits, and that trade buys an order of magnitude in commit speed.
    "PRAGMA synchronous = NORMAL",
    # Deleted rows are overwritten, so `forget me` leaves no words in the file.
    "PRAGMA secure_delete = ON",
)


def to_db(moment: datetime) -> str:
    """A datetime as the sortable UTC text the schema stores."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    """The stored UTC text back as an aware datetime."""
    return datetime.fromisoformat(text)


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    """Rows as plain dicts (the Store's Row), keyed by column name."""
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


class SqliteConn:
    """The Conn of bot.storage.store over one aiosqlite connection (`:name` parameters)."""

    __slots__ = ("_conn",)
    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, params: Params = NO_PARAMS) -> int:
        """Run one statement; rows changed."""
        cursor = await self._conn.execute(sql, params)
        return int(cursor.rowcount)

    async def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each set of parameters."""
        await self._conn.executemany(sql, rows)

    async def fetch_all(self, sql: str, params: Params = NO_PARAMS) -> list[Row]:
        """Every row, in one round trip to aiosqlite's thread."""
        return cast(list[Row], await self._conn.execute_fetchall(sql, params))

    async def fetch_one(self, sql: str, params: Params = NO_PARAMS) -> Row | None:
        """The first row or None."""
        rows = await self._conn.execute_fetchall(sql, params)
        return cast(Row | None, next(iter(rows), None))

    async def fetch_value(self, sql: str, params: Params = NO_PARAMS) -> Any:
        """The first column of the first row, or None."""
        row = await self.fetch_one(sql, params)
        return None if row is None else next(iter(row.values()))


class Database:
    """The SQLite Store: one aiosqlite connection to a file; async context manager.

    Opening raises StorageFault (one line naming the file and the fix) when the file cannot
    be used, and so does any statement that meets a broken file or disk later; `health`
    follows the statements run through transaction() and autocommit().
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.health = StorageHealth()
        self._conn: aiosqlite.Connection | None = None
        # One connection serves every coroutine: transactions must not interleave on it.
        self._write_lock = asyncio.Lock()
        # Others queue here first, so at most one of them waits on _write_lock ahead of an
        # urgent transaction (an ack waits on it): its wait is the holder's and one more.
        self._queue = asyncio.Lock()

    async def open(self) -> Database:
        """Create the file privately if needed, connect and set the pragmas."""
        prepare(self.path)
        try:
            conn = await aiosqlite.connect(self.path, isolation_level=None)
        except sqlite3.Error as error:
            raise describe(self.path, error) from error
        try:
            for pragma in PRAGMAS:
                await conn.execute(pragma)
        except BaseException as error:
            await conn.close()
            if isinstance(error, sqlite3.Error):
                raise describe(self.path, error) from error
            raise
        # aiosqlite types the factory as a class; sqlite3 takes any callable.
        conn.row_factory = cast(type, _dict_row)
        self._conn = conn
        return self

    async def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            await conn.close()

    async def __aenter__(self) -> Database:
        return await self.open()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def name(self) -> str:
        """The database file, for messages."""
        return str(self.path)

    async def scrub(self) -> bool:
        """Copy the write-ahead log into the file and cut it to zero bytes.

        After `forget me` the deleted words still sit in the -wal file until a checkpoint;
        TRUNCATE removes them while the process runs. Returns False when a reader (another
        process) kept part of the log in use, so the caller can say so in its log.
        """
        async with self._hold(urgent=False):
            rows = await self.conn.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
        row = next(iter(rows), None)
        return row is not None and row["busy"] == 0

    @property
    def conn(self) -> aiosqlite.Connection:
        """The raw aiosqlite connection: for bot/storage's SQLite-only code (migrations,
        integrity checks) and SQLite-only tests; everything else goes through a Conn."""
        if self._conn is None:
            raise RuntimeError("the database is not open")
        return self._conn

    @asynccontextmanager
    async def turn(self, user: UserKey) -> AsyncIterator[None]:
        """Nothing to add on SQLite: each write is BEGIN IMMEDIATE, one writer at a time, and
        the session's version column catches a second process that wrote in between."""
        yield

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        """Always True: one SQLite file is served by one process's maintenance at a time
        (its batches are short write transactions, safe even beside a second process)."""
        yield True

    @asynccontextmanager
    async def _hold(self, *, urgent: bool) -> AsyncIterator[None]:
        """The connection to oneself; urgent holders pass every waiter but one."""
        if urgent:
            async with self._write_lock:
                yield
            return
        async with self._queue, self._write_lock:
            yield

    @asynccontextmanager
    async def transaction(
        self, operation: str = "write", *, user: UserKey | None = None, urgent: bool = False
    ) -> AsyncIterator[SqliteConn]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error; one at a time per process.

        `operation` (a fixed name, never data) labels the time spent in reframe_db_seconds.
        `user` needs no lock of its own here: SQLite lets one writer in at a time anyway.
        `urgent` goes before the transactions already waiting, but for one.
        """
        async with self._hold(urgent=urgent):
            with DB_SECONDS.labels(operation).time():
                conn = self.conn
                try:
                    await conn.execute("BEGIN IMMEDIATE")
                    try:
                        yield SqliteConn(conn)
                    except BaseException:
                        # SQLite rolls back by itself on some errors (SQLITE_FULL).
                        if conn.in_transaction:
                            await conn.execute("ROLLBACK")
                        raise
                    await conn.execute("COMMIT")
                except sqlite3.Error as error:
                    self._failed(error)
                self.health.succeeded()

    @asynccontextmanager
    async def autocommit(self, operation: str = "read") -> AsyncIterator[SqliteConn]:
        """The connection outside any transaction: each statement commits on its own.

        For reads and single-statement writes; never in the middle of another coroutine's
        transaction. Hold it only around the statements themselves. `operation` labels
        the time in reframe_db_seconds.
        """
        async with self._hold(urgent=False):
            with DB_SECONDS.labels(operation).time():
                conn = self.conn
                before = conn.total_changes
                try:
                    yield SqliteConn(conn)
                except sqlite3.Error as error:
                    self._failed(error)
                # Only a write proves the disk works again: reads succeed on a full disk.
                if conn.total_changes != before:
                    self.health.succeeded()

    def _failed(self, error: sqlite3.Error) -> NoReturn:
        """Record a failed statement; a broken file or disk becomes our StorageFault."""
        self.health.failed(error)
        if is_storage_fault(error):
            raise describe(self.path, error) from error
        raise error
