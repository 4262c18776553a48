"""The pure Slack payload parsers: right Inbound for good payloads, None (never an error) else."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters import slack_payloads as payloads
from bot.domain import InboundKind, Origin, UserKey

ALICE = UserKey("slack", "T1", "U1")
PARSERS = (
    payloads.direct_message,
    payloads.mention,
    payloads.home_opened,
    payloads.slash_command,
    payloads.button_press,
    payloads.user_timezone,
    payloads.channel_id,
)


def dm_body(**event: Any) -> dict[str, Any]:
    """A message.im event callback, with the event's fields overridden."""
    base = {"type": "message", "channel_type": "im", "channel": "D1", "user": "U1", "text": "hi"}
    return {"team_id": "T1", "event_id": "Ev1", "event": {**base, **event}}


def test_direct_message_becomes_a_message_inbound() -> None:
    """A typed DM becomes a MESSAGE with the event id, Slack's entities decoded."""
    parsed = payloads.direct_message(dm_body(text="a &lt;b&gt; &amp;amp; c"))
    assert parsed is not None and parsed.inbound is not None
    assert parsed.channel_id == "D1"
    assert parsed.inbound.user == ALICE
    assert parsed.inbound.kind is InboundKind.MESSAGE
    assert parsed.inbound.text == "a <b> &amp; c"
    assert parsed.inbound.event_id == "Ev1"


def test_direct_message_ignores_edits_bots_channels_and_blanks() -> None:
    """Edits, deletions, bot posts, channel messages and empty text are not turns."""
    for event in (
        {"subtype": "message_changed"},
        {"subtype": "message_deleted"},
        {"bot_id": "B1"},
        {"channel_type": "channel"},
        {"text": "   "},
        {"text": None},
        {"user": "bad id with spaces"},
    ):
        assert payloads.direct_message(dm_body(**event)) is None, event


def test_slash_command_in_a_channel_and_in_a_dm() -> None:
    """In a channel /reframe keeps the channel as origin; in a DM it has none."""
    body = {"command": "/reframe", "text": " help ", "user_id": "U1", "team_id": "T1"}
    in_channel = payloads.slash_command({**body, "channel_id": "C9", "response_url": "http://r"})
    assert in_channel is not None and not in_channel.in_dm
    assert in_channel.inbound.kind is InboundKind.START
    assert in_channel.inbound.text == "help"
    assert in_channel.inbound.origin == Origin("C9")
    assert in_channel.response_url == "http://r"
    in_dm = payloads.slash_command({**body, "channel_id": "D9"})
    assert in_dm is not None and in_dm.in_dm and in_dm.inbound.origin == Origin(None)
    assert payloads.slash_command({**body, "command": "/other", "channel_id": "C9"}) is None


def test_button_round_trip() -> None:
    """A button's encoding comes back as the same choice, step and session number."""
    action_id, value = payloads.encode_button("nudge", "snooze", 12)
    assert len(action_id) <= 255 and len(value) <= 2000
    body = {
        "type": "block_actions",
        "user": {"id": "U1", "team_id": "T1"},
        "team": {"id": "T1"},
        "channel": {"id": "D1"},
        "message": {"ts": "1700000000.000100", "blocks": [{"type": "section"}, "junk"]},
        "actions": [{"action_id": action_id, "value": value, "text": {"text": "Not yet"}}],
    }
    press = payloads.button_press(body)
    assert press is not None
    assert press.inbound.kind is InboundKind.BUTTON
    assert (press.inbound.choice, press.inbound.button_step) == ("snooze", "nudge")
    assert press.inbound.session_number == 12
    assert press.message_ts == "1700000000.000100"
    assert press.label == "Not yet"
    assert press.blocks == ({"type": "section"},)


def test_foreign_or_broken_buttons_are_ignored() -> None:
    """Buttons that are not the coach's, or whose value was tampered with, give None."""
    assert payloads.decode_button("1|boundary|soft") == (1, "boundary", "soft")
    assert payloads.decode_button("|summary|share") == (None, "summary", "share")
    for value in ("", "1|2", "x|boundary|soft", "1|Bad Step|soft", "1|a|b|c", None, 5, "9" * 20):
        assert payloads.decode_button(value) is None, value


def test_mention_and_home() -> None:
    """A channel mention is a START remembering the channel; Home only for the home tab."""
    body = {"team_id": "T1", "event_id": "Ev2"}
    mention = payloads.mention(
        {**body, "event": {"type": "app_mention", "user": "U1", "channel": "C1"}}
    )
    assert mention is not None and mention.inbound.origin == Origin("C1")
    assert mention.inbound.kind is InboundKind.START and mention.inbound.text == ""
    home = {"type": "app_home_opened", "user": "U1", "tab": "home"}
    assert payloads.home_opened({**body, "event": home}) == ALICE
    assert payloads.home_opened({**body, "event": {**home, "tab": "messages"}}) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)
# Real keys, so the fuzzer reaches past the first lookup.
KEYS = (
    "type",
    "event",
    "team_id",
    "event_id",
    "user",
    "channel",
    "channel_type",
    "text",
    "actions",
    "team",
    "message",
    "command",
    "user_id",
    "channel_id",
    "value",
    "action_id",
    "tab",
)
shaped = st.dictionaries(st.sampled_from(KEYS), json_values, max_size=8)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.one_of(json_values, shaped, st.dictionaries(st.sampled_from(KEYS), shaped, max_size=4)))
def test_parsers_never_raise(body: Any) -> None:
    """Whatever JSON arrives, every parser returns a value or None and never raises."""
    for parse in PARSERS:
        parse(body)


