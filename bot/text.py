"""Cleaning of what users type, before anything else looks at it."""

from __future__ import annotations

import re
import unicodedata

# A message is kept whole up to this many characters (a long paste, for `export`); past it the
# rest is cut and the person told (input.truncated says the same number).
MAX_MESSAGE_CHARS = 20_000
# C0/C1 control characters except tab and newline; they break terminals and logs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(raw: str) -> tuple[str, bool]:
    """Strip control characters and cut to the length we keep; report whether it was cut."""
    text = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    # Lone surrogates (from broken clients) cannot be stored as UTF-8.
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = unicodedata.normalize("NFC", _BLANK_LINES.sub("\n\n", text)).strip()
    if len(text) > MAX_MESSAGE_CHARS:
        return text[:MAX_MESSAGE_CHARS].rstrip(), True
    return text, False


# Characters no one types: controls (not tab or newline), the replacement character that
# undecodable bytes become, surrogates, private-use and unassigned code points.
_JUNK_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
# From this share of junk among the visible characters on, a message is binary, not words.
GARBLED_SHARE = 0.2


def garbled(raw: str) -> bool:
    """Whether a message is binary junk rather than words (a fifth or more unreadable chars)."""
    visible = [ch for ch in raw if not ch.isspace()]
    junk = sum(
        1 for ch in visible if ch == "\ufffd" or unicodedata.category(ch) in _JUNK_CATEGORIES
    )
    return junk > 0 and junk >= GARBLED_SHARE * len(visible)


def as_number(text: str) -> int | None:
    """A plain ASCII whole number ("2", not "²" or "٢"), or None; at most nine digits."""
    stripped = text.strip()
    if stripped.isascii() and stripped.isdigit() and len(stripped) <= 9:
        return int(stripped)
    return None
