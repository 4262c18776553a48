"""Nothing acknowledged is lost: the durable inbox, the one outbox and the turn pipeline,
on a real SQLite file, the real Bolt app over HTTP and the fake Slack Web API."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.adapters.slack_adapter import SlackAdapter, create_slack_adapter
from bot.adapters.slack_blocks import escape
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.domain import Inbound, InboundKind, UserKey
from bot.flood import FloodGate
from bot.inbox_workers import InboxWorkers
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage import inbox, repos
from bot.storage.db import Database
from bot.storage.inbox import InboxRow
from tests.conftest import MIGRATIONS, PROMPTS, START
from tests.fakes.slack_api import TEAM, FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.scheduler_harness import RecordingOutbox
from tests.slack_harness import SECRET, adapter, fake, slack, slack_settings

__all__ = ["adapter", "fake", "slack"]  # the Slack fixtures, shared

SLACK_ALICE = "U0ALICE"
DM = "D" + SLACK_ALICE
ALICE_KEY = UserKey("slack", TEAM, SLACK_ALICE)


def slack_core(
    tmp_path: Path,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> Core:
    """A fresh Core (pipeline and deliverer of its own) on the shared database."""
    return Core(slack_settings(tmp_path, fake), db, catalog, service, clock)


async def answers(db: Database, user: UserKey = ALICE_KEY) -> dict[str, str]:
    """The answers of the user's newest session."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=user)
    assert record is not None and record.session is not None
    return dict(record.session.answers)


async def test_an_event_acknowledged_before_a_stop_is_handled_at_the_next_start(
    tmp_path: Path,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> None:
    """A DM acknowledged (200) while no worker ran is in the database, and the next start
    handles it: the answer is saved and the reply posted."""
    first = create_slack_adapter(
        slack_core(tmp_path, fake, db, catalog, clock, service), host="127.0.0.1"
    )
    await first.start()
    sender = SlackSender(f"http://127.0.0.1:{first.port}", SECRET, first, fake)
    try:
        assert (await sender.dm(SLACK_ALICE, "hi")).status == 200
        await first.inbox.stop(5)  # no worker runs: the next ack comes, its turn does not
        sent = await sender.dm(SLACK_ALICE, "My landlord said no", wait=False)
        assert sent.status == 200
    finally:
        await sender.close()
        await first.stop()
    posted = len(fake.posts(DM))

    second = create_slack_adapter(
        slack_core(tmp_path, fake, db, catalog, clock, service), host="127.0.0.1"
    )
    await second.start()
    try:
        await second.inbox.idle()
    finally:
        await second.stop()
    assert (await answers(db))["setback"] == "My landlord said no"
    assert len(fake.posts(DM)) > posted


async def test_the_same_event_id_twice_runs_once(
    slack: SlackSender, fake: FakeSlackApi, db: Database
) -> None:
    """An event sent again with the same event_id (Slack's retry) is stored and run once."""
    await slack.dm(SLACK_ALICE, "hi")
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": DM,
        "user": SLACK_ALICE,
        "text": "My landlord said no",
        "ts": "1700000000.000200",
    }
    await slack.event(event, event_id="EvTWICE")
    posted = len(fake.posts(DM))
    again, _ = await slack.event(event, event_id="EvTWICE", retry=1)
    assert again.status == 200
    assert len(fake.posts(DM)) == posted
    async with db.autocommit() as conn:
        rows = await conn.fetch_all(
            "SELECT status, outcome FROM inbox WHERE event_key LIKE '%EvTWICE'"
        )
    assert [(row["status"], row["outcome"]) for row in rows] == [("done", "turn")]


async def test_one_users_events_run_in_order_and_other_users_in_parallel(
    db: Database, clock: ManualClock
) -> None:
    """Only a user's oldest row can be leased, and only while none of theirs is held;
    another user's oldest row is leased alongside."""
    bob = UserKey("slack", TEAM, "U0BOB")
    async with db.transaction() as conn:
        for key, user in (("a1", ALICE_KEY), ("a2", ALICE_KEY), ("b1", bob)):
            await inbox.add(conn, key=key, user=user, kind="message", payload={}, received_at=START)
    lease = START + timedelta(minutes=2)
    async with db.transaction() as conn:
        first = await inbox.claim(
            conn, owner="w1", now=START, lease_until=lease, platforms=("slack",), limit=10
        )
        again = await inbox.claim(
            conn, owner="w2", now=START, lease_until=lease, platforms=("slack",), limit=10
        )
        held = await inbox.claim_next(
            conn, owner="w2", user=ALICE_KEY, now=START, lease_until=lease
        )
        await inbox.finish(conn, row_id=first[0].id, outcome="turn", now=START)
        after = await inbox.claim_next(
            conn, owner="w2", user=ALICE_KEY, now=START, lease_until=lease
        )
    assert [row.user for row in first] == [ALICE_KEY, bob]
    assert again == [] and held is None
    assert after is not None and after.id == first[0].id + 1


async def test_a_message_sent_while_the_last_reply_is_undelivered_gets_the_question_again(
    slack: SlackSender, fake: FakeSlackApi, db: Database, catalog: Catalog
) -> None:
    """When the question never reached the user, their next message is not stored as its
    answer: they are told, and the question they missed is posted again."""
    await slack.dm(SLACK_ALICE, "hi")
    fake.fail_next("chat.postMessage", error="internal_error")
    await slack.dm(SLACK_ALICE, "My landlord said no")  # its question is refused
    await slack.dm(SLACK_ALICE, "A new flat by March")  # written without seeing it

    stored = await answers(db)
    assert stored["setback"] == "My landlord said no"
    assert "A new flat by March" not in stored.values()
    texts = [post.args["text"] for post in fake.posts(DM)]
    missed = escape(catalog.text("error.missed"))
    assert any(text.startswith(missed[:60]) for text in texts)
    sorry = escape(catalog.text("error.try_again"))[:300]
    assert sorry not in texts


