"""Issue 15's faults, each reproduced against the fake Slack with an injected clock: the real
Bolt app over HTTP, the real pipeline and SQLite file; each ends with the user's data intact
and the user told the truth (never "I couldn't save that" for an answer that was saved)."""

from __future__ import annotations

from datetime import timedelta

from bot.adapters.slack_adapter import SlackAdapter
from bot.adapters.slack_blocks import escape
from bot.clock import ManualClock
from bot.domain import UserKey
from bot.prompts import Catalog
from bot.scheduler import NudgeScheduler
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import FULL_DIALOGUE, say
from tests.fakes.slack_api import TEAM, Call, FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.slack_harness import adapter, fake, slack

__all__ = ["adapter", "fake", "slack"]  # the Slack fixtures, shared

ALICE = "U0ALICE"
DM = "D" + ALICE
ALICE_KEY = UserKey("slack", TEAM, ALICE)
HTML_500 = "<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>"


def texts(fake: FakeSlackApi, channel: str = DM) -> list[str]:
    """The texts posted to a channel, in order."""
    return [str(post.args.get("text")) for post in fake.posts(channel)]


def said(catalog: Catalog, key: str) -> str:
    """How a prompt's text starts once escaped for Slack (enough to recognise it)."""
    return escape(catalog.text(key).split("{")[0])[:50]


def told(fake: FakeSlackApi, catalog: Catalog, key: str, channel: str = DM) -> int:
    """How many posts to the channel say that prompt."""
    return sum(text.startswith(said(catalog, key)) for text in texts(fake, channel))


async def setback(db: Database, user: UserKey = ALICE_KEY) -> str | None:
    """The setback stored in the user's newest session."""
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=user)
    return (
        None if record is None or record.session is None else record.session.answers.get("setback")
    )


def nudges(fake: FakeSlackApi) -> list[Call]:
    """The nudges posted to Alice (messages with the nudge's buttons)."""
    return [post for post in fake.posts(DM) if "|nudge|" in str(post.args.get("blocks"))]


async def retry_pass(adapter: SlackAdapter, clock: ManualClock, after: timedelta) -> None:
    """Let `after` pass on the injected clock, then run the delivery retry pass."""
    clock.set(clock.now() + after)
    await adapter.core.pipeline.deliverer.run_once(clock.now())


async def test_a_reply_refused_after_the_answer_was_saved_is_retried_not_apologised_for(
    adapter: SlackAdapter,
    slack: SlackSender,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """chat.postMessage answers ok:false for the reply to a saved answer: the user is not told
    their answer was lost, and the retry pass delivers the question once Slack takes it."""
    await slack.dm(ALICE, "hi")
    fake.fail("chat.postMessage", error="internal_error")
    await slack.dm(ALICE, "My landlord said no")
    assert await setback(db) == "My landlord said no"
    assert told(fake, catalog, "ask.ask") == 0
    await retry_pass(adapter, clock, timedelta(minutes=1))
    assert told(fake, catalog, "ask.ask") == 1
    assert told(fake, catalog, "error.try_again") == 0


async def test_an_html_500_from_the_web_api_loses_no_first_message(
    adapter: SlackAdapter,
    slack: SlackSender,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """While every Web API call answers HTTP 500 with an HTML page, 35 new users' first DMs
    are acked and kept, the nudge pass does not crash, and each user gets the welcome once
    Slack recovers, with no apology."""
    users = [f"U{number:03d}NEW" for number in range(35)]
    fake.fail("*", status=500, body=HTML_500, content_type="text/html", times=None)
    for user in users:
        assert (await slack.dm(user, "My manager said no")).status == 200
    scheduler = NudgeScheduler(db, catalog, clock, {"slack": adapter})
    await scheduler.run_once(clock.now())
    fake.clear()
    await retry_pass(adapter, clock, timedelta(minutes=1))
    for user in users:
        assert await setback(db, UserKey("slack", TEAM, user)) == "My manager said no"
        posted = texts(fake, "D" + user)
        assert posted, f"{user} got no reply"
        assert not any(text.startswith(said(catalog, "error.try_again")) for text in posted)


async def test_a_15_minute_invalid_auth_outage_delays_a_nudge_and_never_loses_it(
    adapter: SlackAdapter,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
    service: CoachService,
) -> None:
    """Slack answers invalid_auth for 15 minutes (the token being replaced): the nudge is
    retried, not given up, and delivered exactly once when the token works again."""
    for line in FULL_DIALOGUE:
        await service.handle(say(line, ALICE_KEY))
    clock.set(clock.now() + timedelta(days=15))
    scheduler = NudgeScheduler(db, catalog, clock, {"slack": adapter})
    fake.fail("*", error="invalid_auth", times=None)
    outage_ends = clock.now() + timedelta(minutes=15)
    while clock.now() < outage_ends:
        await scheduler.run_once(clock.now())
        clock.set(clock.now() + timedelta(minutes=1))
    assert nudges(fake) == []
    fake.clear()
    for _ in range(20):  # the longest pause between tries is 15 minutes
        await scheduler.run_once(clock.now())
        clock.set(clock.now() + timedelta(minutes=1))
    assert len(nudges(fake)) == 1


async def test_replies_held_by_a_hung_web_api_all_arrive_and_nothing_is_refused_as_a_flood(
    adapter: SlackAdapter,
    slack: SlackSender,
    fake: FakeSlackApi,
    db: Database,
    catalog: Catalog,
    clock: ManualClock,
) -> None:
    """Every Web API call hangs while 12 users write at a normal pace (a message each 30 s):
    every message is acked at once and kept; once Slack answers again every user gets their
    replies, and no one is told they write too fast or that their words were lost."""
    users = [f"U{number:02d}PACE" for number in range(12)]
    hang = fake.hang("*")
    for round_ in range(3):
        for user in users:
            event = {"type": "message", "channel_type": "im", "channel": "D" + user}
            event |= {"user": user, "text": f"My manager said no ({round_})"}
            sent, _ = await slack.event(event, wait=False)
            assert sent.status == 200
        clock.set(clock.now() + timedelta(seconds=30))
    hang.release()
    fake.clear()
    await adapter.inbox.idle()
    await retry_pass(adapter, clock, timedelta(minutes=1))
    for user in users:
        assert await setback(db, UserKey("slack", TEAM, user)) == "My manager said no (0)"
        assert texts(fake, "D" + user)
        for key in ("error.busy", "error.try_again"):
            assert told(fake, catalog, key, "D" + user) == 0
