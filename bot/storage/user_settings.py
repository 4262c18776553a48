"""A user's settings on their users row: time zone, quiet hours, locale, country."""

from __future__ import annotations

from bot.storage.store import Conn


async def set_timezone(conn: Conn, *, user_ref: int, zone: str) -> None:
    """Store the user's time zone."""
    await conn.execute(
        "UPDATE users SET timezone = :zone WHERE id = :ref", {"zone": zone, "ref": user_ref}
    )


async def set_quiet_hours(conn: Conn, *, user_ref: int, start: str, end: str) -> None:
    """Store the user's quiet hours."""
    await conn.execute(
        "UPDATE users SET quiet_start = :start, quiet_end = :end WHERE id = :ref",
        {"start": start, "end": end, "ref": user_ref},
    )


async def set_locale(conn: Conn, *, user_ref: int, locale: str) -> None:
    """Store the locale the platform reports for the user."""
    await conn.execute(
        "UPDATE users SET locale = :locale WHERE id = :ref", {"locale": locale, "ref": user_ref}
    )


async def set_country(conn: Conn, *, user_ref: int, country: str) -> None:
    """Store the country the user named for their crisis lines (ISO code, or "ZZ")."""
    await conn.execute(
        "UPDATE users SET country = :country WHERE id = :ref",
        {"country": country, "ref": user_ref},
    )


async def set_platform_timezone(conn: Conn, *, user_ref: int, zone: str) -> None:
    """Store the zone the platform reports for the user."""
    await conn.execute(
        "UPDATE users SET platform_timezone = :zone WHERE id = :ref",
        {"zone": zone, "ref": user_ref},
    )
