"""Shared fixtures: the real prompts, a real migrated database on each engine, a manual clock.

The engines (SQLite, PostgreSQL) and their databases come from tests/engines.py.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings as hypothesis_settings

if TYPE_CHECKING:
    from bot.crisis_lines import LineBook

from bot.clock import ManualClock
from bot.domain import Inbound, InboundKind, Session, UserKey
from bot.flood import FloodGate
from bot.prompts import Catalog, load_catalog
from bot.service import CoachService
from bot.storage.db import Database

# `db` (a migrated, empty store on each engine) and its kin live in tests/engines.py.
pytest_plugins = ("tests.engines",)

# In CI every run explores the same examples: a red build is never a roll of the dice.
# Locally the examples vary from run to run, so new cases keep being tried.
# No per-example deadline anywhere: speed is measured in bench/, and a first example that
# loads dateparser's tables on a busy machine is slow, not wrong.
hypothesis_settings.register_profile("local", deadline=None)
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "local")

ROOT = Path(__file__).resolve().parents[1]
PROMPTS = ROOT / "prompts"
MIGRATIONS = ROOT / "migrations"
START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ALICE = UserKey("console", "local", "alice")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The real, validated coach texts."""
    return load_catalog(PROMPTS)


@pytest.fixture(scope="session")
def lines() -> LineBook:
    """The real crisis lines."""
    from bot import crisis_lines

    return crisis_lines.load_lines(PROMPTS / "crisis_resources.toml")


@pytest.fixture
def clock() -> ManualClock:
    """A clock that only moves when a test moves it."""
    return ManualClock(START)


@pytest.fixture
def service(db: Database, catalog: Catalog, clock: ManualClock, lines: LineBook) -> CoachService:
    """The real service on the real database (flood control loose: the clock stands still)."""
    return CoachService(
        db, catalog, clock, lines=lines, flood=FloodGate(burst=10_000, window_seconds=1)
    )


def say(text: str, user: UserKey = ALICE, *, zone: str | None = "UTC") -> Inbound:
    """A typed message, from a platform that reports the user's zone unless zone is None."""
    return Inbound(user, InboundKind.MESSAGE, text=text, timezone_hint=zone)


def press(choice: str, step: str, number: int, user: UserKey = ALICE) -> Inbound:
    """A pressed button."""
    return Inbound(user, InboundKind.BUTTON, choice=choice, button_step=step, session_number=number)


# One full walk through the dialogue in typed words, in order.
FULL_DIALOGUE = (
    "hi",
    "My manager said no to the promotion",
    "A promotion to senior engineer",
    "soft",
    "maybe, after the budget review",
    "They may have a headcount freeze",
    "I lead the platform migration",
    "Shipped the new CI pipeline",
    "A senior who mentors the juniors",
    "timeline",
    "Ask again in March with a growth plan",
    "2",
    "What would you need to see from me by March?",
    "pause",
    "Getting clear criteria for the promotion",
)


async def stored_session(db: Database, user: UserKey, number: int) -> Session:
    """One of a user's sessions, straight from the database."""
    from bot.storage import repos

    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=user)
        assert record is not None
        session = await repos.load_session(conn, user_ref=record.ref, user=user, number=number)
    assert session is not None
    return session
