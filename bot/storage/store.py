"""The Store seam: what the service, the scheduler and the adapters know of the database.

Nothing outside `bot/storage/` imports a driver. Code above the seam asks a `Store` for a
transaction (or for single statements that commit on their own) and hands the `Conn` it gets
to the repository functions in `bot/storage/`, which hold every SQL statement. SQL is written
once with named parameters (`:name`, values in a dict); what must differ between SQLite and
PostgreSQL lives side by side in `bot/storage/dialect.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol

from bot.domain import UserKey
from bot.storage.health import StorageHealth

# A result row: column name -> value (str, int, float, bytes or None).
Row = Mapping[str, Any]
# Named parameters: `:name` in the SQL -> value.
Params = Mapping[str, object]
NO_PARAMS: Params = {}


class Conn(Protocol):
    """One connection inside a transaction (or in autocommit), with driver types hidden.

    Every method takes SQL with `:name` parameters and a dict of values. Errors are the
    driver's own, except a broken file, disk or server, which the store turns into StorageFault.
    """

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql": which side of bot/storage/dialect.py applies."""
        ...

    async def execute(self, sql: str, params: Params = NO_PARAMS) -> int:
        """Run one statement; the number of rows it inserted, updated or deleted."""
        ...

    async def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each set of parameters (bulk inserts)."""
        ...

    async def fetch_all(self, sql: str, params: Params = NO_PARAMS) -> list[Row]:
        """Every row a query (or a statement with RETURNING) gives."""
        ...

    async def fetch_one(self, sql: str, params: Params = NO_PARAMS) -> Row | None:
        """The first row, or None when there is none."""
        ...

    async def fetch_value(self, sql: str, params: Params = NO_PARAMS) -> Any:
        """The first column of the first row, or None when there is no row."""
        ...


class Store(Protocol):
    """A database the coach runs on: SQLite (bot.storage.db) or PostgreSQL (bot.storage.pg)."""

    @property
    def health(self) -> StorageHealth:
        """Whether the last statements found the database working (for /readyz)."""
        ...

    @property
    def name(self) -> str:
        """What to call the database in messages: its file, or its URL without the password."""
        ...

    def transaction(
        self, operation: str = "write", *, user: UserKey | None = None, urgent: bool = False
    ) -> AbstractAsyncContextManager[Conn]:
        """One transaction: committed at the end of the block, rolled back on any error.

        `operation` (a fixed name, never data) labels reframe_db_seconds. With `user`, the
        transaction first takes that user's lock (PostgreSQL: a transaction-scoped advisory
        lock), so two workers never run the same user's turn at once. `urgent` (an ack waits
        on it): SQLite lets it in before the transactions already waiting, but for one;
        PostgreSQL runs it on a connection kept for it, not one of the pool's.
        """
        ...

    def turn(self, user: UserKey) -> AbstractAsyncContextManager[None]:
        """The scope of one user's turn. PostgreSQL: one transaction that first takes the
        user's lock; transaction() and autocommit() called by the same task inside it join that
        transaction (a nested transaction() becomes a savepoint), and it commits at the end.
        SQLite: nothing more than each call's own transaction (one writer at a time anyway)."""
        ...

    def autocommit(self, operation: str = "read") -> AbstractAsyncContextManager[Conn]:
        """A connection where each statement commits on its own (reads, lone updates)."""
        ...

    def exclusive(self, name: str) -> AbstractAsyncContextManager[bool]:
        """True inside the block when this process alone holds the named job (maintenance);
        False when another worker holds it now (then skip the job)."""
        ...

    async def scrub(self) -> bool:
        """After `forget me`: remove deleted rows' traces the engine still keeps where it can
        (SQLite: cut the write-ahead log). False when part could not be removed now."""
        ...

    async def close(self) -> None:
        """Close every connection (safe to call twice)."""
        ...
