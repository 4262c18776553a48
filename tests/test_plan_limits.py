"""The plan card never exceeds a platform's limits: Slack's Block Kit and Discord's 2,000."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import timedelta
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import engine, plan
from bot.adapters import discord_payloads, slack_blocks
from bot.domain import Message, Reply, Session, Status, Step
from bot.preferences import QuietHours
from bot.prompts import Catalog
from tests.conftest import ALICE, START
from tests.fakes import slack_limits
from tests.fakes.slack_api import FakeSlackApi

WORDS = ("setback", "option_detail", "question", "success", "control", "helpers", "next_move")
NOTES = tuple(f"{choice}_note" for choice in plan.NOTED_CHOICES)
# Characters that stretch a card most: '&' escapes to five in Slack, quotes and end marks.
CHARS = st.sampled_from(["a", "B", " ", "&", "<", ">", '"', "'", ".", "!", "?", "\n", "é", "🙂"])
ANSWER = st.text(CHARS, max_size=4000)


def session_of(answers: Mapping[str, str], number: int = 1) -> Session:
    """A finished plan with these answers and a revisit a week on."""
    return Session(
        user=ALICE,
        number=number,
        step=Step.SUMMARY,
        status=Status.FINISHED,
        answers=MappingProxyType(dict(answers)),
        revisit_at=START + timedelta(days=7),
        started_at=START,
        updated_at=START,
    )


def largest_answers(char: str = "&") -> dict[str, str]:
    """Every card line at its longest: 4,000 characters each, of a character Slack escapes."""
    answers = {name: char * 4000 for name in (*WORDS, *NOTES)}
    answers.update(boundary="soft", timing="maybe", option="bundle", calm=char * 4000)
    return answers


def card_messages(catalog: Catalog, sessions: list[Session]) -> Iterator[tuple[str, Message]]:
    """Every message that carries a card: summary, nudge, `plan`, `plan` with the list."""
    newest = sessions[0]

    def render(reply: Reply) -> Message:
        return catalog.message(
            reply, "Europe/Berlin", session_number=newest.number, now=START, quiet=QuietHours()
        )

    for reply in engine.summary_replies(newest):
        yield "summary", render(reply)
    yield "nudge", render(engine.nudge_reply(newest))
    yield "plan", render(plan.plan_command_reply(sessions[:1]))
    yield "plan list", render(plan.plan_command_reply(sessions))


def assert_within_limits(message: Message) -> None:
    """Slack accepts every payload of the message, and every Discord piece fits."""
    for payload in slack_blocks.message_payloads(message):
        args = {"text": payload.text, "blocks": payload.blocks}
        assert slack_limits.refusal("chat.postMessage", args) is None
    for piece in discord_payloads.pieces(message):
        assert len(piece.text) <= discord_payloads.MESSAGE_LIMIT


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=st.fixed_dictionaries({name: ANSWER for name in (*WORDS, *NOTES, "calm")}),
    older=st.lists(ANSWER, max_size=6),
)
def test_no_card_exceeds_a_platform_limit(
    catalog: Catalog, answers: dict[str, str], older: list[str]
) -> None:
    """Whatever was typed, every card message fits Slack's Block Kit and Discord's 2,000."""
    answers.update(boundary="soft", timing="maybe", option="timeline")
    sessions = [session_of(answers, len(older) + 1)]
    sessions += [session_of({"setback": words}, n) for n, words in enumerate(older, 1)][::-1]
    for kind, message in card_messages(catalog, sessions):
        assert_within_limits(message)
        if kind != "plan list":
            # The card itself is one Discord message, never split.
            assert len(discord_payloads.pieces(message)) == 1


@pytest.mark.parametrize("char", ["&", "a", "🙂"])
def test_the_largest_card_is_one_message_everywhere(catalog: Catalog, char: str) -> None:
    """With every answer at 4,000 characters the card is one Slack message and one Discord one."""
    session = session_of(largest_answers(char))
    for kind, message in card_messages(catalog, [session]):
        assert_within_limits(message)
        assert len(slack_blocks.message_payloads(message)) == 1, kind
        assert len(message.text) <= discord_payloads.MESSAGE_LIMIT, kind


def largest_sizes(catalog: Catalog) -> dict[str, int]:
    """The largest card's figures: characters, Slack's escaped section text and blocks."""
    [summary, _] = engine.summary_replies(session_of(largest_answers()))
    message = catalog.message(summary, "Europe/Berlin", session_number=1, now=START)
    [payload] = slack_blocks.message_payloads(message)
    sections = [b["text"]["text"] for b in payload.blocks if b["type"] == "section"]
    return {
        "characters": len(message.text),
        "slack_blocks": len(payload.blocks),
        "slack_largest_section": max(len(text) for text in sections),
        "discord_pieces": len(discord_payloads.pieces(message)),
    }


def test_the_largest_card_figures(catalog: Catalog) -> None:
    """The figures the README quotes: under 2,000 characters, sections under 3,000."""
    sizes = largest_sizes(catalog)
    assert sizes["characters"] <= 2000 and sizes["discord_pieces"] == 1
    assert sizes["slack_largest_section"] <= slack_limits.SECTION_TEXT
    assert sizes["slack_blocks"] <= slack_limits.MESSAGE_BLOCKS


async def test_the_fake_slack_refuses_what_slack_refuses() -> None:
    """Over 50 blocks or 3,000 characters a section: invalid_blocks; 40,001 characters:
    msg_too_long; the same call within the limits is accepted."""
    async with FakeSlackApi() as fake:
        client = AsyncWebClient(token="xoxb-test", base_url=fake.base_url)
        section = slack_blocks.section("x" * 3000)
        cases = [
            ("invalid_blocks", "t", [section] * 51),
            ("invalid_blocks", "t", [slack_blocks.section("y" * 3001)]),
            ("msg_too_long", "x" * 40_001, None),
        ]
        for error, text, blocks in cases:
            with pytest.raises(SlackApiError) as refused:
                await client.chat_postMessage(channel="D1", text=text, blocks=blocks)
            assert refused.value.response["error"] == error
        accepted = await client.chat_postMessage(channel="D1", text="t", blocks=[section] * 50)
        assert accepted["ok"] is True
        with pytest.raises(SlackApiError) as home:
            await client.views_publish(
                user_id="U1", view={"type": "home", "blocks": [section] * 101}
            )
        assert home.value.response["error"] == "invalid_blocks"
        assert not fake.posts()[:-1] and len(fake.posts()) == 1


def test_a_card_with_skipped_lines_is_still_valid(catalog: Catalog) -> None:
    """A plan of one line (everything else skipped) renders without an empty block."""
    session = replace(session_of({"setback": "No"}), revisit_at=None)
    for _, message in card_messages(catalog, [session]):
        assert_within_limits(message)
