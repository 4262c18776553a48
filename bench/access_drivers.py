"""The layers the access-layer benchmark compares: raw drivers and SQLAlchemy Core, per engine.

Each is an async context manager yielding a OneTurn (bench/access_turn.py's turn, by index).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bench.access_turn import (
    BASE,
    CANCEL,
    IDENTITY,
    LOAD,
    LOCK,
    SAVE,
    SCHEDULE,
    SCHEMA,
    USERS,
    OneTurn,
    dollar,
    turn_params,
)
from bench.seed import FINISHED_STATE, migrated, seed_users
from bot.storage.db import to_db

# ---- SQLite --------------------------------------------------------------------------------

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA secure_delete = ON",
)


def seed_sqlite(path: Path) -> None:
    """The real schema (migrations/) and USERS users with one session each."""
    conn = migrated(path)
    seed_users(conn, USERS)
    conn.close()


@asynccontextmanager
async def raw_sqlite(path: Path) -> AsyncIterator[OneTurn]:
    """aiosqlite as bot/storage/db.py drives it: one connection, BEGIN IMMEDIATE by hand."""
    import aiosqlite

    async with aiosqlite.connect(path, isolation_level=None) as conn:
        for pragma in SQLITE_PRAGMAS:
            await conn.execute(pragma)
        conn.row_factory = sqlite3.Row

        async def one(index: int) -> None:
            key, writes = turn_params(index)
            await conn.execute("BEGIN IMMEDIATE")
            rows = await conn.execute_fetchall(LOAD, key)
            row = dict(next(iter(rows)))
            for sql, params in writes(row):
                cursor = await conn.execute(sql, params)
                assert cursor.rowcount == 1 or sql is not SAVE
            await conn.execute("COMMIT")

        yield one


def sqlite_engine(path: Path) -> Any:
    """SQLAlchemy's async engine on aiosqlite, with our pragmas and BEGIN IMMEDIATE.

    The `connect` and `begin` hooks are SQLAlchemy's documented recipe for taking over
    SQLite's transactions (the driver's own implicit BEGIN would defer the write lock).
    """
    from sqlalchemy import event
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(f"sqlite+aiosqlite:///{path}")

    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@asynccontextmanager
async def sqlalchemy_layer(
    make_engine: Callable[[], Any], *, lock: bool, held: bool
) -> AsyncIterator[OneTurn]:
    """The same turn through SQLAlchemy Core, text() made once.

    held=False: `engine.begin()` per turn, as a service would write it (a pool checkout and
    the pool's reset on return each turn); held=True: one AsyncConnection kept open and
    `conn.begin()` per turn, the cheapest way SQLAlchemy offers.
    """
    from sqlalchemy import text

    compiled = {sql: text(sql) for sql in (LOCK, LOAD, SAVE, CANCEL, SCHEDULE)}
    engine = make_engine()

    async def statements(conn: Any, index: int) -> None:
        key, writes = turn_params(index)
        if lock:
            await conn.execute(compiled[LOCK], {"key": index % USERS})
        result = await conn.execute(compiled[LOAD], key)
        row = dict(result.mappings().one())
        for sql, params in writes(row):
            changed = await conn.execute(compiled[sql], params)
            assert changed.rowcount == 1 or sql is not SAVE

    try:
        if held:
            async with engine.connect() as conn:

                async def one_held(index: int) -> None:
                    async with conn.begin():
                        await statements(conn, index)

                yield one_held
        else:

            async def one(index: int) -> None:
                async with engine.begin() as conn:
                    await statements(conn, index)

            yield one
    finally:
        await engine.dispose()


# ---- PostgreSQL ----------------------------------------------------------------------------


@asynccontextmanager
async def scratch_schema(url: str) -> AsyncIterator[str]:
    """A new schema with the tables and USERS users (through asyncpg); dropped afterwards."""
    import asyncpg

    schema = f"bench_access_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f"CREATE SCHEMA {schema}; SET search_path TO {schema}")
        await conn.execute(SCHEMA.format(identity=IDENTITY))
        stamp = to_db(BASE)
        await conn.copy_records_to_table(
            "users",
            columns=("platform", "workspace", "user_id", "timezone", "created_at"),
            records=[("bench", "w", f"stored{i}", "UTC", stamp) for i in range(USERS)],
            schema_name=schema,
        )
        await conn.execute(
            "INSERT INTO sessions (user_ref, number, step, status, state, started_at, updated_at)"
            " SELECT id, 1, 'summary', 'finished', $1, $2, $2 FROM users",
            FINISHED_STATE,
            stamp,
        )
        await conn.execute("ANALYZE")
        yield schema
    finally:
        await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        await conn.close()


@asynccontextmanager
async def raw_postgres(url: str, schema: str) -> AsyncIterator[OneTurn]:
    """asyncpg straight: a pool, conn.transaction(), `$n` texts prepared and cached."""
    import asyncpg

    dollars = {sql: dollar(sql) for sql in (LOCK, LOAD, SAVE, CANCEL, SCHEDULE)}
    pool = await asyncpg.create_pool(
        url, min_size=1, max_size=5, server_settings={"search_path": schema}
    )
    try:

        async def one(index: int) -> None:
            key, writes = turn_params(index)
            async with pool.acquire() as conn, conn.transaction():
                sql, names = dollars[LOCK]
                await conn.execute(sql, index % USERS)
                sql, names = dollars[LOAD]
                found = await conn.fetchrow(sql, *(key[name] for name in names))
                assert found is not None
                row = dict(found)
                for text, params in writes(row):
                    sql, names = dollars[text]
                    status = await conn.execute(sql, *(params[name] for name in names))
                    assert status.endswith(" 1") or text is not SAVE

        yield one
    finally:
        await pool.close()


def postgres_engine(url: str, schema: str) -> Any:
    """SQLAlchemy's async engine on asyncpg, searching the scratch schema."""
    from sqlalchemy.ext.asyncio import create_async_engine

    return create_async_engine(
        url.replace("postgresql://", "postgresql+asyncpg://", 1),
        connect_args={"server_settings": {"search_path": schema}},
        pool_size=5,
    )