def test_huge_and_wrongly_typed_input_gives_none() -> None:
    """Huge text, lists where dicts belong and numbers where strings belong give None."""
    assert payloads.direct_message(dm_body(text="x" * (payloads.MAX_TEXT + 1))) is None
    assert payloads.direct_message({"event": ["not", "a", "dict"]}) is None
    assert payloads.direct_message(dm_body(user=42)) is None
    assert payloads.button_press({"type": "block_actions", "actions": {"a": 1}}) is None
    assert payloads.slash_command(json.loads('{"command": "/reframe", "user_id": []}')) is None
    assert payloads.user_timezone({"user": {"tz": "\x00bad"}}) is None


def test_a_file_shared_with_a_caption_is_read_as_its_caption() -> None:
    """A DM with files (subtype file_share) becomes a message of its caption, marked as
    having files; a file with no caption has no message but is still noticed."""
    parsed = payloads.direct_message(dm_body(subtype="file_share", text="my offer letter"))
    assert parsed is not None and parsed.files and parsed.inbound is not None
    assert parsed.inbound.text == "my offer letter"
    alone = payloads.direct_message(dm_body(subtype="file_share", text=""))
    assert alone is not None and alone.files and alone.inbound is None
    assert payloads.direct_message(dm_body(text="")) is None


def test_a_reply_in_a_thread_keeps_its_thread() -> None:
    """A DM written in a thread carries its thread_ts; one at the root carries none."""
    threaded = payloads.direct_message(dm_body(thread_ts="1700000000.000100", ts="1.2"))
    assert threaded is not None and threaded.thread_ts == "1700000000.000100"
    root = payloads.direct_message(dm_body())
    assert root is not None and root.thread_ts is None
    assert payloads.direct_message(dm_body(thread_ts={"x": 1})) is not None


# Every payload kind as Slack sends it for an org-wide (Enterprise Grid) installation of
# organization E1, from user U1 whose home workspace is T1.
GRID_EVENT = {
    "team_id": "T2",
    "enterprise_id": "E1",
    "event_id": "Ev1",
    "authorizations": [
        {"enterprise_id": "E1", "team_id": None, "user_id": "U0BOT", "is_enterprise_install": True}
    ],
}
GRID_KINDS: dict[str, dict[str, Any]] = {
    "message event": {
        **GRID_EVENT,
        "event": {
            "type": "message",
            "channel_type": "im",
            "channel": "D1",
            "user": "U1",
            "text": "hi",
        },
    },
    "app_home_opened": {
        **GRID_EVENT,
        "event": {"type": "app_home_opened", "user": "U1", "tab": "home", "channel": "D1"},
    },
    "slash command": {
        "command": "/reframe",
        "text": "no raise",
        "user_id": "U1",
        "team_id": "T2",
        "enterprise_id": "E1",
        "is_enterprise_install": "true",
        "channel_id": "C1",
    },
    "block_actions": {
        "type": "block_actions",
        "team": None,
        "enterprise": {"id": "E1", "name": "Org"},
        "is_enterprise_install": True,
        "user": {"id": "U1", "team_id": "T1"},
        "channel": {"id": "D1"},
        "actions": [{"action_id": "reframe:boundary:soft", "value": "1|boundary|soft"}],
    },
}


def _user(kind: str, body: dict[str, Any]) -> UserKey | None:
    """The user key a payload kind's parser gives."""
    if kind == "message event":
        parsed = payloads.direct_message(body)
        return parsed.inbound.user if parsed and parsed.inbound else None
    if kind == "app_home_opened":
        return payloads.home_opened(body)
    if kind == "slash command":
        command = payloads.slash_command(body)
        return command.inbound.user if command else None
    press = payloads.button_press(body)
    return press.inbound.user if press else None


def test_an_org_wide_install_keys_every_payload_kind_by_the_organization() -> None:
    """For an org-wide install, a message, the Home tab, /reframe and a button press from
    the same person all give one key (the organization's id), whether a payload carries
    team, team: null with user.team_id, or enterprise."""
    keys = {kind: _user(kind, body) for kind, body in GRID_KINDS.items()}
    assert set(keys.values()) == {UserKey("slack", "E1", "U1")}, keys


def test_a_single_workspace_install_keys_every_payload_kind_by_the_workspace() -> None:
    """The same payloads from a workspace's own install (no org-wide flag) give the
    workspace's id, wherever the payload keeps it."""
    plain = {
        "message event": {
            **GRID_KINDS["message event"],
            "authorizations": [],
            "enterprise_id": None,
            "team_id": "T1",
        },
        "app_home_opened": {**GRID_KINDS["app_home_opened"], "authorizations": [], "team_id": "T1"},
        "slash command": {
            **GRID_KINDS["slash command"],
            "is_enterprise_install": "false",
            "team_id": "T1",
        },
        "block_actions": {**GRID_KINDS["block_actions"], "is_enterprise_install": False},
    }
    keys = {kind: _user(kind, body) for kind, body in plain.items()}
    assert set(keys.values()) == {UserKey("slack", "T1", "U1")}, keys
