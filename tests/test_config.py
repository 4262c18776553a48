"""Settings from the environment: defaults, and one clear error listing every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_OPS_PORT, Settings
from bot.errors import ConfigError


def test_defaults_need_no_settings_at_all(tmp_path: Path) -> None:
    """With only a database path, every other setting has a sensible default."""
    settings = Settings.from_env({"REFRAME_DB": str(tmp_path / "r.db")})
    assert settings.default_timezone == "UTC"
    assert (settings.quiet_start, settings.quiet_end) == ("21:00", "08:00")
    assert settings.idle_days == 7 and settings.retention_days == 180
    assert not settings.slack_enabled and not settings.discord_enabled


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    """An unknown zone, bad quiet hours and a bad number come back in one error."""
    environ = {
        "REFRAME_DB": str(tmp_path / "r.db"),
        "DEFAULT_TIMEZONE": "Mars/Olympus",
        "QUIET_HOURS": "late-ish",
        "IDLE_DAYS": "soon",
    }
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(environ)
    message = str(caught.value)
    assert len(caught.value.problems) == 3
    for fragment in ("Mars/Olympus", "QUIET_HOURS", "IDLE_DAYS"):
        assert fragment in message


def test_slack_needs_a_mode(tmp_path: Path) -> None:
    """A Slack bot token without an app token or signing secret is a clear error."""
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        Settings.from_env({"REFRAME_DB": str(tmp_path / "r.db"), "SLACK_BOT_TOKEN": "xoxb-1"})


def oauth_environ(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The many-workspaces settings, with a fresh token key."""
    from cryptography.fernet import Fernet

    return {
        "REFRAME_DB": str(tmp_path / "r.db"),
        "SLACK_CLIENT_ID": "1.2",
        "SLACK_CLIENT_SECRET": "shh",
        "SLACK_SIGNING_SECRET": "sign",
        "SLACK_TOKEN_KEY": Fernet.generate_key().decode(),
        **extra,
    }


def test_client_id_and_secret_turn_on_many_workspaces(tmp_path: Path) -> None:
    """SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and a signing secret, no bot token: OAuth mode."""
    settings = Settings.from_env(oauth_environ(tmp_path))
    assert settings.slack_enabled and settings.slack_oauth
    assert not Settings.from_env({"REFRAME_DB": str(tmp_path / "r.db")}).slack_oauth


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"SLACK_TOKEN_KEY": ""}, "SLACK_TOKEN_KEY is not set"),
        ({"SLACK_TOKEN_KEY": "not-a-key"}, "SLACK_TOKEN_KEY: key 1 is not a Fernet key"),
        ({"SLACK_CLIENT_SECRET": ""}, "set both or neither"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "not both"),
        ({"SLACK_APP_TOKEN": "xapp-1"}, "unset SLACK_APP_TOKEN"),
        ({"SLACK_SIGNING_SECRET": ""}, "need SLACK_SIGNING_SECRET"),
    ],
    ids=["no-key", "bad-key", "half", "bot-token-too", "socket-mode", "no-signing-secret"],
)
def test_many_workspaces_settings_are_checked(
    tmp_path: Path, change: dict[str, str], fragment: str
) -> None:
    """A missing or malformed token key, or a mode that cannot serve OAuth, is a ConfigError."""
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(oauth_environ(tmp_path, **change))
    assert fragment in str(caught.value)
    assert "not-a-key" not in str(caught.value)


def test_values_are_read_and_trimmed(tmp_path: Path) -> None:
    """Settings are read from the mapping given, with whitespace trimmed."""
    settings = Settings.from_env(
        {
            "REFRAME_DB": str(tmp_path / "r.db"),
            "DEFAULT_TIMEZONE": " Europe/Berlin ",
            "QUIET_HOURS": "22:00-07:30",
            "DISCORD_TOKEN": "abc",
            "DISCORD_GUILD_ID": "123",
        }
    )
    assert settings.default_timezone == "Europe/Berlin"
    assert (settings.quiet_start, settings.quiet_end) == ("22:00", "07:30")
    assert settings.discord_enabled and settings.discord_guild_id == 123


def test_env_example_documents_every_setting() -> None:
    """Every variable Settings.from_env reads appears in .env.example, and nothing else does."""
    import re

    from tests.conftest import ROOT

    source = (ROOT / "bot" / "config.py").read_text()
    read = set(re.findall(r'(?:text|number)\(\s*"([A-Z_]+)"', source))
    documented = set(re.findall(r"^# ([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "the pattern must find the settings"
    assert read == documented


def test_the_ops_endpoint_is_on_for_run_and_off_for_chat_unless_set(tmp_path: Path) -> None:
    """Unset, OPS_PORT serves `run` on the default port and not `chat`; a port or `off` wins."""
    base = {"REFRAME_DB": str(tmp_path / "r.db")}
    unset = Settings.from_env(base)
    assert unset.ops_listen_port(serving=True) == DEFAULT_OPS_PORT
    assert unset.ops_listen_port(serving=False) is None
    chosen = Settings.from_env(base | {"OPS_PORT": "9100"})
    assert chosen.ops_listen_port(serving=True) == chosen.ops_listen_port(serving=False) == 9100
    off = Settings.from_env(base | {"OPS_PORT": "off"})
    assert off.ops_listen_port(serving=True) is None
    with pytest.raises(ConfigError, match="OPS_PORT"):
        Settings.from_env(base | {"OPS_PORT": "nine"})
