"""Ways Discord refuses this bot for good, each as our PlatformRefused with the fix.

Close codes from https://discord.com/developers/docs/topics/opcodes-and-status-codes
#gateway-gateway-close-event-codes: 4004, 4010-4014 mean "do not reconnect". discord.py
raises them out of Client.start() (other closes it resumes or re-identifies by itself).
"""

from __future__ import annotations

import discord

from bot.errors import PlatformRefused

FATAL_CLOSES = {
    4004: "authentication failed: reset the bot token (Developer Portal, Bot tab) and set "
    "DISCORD_TOKEN",
    4010: "invalid shard: check DISCORD_SHARD_IDS against DISCORD_SHARD_COUNT",
    4011: "sharding required: set DISCORD_SHARD_COUNT (or leave it unset for Discord's count)",
    4012: "invalid API version: upgrade reframe-coach (and discord.py)",
    4013: "invalid intents: upgrade reframe-coach",
    4014: "disallowed intents: the bot asks for a privileged intent the Developer Portal "
    "has not enabled",
}


def refusal(error: BaseException) -> PlatformRefused | None:
    """Our error for a refusal that no reconnect will fix, or None for anything else."""
    if isinstance(error, discord.LoginFailure):
        return PlatformRefused(f"Discord refused DISCORD_TOKEN (401): {FATAL_CLOSES[4004]}")
    if isinstance(error, discord.PrivilegedIntentsRequired):
        return PlatformRefused(f"Discord closed the gateway with 4014, {FATAL_CLOSES[4014]}")
    if isinstance(error, discord.ConnectionClosed) and error.code in FATAL_CLOSES:
        return PlatformRefused(
            f"Discord closed the gateway with {error.code}, {FATAL_CLOSES[error.code]}"
        )
    return None


def stopped(error: BaseException | None) -> PlatformRefused:
    """Why the Discord client ended on its own: a refusal, or what it raised."""
    if error is None:
        return PlatformRefused("the Discord client stopped by itself")
    return refusal(error) or PlatformRefused(f"the Discord client stopped: {type(error).__name__}")
