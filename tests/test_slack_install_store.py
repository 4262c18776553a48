"""Our installation and state stores for Bolt, on a real migrated SQLite file."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_install_store import STATE_SECONDS, SqlInstallationStore, SqlStateStore
from bot.adapters.slack_oauth import LEASE, LockedTokenRotator
from bot.clock import ManualClock
from bot.domain import UserKey
from bot.errors import ConfigError
from bot.storage import installations
from bot.storage.cipher import TokenCipher
from bot.storage.db import Database
from tests.fakes.slack_api import FakeSlackApi
from tests.slack_oauth_harness import count

KEY = Fernet.generate_key().decode()
# A trigger that makes deleting a user fail ("disk trouble"), and the statement removing it.
REFUSING_TRIGGER = {
    "sqlite": (
        "CREATE TRIGGER refuse BEFORE DELETE ON users"
        " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
        "DROP TRIGGER refuse",
    ),
    "postgresql": (
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql"
        " AS $$ BEGIN RAISE EXCEPTION 'disk trouble'; END $$;"
        " CREATE TRIGGER refuse BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION refuse()",
        "DROP TRIGGER refuse ON users; DROP FUNCTION refuse()",
    ),
}
ANN, BOB = UserKey("slack", "T1", "U0ANN"), UserKey("slack", "T2", "U0BOB")


def installation(team: str, token: str, **extra: object) -> Installation:
    """An installation as Bolt's OAuth flow builds it from oauth.v2.access."""
    values: dict[str, object] = {
        "app_id": "A0APP",
        "team_id": team,
        "team_name": "Team " + team,
        "bot_token": token,
        "bot_id": "B0BOT",
        "bot_user_id": "U0BOT",
        "bot_scopes": "chat:write,im:history",
        "user_id": "U0ADMIN",
    }
    values.update(extra)
    return Installation(**values)  # type: ignore[arg-type]


@pytest.fixture
def store(db: Database) -> SqlInstallationStore:
    """The store on the test database, sealing with a fresh key."""
    return SqlInstallationStore(db, TokenCipher(KEY))


async def raw_rows(db: Database) -> list[tuple[object, ...]]:
    """Every stored installation column, as written to the file."""
    async with db.autocommit() as conn:
        rows = await conn.fetch_all("SELECT * FROM slack_installations")
    return [tuple(row.values()) for row in rows]


async def test_an_installation_round_trips_with_tokens_encrypted_at_rest(
    store: SqlInstallationStore, db: Database
) -> None:
    """A saved installation comes back whole, and the file never holds the token in clear."""
    await store.async_save(installation("T1", "xoxb-secret-1", bot_refresh_token="xoxe-r-1"))

    bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
    found = await store.async_find_installation(enterprise_id=None, team_id="T1")

    assert bot is not None and bot.bot_token == "xoxb-secret-1"
    assert bot.bot_refresh_token == "xoxe-r-1" and list(bot.bot_scopes) == [
        "chat:write",
        "im:history",
    ]
    assert found is not None and found.user_id == "U0ADMIN" and found.team_name == "Team T1"
    assert await store.async_find_bot(enterprise_id=None, team_id="T2") is None
    rows = await raw_rows(db)
    assert len(rows) == 1
    assert not any("xoxb-secret" in str(v) or "xoxe-r" in str(v) for v in rows[0])
    if isinstance(db, Database):  # the SQLite file itself
        assert (db.path.read_bytes()).find(b"xoxb-secret") == -1


async def test_installing_again_replaces_the_workspace_row(
    store: SqlInstallationStore, db: Database
) -> None:
    """A second install of the same workspace replaces its token; other users see no installer's."""
    await store.async_save(installation("T1", "xoxb-old"))
    await store.async_save(installation("T1", "xoxb-new"))

    bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-new"
    assert len(await raw_rows(db)) == 1
    assert (
        await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U0X") is None
    )


async def test_an_org_wide_install_serves_the_orgs_workspaces(store: SqlInstallationStore) -> None:
    """An Enterprise Grid org-wide install is found for any workspace of the org, by either id."""
    await store.async_save(
        installation("T9", "xoxb-org", enterprise_id="E1", is_enterprise_install=True)
    )

    for found in (
        await store.async_find_bot(enterprise_id="E1", team_id="T5", is_enterprise_install=True),
        await store.async_find_bot(enterprise_id="E1", team_id="T5"),
        await store.find_for_workspace("E1"),
    ):
        assert found is not None and found.bot_token == "xoxb-org"
    assert await store.async_find_bot(enterprise_id="E2", team_id="T5") is None


