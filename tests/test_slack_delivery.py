"""End to end on Slack: replies and nudges delivered through the outbox, retried after a refusal
or a 429, retried events deduplicated, one DM channel opened per user."""

from __future__ import annotations

from datetime import timedelta

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_adapter import SlackAdapter
from bot.adapters.slack_blocks import escape
from bot.adapters.slack_web import SlackWeb
from bot.clock import ManualClock
from bot.domain import Outcome, OwnWin
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler, RunReport
from bot.storage import repos
from bot.storage.db import Database, from_db
from tests.conftest import START, stored_session
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.slack_harness import (
    ALICE,
    ALICE_KEY,
    DM,
    adapter,
    all_text,
    fake,
    run_dialogue,
    slack,
    with_buttons,
)

__all__ = ["adapter", "fake", "slack"]  # fixtures, shared


async def deliver_nudge(
    slack: SlackSender,
    fake: FakeSlackApi,
    adapter: SlackAdapter,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> RunReport:
    """A finished dialogue whose nudge the scheduler has just delivered (calls cleared first)."""
    await run_dialogue(slack, fake, "My manager said no")
    async with db.transaction() as conn:
        send_after = await conn.fetch_value("SELECT send_after FROM reminders")
    assert send_after is not None
    due = from_db(send_after)
    clock.set(due)
    fake.calls.clear()
    return await NudgeScheduler(db, catalog, clock, {"slack": adapter}).run_once(due)


async def test_nudge_delivered_through_the_outbox_and_answered(
    slack: SlackSender,
    fake: FakeSlackApi,
    adapter: SlackAdapter,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """A due nudge shows the short card with the outcome buttons; "Got a yes" is recorded, then
    the own-win question is asked and "Partly" is recorded too (the two-part revisit)."""
    report = await deliver_nudge(slack, fake, adapter, db, catalog, clock)

    assert report.delivered == 1
    assert [c.method for c in fake.calls] == ["chat.postMessage"]  # the DM id is cached
    nudge = with_buttons(fake)
    values = [
        e["value"] for b in nudge.args["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert values == [f"1|nudge|{c}" for c in ("yes", "maybe", "no", "snooze", "stop")]
    assert "Next move: Ask again in March with a growth plan" in all_text(nudge)
    await slack.press(ALICE, nudge, "yes")
    said, asked = fake.posts(DM)[-2:]
    assert said.args["text"].startswith(escape(catalog.text("nudge.yes")[:20]))
    assert "Getting clear criteria for the promotion" in all_text(asked)
    await slack.press(ALICE, with_buttons(fake), "partly")
    session = await stored_session(db, ALICE_KEY, 1)
    assert session.outcome is Outcome.YES
    assert session.own_win is OwnWin.PARTLY
    assert fake.posts(DM)[-1].args["text"] == escape(catalog.text("nudge_win.partly"))


async def test_a_nudge_answered_in_words_is_recorded(
    slack: SlackSender,
    fake: FakeSlackApi,
    adapter: SlackAdapter,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """A typed "they said yes in the end!" DM after a nudge records a yes; no new reframe starts."""
    await deliver_nudge(slack, fake, adapter, db, catalog, clock)
    await slack.dm(ALICE, "they said yes in the end!")
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=ALICE_KEY)
        assert record is not None
        sessions = await repos.list_sessions(conn, user_ref=record.ref, user=ALICE_KEY)
    assert [(s.number, s.outcome) for s in sessions] == [(1, Outcome.YES)]
    said = escape(catalog.text("nudge.yes")[:20])
    assert any(post.args["text"].startswith(said) for post in fake.posts(DM))


async def test_outbox_refusal_raises_delivery_error(
    adapter: SlackAdapter, fake: FakeSlackApi
) -> None:
    """An ok:false from Slack during delivery raises DeliveryError, so the scheduler retries."""
    from bot.domain import Message
    from bot.errors import DeliveryError

    fake.fail_next("conversations.open", error="user_not_found")
    with pytest.raises(DeliveryError):
        await adapter.deliver(ALICE_KEY, (Message("hello"),))


async def test_retried_event_is_deduplicated(slack: SlackSender, fake: FakeSlackApi) -> None:
    """The same event_id delivered again with X-Slack-Retry-Num posts nothing the second time."""
    event = {"type": "message", "channel_type": "im", "channel": DM, "user": ALICE, "text": "hi"}
    first, event_id = await slack.event(event)
    posted = len(fake.posts(DM))
    assert first.status == 200 and posted > 0

    retry, _ = await slack.event(event, event_id=event_id, retry=1)

    assert retry.status == 200
    assert len(fake.posts(DM)) == posted


async def test_rate_limit_is_survived(slack: SlackSender, fake: FakeSlackApi) -> None:
    """A 429 with Retry-After from chat.postMessage is retried and the reply still arrives."""
    fake.fail_next("chat.postMessage", status=429, retry_after=0)

    await slack.dm(ALICE, "hi")

    attempts = fake.called("chat.postMessage")
    assert attempts[0].args["_ok"] is False
    assert len(fake.posts(DM)) >= 1
    assert fake.posts(DM)[0].args["text"] == attempts[0].args["text"]


async def test_a_refused_reply_is_retried_and_the_answer_never_said_lost(
    slack: SlackSender,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    adapter: SlackAdapter,
) -> None:
    """When Slack refuses the reply, the answer stays saved, the reply is posted by the retry
    pass, and the user is never told that their answer could not be saved."""
    await slack.dm(ALICE, "hi")
    fake.fail_next("chat.postMessage", error="internal_error")

    await slack.dm(ALICE, "My landlord said no")
    refused = len(fake.posts(DM))
    clock.set(clock.now() + timedelta(minutes=1))
    retried = await adapter.core.pipeline.deliverer.run_once()

    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=ALICE_KEY)
    assert record is not None and record.session is not None
    assert record.session.answers["setback"] == "My landlord said no"
    assert retried.sent >= 1 and len(fake.posts(DM)) == refused + retried.sent
    sorry = escape(catalog.text("error.try_again"))[:300]
    assert all(post.args["text"] != sorry for post in fake.posts(DM))


async def test_a_second_worker_reuses_the_dm_channel_the_first_opened(
    fake: FakeSlackApi, db: Database, catalog: Catalog
) -> None:
    """Two workers' Web API sides on one store: conversations.open is called once for a user."""
    async with db.transaction() as conn:
        await repos.ensure_user(conn, user=ALICE_KEY, now=START)
    first, second = (
        SlackWeb(AsyncWebClient(token="xoxb-test", base_url=fake.base_url), catalog, None, db)
        for _ in range(2)
    )
    opened = await first.open_dm(ALICE_KEY)
    assert await second.open_dm(ALICE_KEY) == opened
    assert len(fake.called("conversations.open")) == 1
