"""DATABASE_URL: which engine and where; URLs shown without their password."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgresql", "postgres")
SQLITE_PREFIX = "sqlite:///"


def redact(url: str) -> str:
    """The URL with any password replaced by ***, safe for logs and error lines."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    login, _, place = parts.netloc.rpartition("@")
    if ":" not in login:
        return url
    netloc = f"{login.split(':', 1)[0]}:***@{place}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def parse_database_url(url: str) -> Path | str:
    """A SQLite file (Path) for `sqlite:///path`, or the URL itself for PostgreSQL.

    `sqlite:///reframe.db` is relative to the working directory, `sqlite:////srv/reframe.db`
    absolute (SQLAlchemy's convention). Raises ValueError, with a message that never shows
    the password, for anything else.
    """
    if url.startswith(SQLITE_PREFIX):
        path = url[len(SQLITE_PREFIX) :]
        if not path:
            raise ValueError(f"DATABASE_URL={url!r} names no file (try sqlite:///reframe.db)")
        return Path(path).expanduser()
    shown = redact(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it validates it (a port that is not a number raises)
    except ValueError as error:
        raise ValueError(f"DATABASE_URL={shown!r} is not a valid URL ({error})") from None
    if parts.scheme not in POSTGRES_SCHEMES or not url.startswith(f"{parts.scheme}://"):
        raise ValueError(
            f"DATABASE_URL={shown!r} must start with postgresql:// (PostgreSQL) "
            "or sqlite:/// (a SQLite file)"
        )
    return url
