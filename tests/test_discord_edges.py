"""Discord's edges: fatal gateway closes end `run` with one ERROR, transient ones resume;
only messages a person wrote are read."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.adapters.discord_adapter import DiscordAdapter
from bot.adapters.discord_closes import FATAL_CLOSES
from bot.core import Core
from bot.errors import PlatformRefused
from bot.prompts import Catalog
from bot.runner import serve
from tests import discord_harness
from tests.discord_harness import USER, dm, running, says
from tests.fakes.discord_server import FakeDiscord
from tests.test_cli import cli_env, run_cli

# The fake Discord and the core configured for it, shared with the adapter's tests.
fake = discord_harness.fake
core = discord_harness.core


class Heard(logging.Handler):
    """Sets an event once a log line containing `words` is emitted."""

    def __init__(self, words: str) -> None:
        super().__init__()
        self.words = words
        self.event = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.words in record.getMessage():
            self.event.set()


@pytest.mark.parametrize("code", sorted(FATAL_CLOSES))
async def test_a_fatal_close_at_identify_fails_start_naming_it(
    fake: FakeDiscord, core: Core, code: int
) -> None:
    """Each fatal close code (4004, 4010-4014) makes start() raise our PlatformRefused,
    naming the code and the fix, with nothing left open."""
    fake.refuse_identify = code
    adapter = DiscordAdapter(core, ready_timeout=0.01)
    with pytest.raises(PlatformRefused, match=str(code)):
        await asyncio.wait_for(adapter.start(), 10)
    assert adapter.client is None


async def test_a_fatal_close_while_running_ends_serve_with_one_error(
    fake: FakeDiscord, core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord closing a running gateway with 4004 ends serve() (and so `run`, with a
    non-zero code) after one ERROR line naming the cause; it does not linger answering no one."""
    stop = asyncio.Event()
    running_line = Heard("discord adapter running")
    logging.getLogger("bot.runner").addHandler(running_line)
    try:
        with caplog.at_level(logging.INFO):
            task = asyncio.create_task(serve(core, stop))
            await asyncio.wait_for(running_line.event.wait(), 10)
            await fake.close_gateway(4004)
            failure = await asyncio.wait_for(task, 10)
    finally:
        logging.getLogger("bot.runner").removeHandler(running_line)
    assert isinstance(failure, PlatformRefused) and "4004" in str(failure)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "4004" in errors[0].getMessage()
    assert "DISCORD_TOKEN" in errors[0].getMessage()
    assert not stop.is_set()


async def test_a_transient_close_resumes_and_keeps_answering(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """A close Discord means as 'reconnect' (4000) is resumed by the client; DMs are still
    answered and nothing is reported as a failure."""
    async with running(core) as adapter:
        await fake.close_gateway(4000)
        await asyncio.wait_for(fake.resumed.wait(), 10)
        await dm(fake, "hi", says(catalog, "setback.ask"))
        failure = asyncio.create_task(adapter.failure())
        await asyncio.sleep(0)
        assert not failure.done()
        failure.cancel()


async def test_a_pin_notice_in_the_dm_gets_no_reply(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """A system message in the DM (a pin notice: type 6, no content) is not read, while the
    person's next message, a reply (type 19), is."""
    async with running(core):
        mark = len(fake.sent)
        await fake.send_dm(USER, "", kind=6)
        await fake.send_dm(USER, "hi", kind=19)
        await fake.wait_sent(says(catalog, "setback.ask"), after=mark)
    answered = [message["content"] for message in fake.sent[mark:]]
    assert not any("didn't catch" in text for text in answered)
    assert sum(text.startswith("Hi, I'm Reframe Coach") for text in answered) == 1


async def test_run_refused_by_the_gateway_logs_one_error_and_exits_2(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    """`reframe run` whose IDENTIFY Discord answers with close 4004 logs one ERROR naming
    the cause and exits 2, without a traceback, instead of staying up answering no one."""
    fake.refuse_identify = 4004
    env = cli_env(
        tmp_path,
        DISCORD_TOKEN="fake-token",
        DISCORD_API_BASE=fake.api_base,
        DISCORD_GATEWAY_URL=fake.gateway_url,
        OPS_PORT="off",
    )
    code, _, err = await run_cli(env, "run")
    errors = [line for line in err.splitlines() if "level=error" in line]
    assert code == 2, err
    assert len(errors) == 1 and "4004" in errors[0] and "DISCORD_TOKEN" in errors[0]
    assert "Traceback" not in err
