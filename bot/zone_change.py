"""A user's zone changed: the zone they typed set, or the platform's followed; revisits kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.clock import Clock
from bot.domain import Reply
from bot.preferences import Preferences
from bot.storage import repos
from bot.storage.reschedule import Moved, reschedule
from bot.storage.store import Conn
from bot.turn import Turn
from bot.zones import find_zone


async def set_timezone(
    conn: Conn, ref: int, wanted: str, prefs: Preferences, clock: Clock
) -> tuple[Reply, Preferences]:
    """Set the zone the user typed, or ask which one they meant; the reply and new preferences.

    Revisits already scheduled keep their local wall time, or their instant once that time
    is past (by `clock`, UTC).
    """
    match = find_zone(wanted)
    found = match.zone
    if match.choices:
        listed = ", ".join(match.choices[:-1]) + " or " + match.choices[-1]
        return Reply("timezone.which", {"zone": wanted, "suggestion": listed}), prefs
    if found is None:
        if match.suggestion:
            shown = {"zone": wanted, "suggestion": match.suggestion}
            return Reply("timezone.suggest", shown), prefs
        return Reply("timezone.unknown", {"zone": wanted}), prefs
    await repos.set_timezone(conn, user_ref=ref, zone=found)
    moved = replace(prefs, timezone=found, zone_known=True)
    if found == prefs.timezone:
        return Reply("timezone.set", {"zone": found}), moved
    kept = await reschedule(conn, user_ref=ref, before=prefs, after=moved, now=clock.now())
    return Reply("timezone.set", {"zone": found}, items=_kept(kept)), moved


async def follow_platform_zone(conn: Conn, ref: int, turn: Turn, clock: Clock) -> Reply | None:
    """The platform reports a new zone for a user who set none: revisits keep local time."""
    record = turn.record
    if record is None or record.timezone or not record.platform_timezone:
        return None
    if record.platform_timezone == turn.prefs.timezone:
        return None
    before = replace(turn.prefs, timezone=record.platform_timezone)
    kept = await reschedule(conn, user_ref=ref, before=before, after=turn.prefs, now=clock.now())
    if not kept:
        return None
    return Reply("timezone.followed", {"zone": turn.prefs.timezone}, items=_kept(kept))


def _kept(moved: Sequence[Moved]) -> tuple[Reply, ...]:
    """Scheduled revisits keep their local wall time (or, once it is past, their instant)."""
    return tuple(
        Reply(
            "timezone.kept" if kept.wall_kept else "timezone.kept_instant",
            dates={"revisit_at": kept.due.isoformat()},
        )
        for kept in moved
    )
