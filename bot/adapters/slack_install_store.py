"""slack_sdk's AsyncInstallationStore and AsyncOAuthStateStore on the coach's own database.

Bolt's OAuth flow saves each workspace's installation here, and its authorize step finds
the workspace's bot token here for every request. Tokens are encrypted before they are
written (TokenCipher) and decrypted as they are read.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.clock import Clock
from bot.errors import ConfigError, StorageError
from bot.storage import installations
from bot.storage.cipher import TokenCipher
from bot.storage.installations import InstallRow
from bot.storage.store import Store

log = logging.getLogger(__name__)
# How long an install started at /slack/install may take to come back (Bolt's default).
STATE_SECONDS = 600


def _scopes(scopes: object) -> str | None:
    """Scopes as Slack writes them, comma-separated."""
    if isinstance(scopes, str):
        return scopes or None
    if isinstance(scopes, list | tuple):
        return ",".join(str(scope) for scope in scopes) or None
    return None


def _installed_at(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


class SqlInstallationStore(AsyncInstallationStore):
    """One row per workspace (or per organization for an org-wide install), tokens sealed."""

    def __init__(self, db: Store, cipher: TokenCipher) -> None:
        self.db = db
        self.cipher = cipher

    @property
    def logger(self) -> logging.Logger:
        """The logger Bolt expects a store to have."""
        return log

    # ---- bolt's interface ----------------------------------------------------------------

    async def async_save(self, installation: Installation) -> None:
        """Store a new or repeated installation, replacing the workspace's previous one."""
        seal = self.cipher.seal
        row = replace(
            self._bot_row(installation),
            enterprise_url=installation.enterprise_url,
            installer_user_id=installation.user_id or None,
            user_token=seal(installation.user_token),
            user_refresh_token=seal(installation.user_refresh_token),
            user_token_expires_at=installation.user_token_expires_at,
            user_scopes=_scopes(installation.user_scopes),
            token_type=installation.token_type,
        )
        async with self.db.transaction() as conn:
            await installations.save(conn, row=row)
        log.info("slack installation saved for %s", row.team_id or row.enterprise_id)

    async def async_save_bot(self, bot: Bot) -> None:
        """Store a bot's (refreshed) token, keeping the rest of the installation."""
        async with self.db.transaction() as conn:
            await installations.save_bot(conn, row=self._bot_row(bot))

    def _bot_row(self, source: Installation | Bot) -> InstallRow:
        """The workspace's key and bot part, which an Installation and a Bot both carry."""
        enterprise_id, team_id = installations.key(
            source.enterprise_id, source.team_id, source.is_enterprise_install
        )
        return InstallRow(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=source.is_enterprise_install,
            installed_at=_installed_at(source.installed_at),
            app_id=source.app_id,
            enterprise_name=source.enterprise_name,
            team_name=source.team_name,
            bot_id=source.bot_id,
            bot_user_id=source.bot_user_id,
            bot_scopes=_scopes(source.bot_scopes),
            bot_token=self.cipher.seal(source.bot_token),
            bot_refresh_token=self.cipher.seal(source.bot_refresh_token),
            bot_token_expires_at=source.bot_token_expires_at,
        )

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        """The bot of a workspace (or of its organization's org-wide install), if installed."""
        row = await self._find(enterprise_id, team_id, is_enterprise_install)
        return self._bot(row) if row is not None else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        """The workspace's installation; with user_id, only if that user installed it."""
        row = await self._find(enterprise_id, team_id, is_enterprise_install)
        if row is None or (user_id is not None and row.installer_user_id != user_id):
            return None
        return self._installation(row)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Forget the workspace's bot token (it was revoked)."""
        enterprise, team = installations.key(enterprise_id, team_id, org_wide=not team_id)
        async with self.db.transaction() as conn:
            await installations.clear_bot(conn, enterprise_id=enterprise, team_id=team)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        """Delete the installation; with user_id, forget only that installer's user token."""
        enterprise, team = installations.key(enterprise_id, team_id, org_wide=not team_id)
        async with self.db.transaction() as conn:
            if user_id is None:
                await installations.delete(conn, enterprise_id=enterprise, team_id=team)
            else:
                await installations.clear_user(
                    conn, enterprise_id=enterprise, team_id=team, user_id=user_id
                )

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Delete everything stored for the workspace (or org)."""
        await self.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id)

    # ---- ours ----------------------------------------------------------------------------

    async def find_for_workspace(self, workspace: str) -> Bot | None:
        """The bot serving a user's workspace id (a team id, or an org's enterprise id)."""
        async with self.db.autocommit() as conn:
            row = await installations.find_for_workspace(conn, workspace=workspace)
        return self._bot(row) if row is not None else None

    async def check_key(self) -> None:
        """ConfigError now, rather than failed requests later, if the key opens no token."""
        async with self.db.autocommit() as conn:
            sealed = await installations.any_sealed_token(conn)
        try:
            self.cipher.open(sealed)
        except StorageError as error:
            raise ConfigError([str(error)]) from error

    async def _find(
        self, enterprise_id: str | None, team_id: str | None, org_wide: bool | None
    ) -> InstallRow | None:
        # A workspace of an organization may be served by the org-wide install.
        keys = [installations.key(enterprise_id, team_id, org_wide)]
        if enterprise_id and not org_wide:
            keys.append(installations.key(enterprise_id, team_id, org_wide=True))
        async with self.db.autocommit() as conn:
            for enterprise, team in keys:
                row = await installations.find(conn, enterprise_id=enterprise, team_id=team)
                if row is not None:
                    return row
        return None

    def _bot(self, row: InstallRow) -> Bot | None:
        token = self.cipher.open(row.bot_token)
        if token is None or row.bot_id is None or row.bot_user_id is None:
            return None
        return Bot(
            app_id=row.app_id,
            enterprise_id=row.enterprise_id or None,
            enterprise_name=row.enterprise_name,
            team_id=row.team_id or None,
            team_name=row.team_name,
            bot_token=token,
            bot_id=row.bot_id,
            bot_user_id=row.bot_user_id,
            bot_scopes=row.bot_scopes or "",
            bot_refresh_token=self.cipher.open(row.bot_refresh_token),
            bot_token_expires_at=row.bot_token_expires_at,
            is_enterprise_install=row.is_enterprise_install,
            installed_at=row.installed_at,
        )

    def _installation(self, row: InstallRow) -> Installation:
        return Installation(
            app_id=row.app_id,
            enterprise_id=row.enterprise_id or None,
            enterprise_name=row.enterprise_name,
            enterprise_url=row.enterprise_url,
            team_id=row.team_id or None,
            team_name=row.team_name,
            bot_token=self.cipher.open(row.bot_token),
            bot_id=row.bot_id,
            bot_user_id=row.bot_user_id,
            bot_scopes=row.bot_scopes or "",
            bot_refresh_token=self.cipher.open(row.bot_refresh_token),
            bot_token_expires_at=row.bot_token_expires_at,
            user_id=row.installer_user_id or "",
            user_token=self.cipher.open(row.user_token),
            user_scopes=row.user_scopes or "",
            user_refresh_token=self.cipher.open(row.user_refresh_token),
            user_token_expires_at=row.user_token_expires_at,
            is_enterprise_install=row.is_enterprise_install,
            token_type=row.token_type,
            installed_at=row.installed_at,
        )


class SqlStateStore(AsyncOAuthStateStore):
    """One-time `state` values for installs in progress, each valid for STATE_SECONDS."""

    def __init__(self, db: Store, clock: Clock, *, seconds: int = STATE_SECONDS) -> None:
        self.db = db
        self.clock = clock
        self.seconds = seconds

    @property
    def logger(self) -> logging.Logger:
        """The logger Bolt expects a store to have."""
        return log

    async def async_issue(self, *args: object, **kwargs: object) -> str:
        """A new random state value, remembered until it expires."""
        state = secrets.token_urlsafe(32)
        now = self.clock.now()
        async with self.db.transaction() as conn:
            await installations.add_state(
                conn, state=state, expires_at=now + timedelta(seconds=self.seconds), now=now
            )
        return state

    async def async_consume(self, state: str) -> bool:
        """True once for a state this store issued and that has not expired."""
        async with self.db.autocommit() as conn:
            return await installations.take_state(conn, state=state, now=self.clock.now())
