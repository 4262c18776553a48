"""The Slack adapter under test: HTTP mode on 127.0.0.1 over the fake Web API, and its helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import UserKey
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.db import Database
from tests.conftest import MIGRATIONS, PROMPTS
from tests.fakes.slack_api import TEAM, Call, FakeSlackApi
from tests.fakes.slack_sender import SlackSender

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ALICE = "U0ALICE"
DM = "D" + ALICE
CHANNEL = "C0TEAM"
ALICE_KEY = UserKey("slack", TEAM, ALICE)

# After "/reframe <setback>": every answer to the summary, typed or pressed.
DIALOGUE = (
    ("type", "A promotion to senior engineer"),
    ("press", "soft"),
    ("press", "maybe"),
    ("type", "They may have a headcount freeze"),
    ("type", "I lead the platform migration"),
    ("type", "Shipped the new CI pipeline"),
    ("type", "A senior who mentors the juniors"),
    ("press", "timeline"),
    ("type", "Ask again in March with a growth plan"),
    ("press", "2w"),
    ("type", "What would you need to see from me by March?"),
    ("press", "pause"),
    ("type", "Getting clear criteria for the promotion"),
)


def slack_settings(tmp_path: Path, fake: FakeSlackApi, **extra: Any) -> Settings:
    """Settings for HTTP mode on an ephemeral port, with the Web API pointed at the fake."""
    values: dict[str, Any] = {
        "db_path": tmp_path / "reframe.db",
        "prompts_dir": PROMPTS,
        "migrations_dir": MIGRATIONS,
        "slack_bot_token": "xoxb-test",
        "slack_signing_secret": SECRET,
        "slack_api_url": fake.base_url,
        "port": 0,
    }
    values.update(extra)
    return Settings(**values)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    """The fake Slack, where Alice lives in Berlin."""
    async with FakeSlackApi(zones={ALICE: "Europe/Berlin"}) as api:
        yield api


@pytest.fixture
async def adapter(
    tmp_path: Path,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> AsyncIterator[SlackAdapter]:
    """The adapter in HTTP mode, serving on 127.0.0.1."""
    core = Core(slack_settings(tmp_path, fake), db, catalog, service, clock)
    slack = create_slack_adapter(core, host="127.0.0.1")
    await slack.start()
    yield slack
    await slack.stop()


@pytest.fixture
async def slack(adapter: SlackAdapter, fake: FakeSlackApi) -> AsyncIterator[SlackSender]:
    """Signed requests to the adapter, each waited on until handled."""
    sender = SlackSender(f"http://127.0.0.1:{adapter.port}", SECRET, adapter, fake)
    yield sender
    await sender.close()


def with_buttons(fake: FakeSlackApi, channel: str = DM) -> Call:
    """The latest message posted with buttons to a channel."""
    return [
        p for p in fake.posts(channel) if any(b["type"] == "actions" for b in p.args["blocks"])
    ][-1]


def all_text(call: Call) -> str:
    """Every text of a posted message (fallback and sections), joined."""
    texts = [call.args.get("text", "")]
    texts += [b["text"]["text"] for b in call.args.get("blocks", []) if b["type"] == "section"]
    return "\n".join(texts)


async def run_dialogue(
    slack: SlackSender, fake: FakeSlackApi, setback: str, typed: str | None = None
) -> None:
    """/reframe in the team channel, then every answer up to the summary (each typed answer
    replaced by `typed` when given)."""
    await slack.command(ALICE, setback, CHANNEL)
    for kind, value in DIALOGUE:
        if kind == "type":
            await slack.dm(ALICE, typed or value)
        else:
            await slack.press(ALICE, with_buttons(fake), value)


async def snapshot(db: Database) -> list[tuple[Any, ...]]:
    """Every row the coach keeps, to prove a refused request changed nothing."""
    rows: list[tuple[Any, ...]] = []
    async with db.transaction() as conn:
        for table in ("users", "sessions", "reminders", "processed_events"):
            found = await conn.fetch_all(f"SELECT * FROM {table} ORDER BY 1")
            rows += [(table, *row.values()) for row in found]
    return rows
