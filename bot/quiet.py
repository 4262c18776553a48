"""Quiet hours in the user's own zone: when a nudge may go out."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.timeparse import zone


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(moment: datetime, tz_name: str, start: str, end: str) -> bool:
    """Whether the moment falls in the quiet window (which may span midnight)."""
    local = moment.astimezone(zone(tz_name)).time().replace(tzinfo=None)
    begin, finish = _clock(start), _clock(end)
    if begin < finish:
        return begin <= local < finish
    return local >= begin or local < finish


def next_waking_moment(moment: datetime, tz_name: str, start: str, end: str) -> datetime:
    """The moment itself if it is outside quiet hours, else the end of those quiet hours.

    Computed on local wall-clock dates, so a daylight-saving change in between is honoured.
    """
    if not in_quiet_hours(moment, tz_name, start, end):
        return moment
    tz = zone(tz_name)
    local = moment.astimezone(tz)
    finish = _clock(end)
    wake_day = local.date()
    if local.time().replace(tzinfo=None) >= finish:
        wake_day += timedelta(days=1)
    wake = datetime.combine(wake_day, finish, tzinfo=tz)
    # A wake-up time that falls in a DST gap does not exist; fold it forward through UTC.
    return wake.astimezone(UTC)
