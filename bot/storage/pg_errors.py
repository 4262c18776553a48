"""PostgreSQL failures as our errors: one line naming the server (no password) and the fix."""

from __future__ import annotations

import importlib

from bot.errors import StorageFault


def _asyncpg_error(error: BaseException, *names: str) -> bool:
    """Whether `error` is one of asyncpg's exception classes by these names."""
    asyncpg = importlib.import_module("asyncpg")
    classes = tuple(getattr(asyncpg, name) for name in names)
    return isinstance(error, classes)


def cannot_open(name: str, error: BaseException) -> StorageFault:
    """Why the pool could not open, as one StorageFault line."""
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    if _asyncpg_error(error, "InvalidPasswordError", "InvalidAuthorizationSpecificationError"):
        return StorageFault(
            f"PostgreSQL at {name} refused the credentials ({detail}); "
            "check the user and password in DATABASE_URL"
        )
    if _asyncpg_error(error, "InvalidCatalogNameError"):
        return StorageFault(
            f"PostgreSQL at {name}: {detail}; create it (createdb) or fix the name in DATABASE_URL"
        )
    if isinstance(error, OSError | TimeoutError):
        return StorageFault(
            f"cannot reach PostgreSQL at {name} ({detail or type(error).__name__}); "
            "is the server running, and are DATABASE_URL's host and port right?"
        )
    if isinstance(error, ValueError) or _asyncpg_error(error, "ClientConfigurationError"):
        return StorageFault(f"DATABASE_URL {name} cannot be used: {detail}")
    return StorageFault(f"PostgreSQL at {name} refused the connection: {detail}")


def is_fault(error: BaseException) -> bool:
    """Whether a failed statement means the server or the connection is broken (not the query):
    a lost connection, a server shutting down, out of disk or connections, a pool timeout."""
    if isinstance(error, OSError | TimeoutError):
        return True
    return _asyncpg_error(
        error,
        "PostgresConnectionError",  # and ConnectionDoesNotExistError
        "InsufficientResourcesError",  # disk full, out of memory, too many connections
        "AdminShutdownError",
        "CrashShutdownError",
        "CannotConnectNowError",
    )
