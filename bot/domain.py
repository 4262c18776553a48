"""Immutable value types shared by the engine, the service, storage and the adapters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from bot.domain_effects import (
    CancelNudges,
    DropSession,
    Effect,
    ForgetUser,
    ScheduleNudge,
    SetCountry,
    SetQuietHours,
    SetTimezone,
    ShareNote,
    ShowData,
)
from bot.rendered import Attachment, Button, Message

# Effects and rendered messages live beside this module; they are named from here too.
__all__ = [
    "EMPTY",
    "Attachment",
    "Button",
    "CancelNudges",
    "Choice",
    "DropSession",
    "Effect",
    "ForgetUser",
    "Inbound",
    "InboundKind",
    "Message",
    "Origin",
    "Outcome",
    "OwnWin",
    "Pending",
    "Reply",
    "ScheduleNudge",
    "Session",
    "SetCountry",
    "SetQuietHours",
    "SetTimezone",
    "ShareNote",
    "ShowData",
    "Status",
    "Step",
    "Transition",
    "UserKey",
]

EMPTY: Mapping[str, str] = MappingProxyType({})


def _empty() -> Mapping[str, str]:
    return EMPTY


@dataclass(frozen=True, slots=True)
class UserKey:
    """Who a user is: platform, workspace or guild, and the platform's user id."""

    platform: str
    workspace: str
    user_id: str


class Step(StrEnum):
    """The states of one reframe conversation, in dialogue order."""

    WELCOME = "welcome"
    SETBACK = "setback"
    ASK = "ask"
    REFLECT = "reflect"
    BOUNDARY = "boundary"
    TIMING = "timing"
    UNSEEN = "unseen"
    OFFER = "offer"
    DONE = "done"
    GAIN = "gain"
    OPTION = "option"
    OPTION_DETAIL = "option_detail"
    CONTROL = "control"
    HELPERS = "helpers"
    NEXT_MOVE = "next_move"
    REVISIT = "revisit"
    QUESTION = "question"
    CALM = "calm"
    SUCCESS = "success"
    SUMMARY = "summary"


class Status(StrEnum):
    """Where a session stands as a whole."""

    ACTIVE = "active"
    FINISHED = "finished"
    CANCELLED = "cancelled"
    PAUSED = "paused"


class Pending(StrEnum):
    """A side question that must be answered before the dialogue goes on."""

    RESUME = "resume"
    FORGET = "forget"
    CRISIS = "crisis"
    CRISIS_CHECK = "crisis_check"  # stored by earlier versions; read as CRISIS
    RISK_CHECK = "risk_check"
    FAR_DATE = "far_date"
    TIMEZONE = "timezone"
    RESTART = "restart"
    NUDGE_DATE = "nudge_date"
    WHICH_DATE = "which_date"  # "1/2" read two ways: which day was meant
    ZONE_NAME = "zone_name"  # `timezone IST` named no one zone: the next words may name it


class Outcome(StrEnum):
    """How a revisited 'no' turned out."""

    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


class OwnWin(StrEnum):
    """Whether the win the user named for themselves (step 5) happened."""

    YES = "yes"
    PARTLY = "partly"
    NOT_YET = "not_yet"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a conversation was started: a DM, or a channel the user may share a note to."""

    channel_id: str | None = None


@dataclass(frozen=True, slots=True)
class Session:
    """One reframe conversation of one user, with the answers in the user's own words."""

    user: UserKey
    number: int
    step: Step
    status: Status = Status.ACTIVE
    answers: Mapping[str, str] = field(default_factory=_empty)
    history: tuple[Step, ...] = ()
    pending: Pending | None = None
    pending_data: str | None = None
    origin: Origin = field(default_factory=Origin)
    revisit_at: datetime | None = None
    outcome: Outcome | None = None
    outcome_at: datetime | None = None
    own_win: OwnWin | None = None
    own_win_at: datetime | None = None
    started_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0
    # The user's last few messages, read together with the next one by crisis screening.
    recent: tuple[str, ...] = ()
    # Whether this conversation has said that the coaching is in English (said once).
    language_noted: bool = False

    @property
    def is_open(self) -> bool:
        """Whether the conversation still expects answers."""
        return self.status in (Status.ACTIVE, Status.PAUSED)


class InboundKind(StrEnum):
    """How a message reached the coach."""

    MESSAGE = "message"
    START = "start"
    BUTTON = "button"


@dataclass(frozen=True, slots=True)
class Inbound:
    """One thing the user did: typed text, a /reframe start, or a pressed button.

    `event_id` makes a platform's retried delivery a no-op; `timezone_hint` is the zone the
    platform reports for the user, used until they set one themselves; `locale_hint` is the
    user's locale ("en-US"), which chooses the crisis lines shown; `locale` is the one in
    effect (reported, stored or the default), which orders numeric dates ("1/2").
    `received_at` is when the platform handed it to us (UTC; the flood gate counts by it).
    """

    user: UserKey
    kind: InboundKind = InboundKind.MESSAGE
    text: str = ""
    choice: str | None = None
    session_number: int | None = None
    button_step: str | None = None
    origin: Origin = field(default_factory=Origin)
    timezone: str = "UTC"
    truncated: bool = False
    # Binary junk rather than words (bot/text.py): its text is dropped, the coach says so.
    garbled: bool = False
    event_id: str | None = None
    timezone_hint: str | None = None
    timezone_known: bool = True
    locale_hint: str | None = None
    locale: str | None = None
    received_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """An option offered with a question: its id and the prompt key of its label."""

    id: str
    label_key: str


@dataclass(frozen=True, slots=True)
class Reply:
    """Something the coach says: a prompt key, its variables and any choices.

    `variables` hold plain text (often the user's own words), `labels` hold prompt keys
    rendered in place, and `dates` hold ISO datetimes shown in the user's time zone.
    `items` are rendered one per line below the text (lists such as reminders).
    """

    key: str
    variables: Mapping[str, str] = field(default_factory=_empty)
    choices: tuple[Choice, ...] = ()
    choice_step: str | None = None
    labels: Mapping[str, str] = field(default_factory=_empty)
    dates: Mapping[str, str] = field(default_factory=_empty)
    items: tuple[Reply, ...] = ()
    attachment: Attachment | None = None


@dataclass(frozen=True, slots=True)
class Transition:
    """The result of one engine step: the new session, what to say, what to do."""

    session: Session
    replies: tuple[Reply, ...]
    effects: tuple[Effect, ...] = ()
