"""Socket Mode: Slack's websocket, connected within a deadline and closed with its tasks."""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import DeliveryError

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 30.0


async def connect(app: AsyncApp, app_token: str, client: AsyncWebClient) -> AsyncSocketModeHandler:
    """Open the websocket with the app-level token (xapp-).

    Raises DeliveryError when it is not open within CONNECT_TIMEOUT seconds.
    """
    handler = AsyncSocketModeHandler(app, app_token, web_client=client)
    # slack_sdk retries a failed connect forever; a bad app token must not hang `run`.
    connecting = handler.connect_async()  # type: ignore[no-untyped-call]  # untyped in bolt
    try:
        await asyncio.wait_for(connecting, CONNECT_TIMEOUT)
    except TimeoutError as error:
        raise DeliveryError(
            f"Socket Mode did not connect within {CONNECT_TIMEOUT:.0f} s "
            "(check SLACK_APP_TOKEN and its connections:write scope)"
        ) from error
    log.info("slack connected in Socket Mode")
    return handler


async def close(handler: AsyncSocketModeHandler) -> None:
    """Close the websocket and wait for the client's tasks, so none outlives the loop."""
    client = handler.client
    await handler.close_async()  # type: ignore[no-untyped-call]  # untyped in bolt
    # close() cancels its tasks without waiting: wait, so none outlives the loop.
    running = (
        client.message_processor,
        client.current_session_monitor,
        client.message_receiver,
    )
    await asyncio.gather(*(task for task in running if task is not None), return_exceptions=True)
