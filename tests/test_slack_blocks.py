"""Block Kit rendering: escaping, Slack's size limits, buttons and the answered message."""

from __future__ import annotations

from bot.adapters import slack_blocks as blocks
from bot.adapters.slack_payloads import decode_button
from bot.domain import Button, Message


def sections(payload: blocks.Payload) -> list[str]:
    """The mrkdwn texts of a payload's sections."""
    return [b["text"]["text"] for b in payload.blocks if b["type"] == "section"]


def test_escape_stops_mentions_and_links() -> None:
    """`<!channel>`, `<@U1>` and `&` come out as literal text, never as Slack markup."""
    assert blocks.escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    [payload] = blocks.message_payloads(Message("Your no: <!here>"))
    assert sections(payload) == ["Your no: &lt;!here&gt;"]
    assert payload.blocks[0]["text"]["verbatim"] is True
    assert "<" not in payload.text


def test_long_text_is_split_within_section_and_block_limits() -> None:
    """A very long reply becomes sections of at most 3000 chars, at most 50 blocks a message."""
    paragraph = "A sentence that goes on for a while. " * 40
    text = "\n\n".join([paragraph] * 150)
    payloads_ = blocks.message_payloads(
        Message(text, (Button("yes", "Yes"),), step="nudge", session_number=3)
    )
    assert len(payloads_) > 1
    assert all(len(p.blocks) <= blocks.MAX_BLOCKS for p in payloads_)
    assert all(len(s) <= blocks.SECTION_LIMIT for p in payloads_ for s in sections(p))
    assert [b["type"] for p in payloads_ for b in p.blocks].count("actions") == 1
    assert payloads_[-1].blocks[-1]["type"] == "actions"
    rebuilt = " ".join(s for p in payloads_ for s in sections(p))
    assert rebuilt.split() == text.split()


def test_escaping_never_pushes_a_section_over_the_limit() -> None:
    """Text made of escapable characters still fits: escaping happens before the cut is checked."""
    pieces = blocks.escaped_pieces("<&>" * 2500)
    assert all(len(piece) <= blocks.SECTION_LIMIT for piece in pieces)
    assert "".join(pieces) == blocks.escape("<&>" * 2500)


def test_buttons_carry_the_step_and_session() -> None:
    """Each button has a unique action_id and a value that decodes to its choice."""
    message = Message(
        "Hard or soft?",
        (Button("hard", "Hard boundary"), Button("soft", "S" * 100)),
        step="boundary",
        session_number=4,
    )
    [row] = blocks.button_rows(message)
    ids = [e["action_id"] for e in row["elements"]]
    assert len(set(ids)) == 2
    assert [decode_button(e["value"]) for e in row["elements"]] == [
        (4, "boundary", "hard"),
        (4, "boundary", "soft"),
    ]
    assert len(row["elements"][1]["text"]["text"]) == blocks.BUTTON_TEXT_LIMIT


def test_answered_message_loses_its_buttons() -> None:
    """After a press the message keeps its text, drops the buttons and shows the answer."""
    [payload] = blocks.message_payloads(
        Message("Q?", (Button("a", "<A>"),), step="timing", session_number=1)
    )
    answered = blocks.answered_blocks(payload.blocks, "<A>")
    assert [b["type"] for b in answered] == ["section", "context"]
    assert answered[-1]["elements"][0] == {"type": "plain_text", "text": "✓ <A>", "emoji": True}


def test_home_view_has_one_part_per_message() -> None:
    """The Home view shows each overview message, divided, escaped."""
    view = blocks.home_view([Message("a"), Message("b <c>"), Message("d")])
    assert view["type"] == "home"
    assert [b["type"] for b in view["blocks"]] == [
        "section",
        "divider",
        "section",
        "divider",
        "section",
    ]
    assert view["blocks"][2]["text"]["text"] == "b &lt;c&gt;"