async def test_a_grid_user_keyed_by_the_enterprise_finds_a_workspace_install(
    store: SqlInstallationStore,
) -> None:
    """With no org-wide install, an enterprise id finds one of its workspaces' installs; a team
    id always finds its own."""
    await store.async_save(installation("T1", "xoxb-t1", enterprise_id="E1"))
    await store.async_save(installation("T2", "xoxb-t2"))

    by_org, by_team = await store.find_for_workspace("E1"), await store.find_for_workspace("T2")

    assert by_org is not None and by_org.bot_token == "xoxb-t1"
    assert by_team is not None and by_team.bot_token == "xoxb-t2"
    assert await store.find_for_workspace("E9") is None


async def test_deleting_the_bot_keeps_nothing_to_send_with(store: SqlInstallationStore) -> None:
    """delete_bot forgets the token; delete_installation removes the workspace."""
    await store.async_save(installation("T1", "xoxb-1"))
    await store.async_delete_bot(enterprise_id=None, team_id="T1")
    assert await store.async_find_bot(enterprise_id=None, team_id="T1") is None
    assert await store.async_find_installation(enterprise_id=None, team_id="T1") is not None
    await store.async_delete_all(enterprise_id=None, team_id="T1")
    assert await store.async_find_installation(enterprise_id=None, team_id="T1") is None


async def test_a_changed_key_is_a_config_error_and_old_keys_still_open(
    store: SqlInstallationStore, db: Database
) -> None:
    """A key that opens no stored token fails the start check; "new,old" keeps working."""
    await store.async_save(installation("T1", "xoxb-1"))
    other = Fernet.generate_key().decode()

    with pytest.raises(ConfigError, match="SLACK_TOKEN_KEY"):
        await SqlInstallationStore(db, TokenCipher(other)).check_key()
    rotated = SqlInstallationStore(db, TokenCipher(f"{other},{KEY}"))
    await rotated.check_key()
    bot = await rotated.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-1"


async def test_a_state_is_good_once_and_only_until_it_expires(
    db: Database, clock: ManualClock
) -> None:
    """The state store accepts each state it issued once, before STATE_SECONDS pass."""
    states = SqlStateStore(db, clock)
    first, second = await states.async_issue(), await states.async_issue()

    assert first != second and len(first) >= 32
    assert await states.async_consume(first) is True
    assert await states.async_consume(first) is False
    assert await states.async_consume("made-up") is False
    clock.set(clock.now() + timedelta(seconds=STATE_SECONDS + 1))
    assert await states.async_consume(second) is False


async def test_concurrent_refreshes_spend_the_refresh_token_once(
    store: SqlInstallationStore, clock: ManualClock
) -> None:
    """Ten callers in two processes needing a refresh cause one oauth.v2.access, saved in our
    store, and leave no lease behind."""
    async with FakeSlackApi() as fake:
        workspace = fake.install("T1", rotating=True)
        await store.async_save(
            installation(
                "T1",
                workspace.token,
                bot_refresh_token=workspace.refresh_token,
                bot_token_expires_at=int(time.time()) + 60,
            )
        )
        client = AsyncWebClient(base_url=fake.base_url)
        # Two rotators stand for two processes: each has its own lock, they share the lease.
        rotators = [
            LockedTokenRotator(
                store, clock, client_id="1.2", client_secret="s", client=client, poll_seconds=0.01
            )
            for _ in range(2)
        ]
        stale = await store.async_find_bot(enterprise_id=None, team_id="T1")
        assert stale is not None

        results = await asyncio.gather(
            *(rotators[n % 2].perform_bot_token_rotation(bot=stale) for n in range(10))
        )

        assert len(fake.called("oauth.v2.access")) == 1
        assert {r.bot_token for r in results if r is not None} == {"xoxb-T1-1"}
        saved = await store.async_find_bot(enterprise_id=None, team_id="T1")
        assert saved is not None and saved.bot_token == "xoxb-T1-1"
        assert saved.bot_refresh_token == "xoxe-T1-1"
        assert await count(store.db, "SELECT COUNT(*) FROM slack_token_refreshes") == 0


async def test_a_refresh_lease_left_by_a_dead_process_runs_out(
    db: Database, clock: ManualClock
) -> None:
    """A refresh lease is exclusive until its end, then another process may take it."""

    async def take(owner: str) -> bool:
        now = clock.now()
        async with db.transaction() as conn:
            return await installations.take_refresh(
                conn, enterprise_id="", team_id="T1", owner=owner, now=now, until=now + LEASE
            )

    assert await take("dead") is True
    assert await take("alive") is False
    clock.set(clock.now() + LEASE)
    assert await take("alive") is True
