"""Slack share notes through the outbox: an HTTP 500 is retried and the note posted once,
a lasting refusal is undone and the user told, against the fake Web API."""

from __future__ import annotations

from datetime import timedelta

from bot.adapters.slack_adapter import SlackAdapter
from bot.adapters.slack_blocks import escape
from bot.clock import ManualClock
from bot.prompts import Catalog
from bot.storage.db import Database
from tests.conftest import stored_session
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.slack_harness import (
    ALICE,
    ALICE_KEY,
    CHANNEL,
    DM,
    adapter,
    all_text,
    fake,
    run_dialogue,
    slack,
    with_buttons,
)
from tests.test_faults import HTML_500

__all__ = ["adapter", "fake", "slack"]  # the Slack fixtures, shared


async def test_a_share_refused_with_a_500_is_retried_and_posted_once(
    slack: SlackSender,
    fake: FakeSlackApi,
    adapter: SlackAdapter,
    catalog: Catalog,
    clock: ManualClock,
    db: Database,
) -> None:
    """chat.postMessage answers HTTP 500 (an HTML page) to the note: "shared" waits, the
    retry pass posts the note once, and only then is the user told it was shared."""
    await run_dialogue(slack, fake, "my manager said no")
    summary = with_buttons(fake)
    fake.fail("chat.postMessage", status=500, body=HTML_500, content_type="text/html")
    posted = len(fake.posts(DM))
    await slack.press(ALICE, summary, "share")
    waiting = fake.posts(DM)[posted:]
    clock.set(clock.now() + timedelta(seconds=11))
    await adapter.core.pipeline.deliverer.run_once()
    [note] = fake.posts(CHANNEL)
    assert waiting == []
    assert all_text(note).endswith(escape(catalog.text("share.note")))
    assert escape(catalog.text("share.done")) in all_text(fake.posts(DM)[-1])
    session = await stored_session(db, ALICE_KEY, 1)
    assert session.answers["shared"] == "yes"


async def test_a_share_refused_for_good_is_undone_and_the_user_told(
    slack: SlackSender,
    fake: FakeSlackApi,
    adapter: SlackAdapter,
    clock: ManualClock,
    db: Database,
) -> None:
    """chat.postMessage answers not_in_channel to the note: it is not tried again, the user
    hears that nothing was shared (never that it was), and the share is undone."""
    catalog = adapter.core.catalog
    await run_dialogue(slack, fake, "my manager said no")
    summary = with_buttons(fake)
    fake.fail("chat.postMessage", error="not_in_channel")
    posted = len(fake.posts(DM))
    await slack.press(ALICE, summary, "share")
    clock.set(clock.now() + timedelta(hours=2))
    await adapter.core.pipeline.deliverer.run_once()
    told = [all_text(call) for call in fake.posts(DM)[posted:]]
    assert [escape(catalog.text("share.failed")) in text for text in told] == [True]
    assert fake.posts(CHANNEL) == []
    assert len(fake.called("chat.postMessage")) == len(fake.posts()) + 1
    session = await stored_session(db, ALICE_KEY, 1)
    assert "shared" not in session.answers
