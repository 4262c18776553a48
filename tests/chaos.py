"""Kill `reframe run` at random moments while users talk to it; count what was acknowledged.

A real `reframe run` (Slack HTTP mode) serves users against the fake Slack; this process
plays Slack: it sends each user's DMs and button presses, signed, and counts a request as
acknowledged only when it got HTTP 200. An event that was not acknowledged is sent again
with the same event_id, as Slack retries it; a press that was not is pressed again. A
killer SIGKILLs the process after a random number of acknowledged requests and restarts it.
Afterwards `Tally.verdict` reads the database: every acknowledged DM and press must have
been handled exactly once, and no nudge answered before it was (re)sent may be posted again.
Used by tests/test_kill_stress.py and, with more kills, bench/kills.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import re
import signal
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests.fakes.slack_api import TEAM, Call, FakeSlackApi

SECRET = "chaos-signing-secret"
LISTENING = re.compile(rb"slack listening on [\d.]+:(\d+)/slack/events")
# A bound, not a speed: at load 15 on two cores a start took over 30 s (imports, the model).
START_WAIT = 120.0
REPLY_WAIT = 10.0
DRAIN_WAIT = 60.0
ROOT = Path(__file__).resolve().parents[1]
# A user says something new every time: a text handled twice shows up twice in the answers.
OPENING = "my manager said no to the promotion"
# The inbox's kind for a button press (bot.adapters.slack_work.BUTTON).
PRESS_KIND = "button"


def buttons(call: Call) -> list[dict[str, Any]]:
    """Every button of a posted message."""
    return [
        element
        for block in call.args.get("blocks") or []
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    ]


def nudge_buttons(call: Call) -> list[dict[str, Any]]:
    """The nudge buttons of a posted message ([] when it is not a nudge)."""
    return [b for b in buttons(call) if str(b.get("value", "")).split("|")[1:2] == ["nudge"]]


class Coach:
    """A `reframe run` process that can be killed and started again on the same database."""

    def __init__(self, env: dict[str, str], ready: re.Pattern[bytes] = LISTENING) -> None:
        self.env = env
        # The log line that says the process serves (its group, if any: the port).
        self.ready = ready
        self.process: asyncio.subprocess.Process | None = None
        self.port = 0
        self.up = asyncio.Event()
        self.starts = 0
        self._drain: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start the process and wait until it serves (/slack/events, or its `ready` line)."""
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=ROOT,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        assert self.process.stderr is not None
        stream = self.process.stderr
        while True:
            line = await asyncio.wait_for(stream.readline(), START_WAIT)
            if not line:
                raise AssertionError("reframe run ended before it served")
            found = self.ready.search(line)
            if found:
                self.port = int(found.group(1)) if found.groups() else 0
                break
        # Keep reading the log so the pipe never fills and blocks the process.
        self._drain = asyncio.create_task(_drain(stream))
        self.starts += 1
        self.up.set()

    async def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, whatever was in flight."""
        self.up.clear()
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()
        if self._drain is not None:
            await self._drain

    async def stop(self) -> int:
        """SIGTERM and wait for a clean exit; the exit code."""
        self.up.clear()
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.process.wait(), 30)
        if self._drain is not None:
            await self._drain
        return self.process.returncode or 0


async def _drain(stream: asyncio.StreamReader) -> None:
    while await stream.readline():
        pass


@dataclass
class Tally:
    """What this process (playing Slack) saw acknowledged."""

    acked_events: dict[str, str] = field(default_factory=dict)  # event_id -> user
    acked_presses: Counter[str] = field(default_factory=Counter)  # user -> count
    # user -> when their press on the nudge was acknowledged (time.monotonic())
    nudge_pressed_at: dict[str, float] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)  # user -> every text sent
    sent: int = 0
    refused: int = 0
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def note_ack(self) -> None:
        """Wake whoever waits for a number of acknowledgements."""
        async with self.changed:
            self.changed.notify_all()

    @property
    def acked(self) -> int:
        """Acknowledged requests, DMs and presses."""
        return len(self.acked_events) + sum(self.acked_presses.values())


class Slack:
    """Signed requests to whatever port the coach serves on now."""

    def __init__(self, coach: Coach, fake: FakeSlackApi, tally: Tally) -> None:
        self.coach = coach
        self.fake = fake
        self.tally = tally
        self.verifier = SignatureVerifier(SECRET)
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        self._ids = itertools.count(1)

    async def close(self) -> None:
        """Close the HTTP session."""
        await self.session.close()

    async def _post(self, body: str, content_type: str, headers: dict[str, str]) -> bool:
        """One POST; True only on HTTP 200 (an acknowledgement)."""
        await asyncio.wait_for(self.coach.up.wait(), START_WAIT)
        stamp = str(int(time.time()))
        sent = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": self.verifier.generate_signature(timestamp=stamp, body=body) or "",
            **headers,
        }
        self.tally.sent += 1
        url = f"http://127.0.0.1:{self.coach.port}/slack/events"
        try:
            async with self.session.post(url, data=body, headers=sent) as response:
                await response.read()
                ok = response.status == 200
        except (aiohttp.ClientError, TimeoutError, OSError):
            ok = False
        if not ok:
            self.tally.refused += 1
        return ok

    async def dm(self, user: str, text: str) -> None:
        """Send a DM event until it is acknowledged, retrying with the same event_id."""
        event_id = f"Ev{user}{next(self._ids):06d}"
        body = json.dumps(
            {
                "type": "event_callback",
                "team_id": TEAM,
                "api_app_id": "A0APP",
                "event_id": event_id,
                "event_time": int(time.time()),
                "event": {
                    "type": "message",
                    "channel_type": "im",
                    "channel": "D" + user,
                    "user": user,
                    "text": text,
                    "ts": f"{time.time():.6f}",
                },
            }
        )
        self.tally.texts.setdefault(user, []).append(text)
        for retry in itertools.count():
            headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "timeout"}
            if await self._post(body, "application/json", headers if retry else {}):
                self.tally.acked_events[event_id] = user
                await self.tally.note_ack()
                return

    async def press(self, user: str, posted: Call, button: dict[str, Any]) -> bool:
        """Press a button once; True when the press was acknowledged."""
        payload = {
            "type": "block_actions",
            "user": {"id": user, "team_id": TEAM},
            "team": {"id": TEAM},
            "channel": {"id": posted.args["channel"]},
            "container": {"type": "message", "channel_id": posted.args["channel"]},
            "message": {"ts": posted.args.get("_ts"), "blocks": posted.args["blocks"]},
            "actions": [{**button, "block_id": "b", "action_ts": f"{time.time():.6f}"}],
            "response_url": self.fake.response_url("action"),
            "trigger_id": f"{next(self._ids)}.1.2",
        }
        body = urlencode({"payload": json.dumps(payload)})
        if await self._post(body, "application/x-www-form-urlencoded", {}):
            self.tally.acked_presses[user] += 1
            await self.tally.note_ack()
            return True
        return False


async def converse(
    slack: Slack, user: str, turns: int, stop: asyncio.Event, *, nudged: bool = False
) -> None:
    """One user: a setback, then answers (typed, or a button pressed), each after the
    coach's last reply, as a person in a dialogue; a nudge that arrives is answered (a
    `nudged` user waits for theirs first, bounded)."""
    fake = slack.fake
    rng = random.Random(user)
    channel = "D" + user
    if nudged:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(fake.wait_until(_nudge_posted(fake, channel)), REPLY_WAIT)
    else:
        await slack.dm(user, f"{OPENING} ({user})")
    for number in range(turns):
        if stop.is_set():
            return
        seen = len(fake.posts(channel))
        posts = fake.posts(channel)
        last = posts[-1] if posts else None
        nudges = [p for p in posts if nudge_buttons(p)]
        if nudges and user not in slack.tally.nudge_pressed_at:
            if await slack.press(user, nudges[-1], nudge_buttons(nudges[-1])[0]):
                slack.tally.nudge_pressed_at[user] = time.monotonic()
        elif last is not None and buttons(last) and rng.random() < 0.8:
            await slack.press(user, last, rng.choice(buttons(last)))
        else:
            await slack.dm(user, f"answer {number} from {user}")
        # A person reads the reply before writing again (bounded: a kill may delay it).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(fake.wait_until(_more_posts(fake, channel, seen)), REPLY_WAIT)


def nudged_after(fake: FakeSlackApi, user: str, moment: float) -> bool:
    """Whether a nudge reached the user's DM after `moment` (time.monotonic())."""
    return any(nudge_buttons(call) and call.at > moment for call in fake.posts("D" + user))


