"""Slack's failures, classified once at the adapter's edge: retry later, or give up for good.

`classify(error, method)` turns anything a slack_sdk call can raise into a DeliveryError:

- retryable: HTTP 5xx, 429 (with its Retry-After), timeouts, network errors, a body that is
  not JSON (an HTML error page), Slack's transient codes (`internal_error`, `fatal_error`,
  `service_unavailable`, `ratelimited`) and any code not listed below;
- retryable, too: `invalid_auth`, `not_authed`, `token_expired`. Slack answers these while a
  token is being replaced, so a 15-minute outage must not lose a nudge; the outbox's backoff
  (up to 24 h) bounds the retries. A token that cannot be renewed is permanent instead:
  `refresh_failed()` classifies a failed refresh (oauth.v2.access);
- permanent: the workspace or user is gone or will not take messages (`account_inactive`,
  `token_revoked`, `user_not_found`, `cannot_dm_bot`, ...), and requests that no retry can
  make valid (`invalid_blocks`, `msg_too_long`, a request slack_sdk refused to build).

`SlackApiError.response` is usually an AsyncSlackResponse whose `data` is a dict, but a body
that is not JSON leaves it a str, bytes or an empty dict, and a body that claims to be JSON
and is not leaves an aiohttp ClientResponse there instead: nothing here assumes a shape, and
classification never raises. Messages are log-safe: a method, a code, a status, a type name.
Codes from https://api.slack.com/methods/chat.postMessage and
https://api.slack.com/methods/conversations.open (Errors).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import aiohttp
from slack_sdk.errors import SlackApiError, SlackRequestError, SlackTokenRotationError

from bot.errors import DeliveryError

# A token Slack no longer accepts, possibly only for now (it is being replaced).
AUTH_CODES = frozenset({"invalid_auth", "not_authed", "token_expired"})
# The workspace, app or user is gone, or the request itself can never succeed.
PERMANENT_CODES = frozenset(
    {
        "account_inactive",
        "token_revoked",
        "app_uninstalled",
        "team_access_not_granted",
        "ekm_access_denied",
        "no_permission",
        "missing_scope",
        "not_allowed_token_type",
        "restricted_action",
        "user_not_found",
        "users_not_found",
        "user_disabled",
        "user_not_visible",
        "cannot_dm_bot",
        "channel_not_found",
        "is_archived",
        "not_in_channel",
        "msg_too_long",
        "no_text",
        "invalid_blocks",
        "invalid_arguments",
        "invalid_arg_name",
        "invalid_array_arg",
        "invalid_charset",
        "invalid_form_data",
        "too_many_attachments",
        "method_deprecated",
        "deprecated_endpoint",
    }
)
# A refresh (oauth.v2.access) answered with these will fail the same way next time.
REFRESH_REFUSED = AUTH_CODES | {"invalid_refresh_token", "invalid_client_id", "bad_client_secret"}


def classify(error: BaseException, method: str) -> DeliveryError:
    """What a failed Web API call means: a DeliveryError, permanent only when no retry helps.

    `method` names the call in the message ("chat.postMessage"). Never raises.
    """
    if isinstance(error, DeliveryError):
        return error
    if isinstance(error, SlackTokenRotationError):
        return refresh_failed(error.api_error, method)
    if isinstance(error, SlackApiError):
        return _api_error(error, method)
    if isinstance(error, SlackRequestError):
        # slack_sdk refused to build the request (bad arguments): sending it again cannot help.
        return DeliveryError(f"{method}: request not sent ({type(error).__name__})", permanent=True)
    if isinstance(error, aiohttp.ClientResponseError):
        return _status_error(method, error.status, error.headers, "")
    if isinstance(error, (TimeoutError, asyncio.TimeoutError)):
        return DeliveryError(f"{method}: timed out")
    # Network errors, a closed session, and whatever slack_sdk raises on a body it cannot
    # read: trying again later is the safe answer, bounded by the outbox's backoff.
    return DeliveryError(f"{method}: {type(error).__name__}")


def refresh_failed(error: BaseException, method: str = "oauth.v2.access") -> DeliveryError:
    """A token refresh that failed: permanent when Slack refused the refresh itself."""
    if not isinstance(error, SlackApiError):
        return classify(error, method)
    code = error_code(error)
    if code in REFRESH_REFUSED:
        return DeliveryError(f"{method}: token refresh refused ({code})", permanent=True)
    return _api_error(error, method)


def error_code(error: BaseException) -> str | None:
    """Slack's `error` code in a failed call's body, or None when the body has none."""
    data = _data(getattr(error, "response", None))
    code = data.get("error") if isinstance(data, Mapping) else None
    return code if isinstance(code, str) else None


def reason(error: BaseException) -> str:
    """A log-safe reason: Slack's error code, or the exception's type."""
    return error_code(error) or type(error).__name__


def _api_error(error: SlackApiError, method: str) -> DeliveryError:
    response = getattr(error, "response", None)
    status = _status(response)
    code = error_code(error)
    if code is None:
        return _status_error(method, status, _headers(response), "not JSON")
    if status == 429 or code in ("ratelimited", "rate_limited"):
        return DeliveryError(f"{method}: {code}", retry_after=_retry_after(_headers(response)))
    if code in PERMANENT_CODES:
        return DeliveryError(f"{method}: {code}", permanent=True)
    return DeliveryError(f"{method}: {code}")


def _status_error(
    method: str, status: int | None, headers: Mapping[str, str] | None, what: str
) -> DeliveryError:
    """An answer without Slack's error code: a status only, retried (429 after its wait)."""
    label = f"HTTP {status}" if status is not None else "no status"
    label = f"{label} ({what})" if what else label
    retry_after = _retry_after(headers) if status == 429 else None
    return DeliveryError(f"{method}: {label}", retry_after=retry_after)


def _data(response: object) -> object:
    """The parsed body of a response of any shape; None when there is none to read."""
    if response is None:
        return None
    if isinstance(response, Mapping):
        return response
    try:
        return getattr(response, "data", None)
    except Exception:  # a property of an unknown response type: no body to read
        return None


def _status(response: object) -> int | None:
    for name in ("status_code", "status"):
        value = getattr(response, name, None)
        if isinstance(value, int):
            return value
    return None


def _headers(response: object) -> Mapping[str, str] | None:
    headers = getattr(response, "headers", None)
    return headers if isinstance(headers, Mapping) else None


def _retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Retry-After in seconds (Slack sends whole seconds); None when absent or unreadable."""
    if headers is None:
        return None
    try:
        value = headers.get("Retry-After") or headers.get("retry-after")
        seconds = float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return seconds if seconds is not None and seconds >= 0 else None
