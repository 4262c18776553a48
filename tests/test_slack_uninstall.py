"""A workspace uninstalled or its tokens revoked, on our stores: that workspace's rows removed and
the other's left, an uninstall failing halfway changing nothing, its nudges stopped."""

from __future__ import annotations

import pytest

from bot.adapters.slack_install_store import SqlInstallationStore
from bot.adapters.slack_oauth import forget_workspace, stop_workspace
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, say
from tests.slack_oauth_harness import count
from tests.test_slack_install_store import ANN, BOB, REFUSING_TRIGGER, installation, store

__all__ = ["store"]  # fixtures, shared


@pytest.fixture
async def two_workspaces(service: CoachService, store: SqlInstallationStore) -> None:
    """Ann in T1 and Bob in T2, each installed and with a revisit nudge pending."""
    for user in (ANN, BOB):
        await store.async_save(installation(user.workspace, f"xoxb-{user.workspace}"))
        for line in FULL_DIALOGUE:
            await service.handle(say(line, user))


@pytest.mark.usefixtures("two_workspaces")
async def test_uninstall_removes_one_workspace_and_leaves_the_other(
    db: Database, store: SqlInstallationStore
) -> None:
    """forget_workspace deletes T1's installation, users, sessions and nudges; T2 is untouched."""
    deleted = await forget_workspace(db, enterprise_id=None, team_id="T1", org_wide=False)

    assert deleted == 1
    assert await store.async_find_installation(enterprise_id=None, team_id="T1") is None
    assert await store.async_find_installation(enterprise_id=None, team_id="T2") is not None
    assert await count(db, "SELECT COUNT(*) FROM users WHERE workspace = :w", w="T1") == 0
    for table in ("sessions", "reminders"):
        assert await count(db, f"SELECT COUNT(*) FROM {table}") == 1
        assert (
            await count(
                db,
                f"SELECT COUNT(*) FROM {table} t JOIN users u ON u.id = t.user_ref"
                " WHERE u.workspace = :w",
                w="T2",
            )
            == 1
        )


@pytest.mark.usefixtures("two_workspaces")
async def test_an_uninstall_that_fails_halfway_changes_nothing(
    db: Database, store: SqlInstallationStore
) -> None:
    """The installation and the users go in one transaction: a failing user delete keeps both."""
    async with db.transaction() as conn:
        await conn.execute(REFUSING_TRIGGER[conn.dialect][0])
    try:
        with pytest.raises(Exception, match="disk trouble"):
            await forget_workspace(db, enterprise_id=None, team_id="T1", org_wide=False)
    finally:
        # PostgreSQL's test database outlives the test: leave no trigger behind.
        async with db.transaction() as conn:
            await conn.execute(REFUSING_TRIGGER[conn.dialect][1])

    assert await store.async_find_installation(enterprise_id=None, team_id="T1") is not None
    assert await count(db, "SELECT COUNT(*) FROM users WHERE workspace = :w", w="T1") == 1


@pytest.mark.usefixtures("two_workspaces")
async def test_revoked_tokens_stop_that_workspaces_nudges(
    db: Database, store: SqlInstallationStore
) -> None:
    """stop_workspace forgets T1's bot token and cancels T1's pending nudges only."""
    cancelled = await stop_workspace(db, enterprise_id=None, team_id="T1", org_wide=False)

    assert cancelled == 1
    assert await store.async_find_bot(enterprise_id=None, team_id="T1") is None
    assert await store.async_find_bot(enterprise_id=None, team_id="T2") is not None
    pending = "SELECT COUNT(*) FROM reminders r JOIN users u ON u.id = r.user_ref"
    pending += " WHERE r.status = 'pending' AND u.workspace = :w"
    assert (await count(db, pending, w="T1"), await count(db, pending, w="T2")) == (0, 1)