def _nudge_posted(fake: FakeSlackApi, channel: str) -> Callable[[], bool]:
    """A predicate: a nudge reached the channel."""
    return lambda: any(nudge_buttons(call) for call in fake.posts(channel))


def _more_posts(fake: FakeSlackApi, channel: str, seen: int) -> Callable[[], bool]:
    """A predicate: the channel got more than `seen` posts."""
    return lambda: len(fake.posts(channel)) > seen


async def kill_now_and_then(
    coach: Coach, tally: Tally, kills: int, rng: random.Random, over: Callable[[], bool]
) -> int:
    """Kill the coach after a random number of acknowledgements, `kills` times (or until
    `over()`), starting it again each time; how many kills there were."""
    done = 0
    while done < kills and not over():
        target = tally.acked + rng.randint(2, 12)
        async with tally.changed:
            while tally.acked < target and not over():
                # Bounded, to notice `over()`: the talkers' end notifies nobody.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(tally.changed.wait(), 0.2)
        if over():
            break
        await coach.kill()
        done += 1
        await coach.start()
    return done


async def drained(db_path: Path, most: float) -> None:
    """Wait (polling, bounded) until no inbox or outbox row is left to handle."""
    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        if await asyncio.to_thread(_left, db_path) == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{_left(db_path)} inbox/outbox rows still pending")


