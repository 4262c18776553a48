"""Block Kit rendering: coach messages as escaped mrkdwn sections and buttons, within limits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.adapters.base import split_text
from bot.adapters.slack_payloads import encode_button
from bot.domain import Message

Block = dict[str, Any]
SECTION_LIMIT = 3000
MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
BUTTONS_PER_ROW = 25
BUTTON_TEXT_LIMIT = 75
FALLBACK_LIMIT = 300
# Each character escapes to at most five ("&amp;"): at this raw length any piece fits.
_ALWAYS_FITS = SECTION_LIMIT // 5


@dataclass(frozen=True, slots=True)
class Payload:
    """One chat.postMessage worth: the notification text and the blocks."""

    text: str
    blocks: list[Block]


def escape(text: str) -> str:
    """Escape the three characters mrkdwn gives meaning to, so user text never pings anyone."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escaped_pieces(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """The text escaped and cut into pieces that each fit one section (at paragraphs first)."""
    return _fit(text, limit, limit)


def _fit(raw: str, raw_limit: int, limit: int) -> list[str]:
    pieces: list[str] = []
    for part in split_text(raw, raw_limit):
        escaped = escape(part)
        if len(escaped) <= limit or raw_limit <= _ALWAYS_FITS:
            pieces.append(escaped)
        else:
            # Escaping made this piece too long: cut it finer.
            pieces.extend(_fit(part, max(_ALWAYS_FITS, raw_limit // 2), limit))
    return [piece for piece in pieces if piece.strip()]


def section(escaped: str) -> Block:
    """A section of already escaped mrkdwn; verbatim, so Slack adds no links or mentions."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": escaped, "verbatim": True}}


def _label(text: str) -> str:
    return text if len(text) <= BUTTON_TEXT_LIMIT else text[: BUTTON_TEXT_LIMIT - 1] + "…"


def button_rows(message: Message) -> list[Block]:
    """The message's choices as actions blocks (25 buttons to a block)."""
    elements: list[Block] = []
    for button in message.buttons:
        action_id, value = encode_button(message.step or "", button.id, message.session_number)
        elements.append(
            {
                "type": "button",
                "text": {"type": "plain_text", "text": _label(button.label), "emoji": True},
                "action_id": action_id,
                "value": value,
            }
        )
    return [
        {"type": "actions", "elements": elements[start : start + BUTTONS_PER_ROW]}
        for start in range(0, len(elements), BUTTONS_PER_ROW)
    ]


def message_payloads(message: Message) -> list[Payload]:
    """One coach message as one or more Slack messages; buttons go on the last one."""
    sections = [section(piece) for piece in escaped_pieces(message.text)]
    rows = button_rows(message)
    if not sections and not rows:
        return []
    room = MAX_BLOCKS - len(rows)
    chunks = [sections[start : start + MAX_BLOCKS] for start in range(0, len(sections), MAX_BLOCKS)]
    if not chunks or len(chunks[-1]) > room:
        # The buttons do not fit beside the last sections: they get their own message.
        chunks.append([])
    chunks[-1] = chunks[-1] + rows
    return [Payload(_fallback(chunk, message), chunk) for chunk in chunks]


def _fallback(blocks: Sequence[Block], message: Message) -> str:
    """Notification text: the start of the first section (already escaped)."""
    for block in blocks:
        if block["type"] == "section":
            text: str = block["text"]["text"]
            return text[:FALLBACK_LIMIT]
    return escape(message.text[:FALLBACK_LIMIT]) or "…"


def plain_payload(text: str) -> Payload:
    """A short message without buttons (the share note, an apology)."""
    pieces = escaped_pieces(text)
    return Payload(pieces[0][:FALLBACK_LIMIT] if pieces else "…", [section(p) for p in pieces])


def answered_blocks(blocks: Iterable[Mapping[str, Any]], label: str) -> list[Block]:
    """The pressed message without its buttons, plus the answer chosen, so it reads as done."""
    kept: list[Block] = [dict(b) for b in blocks if b.get("type") != "actions"][: MAX_BLOCKS - 1]
    chosen = {"type": "plain_text", "text": "✓ " + _label(label), "emoji": True}
    return [*kept, {"type": "context", "elements": [chosen]}]


def home_view(messages: Sequence[Message]) -> Block:
    """The App Home: each overview message in its own sections, divided, within 100 blocks."""
    blocks: list[Block] = []
    for index, message in enumerate(messages):
        if index:
            blocks.append({"type": "divider"})
        blocks.extend(section(piece) for piece in escaped_pieces(message.text))
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}
