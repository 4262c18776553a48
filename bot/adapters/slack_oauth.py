"""Many Slack workspaces: Bolt's OAuth flow on our stores, token rotation, uninstalls.

"Add to Slack" sends an admin to INSTALL_PATH; Slack brings them back to REDIRECT_PATH with
a code, which Bolt exchanges (oauth.v2.access) and saves through SqlInstallationStore. From
then on Bolt's authorize step finds each request's workspace token there, and nudges find
theirs through `SlackOAuth.bot_token`. Refreshing a rotating token happens in one place,
LockedTokenRotator, one refresh per workspace at a time.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store import Bot
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_auth import StoredAuthorization
from bot.adapters.slack_install_store import SqlInstallationStore, SqlStateStore
from bot.clock import Clock
from bot.config import Settings
from bot.storage import installations, reminders, repos
from bot.storage.cipher import TokenCipher
from bot.storage.store import Store

log = logging.getLogger(__name__)
PLATFORM = "slack"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
# The bot scopes asked for at install; deploy/slack-manifest.yml declares the same.
BOT_SCOPES = (
    "app_mentions:read",
    "chat:write",
    "chat:write.public",
    "commands",
    "files:write",
    "im:history",
    "im:read",
    "im:write",
    "users:read",
)
# Refresh a rotating token this long before it expires (Bolt's default, in minutes).
REFRESH_MINUTES = 120
# A refresh lease outlives one oauth.v2.access call (30 s timeout) with room to spare;
# a process waiting for another's lease looks again every LEASE_POLL seconds.
LEASE = timedelta(seconds=60)
LEASE_POLL = 0.2


class LockedTokenRotator(AsyncTokenRotator):
    """slack_sdk's rotator, one refresh per workspace at a time, saved through our store.

    Bolt's authorize step and the nudges both refresh through this one object, under a
    lock per workspace in this process and a lease row in the database across processes:
    a caller that waited finds the token the first one saved, instead of spending the
    refresh token a second time.
    """

    def __init__(
        self,
        store: SqlInstallationStore,
        clock: Clock,
        *,
        client_id: str,
        client_secret: str,
        client: AsyncWebClient,
        poll_seconds: float = LEASE_POLL,
    ) -> None:
        super().__init__(client_id=client_id, client_secret=client_secret, client=client)
        self.store = store
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.owner = uuid.uuid4().hex
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    async def perform_bot_token_rotation(
        self, *, bot: Bot, minutes_before_expiration: int = REFRESH_MINUTES
    ) -> Bot | None:
        """The refreshed bot (saved), or None when the token needs no refresh yet."""
        if bot.bot_refresh_token is None or not _expiring(bot, minutes_before_expiration):
            return None
        key = installations.key(bot.enterprise_id, bot.team_id, bot.is_enterprise_install)
        async with self._locks.setdefault(key, asyncio.Lock()), self._lease(key):
            current = await self.store.async_find_bot(
                enterprise_id=bot.enterprise_id,
                team_id=bot.team_id,
                is_enterprise_install=bot.is_enterprise_install,
            )
            if current is None:
                return None
            refreshed = await super().perform_bot_token_rotation(
                bot=current, minutes_before_expiration=minutes_before_expiration
            )
            if refreshed is None:
                # Someone refreshed it while we waited: hand back what they saved.
                return current if current.bot_token != bot.bot_token else None
            await self.store.async_save_bot(refreshed)
            log.info("slack token refreshed for %s", bot.team_id or bot.enterprise_id)
            return refreshed

    @asynccontextmanager
    async def _lease(self, key: tuple[str, str]) -> AsyncIterator[None]:
        """Hold the workspace's refresh lease row, waiting while another process holds it."""
        enterprise_id, team_id = key
        while True:
            now = self.clock.now()
            async with self.store.db.transaction() as conn:
                taken = await installations.take_refresh(
                    conn,
                    enterprise_id=enterprise_id,
                    team_id=team_id,
                    owner=self.owner,
                    now=now,
                    until=now + LEASE,
                )
            if taken:
                break
            # Another process is refreshing: its lease ends within LEASE even if it died.
            await asyncio.sleep(self.poll_seconds)
        try:
            yield
        finally:
            async with self.store.db.transaction() as conn:
                await installations.end_refresh(
                    conn, enterprise_id=enterprise_id, team_id=team_id, owner=self.owner
                )