def _left(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        left = conn.execute("SELECT count(*) FROM inbox WHERE status = 'pending'").fetchone()
        out = conn.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()
    return int(left[0]) + int(out[0])


def seed_nudges(db_path: Path, users: Sequence[str], migrations: Path, prompts: Path) -> None:
    """Give each user a finished reframe whose revisit nudge is due now."""
    asyncio.run(_seed(db_path, users, migrations, prompts))


async def _seed(db_path: Path, users: Sequence[str], migrations: Path, prompts: Path) -> None:
    from bot.clock import ManualClock
    from bot.domain import Inbound, UserKey
    from bot.prompts import load_catalog
    from bot.service import CoachService
    from bot.storage.db import Database
    from bot.storage.migrate import migrate
    from tests.conftest import FULL_DIALOGUE

    clock = ManualClock(datetime.now(UTC) - timedelta(days=30))
    async with Database(db_path) as db:
        await migrate(db, migrations)
        service = CoachService(db, load_catalog(prompts), clock)
        for user in users:
            key = UserKey("slack", TEAM, user)
            for line in FULL_DIALOGUE:
                await service.handle(Inbound(key, text=line, timezone_hint="UTC"))


@dataclass(frozen=True)
class Verdict:
    """What the database says about what was acknowledged."""

    acked_events: int
    lost_events: list[str]
    acked_presses: int
    lost_presses: dict[str, int]
    doubled: list[str]
    resent_nudges: list[str]
    unfinished: int


def verdict(db_path: Path, tally: Tally, fake: FakeSlackApi) -> Verdict:
    """Compare what was acknowledged with what the database and the fake's posts show."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT event_key, user_id, kind, status FROM inbox").fetchall()
        states = conn.execute(
            "SELECT u.user_id, s.state FROM sessions s JOIN users u ON u.id = s.user_ref"
        ).fetchall()
    done_events = {key.rsplit(":", 1)[-1] for key, _, _, status in rows if status == "done"}
    lost = [event for event in tally.acked_events if event not in done_events]
    presses_done: Counter[str] = Counter(
        user for _, user, kind, status in rows if status == "done" and kind == PRESS_KIND
    )
    lost_presses = {
        user: count - presses_done[user]
        for user, count in tally.acked_presses.items()
        if presses_done[user] < count
    }
    answers: dict[str, str] = {}
    for user, state in states:
        answers[user] = answers.get(user, "") + json.dumps(json.loads(state).get("answers", {}))
    doubled = [
        text
        for user, texts in tally.texts.items()
        for text in texts
        if answers.get(user, "").count(json.dumps(text)[1:-1]) > 1
    ]
    resent = [
        user for user, acked in tally.nudge_pressed_at.items() if nudged_after(fake, user, acked)
    ]
    unfinished = sum(1 for *_, status in rows if status not in ("done", "failed"))
    return Verdict(
        len(tally.acked_events),
        lost,
        sum(tally.acked_presses.values()),
        lost_presses,
        doubled,
        resent,
        unfinished,
    )


@dataclass(frozen=True)
class Run:
    """One stress run: the kills done, the clean exit's code, what was sent and found."""

    kills: int
    exit_code: int
    tally: Tally
    found: Verdict
    seconds: float


async def stress(
    folder: Path, *, users: Sequence[str], nudged: Sequence[str], kills: int, seed: int
) -> Run:
    """Seed the nudges, start `reframe run`, let the users talk while it is killed `kills`
    times, drain, stop it cleanly and read the verdict."""
    db_path = folder / "coach.db"
    await asyncio.to_thread(seed_nudges, db_path, nudged, ROOT / "migrations", ROOT / "prompts")
    began = time.monotonic()
    async with FakeSlackApi() as fake:
        env = run_env(folder, fake)
        coach = Coach(env)
        tally = Tally()
        await coach.start()
        slack = Slack(coach, fake, tally)
        stop = asyncio.Event()
        try:
            talking = [
                asyncio.create_task(converse(slack, user, kills * 4, stop, nudged=user in nudged))
                for user in users
            ]
            done = await kill_now_and_then(
                coach, tally, kills, random.Random(seed), lambda: all(t.done() for t in talking)
            )
            stop.set()
            await asyncio.gather(*talking)
            await drained(db_path, DRAIN_WAIT)
            exit_code = await coach.stop()
        finally:
            stop.set()
            await slack.close()
            await coach.kill()
        found = verdict(db_path, tally, fake)
    return Run(done, exit_code, tally, found, time.monotonic() - began)


def run_env(folder: Path, fake: FakeSlackApi, **extra: str) -> dict[str, str]:
    """`reframe run` in Slack HTTP mode on a free port, against the fake, on folder's db."""
    from tests.test_cli import cli_env

    return cli_env(
        folder,
        SLACK_BOT_TOKEN="xoxb-chaos",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.base_url,
        PORT="0",
        LOG_LEVEL="INFO",
        # This checkout's texts and schema, whichever copy the package was installed from.
        REFRAME_PROMPTS_DIR=str(ROOT / "prompts"),
        REFRAME_MIGRATIONS_DIR=str(ROOT / "migrations"),
        **extra,
    )
