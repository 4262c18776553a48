"""Errors classified once at each adapter's edge: real slack_sdk and discord.py exceptions,
raised by the real clients against the fault-injecting fakes, become one DeliveryError."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slack_sdk.errors import SlackApiError, SlackTokenRotationError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.adapters import discord_errors, slack_errors
from bot.errors import DeliveryError
from tests.fakes.slack_api import FakeSlackApi

HTML_500 = "<html><body><h1>500 Internal Server Error</h1></body></html>"


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    """The fake Slack Web API."""
    async with FakeSlackApi() as api:
        yield api


def slack_response(data: Any, status: int, headers: dict[str, str]) -> AsyncSlackResponse:
    """A Web API response as slack_sdk builds it, with any body."""
    return AsyncSlackResponse(
        client=None,
        http_verb="POST",
        api_url="https://slack.com/api/",
        req_args={},
        data=data,
        headers=headers,
        status_code=status,
    )


async def slack_failure(fake: FakeSlackApi, **fault: Any) -> DeliveryError:
    """Make one chat.postMessage fail as `fault` says; what the classifier makes of it."""
    fake.fail("chat.postMessage", **fault)
    client = AsyncWebClient(token="xoxb-test", base_url=fake.base_url, timeout=5)
    try:
        await client.chat_postMessage(channel="D1", text="hello")
    except Exception as error:
        return slack_errors.classify(error, "chat.postMessage")
    raise AssertionError("the fake answered the call")


@pytest.mark.parametrize(
    ("fault", "permanent", "says"),
    [
        ({"status": 500, "body": HTML_500, "content_type": "text/html"}, False, "HTTP 500"),
        ({"status": 500, "body": "upstream died", "content_type": "text/plain"}, False, "500"),
        ({"status": 502, "body": "{not json", "content_type": "application/json"}, False, "502"),
        ({"status": 200, "body": HTML_500, "content_type": "text/html"}, False, "HTTP 200"),
        ({"status": 200, "body": "ok", "content_type": "text/plain"}, False, "chat.postMessage"),
        ({"status": 503}, False, "fatal_error"),
        ({"error": "internal_error"}, False, "internal_error"),
        ({"error": "a_code_slack_adds_next_year"}, False, "a_code_slack_adds_next_year"),
        ({"error": "invalid_auth"}, False, "invalid_auth"),
        ({"error": "token_revoked"}, True, "token_revoked"),
        ({"error": "account_inactive"}, True, "account_inactive"),
        ({"error": "channel_not_found"}, True, "channel_not_found"),
        ({"error": "cannot_dm_bot"}, True, "cannot_dm_bot"),
        ({"error": "invalid_blocks"}, True, "invalid_blocks"),
    ],
)
async def test_a_slack_failure_of_any_shape_is_classified(
    fake: FakeSlackApi, fault: dict[str, Any], permanent: bool, says: str
) -> None:
    """Whatever body Slack sends (HTML, text, broken JSON, ok:false), the call's failure is one
    DeliveryError, permanent only when the workspace or user is gone or the request invalid."""
    error = await slack_failure(fake, **fault)
    assert isinstance(error, DeliveryError)
    assert error.permanent is permanent
    assert says in str(error)
    assert "<html>" not in str(error)


async def test_a_slack_429_carries_its_retry_after(fake: FakeSlackApi) -> None:
    """A 429 from Slack is retryable after the Retry-After it sent, in seconds."""
    error = await slack_failure(fake, status=429, retry_after=17)
    assert (error.permanent, error.retry_after) == (False, 17.0)


async def test_a_hung_or_unreachable_slack_is_retryable(fake: FakeSlackApi) -> None:
    """A call that times out, or finds nothing listening, is worth retrying."""
    hang = fake.hang("chat.postMessage")
    # slack_sdk types the timeout as int seconds; aiohttp takes the float as it is.
    hung = AsyncWebClient(token="xoxb-test", base_url=fake.base_url, timeout=0.05)  # type: ignore[arg-type]
    with pytest.raises(TimeoutError) as timed_out:
        await hung.chat_postMessage(channel="D1", text="hello")
    hang.release()
    closed = AsyncWebClient(token="xoxb-test", base_url="http://127.0.0.1:9/api/", timeout=5)
    with pytest.raises(Exception) as refused:
        await closed.chat_postMessage(channel="D1", text="hello")
    for error in (timed_out.value, refused.value):
        classified = slack_errors.classify(error, "chat.postMessage")
        assert not classified.permanent


def test_a_refused_token_refresh_is_permanent_and_a_failed_one_is_not() -> None:
    """A refresh Slack refused (invalid_refresh_token) is permanent; one that hit a 503 is not."""

    def rotation_error(data: Any, status: int) -> SlackTokenRotationError:
        response = slack_response(data, status, {})
        error = SlackApiError("refresh failed", None)
        error.response = response  # as slack_sdk leaves it (its __init__ cannot print bytes)
        return SlackTokenRotationError(error)

    refused = rotation_error({"ok": False, "error": "invalid_refresh_token"}, 200)
    unavailable = rotation_error(b"<html>", 503)
    assert slack_errors.classify(refused, "oauth.v2.access").permanent
    assert not slack_errors.classify(unavailable, "oauth.v2.access").permanent


@given(
    data=st.one_of(
        st.none(),
        st.text(max_size=30),
        st.binary(max_size=30),
        st.dictionaries(
            st.sampled_from(["ok", "error", "warning"]),
            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
        ),
    ),
    status=st.one_of(st.integers(min_value=100, max_value=599)),
    headers=st.dictionaries(
        st.sampled_from(["Retry-After", "Content-Type"]), st.text(max_size=8), max_size=2
    ),
)
def test_slack_classification_never_raises(data: Any, status: int, headers: dict[str, str]) -> None:
    """Any body shape, status and headers in a SlackApiError classify without raising."""
    response = slack_response(data, status, headers)
    for shape in (response, data):
        error = SlackApiError("failed", None)
        error.response = shape  # set after: slack_sdk's own __init__ cannot print bytes
        classified = slack_errors.classify(error, "chat.postMessage")
        assert isinstance(classified, DeliveryError)
        assert classified.retry_after is None or classified.retry_after >= 0


class _Response:
    """What discord.py reads from an aiohttp response to build an HTTPException."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.reason = "reason"
        self.headers = headers or {}