def _expiring(bot: Bot, minutes: int) -> bool:
    """Whether the token expires within `minutes` (slack_sdk's own test, on the wall clock)."""
    expires_at = bot.bot_token_expires_at
    return expires_at is not None and expires_at <= time.time() + minutes * 60


@dataclass(frozen=True, slots=True)
class SlackOAuth:
    """The OAuth flow and authorize step for Bolt, and token lookups for nudges."""

    store: SqlInstallationStore
    flow: AsyncOAuthFlow
    authorize: StoredAuthorization
    rotator: LockedTokenRotator

    async def bot_token(self, workspace: str) -> str | None:
        """The (refreshed if due) bot token serving a workspace; None when not installed."""
        bot = await self.store.find_for_workspace(workspace)
        if bot is None:
            return None
        refreshed = await self.rotator.perform_bot_token_rotation(
            bot=bot, minutes_before_expiration=REFRESH_MINUTES
        )
        return (refreshed or bot).bot_token


def build_oauth(
    settings: Settings, db: Store, clock: Clock, client: AsyncWebClient, logger: logging.Logger
) -> SlackOAuth:
    """Bolt's OAuth flow and authorize step, on our stores, calling Slack through `client`."""
    store = SqlInstallationStore(db, TokenCipher(settings.slack_token_key))
    oauth_settings = AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(BOT_SCOPES),
        user_scopes=[],
        redirect_uri=settings.slack_redirect_uri or None,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        # /slack/install goes straight on to Slack's consent page, setting the state cookie.
        install_page_rendering_enabled=False,
        installation_store=store,
        installation_store_bot_only=True,
        state_store=SqlStateStore(db, clock),
        logger=logger,
    )
    rotator = LockedTokenRotator(
        store,
        clock,
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        client=client,
    )
    # The ack reads only the database: no auth.test, no refresh (slack_auth.py).
    authorize = StoredAuthorization(store)
    # AsyncApp takes its authorize step from the flow's settings.
    oauth_settings.authorize = authorize
    flow = AsyncOAuthFlow(client=client, logger=logger, settings=oauth_settings)
    return SlackOAuth(store, flow, authorize, rotator)


def _scope(
    enterprise_id: str | None, team_id: str | None, org_wide: bool
) -> tuple[tuple[str, str], list[str]]:
    """An install's stored key, and the workspace ids its users are keyed by (UserKey.workspace)."""
    workspaces = [team_id] if team_id and not org_wide else []
    if org_wide and enterprise_id:
        workspaces.append(enterprise_id)
    return installations.key(enterprise_id, team_id, org_wide), workspaces


async def forget_workspace(
    db: Store, *, enterprise_id: str | None, team_id: str | None, org_wide: bool
) -> int:
    """app_uninstalled: the installation and every user with all their rows, in one transaction.

    Returns how many users were deleted.
    """
    (enterprise, team), workspaces = _scope(enterprise_id, team_id, org_wide)
    async with db.transaction() as conn:
        await installations.delete(conn, enterprise_id=enterprise, team_id=team)
        deleted = [
            await repos.delete_workspace(conn, platform=PLATFORM, workspace=w) for w in workspaces
        ]
    log.info("slack app uninstalled from %s: %d users deleted", team or enterprise, sum(deleted))
    return sum(deleted)


async def stop_workspace(
    db: Store, *, enterprise_id: str | None, team_id: str | None, org_wide: bool
) -> int:
    """tokens_revoked (the bot's): forget the token and cancel the workspace's nudges.

    Returns how many nudges were cancelled.
    """
    (enterprise, team), workspaces = _scope(enterprise_id, team_id, org_wide)
    async with db.transaction() as conn:
        await installations.clear_bot(conn, enterprise_id=enterprise, team_id=team)
        cancelled = [
            await reminders.cancel_for_workspace(conn, platform=PLATFORM, workspace=w)
            for w in workspaces
        ]
    log.info("slack token revoked for %s: %d nudges cancelled", team or enterprise, sum(cancelled))
    return sum(cancelled)
