"""Discord's objects as the fake Discord sends them: users, messages, interactions, READY.

Shapes follow Discord's API v10 documentation closely enough for an unmodified discord.py.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiohttp import web

APP_ID = 900000000000000001
BOT_ID = 900000000000000002
COMMAND_ID = 900000000000000003
TIMESTAMP = "2026-11-25T09:00:00.000000+00:00"
Json = dict[str, Any]


def user_json(user_id: int, *, bot: bool = False) -> Json:
    """A Discord user object."""
    return {
        "id": str(user_id),
        "username": f"user{user_id}",
        "discriminator": "0",
        "global_name": None,
        "avatar": None,
        "bot": bot,
    }


def json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    """`data` as JSON with Content-Type exactly application/json."""
    # discord.py parses JSON only when Content-Type is exactly application/json, and aiohttp's
    # json_response appends "; charset=utf-8": build the response by hand.
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def message_json(
    message_id: int, channel_id: int, author: Json, content: str, body: Json | None = None
) -> Json:
    """A message object; `body` (what the client posted) gives content, flags and components."""
    body = body or {}
    return {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": body.get("content") or content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": body.get("flags", 0),
        "components": body.get("components", []),
    }


def interaction_json(
    interaction_id: int,
    kind: int,
    user_id: int,
    data: Json,
    *,
    channel: int,
    guild_id: int | None = None,
    message: Json | None = None,
    locale: str = "en-US",
) -> Json:
    """An INTERACTION_CREATE's data: in a guild's `channel` with guild_id, else in the DM
    `channel`; `message` is the one a pressed button was on."""
    payload: Json = {
        "id": str(interaction_id),
        "application_id": str(APP_ID),
        "type": kind,
        "token": f"token-{interaction_id}",
        "version": 1,
        "data": data,
        "locale": locale,
        "attachment_size_limit": 8_388_608,
        "entitlements": [],
        "app_permissions": "0",
    }
    if guild_id is not None:
        payload |= {
            "guild_id": str(guild_id),
            "channel_id": str(channel),
            "channel": {
                "id": str(channel),
                "type": 0,
                "guild_id": str(guild_id),
                "name": "general",
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
            },
            "member": {
                "user": user_json(user_id),
                "roles": [],
                "joined_at": TIMESTAMP,
                "deaf": False,
                "mute": False,
                "flags": 0,
                "permissions": "0",
            },
            "authorizing_integration_owners": {"0": str(guild_id)},
            "context": 0,
        }
    else:
        payload |= {
            "channel_id": str(channel),
            "channel": {"id": str(channel), "type": 1, "recipients": [user_json(user_id)]},
            "user": user_json(user_id),
            "authorizing_integration_owners": {"0": str(user_id)},
            "context": 1,
        }
    if message is not None:
        payload["message"] = message
    return payload


def ready_json(seq: int, shard: int, count: int, gateway_url: str) -> Json:
    """The READY dispatch answering an IDENTIFY for shard [shard, count]."""
    return {
        "op": 0,
        "t": "READY",
        "s": seq,
        "d": {
            "v": 10,
            "user": user_json(BOT_ID, bot=True),
            "guilds": [],
            "session_id": f"fake-session-{shard}",
            "resume_gateway_url": gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
            "shard": [shard, count],
        },
    }


def gateway_bot_json(gateway_url: str, shards: int) -> Json:
    """GET /gateway/bot: the URL, the recommended shard count, a generous start limit."""
    return {
        "url": gateway_url,
        "shards": shards,
        "session_start_limit": {
            "total": 1000,
            "remaining": 1000,
            "reset_after": 0,
            "max_concurrency": 1,
        },
    }


def application_json() -> Json:
    """GET /oauth2/applications/@me: the bot's application."""
    return {
        "id": str(APP_ID),
        "name": "Reframe Coach",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user_json(1),
        "verify_key": "0" * 64,
        "flags": 0,
        "interactions_endpoint_url": None,
    }
