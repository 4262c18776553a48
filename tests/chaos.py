"""Kill `reframe run` at random moments while users talk to it; count what was acknowledged.

A real `reframe run` (Slack HTTP mode) serves users against the fake Slack; this process
plays Slack: it sends each user's DMs and button presses, signed, and counts a request as
acknowledged only when it got HTTP 200. An event that was not acknowledged is sent again
with the same event_id, as Slack retries it; a press that was not is pressed again. A
killer SIGKILLs the process after a random number of acknowledged requests and restarts it.
Afterwards `verdict` reads the database: every acknowledged DM and press must have
been handled exactly once, and no nudge answered before it was (re)sent may be posted again.
Used by tests/test_kill_stress.py and, with more kills, bench/kills.py. The process is
chaos_coach.py's, the counting and the verdict chaos_verdict.py's (their users' names are
exported here too).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests.chaos_coach import ROOT, SECRET, START_WAIT, Coach, run_env
from tests.chaos_verdict import (
    Tally,
    Verdict,
    buttons,
    drained,
    nudge_buttons,
    nudged_after,
    seed_nudges,
    verdict,
)
from tests.fakes.slack_api import TEAM, Call, FakeSlackApi

# What the stress tests and benchmarks use of the two parts, through this module.
__all__ = [
    "ROOT",
    "SECRET",
    "Coach",
    "Slack",
    "Tally",
    "drained",
    "nudge_buttons",
    "nudged_after",
    "run_env",
    "seed_nudges",
    "stress",
]

REPLY_WAIT = 10.0
DRAIN_WAIT = 60.0

# A user says something new every time: a text handled twice shows up twice in the answers.
OPENING = "my manager said no to the promotion"


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
