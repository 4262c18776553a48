"""Bolt's authorize step for the one bot token, answered from memory: no ack waits on Slack.

slack-bolt's own single-workspace step (AsyncSingleTeamAuthorization) calls auth.test on the
first request it sees, inside the ack: with auth.test slow (5 s) that first ack misses Slack's
3 s, with a 429 every ack waits out the Retry-After, and with `invalid_auth` Bolt answers 200
with an error text and never runs a listener, so the event is acknowledged and lost. Here the
adapter calls auth.test at start (and, when that failed for a passing reason, again in the
background until it succeeds), and gives Bolt this authorize step, which only reads what was
learnt (an AsyncAuthorize: Bolt calls it as its own, with keyword arguments).

Until auth.test has answered, a request is authorized with its own team and user ids and the
configured token; Bolt then cannot tell the bot's own posts by id, but the payload parsers
drop every post that carries a bot_id or a subtype, so nothing changes for the coach.
"""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncAuthorize
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters import slack_errors

log = logging.getLogger(__name__)

# Seconds between background auth.test attempts: doubling from FIRST_WAIT up to MOST_WAIT.
FIRST_WAIT = 1.0
MOST_WAIT = 60.0


class StartupAuthorization(AsyncAuthorize):
    """What the start-up auth.test said about the bot token, as Bolt's authorize step."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.learnt: AuthorizeResult | None = None

    async def check(self, client: AsyncWebClient) -> None:
        """Call auth.test once and remember the answer; raises what the call raised."""
        response = await client.auth_test()
        scopes = response.headers.get("x-oauth-scopes") if response.headers else None
        self.learnt = AuthorizeResult.from_auth_test_response(
            bot_token=self.token, bot_scopes=scopes, auth_test_response=response
        )

    async def keep_trying(self, client: AsyncWebClient, *, first_wait: float = FIRST_WAIT) -> None:
        """Call auth.test until it answers, waiting longer after each failure (a task)."""
        wait = first_wait
        while self.learnt is None:
            await asyncio.sleep(wait)
            try:
                await self.check(client)
            except Exception as error:
                log.warning("slack still failing: %s", slack_errors.classify(error, "auth.test"))
                wait = min(wait * 2, MOST_WAIT)
        log.info("slack auth.test answered: requests are authorized as the bot")

    async def __call__(
        self,
        *,
        context: AsyncBoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult:
        """Bolt's authorize step: the learnt identity, or the request's own ids until then.

        Never calls Slack and never returns None (None would make Bolt drop the request).
        """
        learnt = self.learnt
        if learnt is None:
            return AuthorizeResult(
                enterprise_id=enterprise_id,
                team_id=team_id,
                user_id=user_id,
                bot_token=self.token,
            )
        return AuthorizeResult(
            enterprise_id=learnt.enterprise_id,
            team_id=learnt.team_id,
            team=learnt.team,
            url=learnt.url,
            bot_id=learnt.bot_id,
            bot_user_id=learnt.bot_user_id,
            bot_scopes=learnt.bot_scopes,
            bot_token=self.token,
            user_id=user_id,
        )


class StoredAuthorization(AsyncAuthorize):
    """Many workspaces: Bolt's authorize step from our installation store alone.

    Bolt's own (AsyncInstallationStoreAuthorize) calls auth.test on a workspace's first
    request and may refresh its token there, both inside the ack. The stored installation
    already holds the bot's ids; requests are stored and handled later with a token the
    delivery side refreshes (SlackWeb), so the ack reads only the database.
    """

    def __init__(self, store: AsyncInstallationStore) -> None:
        self.store = store

    async def __call__(
        self,
        *,
        context: AsyncBoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:
        """The workspace's installed bot, or None (Bolt then says the app is not installed)."""
        bot = await self.store.async_find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=context.is_enterprise_install,
        )
        if bot is None or not bot.bot_token:
            return None
        return AuthorizeResult(
            enterprise_id=bot.enterprise_id,
            team_id=bot.team_id,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_token=bot.bot_token,
            bot_scopes=bot.bot_scopes,
            user_id=user_id,
        )
