"""What every adapter offers the scheduler: a way to deliver a message to a user."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.domain import Message, UserKey


class Outbox(Protocol):
    """Delivers coach messages outside a turn (nudges); raises DeliveryError on failure."""

    platform: str

    async def deliver(self, user: UserKey, messages: Sequence[Message]) -> None:
        """Send the messages to the user's direct conversation."""
        ...
