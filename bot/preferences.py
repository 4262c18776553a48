"""One home for a user's preferences: time zone, locale, quiet hours, and their defaults.

Every part of the coach that needs "which zone is this user in" or "when will this nudge
really go out" asks here, so the rule is written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.quiet import next_waking_moment

DEFAULT_TIMEZONE = "UTC"
DEFAULT_QUIET_START = "21:00"
DEFAULT_QUIET_END = "08:00"


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A local window (HH:MM to HH:MM, may span midnight) when no nudge is sent."""

    start: str = DEFAULT_QUIET_START
    end: str = DEFAULT_QUIET_END


@dataclass(frozen=True, slots=True)
class Defaults:
    """What a user who has set nothing gets (from the settings)."""

    timezone: str = DEFAULT_TIMEZONE
    locale: str = ""
    quiet: QuietHours = QuietHours()


@dataclass(frozen=True, slots=True)
class Preferences:
    """A user's effective settings: IANA zone, locale ("en_GB", None when unknown), quiet hours.

    `zone_known` is False when the zone is only the default (nobody told us the user's).
    """

    timezone: str = DEFAULT_TIMEZONE
    quiet: QuietHours = QuietHours()
    locale: str | None = None
    zone_known: bool = True


def resolve(
    defaults: Defaults,
    *,
    zone: str | None = None,
    zone_hint: str | None = None,
    platform_zone: str | None = None,
    locale: str | None = None,
    locale_hint: str | None = None,
    quiet_start: str | None = None,
    quiet_end: str | None = None,
) -> Preferences:
    """The effective preferences: what the user set, else what the platform says, else defaults.

    The zone the user set wins over the one this message's platform reports (`zone_hint`),
    which wins over one stored from an earlier message (`platform_zone`).
    """
    chosen = zone or zone_hint or platform_zone
    quiet = QuietHours(quiet_start, quiet_end) if quiet_start and quiet_end else defaults.quiet
    return Preferences(
        timezone=chosen or defaults.timezone,
        quiet=quiet,
        locale=locale_hint or locale or defaults.locale or None,
        zone_known=chosen is not None,
    )


def delivery_time(due: datetime, prefs: Preferences) -> datetime:
    """When a nudge due at `due` (aware) really goes out: `due`, or the end of quiet hours (UTC)."""
    return next_waking_moment(due, prefs.timezone, prefs.quiet.start, prefs.quiet.end)
