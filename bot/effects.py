"""A transition's effects carried out inside its turn's transaction, some answered with a reply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot import plan
from bot.clock import Clock
from bot.domain import (
    Attachment,
    CancelNudges,
    DropSession,
    Effect,
    ForgetUser,
    Reply,
    ScheduleNudge,
    Session,
    SetCountry,
    SetQuietHours,
    SetTimezone,
    ShareNote,
    ShowData,
)
from bot.preferences import Preferences, QuietHours, delivery_time
from bot.storage import inbox, outbox, reminders, repos
from bot.storage.reschedule import reschedule
from bot.storage.store import Conn
from bot.text import as_number
from bot.userdata import EXPORT_FILENAME, export_json, reminders_reply, wins_reply
from bot.zone_change import set_timezone


async def apply_effect(
    conn: Conn,
    ref: int,
    session: Session,
    effect: Effect,
    prefs: Preferences,
    clock: Clock,
) -> tuple[Reply | None, Preferences]:
    """Carry out one effect inside the turn's transaction; maybe answer with a reply.

    Returns the reply (None: nothing to say) and the preferences as the effect left them.
    Raises AssertionError for an effect it does not know.
    """
    if isinstance(effect, SetTimezone):
        return await set_timezone(conn, ref, effect.zone, prefs, clock)
    if isinstance(effect, SetCountry):
        await repos.set_country(conn, user_ref=ref, country=effect.code)
        return None, replace(prefs, country=effect.code)
    if isinstance(effect, SetQuietHours):
        await repos.set_quiet_hours(conn, user_ref=ref, start=effect.start, end=effect.end)
        moved = replace(prefs, quiet=QuietHours(effect.start, effect.end))
        pending = await reminders.upcoming(conn, user_ref=ref)
        await reschedule(conn, user_ref=ref, before=prefs, after=moved)
        # A revisit the old or new hours move is said as it will now go out; so is the date
        # of the reframe in progress, not scheduled until its plan is made.
        dues = [one.due_at for one in pending]
        if session.is_open and session.revisit_at is not None:
            dues.append(session.revisit_at)
        shifted = tuple(
            Reply("quiet.moved_entry", dates={"revisit_at": due.isoformat()})
            for due in sorted(set(dues))
            if delivery_time(due, prefs) != delivery_time(due, moved)
        )
        return (Reply("quiet.moved", items=shifted) if shifted else None), moved
    if isinstance(effect, ForgetUser):
        await repos.delete_user(conn, user=session.user, user_ref=ref)
        await inbox.delete_user(conn, user=session.user)
        await outbox.delete_user(conn, user=session.user)
        return None, prefs
    if isinstance(effect, ShowData) and effect.what == "quiet":
        shown = {"start": prefs.quiet.start, "end": prefs.quiet.end}
        return Reply("quiet.current", shown), prefs
    if isinstance(effect, ShowData):
        return await _show(conn, ref, session, effect, prefs.timezone), prefs
    if isinstance(effect, ScheduleNudge):
        await reminders.schedule(
            conn,
            user_ref=ref,
            platform=session.user.platform,
            session_number=session.number,
            due_at=effect.due_at,
            send_after=delivery_time(effect.due_at, prefs),
            now=clock.now(),
        )
        return None, prefs
    if isinstance(effect, CancelNudges):
        await reminders.cancel_for_session(conn, user_ref=ref, session_number=session.number)
        return None, prefs
    if isinstance(effect, DropSession):
        await reminders.cancel_for_session(conn, user_ref=ref, session_number=session.number)
        await repos.delete_session(conn, user_ref=ref, number=session.number)
        return Reply("undo_new.done"), prefs
    if isinstance(effect, ShareNote):
        return None, prefs
    raise AssertionError(f"unhandled effect {effect!r}")


async def _show(conn: Conn, ref: int, session: Session, effect: ShowData, zone: str) -> Reply:
    """The data a command asked for: a plan, wins, reminders (or cancelling one), the export."""
    upcoming = await reminders.upcoming(conn, user_ref=ref)
    if effect.what == "reminders" and effect.argument.lower().startswith("cancel"):
        return await _cancel_reminder(conn, ref, upcoming, effect.argument)
    sessions = await repos.list_sessions(conn, user_ref=ref, user=session.user)
    if effect.what == "plan":
        return plan.plan_command_reply(sessions, effect.argument)
    if effect.what == "wins":
        return wins_reply(sessions)
    if effect.what == "reminders":
        return reminders_reply(sessions, upcoming)
    content = export_json(session.user, zone, sessions, upcoming)
    return Reply("export.ready", attachment=Attachment(EXPORT_FILENAME, content))


async def _cancel_reminder(
    conn: Conn,
    ref: int,
    upcoming: Sequence[reminders.Upcoming],
    argument: str,
) -> Reply:
    """`reminders cancel N`: the Nth upcoming revisit cancelled, or a note that there is none."""
    words = argument.split()
    number = as_number(words[1]) if len(words) > 1 else None
    index = number - 1 if number is not None else -1
    if not 0 <= index < len(upcoming):
        return Reply("reminders.unknown")
    chosen = upcoming[index]
    await reminders.cancel_one(conn, user_ref=ref, reminder_id=chosen.id)
    return Reply("reminders.cancelled", dates={"revisit_at": chosen.due_at.isoformat()})
