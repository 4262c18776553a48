"""The `reframe` command as a user runs it: real subprocesses, pipes, SIGKILL."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import ROOT

READ_TIMEOUT = 30.0


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A clean environment: no platform tokens, a private home and database, and no ops
    endpoint unless a test asks for one (`reframe run` would otherwise take port 9464)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "DISCORD_", "REFRAME_", "OPS_", "LOG_FORMAT"))
    }
    env.update(
        {
            "HOME": str(tmp_path),
            "REFRAME_DB": str(tmp_path / "coach.db"),
            "TZ": "UTC",
            "OPS_PORT": "off",
            "QUIET_HOURS": awake_now(),
        }
    )
    env.update(extra)
    return env


def awake_now() -> str:
    """QUIET_HOURS for a real process: one minute twelve hours from now (UTC), so a nudge due
    now is sent at whatever hour the suite runs (the default 21:00-08:00 would hold it)."""
    start = datetime.now(UTC) + timedelta(hours=12)
    return f"{start:%H:%M}-{start + timedelta(minutes=1):%H:%M}"


class Chat:
    """A running `reframe chat` whose output can be awaited line by line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.seen: list[str] = []

    async def send(self, line: str) -> None:
        """Type one line."""
        assert self.process.stdin is not None
        self.process.stdin.write((line + "\n").encode())
        await self.process.stdin.drain()

    async def read_until(self, fragment: str) -> str:
        """Read output until a line contains fragment; return everything read meanwhile."""
        assert self.process.stdout is not None
        chunk: list[str] = []
        while True:
            raw = await asyncio.wait_for(self.process.stdout.readline(), READ_TIMEOUT)
            if not raw:
                raise AssertionError(f"output ended before {fragment!r}: {''.join(chunk)}")
            line = raw.decode()
            chunk.append(line)
            self.seen.append(line)
            if fragment in line:
                return "".join(chunk)


