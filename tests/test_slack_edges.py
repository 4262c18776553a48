"""Slack payloads as real workspaces send them: files with a caption, replies in a thread."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

from bot.prompts import Catalog
from bot.storage.db import Database
from tests import slack_harness
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_sender import SlackSender
from tests.slack_harness import ALICE, DM, with_buttons
from tests.test_cli import cli_env, run_cli

# The fake Slack, the adapter and the signed sender, shared with the adapter's tests.
fake = slack_harness.fake
adapter = slack_harness.adapter
slack = slack_harness.slack


def dm_event(text: str, **extra: object) -> dict[str, object]:
    """A message.im event from Alice."""
    return {
        "type": "message",
        "channel_type": "im",
        "channel": DM,
        "user": ALICE,
        "text": text,
        "ts": "1700000000.000200",
        **extra,
    }


async def test_a_file_with_a_caption_is_answered_and_files_are_said_once(
    slack: SlackSender, fake: FakeSlackApi, catalog: Catalog
) -> None:
    """A DM with a file and a caption gets the coach's answer to the caption and, once, the
    note that files are not read; a file alone gets the note every time."""
    files = [{"id": "F1", "name": "letter.pdf"}]
    await slack.event(
        dm_event("My manager said no to the raise", subtype="file_share", files=files)
    )
    await slack.event(dm_event("A raise of 5%", subtype="file_share", files=files))
    await slack.event(dm_event("", subtype="file_share", files=files))
    texts = [call.args.get("text", "") for call in fake.posts(DM)]
    note = catalog.text("error.files_not_read")
    assert texts.count(note) == 2
    assert any("hoping" in text for text in texts)


async def test_a_reply_in_a_thread_is_answered_in_that_thread(
    slack: SlackSender, fake: FakeSlackApi
) -> None:
    """A DM written in a thread is answered in the thread, in the same conversation as
    the DM's root."""
    await slack.event(dm_event("My manager said no to the raise"))
    root = len(fake.posts(DM))
    await slack.event(dm_event("A raise of 5%", thread_ts="1700000000.000100"))
    answers = fake.posts(DM)[root:]
    assert answers and all(c.args.get("thread_ts") == "1700000000.000100" for c in answers)
    assert all(c.args.get("thread_ts") is None for c in fake.posts(DM)[:root])


async def test_run_with_a_refused_token_logs_one_error_and_exits_2(tmp_path: Path) -> None:
    """`reframe run` whose bot token Slack refuses (invalid_auth) logs one ERROR naming the
    cause and exits 2, without a traceback, so a supervisor alerts."""
    async with FakeSlackApi() as api:
        api.fail_next("auth.test", error="invalid_auth")
        env = cli_env(
            tmp_path,
            SLACK_BOT_TOKEN="xoxb-revoked",
            SLACK_SIGNING_SECRET="secret",
            SLACK_API_URL=api.base_url,
            PORT="0",
        )
        code, _, err = await run_cli(env, "run")
    errors = [line for line in err.splitlines() if "level=error" in line]
    assert code == 2, err
    assert len(errors) == 1 and "invalid_auth" in errors[0] and "SLACK_BOT_TOKEN" in errors[0]
    assert "Traceback" not in err


async def grid_dm(slack: SlackSender, text: str, event_id: str) -> None:
    """Alice writes in her DM, as Slack sends it for an org-wide installation."""
    body = {
        "type": "event_callback",
        # The workspace the DM was written from; the user's home workspace may differ.
        "team_id": "T0WORK",
        "enterprise_id": "E0ORG",
        "api_app_id": "A0APP",
        "event_id": event_id,
        "event_time": 1,
        "authorizations": [
            {"enterprise_id": "E0ORG", "team_id": None, "is_enterprise_install": True}
        ],
        "event": dm_event(text),
    }
    await slack.post(json.dumps(body), "application/json")


async def test_an_org_wide_install_keeps_one_user_across_dms_and_a_button(
    slack: SlackSender, fake: FakeSlackApi, db: Database, catalog: Catalog
) -> None:
    """In an org-wide (Enterprise Grid) install, DM events and a button press carrying
    `team: null` are the same person: one user row, keyed by the organization, and the press
    moves the real session on."""
    await grid_dm(slack, "My manager said no to the raise", "EvGRID1")
    await grid_dm(slack, "A raise of 5%", "EvGRID2")
    boundary = with_buttons(fake)
    button = next(
        element
        for block in boundary.args["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
    )
    payload = {
        "type": "block_actions",
        "team": None,
        "enterprise": {"id": "E0ORG", "name": "Org"},
        "is_enterprise_install": True,
        "user": {"id": ALICE, "team_id": "T0TEAM"},
        "channel": {"id": DM},
        "container": {"type": "message", "channel_id": DM},
        "message": {"ts": "1700000000.000001", "blocks": boundary.args["blocks"]},
        "actions": [{**button, "block_id": "b", "action_ts": "1.1"}],
    }
    before = len(fake.posts(DM))
    await slack.post(
        urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
    )
    async with db.autocommit() as conn:
        rows = await conn.fetch_all("SELECT workspace, user_id FROM users")
    assert [tuple(row.values()) for row in rows] == [("E0ORG", ALICE)]
    answers = [c.args.get("text", "") for c in fake.posts(DM)[before:]]
    assert answers and not any("already" in text.lower() for text in answers)
