"""Structured log lines (key=value text, or JSON) that never carry what users wrote."""

from __future__ import annotations

import logging
import sys
from typing import Literal, TextIO

from pythonjsonlogger.json import JsonFormatter

LogFormat = Literal["text", "json"]


class KeyValueFormatter(logging.Formatter):
    """time level logger message, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        """One line: ts=... level=... logger=... msg=..."""
        line = (
            f"ts={self.formatTime(record, '%Y-%m-%dT%H:%M:%S')} level={record.levelname.lower()} "
            f"logger={record.name} msg={record.getMessage()!r}"
        )
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def json_formatter() -> logging.Formatter:
    """One JSON object a line: ts (UTC, ISO 8601), level, logger, msg (and exc_info)."""
    return JsonFormatter(
        "{levelname}{name}{message}",
        style="{",
        timestamp="ts",
        rename_fields={"levelname": "level", "name": "logger", "message": "msg"},
    )


def setup_logging(level: str, fmt: LogFormat = "text", stream: TextIO | None = None) -> None:
    """Send our logs to stderr (or `stream`) at the given level, as key=value text or JSON
    (LOG_FORMAT); quieten chatty libraries. Either way the same lines are written."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(json_formatter() if fmt == "json" else KeyValueFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("discord", "slack_bolt", "slack_sdk", "aiohttp.access", "asyncio"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    # aiosqlite logs every statement with its parameters at DEBUG: users' words. Never on.
    logging.getLogger("aiosqlite").setLevel(logging.WARNING)
