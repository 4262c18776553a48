"""Discord interactions on a real `reframe run` against the fake Discord: what was acked
before a SIGKILL is handled after the restart, once."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests import chaos
from tests import discord_harness as on_discord
from tests.discord_harness import CHANNEL, GUILD, USER
from tests.fakes.discord_server import APP_ID, FakeDiscord
from tests.test_cli import cli_env

CONNECTED = re.compile(rb"discord connected as bot")


# The fake Discord (REST and gateway) of the adapter's tests.
fake = on_discord.fake


def discord_env(folder: Path, fake: FakeDiscord) -> dict[str, str]:
    """`reframe run` serving Discord only, against the fake, on folder's database."""
    return cli_env(
        folder,
        DISCORD_TOKEN="fake-token",
        DISCORD_API_BASE=fake.api_base,
        DISCORD_GATEWAY_URL=fake.gateway_url,
        LOG_LEVEL="INFO",
        REFRAME_PROMPTS_DIR=str(chaos.ROOT / "prompts"),
        REFRAME_MIGRATIONS_DIR=str(chaos.ROOT / "migrations"),
    )


def inbox(db_path: Path) -> list[tuple[str, str]]:
    """(kind, status) of every inbox row, in arrival order."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT kind, status FROM inbox ORDER BY id").fetchall()


async def test_interactions_acked_before_a_kill_are_handled_after_the_restart(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    """A guild /reframe held while its DM opens and a /reframe help behind it are both
    acked, then the process is SIGKILLed; the restarted process handles each once: the
    conversation in the DM with the note where it was typed, and help as a followup."""
    db_path = tmp_path / "coach.db"
    coach = chaos.Coach(discord_env(tmp_path, fake), ready=CONNECTED)
    opening = fake.hang("POST", "/users/@me/channels")
    try:
        await coach.start()
        first = await fake.slash(USER, setback="My landlord said no", guild_id=GUILD)
        await opening.wait_held()
        second = await fake.slash(USER, setback="help")
        await fake.wait_for("POST", rf"/interactions/{second}/[^/]+/callback")
        await coach.kill()
        acked_not_handled = inbox(db_path)
        fake.clear()
        await coach.start()
        await fake.wait_for("POST", rf"/webhooks/{APP_ID}/token-{second}")
        await fake.wait_for("POST", rf"/webhooks/{APP_ID}/token-{first}")
        await chaos.drained(db_path, 10.0)
        exit_code = await coach.stop()
    finally:
        await coach.kill()
    assert acked_not_handled == [("command", "pending")] * 2
    assert inbox(db_path) == [("command", "done")] * 2
    assert exit_code == 0
    note = fake.matching("POST", rf"/webhooks/{APP_ID}/token-{first}")
    helped = fake.matching("POST", rf"/webhooks/{APP_ID}/token-{second}")
    assert len(note) == 1 and note[0].body["flags"] == 64
    texts = [r.body["content"] for r in helped]
    assert texts[0].startswith("Commands") and len(set(texts)) == len(texts)
    in_dm = fake.matching("POST", rf"/channels/{fake.dm_channel(USER)}/messages")
    with sqlite3.connect(db_path) as conn:
        sessions = conn.execute("SELECT number FROM sessions").fetchall()
    assert len(in_dm) >= 1 and sessions == [(1,)]
    assert fake.matching("POST", rf"/channels/{CHANNEL}/messages") == []