async def test_a_full_inbox_asks_slack_to_send_again_later(
    adapter: SlackAdapter, slack: SlackSender, db: Database
) -> None:
    """Over the backlog limit a request is answered 503 with Retry-After, and not stored."""
    adapter.inbox.backlog_limit = adapter.inbox.backlog
    answer = await slack.dm(SLACK_ALICE, "hi", wait=False)
    assert answer.status == 503
    async with db.autocommit() as conn:
        assert await inbox.backlog(conn) == 0
        assert await conn.fetch_all("SELECT id FROM inbox") == []


async def test_the_flood_gate_counts_messages_by_their_arrival(
    tmp_path: Path, db: Database, catalog: Catalog, clock: ManualClock
) -> None:
    """Messages that arrived at a normal pace and are handled in one burst are all answered;
    as many arriving at the same moment are held back by the gate. (Commands: typed answers
    written before the last reply arrived are the "question you missed" case instead.)"""
    service = CoachService(db, catalog, clock, flood=FloodGate(burst=3, window_seconds=10))
    settings = Settings(
        db_path=tmp_path / "unused.db", prompts_dir=PROMPTS, migrations_dir=MIGRATIONS
    )
    core = Core(settings, db, catalog, service, clock)
    core.pipeline.deliverer.add(RecordingOutbox())
    flooded: list[str] = []

    async def handle(row: InboxRow) -> None:
        outcome = await core.pipeline.turn(
            Inbound(row.user, InboundKind.MESSAGE, text=str(row.payload["text"])),
            route={},
            row=row,
        )
        if any(m.text == catalog.text("error.busy") for m in outcome.result.messages):
            flooded.append(row.user.user_id)

    workers = InboxWorkers(db, clock, "console", handle)
    paced = UserKey("console", "local", "paced")
    burst = UserKey("console", "local", "burst")
    for index in range(8):
        clock.set(START + timedelta(seconds=5 * index))
        await workers.add(key=f"p{index}", user=paced, kind="message", payload={"text": "help"})
        clock.set(START)
        await workers.add(key=f"b{index}", user=burst, kind="message", payload={"text": "help"})
    clock.set(START + timedelta(minutes=5))  # every one handled at once, long after
    await workers.idle()
    assert flooded.count("paced") == 0
    assert flooded.count("burst") == 5


async def test_a_discord_dm_is_stored_in_the_inbox_and_handled_once(
    tmp_path: Path, db: Database, catalog: Catalog, clock: ManualClock, service: CoachService
) -> None:
    """A DM reaching the gateway is written to the inbox under its message id, handled by the
    pipeline, and its row marked done with the user's words blanked."""
    from tests.discord_harness import dm, running, says
    from tests.fakes.discord_server import FakeDiscord

    fake = FakeDiscord()
    await fake.start()
    try:
        settings = Settings(
            db_path=tmp_path / "unused.db",
            prompts_dir=PROMPTS,
            migrations_dir=MIGRATIONS,
            discord_token="fake-token",
            discord_api_base=fake.api_base,
            discord_gateway_url=fake.gateway_url,
        )
        async with running(Core(settings, db, catalog, service, clock)) as adapter:
            await dm(fake, "hi", says(catalog, "setback.ask"))
            await adapter.inbox.idle()
    finally:
        await fake.close()
    async with db.autocommit() as conn:
        rows = await conn.fetch_all("SELECT event_key, kind, status, outcome, payload FROM inbox")
    assert [(r["kind"], r["status"], r["outcome"], r["payload"]) for r in rows] == [
        ("dm", "done", "turn", "{}")
    ]
    assert rows[0]["event_key"].startswith("discord:dm:")


async def test_the_apology_comes_only_when_nothing_was_saved(
    tmp_path: Path, db: Database, catalog: Catalog, clock: ManualClock, service: CoachService
) -> None:
    """A turn that raised is tried again later without a word to the user; only when it has
    failed three times is the event given up and the user told it was not saved."""
    settings = Settings(
        db_path=tmp_path / "unused.db", prompts_dir=PROMPTS, migrations_dir=MIGRATIONS
    )
    core = Core(settings, db, catalog, service, clock)
    screen = RecordingOutbox()
    core.pipeline.deliverer.add(screen)
    user = UserKey("console", "local", "alice")
    async with db.transaction() as conn:
        await inbox.add(conn, key="e1", user=user, kind="message", payload={}, received_at=START)
    for attempt in range(1, 4):
        clock.set(START + timedelta(hours=attempt))
        async with db.transaction() as conn:
            (row,) = await inbox.claim(
                conn,
                owner=core.pipeline.deliverer.owner,
                now=clock.now(),
                lease_until=clock.now() + timedelta(minutes=2),
                platforms=("console",),
                limit=1,
            )
        assert row.attempts == attempt
        await core.pipeline.failed(row, {"to": "terminal"}, RuntimeError("disk"))
        told = [message.text for _, message in screen.sent]
        assert told == ([] if attempt < 3 else [catalog.text("error.try_again")])
    async with db.autocommit() as conn:
        assert await conn.fetch_value("SELECT status FROM inbox") == "failed"
