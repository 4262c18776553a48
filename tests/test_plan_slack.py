"""The plan on Slack end to end: `plan`, the Home tab, the largest card, against the fake that
enforces Slack's limits."""

from __future__ import annotations

import json

from bot.adapters.slack_adapter import SlackAdapter
from tests import slack_harness as on_slack
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.slack_harness import ALICE, DM, all_text, run_dialogue

# The Slack adapter's fixtures: the fake Web API, the adapter over HTTP, the signed sender.
fake, adapter, slack = on_slack.fake, on_slack.adapter, on_slack.slack

# An answer as long as a message may be, full of what Slack must escape.
LONG = ('Q&A <team> "quotes" & more. ' * 200)[:4000]


async def test_plan_in_the_dm_shows_the_card_again(slack: SlackSender, fake: FakeSlackApi) -> None:
    """After the summary, `plan` typed in the DM posts the same card again."""
    await run_dialogue(slack, fake, "My manager said no")
    summary = next(p for p in fake.posts(DM) if all_text(p).startswith("Your plan"))
    await slack.dm(ALICE, "plan")
    shown = fake.posts(DM)[-1]
    assert all_text(shown) == all_text(summary)
    assert "Next move: Ask again in March with a growth plan" in all_text(shown)


async def test_the_home_tab_shows_the_current_plan_and_the_next_revisit(
    slack: SlackSender, fake: FakeSlackApi
) -> None:
    """Opening the Home tab after a plan publishes its card and the next check-in first."""
    await run_dialogue(slack, fake, "My manager said no")
    await slack.event({"type": "app_home_opened", "user": ALICE, "channel": DM, "tab": "home"})
    [published] = fake.called("views.publish")
    assert published.args["_ok"] is True
    first = published.args["view"]["blocks"][0]["text"]["text"]
    assert first.startswith("Your current plan\nThe no: My manager said no")
    assert "Next check-in: " in first
    assert "Getting clear criteria for the promotion" in first


async def test_the_largest_card_is_accepted_by_slack(
    slack: SlackSender, fake: FakeSlackApi, adapter: SlackAdapter
) -> None:
    """With every typed answer 4,000 characters of text to escape, every post is accepted and
    the summary card is one message."""
    await run_dialogue(slack, fake, LONG, typed=LONG)
    await slack.dm(ALICE, "plan")
    refused = [c for c in fake.called("chat.postMessage") if not c.args["_ok"]]
    assert refused == []
    cards = [p for p in fake.posts(DM) if all_text(p).startswith("Your plan")]
    assert len(cards) == 2
    for card in cards:
        assert len(card.args["blocks"]) < 50
        assert "&amp;" in json.dumps(card.args["blocks"]) and "<team>" not in all_text(card)
