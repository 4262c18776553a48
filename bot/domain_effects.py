"""Effects: what a transition asks the service to do besides saving the session (values)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ScheduleNudge:
    """Create the revisit reminder of this session."""

    due_at: datetime


@dataclass(frozen=True, slots=True)
class CancelNudges:
    """Cancel every reminder still pending for this session."""


@dataclass(frozen=True, slots=True)
class DropSession:
    """Delete this session (a reframe begun by mistake): the one before is the newest again."""


@dataclass(frozen=True, slots=True)
class SetTimezone:
    """Store the user's IANA time zone."""

    zone: str


@dataclass(frozen=True, slots=True)
class SetQuietHours:
    """Store the user's quiet hours as HH:MM strings."""

    start: str
    end: str


@dataclass(frozen=True, slots=True)
class ShowData:
    """Answer a command that reads the user's stored data (wins, reminders, export)."""

    what: str
    argument: str = ""


@dataclass(frozen=True, slots=True)
class ForgetUser:
    """Delete every row about this user."""


@dataclass(frozen=True, slots=True)
class ShareNote:
    """Post the short, non-sensitive note to the channel the session started in."""

    channel_id: str
    session_number: int


@dataclass(frozen=True, slots=True)
class SetCountry:
    """Store the country the user named for their crisis lines (ISO code, or "ZZ": other)."""

    code: str


Effect = (
    ScheduleNudge
    | CancelNudges
    | DropSession
    | SetTimezone
    | SetQuietHours
    | ShowData
    | ForgetUser
    | ShareNote
    | SetCountry
)
