"""Whether the database is working, as the last statements found it (for readiness probes)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# SQLite result codes that say the file or the disk is at fault, not the statement: a busy
# lock or a unique constraint is a normal event, these need an operator.
_FAULTS = (
    "SQLITE_CORRUPT",
    "SQLITE_NOTADB",
    "SQLITE_IOERR",
    "SQLITE_FULL",
    "SQLITE_READONLY",
    "SQLITE_CANTOPEN",
    "SQLITE_PERM",
)


def is_storage_fault(error: BaseException) -> bool:
    """Whether an exception means the database file or its disk is broken (not the query)."""
    if not isinstance(error, sqlite3.Error):
        return False
    name = getattr(error, "sqlite_errorname", None) or ""
    return isinstance(name, str) and name.startswith(_FAULTS)


@dataclass(slots=True)
class StorageHealth:
    """The database's health: ok until a statement fails on a storage fault, ok again after a
    transaction commits. `reason` is SQLite's error name (never a user's words)."""

    ok: bool = True
    reason: str = ""
    failures: int = 0

    def failed(self, error: BaseException) -> None:
        """Record a failed statement; only storage faults change the health."""
        if not is_storage_fault(error):
            return
        name = str(getattr(error, "sqlite_errorname", "") or type(error).__name__)
        self.ok, self.reason = False, name
        self.failures += 1

    def fault(self, reason: str) -> None:
        """Record a failure the store already knows is the server's or the disk's."""
        self.ok, self.reason = False, reason
        self.failures += 1

    async def check(self) -> bool:
        """The readiness check's shape (bot/ops.py): whether the database works."""
        return self.ok

    def succeeded(self) -> None:
        """Record a committed transaction: the database works again."""
        self.ok, self.reason, self.failures = True, "", 0
