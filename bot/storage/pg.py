"""The PostgreSQL store: an asyncpg pool, per-user advisory locks, one clear error at start.

asyncpg is the optional extra `reframe-coach[postgres]`; it is imported when a PostgresStore opens,
so SQLite installs never need it. A turn (Store.turn) is one transaction on one pooled
connection that first takes the user's transaction-scoped advisory lock; the store's other
calls made by the same task inside it join that transaction.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import ModuleType, TracebackType
from typing import Any

from bot.domain import UserKey
from bot.errors import StorageFault
from bot.metrics import DB_SECONDS
from bot.storage import dialect
from bot.storage.health import StorageHealth
from bot.storage.pg_errors import cannot_open, is_fault
from bot.storage.pg_sql import arguments, positional, rows_changed
from bot.storage.store import NO_PARAMS, Params, Row
from bot.storage.urls import redact

CONNECT_SECONDS = 10.0
# Waiting for a free pooled connection is back-pressure, not a broken server (a new connection
# has its own CONNECT_SECONDS): on a loaded machine a burst of deliveries can queue for seconds.
ACQUIRE_SECONDS = 60.0
DEFAULT_POOL_SIZE = 10


def driver() -> ModuleType:
    """The asyncpg module; StorageFault naming the extra when it is not installed."""
    try:
        return importlib.import_module("asyncpg")
    except ImportError:
        raise StorageFault(
            "DATABASE_URL names a PostgreSQL database, but its driver is not installed:"
            " pip install 'reframe-coach[postgres]'"
        ) from None


class PgConn:
    """The Conn of bot.storage.store over one asyncpg connection (`:name` -> `$n`)."""

    __slots__ = ("_conn",)
    dialect = dialect.POSTGRESQL

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    async def execute(self, sql: str, params: Params = NO_PARAMS) -> int:
        """Run one statement; rows changed."""
        text, names = positional(sql)
        status = await self._conn.execute(text, *arguments(names, params))
        return rows_changed(str(status))

    async def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each set of parameters."""
        text, names = positional(sql)
        await self._conn.executemany(text, [arguments(names, row) for row in rows])

    async def fetch_all(self, sql: str, params: Params = NO_PARAMS) -> list[Row]:
        """Every row, as dicts."""
        text, names = positional(sql)
        return [dict(record) for record in await self._conn.fetch(text, *arguments(names, params))]

    async def fetch_one(self, sql: str, params: Params = NO_PARAMS) -> Row | None:
        """The first row or None."""
        text, names = positional(sql)
        record = await self._conn.fetchrow(text, *arguments(names, params))
        return None if record is None else dict(record)

    async def fetch_value(self, sql: str, params: Params = NO_PARAMS) -> Any:
        """The first column of the first row, or None."""
        text, names = positional(sql)
        return await self._conn.fetchval(text, *arguments(names, params))

    async def execute_script(self, sql: str) -> None:
        """Several statements without parameters (a migration file), as written."""
        await self._conn.execute(sql)

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """A transaction, or a savepoint inside the one already open."""
        async with self._conn.transaction():
            yield

    async def lock_user(self, user: UserKey) -> None:
        """Take the user's transaction-scoped advisory lock (waits for another worker's turn)."""
        await self.fetch_value(dialect.USER_LOCK_SQL[dialect.POSTGRESQL] or "", user_lock(user))


def user_lock(user: UserKey) -> dict[str, object]:
    """The parameters of the user's lock statement."""
    return {"key": dialect.lock_key(user)}


@dataclass(frozen=True, slots=True)
class _Turn:
    """The connection of the turn the current task is in."""

    store: PostgresStore
    conn: PgConn
    user: UserKey
    task: asyncio.Task[Any] | None


_CURRENT: ContextVar[_Turn | None] = ContextVar("reframe_pg_turn", default=None)


