"""Rendered output: what adapters show, already in words (values)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Button:
    """One option shown to the user: the choice id and its label."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent along with a message (the export)."""

    filename: str
    content: bytes


@dataclass(frozen=True, slots=True)
class Message:
    """One rendered message for an adapter: text, and buttons tied to a session's step."""

    text: str
    buttons: tuple[Button, ...] = ()
    step: str | None = None
    session_number: int | None = None
    attachment: Attachment | None = None
