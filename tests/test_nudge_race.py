"""A press on a nudge and that nudge's (re)delivery, interleaved step by step: the nudge is
never posted after the press was stored before its post began, nor acknowledged before a
post already under way."""

from __future__ import annotations

import asyncio
import socket
import time
from datetime import timedelta

from bot import engine
from bot.adapters import slack_blocks
from bot.adapters.slack_adapter import SlackAdapter
from bot.clock import ManualClock
from bot.domain import Inbound, UserKey
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler, SchedulerConfig
from bot.service import CoachService
from bot.storage import inbox, outbox
from bot.storage.db import Database
from bot.storage.message_json import load_message
from tests.conftest import ALICE, FULL_DIALOGUE, START, press, say
from tests.fakes.slack_api import TEAM, Call, FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.scheduler_harness import RecordingOutbox
from tests.slack_harness import adapter, fake, slack
from tests.test_inbox_nudges import scheduler_claim

__all__ = ["adapter", "fake", "slack"]  # the Slack fixtures, shared

DUE = START + timedelta(days=15)
SLACK_ALICE = UserKey("slack", TEAM, "U0ALICE")
# A process killed while its post of the nudge was in flight (Slack took it).
KILLED = f"{socket.gethostname()}:999999999:gone"


async def queued_nudge(scheduler: NudgeScheduler, platform: str) -> None:
    """Queue the due nudge and lease it to a process that is then killed mid-post."""
    assert await scheduler_claim(scheduler, DUE, (platform,)) == 1
    async with scheduler.db.transaction() as conn:
        await outbox.claim_due(
            conn,
            owner=KILLED,
            now=DUE,
            lease_until=DUE + timedelta(minutes=2),
            platforms=(platform,),
            limit=10,
        )
    assert await scheduler.deliverer.take_over_dead(DUE) == 1


async def test_a_press_stored_after_the_nudge_was_claimed_keeps_it_from_being_posted(
    service: CoachService, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """The restart claims the interrupted nudge; the press on its first copy is stored
    before the post: the nudge waits for the press, which answers it, and is never posted."""
    for line in FULL_DIALOGUE:
        await service.handle(say(line))
    posted = RecordingOutbox()
    scheduler = NudgeScheduler(db, catalog, clock, {"console": posted}, SchedulerConfig())
    deliverer = scheduler.deliverer
    await queued_nudge(scheduler, "console")
    clock.set(DUE + timedelta(seconds=1))
    async with db.transaction() as conn:
        [claimed] = await outbox.claim_due(
            conn,
            owner=deliverer.owner,
            now=clock.now(),
            lease_until=clock.now() + timedelta(minutes=2),
            platforms=("console",),
            limit=10,
        )
        # The press comes in between the claim and the post (a slow loop, a DM to open).
        pressed = await inbox.add(
            conn, key="press", user=ALICE, kind="button", payload={}, received_at=clock.now()
        )
    assert pressed is not None

    # The deliverer's next step on the row it claimed.
    waited = await deliverer._deliver(claimed, clock.now())

    assert posted.sent == [] and waited.sent == 0
    # The press is handled (its turn commits with the inbox row done); the nudge then goes.
    answer = await service.handle(press("yes", engine.NUDGE_STEP, 1))
    assert catalog.text("button.already") not in " ".join(m.text for m in answer.messages)
    async with db.transaction() as conn:
        await inbox.finish(conn, row_id=pressed, outcome="turn", now=clock.now())
    after = await deliverer.run_once(clock.now())
    assert (after.dropped, posted.sent) == (1, [])
    async with db.autocommit() as conn:
        # The killed process's attempt and the claim that dropped it; not the one given back.
        assert await conn.fetch_value("SELECT attempts FROM outbox") == 2


async def test_a_press_acknowledged_during_the_nudges_post_is_acknowledged_after_it(
    adapter: SlackAdapter,
    slack: SlackSender,
    fake: FakeSlackApi,
    service: CoachService,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """The restart posts the interrupted nudge again; a press on its first copy comes while
    Slack holds that post: the press is stored at once, and acknowledged only after the
    post (so no nudge reaches the user after their press was acknowledged)."""
    for line in FULL_DIALOGUE:
        await service.handle(Inbound(SLACK_ALICE, text=line, timezone_hint="UTC"))
    deliverer = adapter.core.pipeline.deliverer
    deliverer.gate.most = 30.0  # this test holds the post; the ack waits as long as it does
    scheduler = NudgeScheduler(
        db, catalog, clock, {"slack": adapter.web}, SchedulerConfig(), deliverer=deliverer
    )
    await queued_nudge(scheduler, "slack")
    first_copy = await posted_copy(db, "D" + SLACK_ALICE.user_id)
    clock.set(DUE + timedelta(seconds=1))
    held = fake.hang("chat.postMessage")
    again = asyncio.create_task(scheduler.run_once(clock.now()))
    await held.wait_held()

    acked = asyncio.create_task(acknowledged(slack, first_copy))
    passing = asyncio.create_task(deliverer.gate.waiting_for(SLACK_ALICE))
    done, _ = await asyncio.wait({acked, passing}, return_when=asyncio.FIRST_COMPLETED)
    assert done == {passing}, "the press was acknowledged while the nudge's post was held"
    fake.clear("chat.postMessage")
    acked_at = await acked
    await again

    nudges = [call for call in fake.posts("D" + SLACK_ALICE.user_id) if nudge_of(call)]
    assert len(nudges) == 1 and nudges[0].at < acked_at


async def acknowledged(slack: SlackSender, copy: Call) -> float:
    """Press "yes" on the copy; when the press was acknowledged (time.monotonic())."""
    sent = await slack.press(SLACK_ALICE.user_id, copy, "yes", wait=False)
    assert sent.status == 200
    return time.monotonic()


async def posted_copy(db: Database, channel: str) -> Call:
    """The nudge as the killed process posted it (rendered from its outbox row)."""
    async with db.autocommit() as conn:
        stored = await conn.fetch_value("SELECT message FROM outbox WHERE kind = 'nudge'")
    [payload] = slack_blocks.message_payloads(load_message(stored))
    args = {"channel": channel, "text": payload.text, "blocks": payload.blocks}
    return Call("chat.postMessage", {**args, "_ts": "1700000000.000009"})


def nudge_of(call: Call) -> bool:
    """Whether a posted message carries nudge buttons."""
    values = [
        str(element.get("value", ""))
        for block in call.args.get("blocks") or []
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    ]
    return any(value.split("|")[1:2] == ["nudge"] for value in values)
