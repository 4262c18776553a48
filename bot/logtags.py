"""How users appear in logs: a short tag, never their id or words."""

from __future__ import annotations

import hashlib

from bot.domain import UserKey


def user_tag(user: UserKey) -> str:
    """A short, stable, non-reversible tag for a user, safe for logs."""
    raw = f"{user.platform}:{user.workspace}:{user.user_id}".encode()
    return hashlib.sha256(raw).hexdigest()[:10]
