"""Four real `reframe run` processes on one PostgreSQL, serving the fake Slack API together."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.storage.db import Database, to_db
from tests.conftest import FULL_DIALOGUE
from tests.fakes.slack_api import TEAM, Call, FakeSlackApi
from tests.test_cli import spawn
from tests.test_run_process import LISTENING, read_until, signed, slack_env

WORKERS = 4
TALKERS = 200
NUDGED = 2000
# A bound, not a timing: on a quiet machine the whole exchange takes well under a minute.
DEADLINE = 300.0


@dataclass
class CountingSlack(FakeSlackApi):
    """The fake Slack API, counting successful posts per channel and waking who waits on one."""

    posted: Counter[str] = field(default_factory=Counter)
    _posts: dict[str, asyncio.Event] = field(default_factory=dict)

    async def _record(self, call: Call) -> None:
        await super()._record(call)
        # Only the channel's own waiter is woken: 2,000 waiters never re-check every call.
        if call.method == "chat.postMessage" and call.args.get("_ok"):
            channel = str(call.args.get("channel"))
            self.posted[channel] += 1
            self._posts.pop(channel, asyncio.Event()).set()

    async def wait_for_post(self, channel: str, count: int) -> None:
        """Wait (bounded) until `channel` has had `count` posts."""
        while self.posted[channel] < count:
            event = self._posts.setdefault(channel, asyncio.Event())
            await asyncio.wait_for(event.wait(), 30)


class Versions:
    """The talkers' stored session versions, read by one poller: a turn is done once stored
    and its replies have left the outbox.

    Waiting for the reply post is not enough: a turn may post twice. A person reads the reply
    before writing again; a message sent before it was delivered is answered with the
    question it missed and not stored (issue 15), so the next message waits for both.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.seen: dict[str, int] = {}
        self.changed = asyncio.Event()

    async def poll(self) -> None:
        """Read every talker's version every 20 ms until cancelled (bounded by the test)."""
        while True:
            async with self.db.autocommit() as conn:
                rows = await conn.fetch_all(
                    "SELECT u.user_id, MAX(s.version) AS version FROM users u"
                    " JOIN sessions s ON s.user_ref = u.id WHERE u.user_id LIKE 'U%'"
                    " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.user_id = u.user_id"
                    " AND o.status = 'pending') GROUP BY u.user_id"
                )
            # A user with replies still to deliver keeps the version seen before.
            self.seen.update({row["user_id"]: row["version"] for row in rows})
            self.changed.set()
            self.changed = asyncio.Event()
            await asyncio.sleep(0.02)

    async def reached(self, user: str, version: int) -> None:
        """Wait until the user's session is stored at `version` or later, replies delivered."""
        while self.seen.get(user, 0) < version:
            await asyncio.wait_for(self.changed.wait(), 30)


async def seed_due_nudges(db: Database, now: datetime) -> None:
    """NUDGED Slack users with a finished plan and a nudge fallen due in the last hour.

    Their quiet hours sit three hours from now, so the nudges go out whatever the hour of
    the run.
    """
    quiet = (
        (now + timedelta(hours=3)).strftime("%H:00"),
        (now + timedelta(hours=4)).strftime("%H:00"),
    )
    plan = json.dumps({"answers": {"ask": "A raise", "option": "later", "question": "Why?"}})
    async with db.transaction() as conn:
        await conn.execute_many(
            "INSERT INTO users (platform, workspace, user_id, timezone, quiet_start, quiet_end,"
            " created_at) VALUES ('slack', :team, :user, 'UTC', :qs, :qe, :at)",
            [
                {
                    "team": TEAM,
                    "user": f"N{index:04d}",
                    "qs": quiet[0],
                    "qe": quiet[1],
                    "at": to_db(now - timedelta(days=30)),
                }
                for index in range(NUDGED)
            ],
        )
        await conn.execute(
            "INSERT INTO sessions (user_ref, number, step, status, state, started_at, updated_at)"
            " SELECT id, 1, 'summary', 'finished', :plan, created_at, created_at FROM users",
            {"plan": plan},
        )
        await conn.execute(
            "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
            " created_at) SELECT id, 'slack', 1, :due, :due, created_at FROM users",
            {"due": to_db(now - timedelta(minutes=30))},
        )


def message(user: str, text: str, event_id: str) -> str:
    """A signed-ready Events API body: a DM from `user`."""
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": TEAM,
            "api_app_id": "A0APP",
            "event_id": event_id,
            "event_time": int(time.time()),
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": f"D{user}",
                "user": user,
                "text": text,
                "ts": f"{time.time():.6f}",
            },
        }
    )


