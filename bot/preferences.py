"""One home for a user's preferences: time zone, locale, country, quiet hours, and defaults.

Every part of the coach that needs "which zone is this user in" or "when will this nudge
really go out" asks here, so the rule is written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.crisis_lines import country_from_locale, country_from_zone
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
    country: str = ""


@dataclass(frozen=True, slots=True)
class Preferences:
    """A user's effective settings: IANA zone, locale ("en_GB", None when unknown), quiet hours.

    `date_locale` is the locale that may order numeric dates ("1/2"), None when it cannot.

    `zone_known` is False when the zone is only the default (nobody told us the user's).
    """

    timezone: str = DEFAULT_TIMEZONE
    quiet: QuietHours = QuietHours()
    locale: str | None = None
    zone_known: bool = True
    country: str | None = None
    date_locale: str | None = None


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
    country: str | None = None,
    locale_names_country: bool = True,
) -> Preferences:
    """The effective preferences: what the user set, else what the platform says, else defaults.

    The zone the user set wins over the one this message's platform reports (`zone_hint`),
    which wins over one stored from an earlier message (`platform_zone`).
    The country (for crisis lines) is the user's own answer (`country`), else the zone's,
    else a locale's region (when `locale_names_country`), else the operator's; None if unknown.
    """
    chosen = zone or zone_hint or platform_zone
    quiet = QuietHours(quiet_start, quiet_end) if quiet_start and quiet_end else defaults.quiet
    chosen_locale = locale_hint or locale or defaults.locale or None
    region = (chosen_locale or "").split(".")[0].replace("-", "_").partition("_")[2].upper()
    place = country or country_from_zone(chosen)
    if place is None and locale_names_country:
        place = country_from_locale(chosen_locale)
    return Preferences(
        timezone=chosen or defaults.timezone,
        quiet=quiet,
        locale=chosen_locale,
        zone_known=chosen is not None,
        country=place or defaults.country or None,
        # Discord's "en-US" is every English client's default: it does not tell month-first.
        date_locale=chosen_locale if locale_names_country or region != "US" else None,
    )


def delivery_time(due: datetime, prefs: Preferences) -> datetime:
    """When a nudge due at `due` (aware) really goes out: `due`, or the end of quiet hours (UTC)."""
    return next_waking_moment(due, prefs.timezone, prefs.quiet.start, prefs.quiet.end)
