"""One turn's state: what it loaded for the user (session, preferences), and what it produced."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot import engine
from bot.domain import Inbound, Message, Session, ShareNote, UserKey
from bot.preferences import Defaults, Preferences, resolve
from bot.storage import repos
from bot.storage.store import Conn, Store
from bot.timeparse import is_valid_zone


@dataclass(frozen=True, slots=True)
class TurnResult:
    """What a turn produced: messages for the user, and effects for the platform."""

    messages: tuple[Message, ...]
    shares: tuple[ShareNote, ...] = ()
    duplicate: bool = False
    # The user's data was deleted this turn: files a front end wrote for them go too.
    forgotten: bool = False
    # The turn's hook ran in its transaction (its messages are in the outbox).
    committed: bool = False


# Runs inside a turn's transaction with its rendered messages and its share notes (the
# pipeline marks the inbox row handled and enqueues both); False: handled before.
TurnHook = Callable[[Conn, tuple[Message, ...], tuple[ShareNote, ...]], Awaitable[bool]]


@dataclass(slots=True)
class Turn:
    """What a turn has loaded and decided, passed between its phases."""

    record: repos.UserRecord | None
    session: Session
    expected_version: int | None
    timezone: str
    event_id: str | None = None
    new_platform_zone: str | None = None
    zone_known: bool = True
    locale: str | None = None
    new_locale: str | None = None
    prefs: Preferences = field(default_factory=Preferences)
    hook: TurnHook | None = None


async def load_turn(
    db: Store, defaults: Defaults, now: datetime, user: UserKey, inbound: Inbound | None = None
) -> Turn:
    """The user's stored record and session (a new one, welcomed, if none) and preferences.

    `inbound`'s zone and locale hints count when valid; those that differ from the stored
    ones are marked to be saved by the turn.
    """
    async with db.autocommit("load_user") as conn:
        record = await repos.load_user(conn, user=user)
    if record is not None and record.session is not None:
        session: Session = record.session
        expected: int | None = session.version
    else:
        session = engine.new_session(user, 1, now, welcome=True)
        expected = None
    hint = inbound.timezone_hint if inbound is not None else None
    if hint is not None and not is_valid_zone(hint):
        hint = None
    stored_locale = record.locale if record else None
    locale_hint = inbound.locale_hint[:32] if inbound and inbound.locale_hint else None
    platform_zone = record.platform_timezone if record else None
    prefs = resolve(
        defaults,
        zone=record.timezone if record else None,
        zone_hint=hint,
        platform_zone=platform_zone,
        locale=stored_locale,
        locale_hint=locale_hint,
        quiet_start=record.quiet_start if record else None,
        quiet_end=record.quiet_end if record else None,
        country=record.country if record else None,
        # Discord's locales are languages ("en-US" is what every English client sends,
        # from Canada or India too): on Discord a locale says nothing about the country.
        locale_names_country=user.platform != "discord",
    )
    return Turn(
        record,
        session,
        expected,
        prefs.timezone,
        event_id=inbound.event_id if inbound is not None else None,
        new_platform_zone=hint if hint is not None and hint != platform_zone else None,
        zone_known=prefs.zone_known,
        locale=prefs.locale,
        new_locale=locale_hint if locale_hint and locale_hint != stored_locale else None,
        prefs=prefs,
    )