@pytest.mark.postgresql_only
async def test_four_processes_serve_two_hundred_dialogues_and_two_thousand_nudges_once(
    db: Database, db_env: dict[str, str], tmp_path: Path
) -> None:
    """Four `reframe run` processes on one PostgreSQL: 200 users finish their dialogues while
    2,000 due nudges go out; every answer is stored once and every nudge is posted once."""
    await seed_due_nudges(db, datetime.now(UTC))
    talkers = [f"U{index:04d}" for index in range(TALKERS)]
    fake = CountingSlack()
    async with fake:
        fake.zones.update({user: "UTC" for user in talkers})
        env = slack_env(tmp_path, fake, **db_env)
        env.pop("REFRAME_DB")
        processes = [await spawn(env, "run") for _ in range(WORKERS)]
        logs: list[list[str]] = [[] for _ in processes]
        drains: list[asyncio.Task[None]] = []
        try:
            ports = []
            for process in processes:
                assert process.stderr is not None
                ports.append(int((await read_until(process.stderr, LISTENING)).group(1)))
            for process, lines in zip(processes, logs, strict=True):
                drains.append(asyncio.create_task(drain(process.stderr, lines)))
            events = itertools.count()
            versions = Versions(db)
            poller = asyncio.create_task(versions.poll())

            async def talk(number: int, user: str) -> None:
                async with aiohttp.ClientSession() as http:
                    for turn, text in enumerate(FULL_DIALOGUE):
                        # Each message of a user goes to the next worker: turns hop processes.
                        url = f"http://127.0.0.1:{ports[(number + turn) % WORKERS]}/slack/events"
                        body = message(user, text, f"Ev{next(events):06d}")
                        async with http.post(url, data=body, headers=signed(body)) as answer:
                            assert answer.status == 200
                        # Every typed message changes the session: turn N stores version N+1.
                        await versions.reached(user, turn + 1)

            async def nudges_out() -> None:
                for index in range(NUDGED):
                    await fake.wait_for_post(f"DN{index:04d}", 1)

            try:
                await asyncio.wait_for(
                    asyncio.gather(nudges_out(), *(talk(n, u) for n, u in enumerate(talkers))),
                    DEADLINE,
                )
            finally:
                poller.cancel()
        finally:
            for process in processes:
                if process.returncode is None:
                    process.terminate()
            for process in processes:
                await asyncio.wait_for(process.wait(), 30)
            await asyncio.gather(*drains, return_exceptions=True)
        err = "".join(itertools.chain.from_iterable(logs))
        nudge_posts = {channel: n for channel, n in fake.posted.items() if channel.startswith("DN")}
    assert "Traceback" not in err, err[-3000:]
    assert all(process.returncode == 0 for process in processes), err[-3000:]
    assert len(nudge_posts) == NUDGED and set(nudge_posts.values()) == {1}
    async with db.autocommit() as conn:
        sessions = await conn.fetch_all(
            "SELECT u.user_id, s.step, s.status, s.state, s.version FROM users u"
            " JOIN sessions s ON s.user_ref = u.id WHERE u.user_id LIKE 'U%'"
        )
        # Each event is kept in the inbox once (its id is the key) and handled once.
        events_stored = await conn.fetch_value(
            "SELECT COUNT(*) FROM inbox WHERE user_id LIKE 'U%' AND status = 'done'"
        )
        reminders = await conn.fetch_all(
            "SELECT r.status, COUNT(*) AS n FROM reminders r JOIN users u ON u.id = r.user_ref"
            " WHERE u.user_id LIKE 'N%' GROUP BY r.status"
        )
    assert {row["status"]: row["n"] for row in reminders} == {"sent": NUDGED}
    assert events_stored == TALKERS * len(FULL_DIALOGUE)
    assert len(sessions) == TALKERS
    # Each user typed the same words: any turn lost or run twice would set one user apart.
    outcomes = {
        (
            row["step"],
            row["status"],
            row["version"],
            json.dumps(json.loads(row["state"])["answers"], sort_keys=True),
        )
        for row in sessions
    }
    assert len(outcomes) == 1, outcomes
    step, status, _, answers = outcomes.pop()
    assert (step, status) == ("summary", "finished")
    assert json.loads(answers)["setback"] == FULL_DIALOGUE[1]


async def drain(stream: Any, lines: list[str]) -> None:
    """Keep reading a process's log so its pipe never fills (kept for a failure's message)."""
    while raw := await stream.readline():
        lines.append(raw.decode())
