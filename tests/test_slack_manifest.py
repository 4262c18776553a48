"""The Slack app manifest declares exactly what the adapter handles, with the scopes it needs.

The manifest is written in the JSON subset of YAML (PyYAML is not a dependency), so json reads it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.adapters import slack_payloads as payloads
from bot.adapters.slack_blocks import button_rows
from bot.adapters.slack_http import EVENTS_PATH
from bot.adapters.slack_listeners import COMMANDS, MANIFEST_EVENTS
from bot.adapters.slack_oauth import BOT_SCOPES, REDIRECT_PATH
from bot.domain import Button, Message

MANIFEST = Path(__file__).resolve().parents[1] / "deploy" / "slack-manifest.yml"
# The Web API methods the adapter calls, and the bot scope each needs.
NEEDED_SCOPES = {
    "chat.postMessage": "chat:write",
    "chat.update": "chat:write",
    "chat.postEphemeral": "chat:write",
    "share note to a channel it has not joined": "chat:write.public",
    "conversations.open": "im:write",
    "users.info": "users:read",
    "files.uploadV2": "files:write",
    "/reframe": "commands",
    "message.im": "im:history",
    "app_mention": "app_mentions:read",
}


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    """The manifest, parsed."""
    parsed: dict[str, Any] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return parsed


def test_events_match_the_handlers(manifest: dict[str, Any]) -> None:
    """Every bot event subscribed is handled, and every handled event is subscribed."""
    declared = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert declared == set(MANIFEST_EVENTS)
    assert "user_events" not in manifest["settings"]["event_subscriptions"]


def test_commands_match_the_handlers(manifest: dict[str, Any]) -> None:
    """The only slash command declared is /reframe, the one the adapter listens to."""
    declared = [command["command"] for command in manifest["features"]["slash_commands"]]
    assert declared == list(COMMANDS) == [payloads.COMMAND]
    assert all(c["url"].endswith(EVENTS_PATH) for c in manifest["features"]["slash_commands"])


def test_interactivity_matches_the_buttons(manifest: dict[str, Any]) -> None:
    """Buttons are sent and handled, so interactivity is on; no shortcuts are declared unhandled."""
    rows = button_rows(Message("q", (Button("soft", "Soft"),), step="boundary", session_number=1))
    assert payloads.ACTION_PATTERN.match(rows[0]["elements"][0]["action_id"])
    interactivity = manifest["settings"]["interactivity"]
    assert interactivity["is_enabled"] is True
    assert interactivity["request_url"].endswith(EVENTS_PATH)
    assert "shortcuts" not in manifest["features"]
    assert manifest["settings"]["event_subscriptions"]["request_url"].endswith(EVENTS_PATH)


def test_home_tab_and_messages_tab_are_on(manifest: dict[str, Any]) -> None:
    """app_home_opened fills the Home tab, and users write to the coach in its Messages tab."""
    home = manifest["features"]["app_home"]
    assert home["home_tab_enabled"] is True
    assert home["messages_tab_enabled"] is True
    assert home["messages_tab_read_only_enabled"] is False


def test_scopes_are_exactly_the_needed_ones(manifest: dict[str, Any]) -> None:
    """The bot asks for every scope it uses and nothing more (im:read for the DM list)."""
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert scopes == {*NEEDED_SCOPES.values(), "im:read"}
    assert sorted(scopes) == sorted(BOT_SCOPES)  # what "Add to Slack" asks for
    assert "user" not in manifest["oauth_config"]["scopes"]


def test_distribution_redirect_url_is_the_one_served(manifest: dict[str, Any]) -> None:
    """The OAuth redirect URL declared is the path the coach serves for "Add to Slack"."""
    [url] = manifest["oauth_config"]["redirect_urls"]
    assert url.startswith("https://") and url.endswith(REDIRECT_PATH)
    assert {"app_uninstalled", "tokens_revoked"} <= set(MANIFEST_EVENTS)


def test_socket_mode_setting_is_present(manifest: dict[str, Any]) -> None:
    """The manifest says which mode it sets up (Socket Mode by default; SLACK.md explains HTTP)."""
    assert isinstance(manifest["settings"]["socket_mode_enabled"], bool)
    assert manifest["display_information"]["name"] == "Reframe Coach"
