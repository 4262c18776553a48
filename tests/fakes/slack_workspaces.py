"""Workspaces that install the app on the fake Slack, and oauth.v2.access's exchanges."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

BOT_USER = "U0BOT"


@dataclass(slots=True)
class FakeWorkspace:
    """A workspace that can install the app: its OAuth code and current bot token."""

    team_id: str
    code: str
    token: str
    refresh_token: str | None = None
    enterprise_id: str | None = None
    org_wide: bool = False
    expires_in: int = 43200
    refreshes: int = 0


def oauth_access(
    workspaces: Mapping[str, FakeWorkspace], args: Mapping[str, Any]
) -> dict[str, Any]:
    """oauth.v2.access: exchange an install code, or a refresh token for a new token."""
    if args.get("grant_type") == "refresh_token":
        found = [w for w in workspaces.values() if w.refresh_token == args.get("refresh_token")]
        if not found:
            return {"ok": False, "error": "invalid_refresh_token"}
        workspace = found[0]
        workspace.refreshes += 1
        workspace.token = f"xoxb-{workspace.team_id}-{workspace.refreshes}"
        workspace.refresh_token = f"xoxe-{workspace.team_id}-{workspace.refreshes}"
        return {
            "ok": True,
            "token_type": "bot",
            "access_token": workspace.token,
            "refresh_token": workspace.refresh_token,
            "expires_in": 43200,  # a fresh token lasts 12 hours
        }
    found = [w for w in workspaces.values() if w.code == args.get("code")]
    if not found:
        return {"ok": False, "error": "invalid_code"}
    workspace = found[0]
    answer: dict[str, Any] = {
        "ok": True,
        "app_id": "A0APP",
        "authed_user": {"id": "U0ADMIN"},
        "scope": "chat:write,commands,im:history",
        "token_type": "bot",
        "access_token": workspace.token,
        "bot_user_id": BOT_USER,
        "team": None if workspace.org_wide else {"id": workspace.team_id, "name": "t"},
        "enterprise": {"id": workspace.enterprise_id} if workspace.enterprise_id else None,
        "is_enterprise_install": workspace.org_wide,
    }
    if workspace.refresh_token is not None:
        answer.update(refresh_token=workspace.refresh_token, expires_in=workspace.expires_in)
    return answer
