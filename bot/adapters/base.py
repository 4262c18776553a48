"""What every platform adapter offers: delivery outside a turn, and a start/stop lifecycle."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from bot.domain import Message, UserKey
from bot.errors import ReframeError


class Outbox(Protocol):
    """Delivers coach messages (replies and nudges from the outbox); raises DeliveryError.

    `route` is where a reply goes, as the adapter wrote it with the event (a channel and
    thread, say); a nudge has none and goes to the user's direct conversation.
    """

    platform: str

    async def deliver(
        self, user: UserKey, messages: Sequence[Message], route: Mapping[str, str] | None = None
    ) -> None:
        """Send the messages where `route` says, else to the user's direct conversation."""
        ...


class Sharer(Protocol):
    """Posts the fixed share note to a channel; DeliveryError when the platform refuses."""

    async def share(self, user: UserKey, channel_id: str) -> None:
        """Post the note ("Someone here just turned a no into a plan") to the channel."""
        ...


class PlatformAdapter(Outbox, Protocol):
    """A chat platform the `run` command serves."""

    async def start(self, *, receive: bool = True) -> None:
        """Connect and begin handling users' messages (returns once running).

        With receive=False only get ready to deliver (a `run --only scheduler` process).
        """
        ...

    async def stop(self) -> None:
        """Stop taking new messages, let in-flight turns finish, close connections."""
        ...

    async def connected(self) -> bool:
        """Whether the platform connection is up now (readiness, /readyz)."""
        ...

    async def failure(self) -> ReframeError:
        """Wait until the platform refuses this process for good (a fatal gateway close);
        return why. Never returns when no such refusal can come."""
        ...


_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def split_text(text: str, limit: int) -> list[str]:
    """Cut text into pieces of at most `limit` characters, at paragraphs, then sentences."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for unit in _units(text, limit):
        joiner = "\n\n" if unit.startswith("\x00") else " "
        unit = unit.lstrip("\x00")
        candidate = f"{current}{joiner}{unit}" if current else unit
        if len(candidate) <= limit:
            current = candidate
        else:
            if current:
                pieces.append(current)
            current = unit
    if current:
        pieces.append(current)
    return pieces


def _units(text: str, limit: int) -> list[str]:
    """Paragraphs (marked with a leading NUL), broken into sentences, then hard cuts."""
    units: list[str] = []
    for paragraph in _PARAGRAPH.split(text.strip()):
        first = True
        for sentence in _SENTENCE_END.split(paragraph):
            while len(sentence) > limit:
                cut = sentence.rfind(" ", 0, limit)
                cut = cut if cut > limit // 2 else limit
                units.append(("\x00" if first else "") + sentence[:cut])
                sentence = sentence[cut:].lstrip()
                first = False
            if sentence:
                units.append(("\x00" if first else "") + sentence)
                first = False
    return units