@pytest.mark.parametrize(
    ("status", "body", "permanent"),
    [
        (403, {"message": "Cannot send messages to this user", "code": 50007}, True),
        (404, {"message": "Unknown User", "code": 10013}, True),
        (404, {"message": "Unknown interaction", "code": 10062}, True),
        (400, {"message": "Invalid Form Body", "code": 50035}, True),
        (401, {"message": "401: Unauthorized", "code": 0}, False),
        (500, "<html>bad gateway</html>", False),
        (503, "", False),
        (429, {"message": "You are being rate limited.", "retry_after": 3.5}, False),
    ],
)
def test_a_discord_failure_is_classified(
    status: int, body: dict[str, Any] | str, permanent: bool
) -> None:
    """discord.py's HTTPException family maps to permanent (DMs closed, gone, invalid) or
    retryable (5xx with any body, 401, 429), and the body's text stays out of the message."""
    import discord

    kinds: dict[int, type[discord.HTTPException]] = {
        403: discord.Forbidden,
        404: discord.NotFound,
        500: discord.DiscordServerError,
        503: discord.DiscordServerError,
    }
    error = kinds.get(status, discord.HTTPException)(_Response(status), body)
    classified = discord_errors.classify(error, "send")
    assert classified.permanent is permanent
    assert "<html>" not in str(classified)


def test_discord_rate_limits_carry_their_wait() -> None:
    """RateLimited (a wait above max_ratelimit_timeout) and a 429 with Retry-After keep the wait."""
    import discord

    over = discord_errors.classify(discord.RateLimited(120.0), "send")
    banned = discord.HTTPException(_Response(429, {"Retry-After": "9"}), "")
    assert (over.permanent, over.retry_after) == (False, 120.0)
    assert discord_errors.classify(banned, "send").retry_after == 9.0


@pytest.mark.parametrize("error", [TimeoutError(), ConnectionResetError(), OSError("down")])
def test_discord_network_errors_are_retryable(error: Exception) -> None:
    """Timeouts and network errors on the way to Discord are worth retrying."""
    assert not discord_errors.classify(error, "send").permanent
