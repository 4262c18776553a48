"""LOG_FORMAT=json: one JSON object a line, under the same privacy rule as the text lines."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.core import Core
from bot.logs import setup_logging
from bot.prompts import Catalog
from bot.runner import scheduler_config
from bot.scheduler import NudgeScheduler
from tests import discord_harness
from tests.discord_harness import dm, running, says, walk_to_summary
from tests.fakes.discord_server import FakeDiscord

# The fake Discord and the core configured for it, shared with the adapter's tests.
fake = discord_harness.fake
core = discord_harness.core
QUIETENED = ("discord", "slack_bolt", "slack_sdk", "aiohttp.access", "asyncio", "aiosqlite")


@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    """Logging as LOG_FORMAT=json LOG_LEVEL=DEBUG sets it up, into a buffer; restored after."""
    root = logging.getLogger()
    saved = (root.level, root.handlers[:], [logging.getLogger(n).level for n in QUIETENED])
    stream = io.StringIO()
    setup_logging("DEBUG", "json", stream)
    try:
        yield stream
    finally:
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]
        for name, level in zip(QUIETENED, saved[2], strict=True):
            logging.getLogger(name).setLevel(level)


def records(stream: io.StringIO) -> list[dict[str, Any]]:
    """Every line written, each parsed as one JSON object."""
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_each_line_is_one_json_object_with_time_level_logger_and_message(
    json_logs: io.StringIO,
) -> None:
    """A log call becomes one JSON line: ts (UTC ISO 8601), level, logger, msg."""
    logging.getLogger("bot.example").info("nudge %d delivered", 7)
    (line,) = records(json_logs)
    assert {k: line[k] for k in ("level", "logger", "msg")} == {
        "level": "INFO",
        "logger": "bot.example",
        "msg": "nudge 7 delivered",
    }
    assert line["ts"].endswith("+00:00")


async def test_a_whole_dialogue_at_debug_leaves_no_user_text_at_info_or_above(
    json_logs: io.StringIO,
    fake: FakeDiscord,
    core: Core,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """A Discord dialogue, a crisis DM and the nudge: no INFO+ JSON line holds what was typed."""
    async with running(core) as adapter:
        await walk_to_summary(fake, catalog)
        await adapter.inbox.idle()  # the last turn's replies are all delivered
        scheduler = NudgeScheduler(
            core.db, catalog, clock, {"discord": adapter}, scheduler_config(core.settings)
        )
        clock.set(clock.now() + timedelta(days=15))
        assert (await scheduler.run_once(clock.now())).delivered == 1
        await dm(fake, "I want to end my life", says(catalog, "crisis.suicide"))
    lines = records(json_logs)
    loud = [line for line in lines if logging.getLevelName(line["level"]) >= logging.INFO]
    assert any("nudge delivered" in line["msg"] for line in loud), "INFO lines were written"
    ours = [line for line in lines if line["logger"].startswith("bot")]
    typed = [text for text in fake.user_texts if len(text) > 3]
    assert len(typed) >= 10
    for line in loud + ours:
        for text in typed:
            assert text not in json.dumps(line), (line["logger"], line["level"])
