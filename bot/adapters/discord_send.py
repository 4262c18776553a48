"""Sending coach messages on Discord: pieces within the limits, buttons, files, no mentions."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import discord

from bot.adapters import discord_errors
from bot.adapters.discord_payloads import Piece, pieces
from bot.adapters.discord_views import choice_view
from bot.domain import Attachment, Message

# User text is echoed back: never let it ping anyone (PLATFORMS.md).
NO_MENTIONS = discord.AllowedMentions.none()


async def send(channel: discord.abc.Messageable, messages: Sequence[Message]) -> None:
    """Send each piece to a channel; DeliveryError (classified) when Discord refuses one."""
    try:
        for piece in all_pieces(messages):
            await channel.send(piece.text, allowed_mentions=NO_MENTIONS, **extras(piece))
    except Exception as error:
        raise discord_errors.classify(error, "send") from error


async def send_text(channel: discord.abc.Messageable, text: str) -> None:
    """Send one plain text; DeliveryError (classified) when Discord refuses it."""
    try:
        await channel.send(text, allowed_mentions=NO_MENTIONS)
    except Exception as error:
        raise discord_errors.classify(error, "send") from error


async def followup(
    webhook: discord.Webhook, messages: Sequence[Message], *, ephemeral: bool
) -> None:
    """Send each piece as an interaction followup; DeliveryError (classified) when refused."""
    try:
        for piece in all_pieces(messages):
            await webhook.send(
                piece.text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, **extras(piece)
            )
    except Exception as error:
        raise discord_errors.classify(error, "followup") from error


def extras(piece: Piece) -> dict[str, Any]:
    """The buttons and file that go with one piece of a message, as send() keywords."""
    extra: dict[str, Any] = {}
    view = choice_view(piece.buttons)
    if view is not None:
        extra["view"] = view
    if piece.attachment is not None:
        extra["file"] = _file(piece.attachment)
    return extra


def all_pieces(messages: Sequence[Message]) -> list[Piece]:
    """Every message cut to Discord's limits, in order."""
    return [piece for message in messages for piece in pieces(message)]


def _file(attachment: Attachment) -> discord.File:
    return discord.File(io.BytesIO(attachment.content), filename=attachment.filename)
