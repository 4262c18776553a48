"""Where this terminal is: its locale and its time zone, from the environment (read once
when the chat starts)."""

from __future__ import annotations

import contextlib
import os

from bot.timeparse import is_valid_zone


def local_locale() -> str | None:
    """This terminal's locale ("en_GB.UTF-8"), from the usual environment variables."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value and value not in ("C", "POSIX"):
            return value
    return None


def local_zone() -> str | None:
    """This machine's IANA zone (TZ, or where /etc/localtime points), or None if unknown."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and is_valid_zone(name):
            return name
    return None
