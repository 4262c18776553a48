"""Time zones, arithmetic on the user's local calendar, and times of day as people type them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# When a date comes without a time of day, the nudge goes at a friendly morning hour.
DEFAULT_NUDGE_TIME = time(10, 0)
_CLOCK = re.compile(r"^\s*([01]?\d|2[0-3])(?:[:.h]?([0-5]\d))?\s*(?:([ap])\.?\s*m\.?)?\s*$", re.I)


def zone(name: str) -> ZoneInfo:
    """The ZoneInfo of an IANA name, falling back to UTC for an unknown one."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def is_valid_zone(name: str) -> bool:
    """Whether name is a time zone the machine knows."""
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def is_region_zone(name: str) -> bool:
    """Whether name is a known zone written as Region/City, or UTC (not "EST", not "IST")."""
    return ("/" in name or name == "UTC") and is_valid_zone(name)


def days_ahead(now: datetime, days: int, tz_name: str) -> datetime:
    """The default nudge time of the local day `days` after now, in UTC."""
    local_day = now.astimezone(zone(tz_name)).date() + timedelta(days=days)
    local = datetime.combine(local_day, DEFAULT_NUDGE_TIME, tzinfo=zone(tz_name))
    return local.astimezone(UTC)


def add_local(moment: datetime, delta: timedelta, tz_name: str) -> datetime:
    """`moment` moved by `delta` on the user's wall clock, in UTC: a week later is the same hour.

    Adding in UTC would shift the local hour across a daylight-saving change; a wall time that
    falls in a spring-forward gap comes out an hour later, as clocks show it.
    """
    tz = zone(tz_name)
    wall = moment.astimezone(tz).replace(tzinfo=None) + delta
    return wall.replace(tzinfo=tz).astimezone(UTC)


def same_wall_time(moment: datetime, old_zone: str, new_zone: str) -> datetime:
    """The instant (UTC) that shows in `new_zone` the wall time `moment` showed in `old_zone`."""
    wall = moment.astimezone(zone(old_zone)).replace(tzinfo=None)
    return wall.replace(tzinfo=zone(new_zone)).astimezone(UTC)


def parse_clock(text: str) -> str | None:
    """Read a time of day ("22:00", "7.30", "8", "10pm", "7:30 a.m.") as HH:MM; None if not one."""
    match = _CLOCK.match(text)
    if match is None:
        return None
    hour, half = int(match.group(1)), (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    return f"{hour:02d}:{match.group(2) or '00'}"


def parse_quiet_hours(text: str) -> tuple[str, str] | None:
    """Read quiet hours such as "22:00-07:30" into two HH:MM strings."""
    parts = re.split(r"\s*(?:-|–|to)\s*", text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    start, end = parse_clock(parts[0]), parse_clock(parts[1])
    if start is None or end is None or start == end:
        return None
    return start, end
