"""Slack's side of a test: signed requests to the adapter, as Slack sends them, awaited."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests.fakes.slack_api import TEAM, WAIT, Call, FakeSlackApi


@dataclass(frozen=True, slots=True)
class Sent:
    """What the adapter answered a request with."""

    status: int
    body: str


class Handled(Protocol):
    """What the sender needs of the adapter: a count of fully handled requests."""

    @property
    def handled(self) -> int: ...

    async def wait_handled(self, count: int) -> None: ...


class SlackSender:
    """Sends the adapter what Slack would, signed, and waits until the adapter has handled it."""

    def __init__(
        self, url: str, secret: str, adapter: Handled, fake: FakeSlackApi, *, team: str = TEAM
    ) -> None:
        self.url = url
        self.team = team
        self.verifier = SignatureVerifier(secret)
        self.adapter = adapter
        self.fake = fake
        self.session = aiohttp.ClientSession()
        self._events = itertools.count(1)

    async def close(self) -> None:
        """Close the HTTP session."""
        await self.session.close()

    def trigger_id(self) -> str:
        """A new trigger_id: Slack gives every command and interaction its own."""
        return f"{next(self._events)}.2.3"

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: Mapping[str, str] | None = None,
        timestamp: int | None = None,
        secret: str | None = None,
        wait: bool = True,
    ) -> Sent:
        """POST a raw body to /slack/events, signed (optionally with a wrong secret or old time)."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        verifier = self.verifier if secret is None else SignatureVerifier(secret)
        signature = verifier.generate_signature(timestamp=stamp, body=body) or ""
        sent = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature,
            **(headers or {}),
        }
        before = self.adapter.handled
        async with self.session.post(
            f"{self.url}/slack/events", data=body, headers=sent
        ) as response:
            answer = Sent(response.status, await response.text())
        if wait and answer.status == 200:
            await asyncio.wait_for(self.adapter.wait_handled(before + 1), WAIT)
        return answer

    async def event(
        self,
        event: Mapping[str, Any],
        *,
        event_id: str | None = None,
        retry: int = 0,
        wait: bool = True,
    ) -> tuple[Sent, str]:
        """An Events API callback; returns the response and the event_id used.

        Pass wait=False for an event Bolt drops before any listener (the bot's own post).
        """
        # Slack's event ids are unique across workspaces; the coach relies on that.
        event_id = event_id or f"Ev{self.team}{next(self._events):06d}"
        body = {
            "type": "event_callback",
            "team_id": self.team,
            "api_app_id": "A0APP",
            "event": dict(event),
            "event_id": event_id,
            "event_time": int(time.time()),
        }
        headers = (
            {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "timeout"} if retry else {}
        )
        response = await self.post(json.dumps(body), "application/json", headers=headers, wait=wait)
        return response, event_id

    async def dm(self, user: str, text: str, *, wait: bool = True) -> Sent:
        """The user types text in their DM with the coach (wait=False: only the ack)."""
        event = {
            "type": "message",
            "channel_type": "im",
            "channel": "D" + user,
            "user": user,
            "text": text,
            "ts": "1.1",
        }
        response, _ = await self.event(event, wait=wait)
        return response

    async def command(self, user: str, text: str, channel: str) -> Sent:
        """The user types `/reframe text` in a channel (or a DM)."""
        form = {
            "command": "/reframe",
            "text": text,
            "user_id": user,
            "team_id": self.team,
            "channel_id": channel,
            "response_url": self.fake.response_url(),
            "trigger_id": self.trigger_id(),
        }
        return await self.post(urlencode(form), "application/x-www-form-urlencoded")

    async def press(self, user: str, posted: Call, choice: str, *, wait: bool = True) -> Sent:
        """The user presses the button for `choice` on a message the adapter posted
        (wait=False: only the ack)."""
        button = next(
            element
            for block in posted.args["blocks"]
            if block["type"] == "actions"
            for element in block["elements"]
            if element["value"].endswith("|" + choice)
        )
        payload = {
            "type": "block_actions",
            "user": {"id": user, "team_id": self.team},
            "team": {"id": self.team},
            "channel": {"id": posted.args["channel"]},
            "container": {"type": "message", "channel_id": posted.args["channel"]},
            "message": {
                "ts": posted.args.get("_ts", "1700000000.000001"),
                "blocks": posted.args["blocks"],
            },
            "actions": [{**button, "block_id": "b", "action_ts": "1.1"}],
            "response_url": self.fake.response_url("action"),
            "trigger_id": self.trigger_id(),
        }
        return await self.post(
            urlencode({"payload": json.dumps(payload)}),
            "application/x-www-form-urlencoded",
            wait=wait,
        )
