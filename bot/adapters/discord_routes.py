"""A stored Discord interaction read back: its kind, the coach's inbound, and the route its
replies take (the interaction's followup webhook while its token lives, else the DM)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import discord

from bot.adapters.discord_payloads import button_inbound, command_inbound, snowflake
from bot.domain import Inbound
from bot.errors import DeliveryError

COMMAND = "command"
BUTTON = "button"
# Route keys of a reply that answers an interaction (all values are strings).
VIA = "via"
INTERACTION = "interaction"
# Discord's interaction token lives 15 minutes; a followup sent in the last half minute
# might arrive after it, so the DM is used from then on.
TOKEN_LIFETIME = timedelta(minutes=15)
TOKEN_MARGIN = timedelta(seconds=30)


def is_interaction(route: Mapping[str, str] | None) -> bool:
    """Whether a reply's route answers an interaction."""
    return route is not None and route.get(VIA) == INTERACTION


def interaction_route(data: Mapping[str, Any]) -> dict[str, str]:
    """Where replies to a stored interaction go: its webhook while the token is valid; the
    DM it came from (or the user's DM, opened then) after that."""
    route = {
        VIA: INTERACTION,
        "interaction": str(data.get("interaction_id", "")),
        "application_id": str(data.get("application_id", "")),
        "token": str(data.get("token", "")),
        "expires": str(data.get("expires", "")),
    }
    if data.get("guild_id") is None:
        route["dm"] = str(data.get("channel_id", ""))
    else:
        # A followup in a guild channel would be seen by everyone there.
        route["ephemeral"] = "1"
    return route


def token_valid(route: Mapping[str, str], now: datetime) -> bool:
    """Whether the interaction token of a route can still be used at `now` (UTC)."""
    try:
        expires = datetime.fromisoformat(route.get("expires", ""))
    except ValueError:
        return False
    return now < expires - TOKEN_MARGIN and bool(route.get("token"))


def stored_inbound(kind: str, data: Mapping[str, Any]) -> Inbound | None:
    """The coach's view of a stored interaction, or None when it is not one of ours."""
    who = {key: data.get(key) for key in ("user_id", "interaction_id", "locale")}
    if kind == BUTTON:
        return button_inbound(custom_id=data.get("custom_id"), **who)
    if kind == COMMAND:
        where = {key: data.get(key) for key in ("guild_id", "channel_id", "setback")}
        return command_inbound(**where, **who)
    return None


def followup_webhook(client: discord.Client, route: Mapping[str, str]) -> discord.Webhook:
    """The interaction's followup webhook, as discord.py's Interaction.followup builds it."""
    application = snowflake(route.get("application_id"))
    if application is None:
        raise DeliveryError("no application id for the followup", permanent=True)
    data: Any = {"id": int(application), "type": 3, "token": route["token"]}
    return discord.Webhook.from_state(data=data, state=client._connection)
