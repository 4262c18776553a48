"""A user's key as SQL parameters, for every table keyed by (platform, workspace, user_id)."""

from __future__ import annotations

from bot.domain import UserKey


def user_params(user: UserKey) -> dict[str, str]:
    """A user's key as the named parameters :platform, :workspace, :user_id."""
    return {"platform": user.platform, "workspace": user.workspace, "user_id": user.user_id}