async def spawn(
    env: Mapping[str, str], *args: str, preexec_fn: Callable[[], None] | None = None
) -> asyncio.subprocess.Process:
    """Start `python -m bot ARGS` from the project folder, every stream piped; preexec_fn
    runs in the child first (to set a resource limit, say)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=ROOT,
        env=dict(env),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        preexec_fn=preexec_fn,
    )


async def start_chat(env: Mapping[str, str], *args: str) -> Chat:
    """Start `python -m bot chat` with piped stdin and stdout."""
    return Chat(await spawn(env, "chat", *args))


@pytest.fixture
async def chats() -> AsyncIterator[list[Chat]]:
    """Chats started by a test, killed and reaped afterwards whatever happened."""
    started: list[Chat] = []
    yield started
    for chat in started:
        if chat.process.returncode is None:
            chat.process.kill()
        await chat.process.communicate()


async def run_cli(env: Mapping[str, str], *args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """Run the command to completion; return exit code, stdout and stderr."""
    process = await spawn(env, *args)
    out, err = await asyncio.wait_for(process.communicate(stdin), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_piped_chat_answers_each_line_and_exits_at_end_of_input(tmp_path: Path) -> None:
    """With stdin from a pipe: one message per line, replies on stdout, exit 0 at EOF."""
    lines = "My landlord said no to fixing the heating\nA repair before winter\nstatus\n"
    code, out, err = await run_cli(cli_env(tmp_path), "chat", "--user", "pat", stdin=lines.encode())
    assert code == 0, err
    assert "What's the no you ran into?" in out
    assert "What were you hoping for?" in out
    assert "hard boundary" in out and "1. Hard boundary" in out
    assert "2 of 14 questions answered" in out
    assert "Traceback" not in err


async def test_no_command_without_tokens_opens_the_chat(tmp_path: Path) -> None:
    """`reframe` with no command and no platform token opens the terminal chat."""
    code, out, err = await run_cli(cli_env(tmp_path), stdin=b"My landlord said no to a repair\n")
    assert code == 0, err
    assert "What were you hoping for?" in out
    assert "Traceback" not in err


async def test_a_killed_chat_resumes_at_the_same_question_with_answers_intact(
    tmp_path: Path, chats: list[Chat]
) -> None:
    """SIGKILL mid-dialogue; the next start continues at the same question, nothing lost."""
    env = cli_env(tmp_path)
    chat = await start_chat(env, "--user", "sam")
    chats.append(chat)
    await chat.read_until("What's the no you ran into?")
    await chat.send("The client turned down my proposal 😞")
    await chat.read_until("What were you hoping for?")
    await chat.send("A six-month contract")
    await chat.read_until("3. Not sure")
    await chat.send("soft")
    await chat.read_until("3. No")
    chat.process.send_signal(signal.SIGKILL)
    assert await chat.process.wait() == -signal.SIGKILL

    again = await start_chat(env, "--user", "sam")
    chats.append(again)
    screen = await again.read_until("3. No")
    assert "Could the context or the timing change?" in screen
    with sqlite3.connect(tmp_path / "coach.db") as conn:
        (state,) = conn.execute("SELECT state FROM sessions").fetchone()
    assert "The client turned down my proposal 😞" in state
    assert "A six-month contract" in state and '"boundary":"soft"' in state
    await again.send("maybe")
    await again.read_until("What might you not be seeing?")


async def test_run_without_tokens_explains_and_exits_non_zero(tmp_path: Path) -> None:
    """`reframe run` with no platform configured names the settings and points to chat."""
    code, _, err = await run_cli(cli_env(tmp_path), "run")
    assert code != 0
    assert "SLACK_BOT_TOKEN" in err and "DISCORD_TOKEN" in err and "reframe chat" in err
    assert "Traceback" not in err


async def test_bad_settings_are_listed_without_a_traceback(tmp_path: Path) -> None:
    """Broken settings give one message naming each problem, and exit 2."""
    env = cli_env(tmp_path, DEFAULT_TIMEZONE="Nowhere/Land", QUIET_HOURS="soon")
    code, _, err = await run_cli(env, "chat")
    assert code == 2
    assert "Nowhere/Land" in err and "QUIET_HOURS" in err
    assert "Traceback" not in err


async def test_migrate_creates_the_schema_and_is_idempotent(tmp_path: Path) -> None:
    """`reframe migrate` applies every file once, then reports the schema up to date."""
    env = cli_env(tmp_path)
    code, out, _ = await run_cli(env, "migrate")
    assert code == 0 and "applied 0001_init" in out
    code, out, _ = await run_cli(env, "migrate")
    assert code == 0 and "up to date" in out


async def test_a_due_reminder_is_delivered_on_the_first_start_only(
    tmp_path: Path, chats: list[Chat]
) -> None:
    """A nudge already due in the database appears when the chat starts, and never again."""
    env = cli_env(tmp_path)
    code, _, err = await run_cli(env, "migrate")
    assert code == 0, err
    now = datetime.now(UTC)
    # Quiet hours placed away from now, so the test passes at any hour of the day.
    quiet_start = (now + timedelta(hours=3)).strftime("%H:00")
    quiet_end = (now + timedelta(hours=4)).strftime("%H:00")
    past = (now - timedelta(hours=1)).isoformat(timespec="microseconds")
    state = json.dumps(
        {
            "answers": {
                "ask": "A raise of 5%",
                "option": "later",
                "option_detail": "Bring the Q3 numbers",
                "offer": "I run the team",
                "question": "What would change your mind?",
            }
        }
    )
    with sqlite3.connect(tmp_path / "coach.db") as conn:
        conn.execute(
            "INSERT INTO users (platform, workspace, user_id, timezone, quiet_start, quiet_end,"
            " created_at) VALUES ('console', 'local', 'kim', 'UTC', ?, ?, ?)",
            (quiet_start, quiet_end, past),
        )
        conn.execute(
            "INSERT INTO sessions (user_ref, number, step, status, state, revisit_at, started_at,"
            " updated_at) VALUES (1, 1, 'summary', 'finished', ?, ?, ?, ?)",
            (state, past, past, past),
        )
        conn.execute(
            "INSERT INTO reminders (user_ref, platform, session_number, due_at, send_after,"
            " created_at) VALUES (1, 'console', 1, ?, ?, ?)",
            (past, past, past),
        )
    first = await start_chat(env, "--user", "kim")
    chats.append(first)
    screen = await first.read_until("5. Stop reminding me")
    assert "What would change your mind?" in screen and "Bring the Q3 numbers" in screen
    await first.send("1")
    await first.read_until("wins journal")
    assert first.process.stdin is not None
    first.process.stdin.close()
    assert await first.process.wait() == 0

    second = await start_chat(env, "--user", "kim")
    chats.append(second)
    await second.read_until("Tell me about a no")
    await second.send("wins")
    out = await second.read_until("became a maybe or a yes")
    assert "Your no became a maybe or a yes" in out
    assert second.process.stdin is not None
    second.process.stdin.close()
    rest, _ = await second.process.communicate()
    assert "How did it go?" not in "".join(second.seen) + rest.decode()
    with sqlite3.connect(tmp_path / "coach.db") as conn:
        rows = conn.execute("SELECT status, answered_at IS NOT NULL FROM reminders").fetchall()
    assert rows == [("sent", 1)]