class PostgresStore:
    """The PostgreSQL Store: a pool of asyncpg connections; async context manager.

    Opening raises StorageFault (one line, password hidden) when the server cannot be reached
    or refuses us or asyncpg is missing. A lost connection or a server out of
    disk during a statement becomes StorageFault and makes `health` unready until a commit.
    """

    def __init__(self, url: str, *, pool_size: int = DEFAULT_POOL_SIZE) -> None:
        self.url = url
        self.pool_size = pool_size
        self.health = StorageHealth()
        self._pool: Any = None
        # A connection of its own for urgent transactions (the inbox batch acks wait on), so
        # an ack never queues for a pooled connection behind the workers' turns.
        self._urgent_pool: Any = None

    @property
    def name(self) -> str:
        """The URL without its password."""
        return redact(self.url)

    async def open(self) -> PostgresStore:
        """Connect the pool (its first connection at once, so errors show at start)."""
        asyncpg = driver()
        try:
            self._pool = await asyncpg.create_pool(
                self.url, min_size=1, max_size=self.pool_size, timeout=CONNECT_SECONDS
            )
            # Connected on first use: only a process that receives events needs it.
            self._urgent_pool = await asyncpg.create_pool(
                self.url, min_size=0, max_size=1, timeout=CONNECT_SECONDS
            )
        except Exception as error:
            await self.close()
            raise cannot_open(self.name, error) from error
        return self

    async def close(self) -> None:
        """Close the pools (safe to call twice)."""
        for pool in (self._pool, self._urgent_pool):
            if pool is not None:
                await pool.close()
        self._pool = self._urgent_pool = None

    async def __aenter__(self) -> PostgresStore:
        return await self.open()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def scrub(self) -> bool:
        """Nothing to do in the process: deleted rows stay as dead tuples until VACUUM and in
        the WAL and backups until they age out (README: Running on PostgreSQL)."""
        return True

    def _joined(self) -> _Turn | None:
        """The turn this task is in on this store, if any."""
        turn = _CURRENT.get()
        if turn is None or turn.store is not self or turn.task is not asyncio.current_task():
            return None
        return turn

    @asynccontextmanager
    async def _connection(self, *, urgent: bool = False) -> AsyncIterator[PgConn]:
        """A pooled connection for the block (urgent: the one kept for urgent transactions)."""
        pool = self._urgent_pool if urgent else self._pool
        if pool is None:
            raise RuntimeError("the database is not open")
        async with pool.acquire(timeout=ACQUIRE_SECONDS) as raw:
            yield PgConn(raw)

    @contextmanager
    def _watch(self, operation: str) -> Iterator[None]:
        """Time the block; a broken server or connection becomes StorageFault."""
        with DB_SECONDS.labels(operation).time():
            try:
                yield
            except Exception as error:
                if not is_fault(error):
                    raise
                self.health.fault(type(error).__name__)
                detail = str(error) or type(error).__name__
                raise StorageFault(
                    f"the PostgreSQL database {self.name} failed: {detail}"
                ) from error

    @asynccontextmanager
    async def turn(self, user: UserKey) -> AsyncIterator[None]:
        """One transaction for the user's whole turn, under the user's advisory lock."""
        if self._joined() is not None:
            yield
            return
        with self._watch("turn"):
            async with self._connection() as conn, conn.savepoint():
                await conn.lock_user(user)
                token = _CURRENT.set(_Turn(self, conn, user, asyncio.current_task()))
                try:
                    yield
                finally:
                    _CURRENT.reset(token)
        self.health.succeeded()

    @asynccontextmanager
    async def transaction(
        self, operation: str = "write", *, user: UserKey | None = None, urgent: bool = False
    ) -> AsyncIterator[PgConn]:
        """A transaction that first takes `user`'s advisory lock; inside a turn, a savepoint.
        `urgent` runs on the store's own extra connection, never waiting for a pooled one."""
        joined = self._joined()
        with self._watch(operation):
            if joined is not None:
                async with joined.conn.savepoint():
                    if user is not None and user != joined.user:
                        await joined.conn.lock_user(user)
                    yield joined.conn
                return
            async with self._connection(urgent=urgent) as conn, conn.savepoint():
                if user is not None:
                    await conn.lock_user(user)
                yield conn
        self.health.succeeded()

    @asynccontextmanager
    async def autocommit(self, operation: str = "read") -> AsyncIterator[PgConn]:
        """Each statement commits alone; inside a turn, the turn's transaction."""
        joined = self._joined()
        with self._watch(operation):
            if joined is not None:
                yield joined.conn
                return
            async with self._connection() as conn:
                yield conn

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        """Hold the job's session advisory lock if no other worker does (never waits)."""
        async with self._connection() as conn:
            key = dialect.job_lock(name)
            mine = bool(await conn.fetch_value(dialect.TRY_JOB_LOCK_SQL, key))
            try:
                yield mine
            finally:
                if mine:
                    await conn.fetch_value(dialect.JOB_UNLOCK_SQL, key)

    @asynccontextmanager
    async def migrating(self) -> AsyncIterator[PgConn]:
        """A connection holding the migration lock: other workers wait here until it is done."""
        async with self._connection() as conn:
            key = dialect.job_lock("migrate")
            await conn.fetch_value(dialect.JOB_LOCK_SQL, key)
            try:
                yield conn
            finally:
                await conn.fetch_value(dialect.JOB_UNLOCK_SQL, key)
