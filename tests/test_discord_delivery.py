"""End to end on Discord: nudges and replies delivered through the outbox, answered by button or
in words, retried or given up as their failure is classified, long text split."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import ManualClock
from bot.core import Core
from bot.domain import Button, Inbound, Message, Outcome
from bot.prompts import Catalog
from bot.runner import scheduler_config
from bot.scheduler import NudgeScheduler
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE
from tests.discord_harness import KEY, core, dm, fake, has_button, ids, press, running, says
from tests.fakes.discord_server import FakeDiscord, Json

__all__ = ["core", "fake"]  # fixtures, shared


async def test_a_nudge_goes_out_through_the_outbox_and_its_answer_is_recorded(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """NudgeScheduler.run_once delivers the nudge DM with outcome buttons; a press records it."""
    for line in FULL_DIALOGUE:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    async with running(core) as adapter:
        scheduler = NudgeScheduler(
            db, catalog, clock, {"discord": adapter}, scheduler_config(core.settings)
        )
        clock.set(clock.now() + timedelta(days=15))
        report = await scheduler.run_once(clock.now())
        nudge = await fake.wait_sent(has_button("rf:1:nudge:yes"))
        await press(fake, nudge, "rf:1:nudge:yes", says(catalog, "nudge.yes"))
    assert report.delivered == 1
    assert ids(nudge) == [
        f"rf:1:nudge:{choice}" for choice in ("yes", "maybe", "no", "snooze", "stop")
    ]
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=KEY)
        assert record is not None
        session = await repos.load_session(conn, user_ref=record.ref, user=KEY, number=1)
    assert session is not None and session.outcome is Outcome.YES


async def test_a_nudge_answered_in_words_is_recorded(
    fake: FakeDiscord, core: Core, catalog: Catalog, clock: ManualClock, db: Database
) -> None:
    """A typed "Got a maybe" DM after a nudge records a maybe and asks for the next date."""
    for line in FULL_DIALOGUE:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    async with running(core) as adapter:
        clock.set(clock.now() + timedelta(days=15))
        config = scheduler_config(core.settings)
        await NudgeScheduler(db, catalog, clock, {"discord": adapter}, config).run_once()
        await fake.wait_sent(has_button("rf:1:nudge:yes"))
        await dm(fake, "Got a maybe", has_button("rf:1:nudge_date:2w"))
    async with db.transaction() as conn:
        record = await repos.load_user(conn, user=KEY)
        assert record is not None
        sessions = await repos.list_sessions(conn, user_ref=record.ref, user=KEY)
    assert [(s.number, s.outcome) for s in sessions] == [(1, Outcome.MAYBE)]


@pytest.mark.parametrize(
    ("status", "body", "failed", "given_up"),
    [
        (503, "<html>Service Unavailable</html>", 1, 0),
        (403, {"message": "Cannot send messages to this user", "code": 50007}, 0, 1),
    ],
)
async def test_a_failed_delivery_is_retried_or_given_up_as_classified(
    fake: FakeDiscord,
    core: Core,
    catalog: Catalog,
    clock: ManualClock,
    db: Database,
    status: int,
    body: Json | str,
    failed: int,
    given_up: int,
) -> None:
    """A nudge Discord fails with a 503 (an HTML body) is marked failed for a retry; one it
    refuses because the user's DMs are closed (403, 50007) is given up at once."""
    for line in FULL_DIALOGUE:
        await core.service.handle(Inbound(KEY, text=line, timezone_hint="UTC"))
    fake.fail("POST", r"/channels/\d+/messages", status, body, content_type="text/html")
    async with running(core) as adapter:
        scheduler = NudgeScheduler(
            db, catalog, clock, {"discord": adapter}, scheduler_config(core.settings)
        )
        clock.set(clock.now() + timedelta(days=15))
        report = await scheduler.run_once(clock.now())
    assert (report.delivered, report.failed, report.given_up) == (0, failed, given_up)


async def test_a_rate_limited_send_is_retried(
    fake: FakeDiscord, core: Core, catalog: Catalog
) -> None:
    """A 429 (with Discord's Via header) is retried by discord.py and the message arrives."""
    fake.fail(
        "POST",
        r"/channels/\d+/messages",
        429,
        {"message": "You are being rate limited.", "retry_after": 0.01, "global": False},
        headers={"Via": "1.1 google"},
    )
    async with running(core):
        await dm(fake, "hi", says(catalog, "setback.ask"))
    posts = fake.matching("POST", r"/channels/\d+/messages")
    assert len(posts) == 3
    assert posts[0].body == posts[1].body


async def test_deliver_splits_long_text_and_puts_buttons_last(
    fake: FakeDiscord, core: Core
) -> None:
    """A reply over 2,000 characters is split, each piece fits, and the buttons ride the last."""
    paragraph = "This sentence is part of a long paragraph. " * 20
    text = "\n\n".join([paragraph.strip()] * 6)
    buttons = tuple(Button(f"c{i}", f"Choice {i}") for i in range(7))
    message = Message(text, buttons=buttons, step="option", session_number=3)
    async with running(core) as adapter:
        await adapter.deliver(KEY, [message])
    posts = [r.body for r in fake.matching("POST", r"/channels/\d+/messages")]
    assert len(posts) > 1 and all(len(body["content"]) <= 2000 for body in posts)
    assert all(body["components"] == [] for body in posts[:-1])
    assert [len(row["components"]) for row in posts[-1]["components"]] == [5, 2]
