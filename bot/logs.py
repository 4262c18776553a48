"""Structured log lines (key=value) that never carry what users wrote."""

from __future__ import annotations

import logging
import sys


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


def setup_logging(level: str) -> None:
    """Send our logs to stderr at the given level; quieten chatty libraries."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(KeyValueFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("discord", "slack_bolt", "slack_sdk", "aiohttp.access", "asyncio"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    # aiosqlite logs every statement with its parameters at DEBUG: users' words. Never on.
    logging.getLogger("aiosqlite").setLevel(logging.WARNING)
