"""Discord's failures, classified once at the adapter's edge: retry later, or give up for good.

`classify(error, what)` turns anything a discord.py send can raise into a DeliveryError:

- retryable: 5xx (DiscordServerError, after discord.py's own retries), 429 (RateLimited when
  the wait exceeds max_ratelimit_timeout, or an HTTPException 429 that discord.py took for a
  Cloudflare ban) with its wait, timeouts, network errors, a closed connection, 401 (a token
  being replaced: the outbox's backoff, up to 24 h, bounds it, as Slack's invalid_auth);
- permanent: DMs closed or the user unreachable (Forbidden, e.g. 50007 "Cannot send messages
  to this user"), the user, channel or interaction gone (NotFound: 10003, 10013, 10062), and
  any other 4xx (a request Discord will refuse the same way every time).

`HTTPException.text` may be an HTML page (a 5xx from a proxy); it never reaches the message.
Codes from https://discord.com/developers/docs/topics/opcodes-and-status-codes (JSON error
codes). Never raises.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import discord

from bot.errors import DeliveryError

# HTTP statuses a retry can outlive: a token being replaced, a timeout, a rate limit.
RETRYABLE_STATUSES = frozenset({401, 408, 429})


def classify(error: BaseException, what: str) -> DeliveryError:
    """What a failed Discord request means, as a DeliveryError; `what` names it in the message."""
    if isinstance(error, DeliveryError):
        return error
    if isinstance(error, discord.RateLimited):
        return DeliveryError(f"{what}: rate limited", retry_after=_seconds(error.retry_after))
    if isinstance(error, discord.HTTPException):
        return _http_error(error, what)
    if isinstance(error, (TimeoutError, asyncio.TimeoutError)):
        return DeliveryError(f"{what}: timed out")
    # aiohttp and OS errors, a closed gateway, a client not yet ready: all worth retrying.
    return DeliveryError(f"{what}: {type(error).__name__}")


def _http_error(error: discord.HTTPException, what: str) -> DeliveryError:
    status = error.status if isinstance(error.status, int) else 0
    code = error.code if isinstance(error.code, int) else 0
    label = f"{what}: HTTP {status}" + (f" (code {code})" if code else "")
    if status == 429:
        return DeliveryError(label, retry_after=_retry_after(error))
    if status >= 500 or status in RETRYABLE_STATUSES or status == 0:
        return DeliveryError(label)
    return DeliveryError(label, permanent=True)


def _retry_after(error: discord.HTTPException) -> float | None:
    """The wait Discord asked for, from the Retry-After header (discord.py keeps no body)."""
    headers = getattr(getattr(error, "response", None), "headers", None)
    return _seconds(headers.get("Retry-After")) if isinstance(headers, Mapping) else None


def _seconds(value: object) -> float | None:
    try:
        seconds = float(value)  # type: ignore[arg-type]  # checked by the except below
    except (TypeError, ValueError):
        return None
    return seconds if seconds >= 0 else None
