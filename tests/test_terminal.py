"""The terminal chat as a person uses it: pastes whole, plain text, quiet endings, help."""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import sys
import termios
import threading
from asyncio.subprocess import PIPE
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.adapters.console import GOODBYE, GOODBYE_FORGOTTEN, PROMPT, ConsoleChat, format_message
from bot.adapters.terminal_input import (
    PasteJoiner,
    TypedLines,
    kept_terminal,
    plain,
    without_escapes,
)
from bot.domain import Button, Message
from bot.service import CoachService
from bot.storage import repos
from bot.storage.db import Database
from tests.conftest import ALICE, ROOT, say
from tests.test_cli import Chat, chats, cli_env, run_cli, start_chat

__all__ = ["chats"]


def test_lines_within_the_window_are_one_message() -> None:
    """Lines 10 ms apart are joined; a line a second later starts the next message."""
    joiner = PasteJoiner(window=0.05)
    assert joiner.add("first line", 0.0) is None
    assert joiner.add("second line", 0.01) is None
    assert joiner.add("typed later", 1.0) == "first line\nsecond line"
    assert joiner.flush() == "typed later"


def scripted(lines: list[str], screen: io.StringIO | None = None) -> Callable[[str], str]:
    """A read_line that shows its prompt on `screen` (as input() does), returns these lines,
    then raises EOFError (Ctrl-D)."""
    feed: Iterator[str] = iter(lines)

    def read_line(prompt: str) -> str:
        if screen is not None:
            screen.write(prompt)
        for line in feed:
            return line
        raise EOFError

    return read_line


async def test_a_paste_is_one_answer_and_typing_apart_is_two() -> None:
    """With an injected clock, a 25-line paste is one message and a later line another."""
    stamps = iter([0.001 * n for n in range(25)] + [5.0])
    paste = [f"line {n}" for n in range(25)]
    got = [
        m
        async for m in TypedLines(
            scripted([*paste, "next"]), window=0.5, clock=lambda: next(stamps)
        ).messages()
    ]
    assert got == ["\n".join(paste), "next"]


def test_escape_codes_and_markdown_never_reach_the_user_or_the_answer() -> None:
    """Arrow-key escapes are dropped from a line; backticks and bold marks from coach text."""
    assert without_escapes("my boss\x1b[A\x1b[D said no") == "my boss said no"
    assert plain("Type `help` or **stop**.") == "Type help or stop."
    shown = format_message(Message("Type `skip`.", buttons=(Button("a", "Yes"),)))
    assert shown == "Type skip.\n  1. Yes"


@pytest.mark.parametrize("word", ["exit", "quit", "Exit "])
async def test_exit_typed_alone_leaves_the_chat_and_is_not_an_answer(
    service: CoachService, db: Database, word: str
) -> None:
    """exit or quit alone at the prompt ends the chat with the goodbye, and is never stored."""
    out = io.StringIO()
    chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=out, interactive=True)
    chat.read_line = scripted([word])
    await chat.start()
    assert "Type exit" in out.getvalue()
    assert await chat.run() == 0
    assert out.getvalue().endswith(f"\n{GOODBYE}\n")
    async with db.autocommit() as conn:
        record = await repos.load_user(conn, user=ALICE)
    assert record is None or record.session is None or not record.session.answers


async def test_ctrl_d_says_the_answers_are_saved(service: CoachService) -> None:
    """End of input at an interactive prompt ends the line and says the answers are kept."""
    out = io.StringIO()
    chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=out, interactive=True)
    chat.read_line = scripted(["My manager said no to the promotion"])
    await chat.start()
    assert await chat.run() == 0
    assert out.getvalue().endswith(f"\n{GOODBYE}\n")
    assert "What were you hoping for?" in out.getvalue()


async def test_ctrl_c_prints_a_newline_and_says_the_answers_are_saved(
    tmp_path: Path, chats: list[Chat]
) -> None:
    """SIGINT at the prompt: a new line, the saved-answers goodbye, no traceback."""
    chat = await start_chat(cli_env(tmp_path), "--user", "cc")
    chats.append(chat)
    await chat.read_until("What's the no you ran into?")
    chat.process.send_signal(signal.SIGINT)
    out, err = await asyncio.wait_for(chat.process.communicate(), 30)
    assert f"\n{GOODBYE}" in out.decode()
    assert "Traceback" not in err.decode()


async def test_a_closed_stdout_ends_quietly(tmp_path: Path) -> None:
    """`reframe chat | head -1`: the reader goes away, the chat exits 0 with no traceback."""
    script = (
        "set -o pipefail; printf 'My landlord said no\\n%.0s' $(seq 200)"
        f" | {sys.executable} -m bot chat --user pipe | head -1"
    )
    process = await asyncio.create_subprocess_exec(
        "bash", "-c", script, cwd=ROOT, env=cli_env(tmp_path), stdout=PIPE, stderr=PIPE
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    assert out.decode().startswith("Hi, I'm Reframe Coach")
    assert "Traceback" not in err.decode() and "BrokenPipe" not in err.decode()


async def test_help_and_dash_dash_help_show_the_commands(tmp_path: Path) -> None:
    """`reframe help` and `reframe --help` both list the commands, chat words included."""
    for argument in ("help", "--help"):
        code, out, err = await run_cli(cli_env(tmp_path), argument)
        assert code == 0, err
        assert "chat" in out and "migrate" in out and "forget me" in out


def test_the_terminal_gets_its_settings_back_when_the_chat_is_interrupted() -> None:
    """Echo and line mode switched off inside the chat are switched on again after Ctrl-C."""
    leader, follower = os.openpty()
    try:
        with open(follower, closefd=False) as stream:
            before = termios.tcgetattr(follower)
            with pytest.raises(KeyboardInterrupt), kept_terminal(stream):
                raw = termios.tcgetattr(follower)
                raw[3] &= ~(termios.ECHO | termios.ICANON)
                termios.tcsetattr(follower, termios.TCSANOW, raw)
                raise KeyboardInterrupt
            after = termios.tcgetattr(follower)
        assert after[3] & termios.ECHO and after[3] & termios.ICANON
        assert after == before
    finally:
        os.close(leader)
        os.close(follower)


def _read_pty_until(leader: int, seen: bytearray, fragment: bytes, deadline: float) -> None:
    """Read the terminal's output into seen until it holds fragment (or fail at the deadline)."""
    import select
    import time

    while fragment not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"never saw {fragment!r}: {bytes(seen[-400:])!r}"
        ready, _, _ = select.select([leader], [], [], left)
        if ready:
            seen += os.read(leader, 65536)


def test_a_paste_without_a_final_newline_is_one_message_sent_by_enter(tmp_path: Path) -> None:
    """In a real terminal a bracketed paste of three lines, then Enter, is one stored answer."""
    import subprocess
    import time

    leader, follower = os.openpty()
    env = cli_env(tmp_path, TERM="xterm")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--user", "paste"],
        cwd=ROOT,
        env=env,
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
    )
    os.close(follower)
    deadline = time.monotonic() + 60
    try:
        seen = bytearray()
        _read_pty_until(leader, seen, b"What's the no", deadline)
        # readline asks the terminal to mark pastes: the paste waits, whole, for Enter.
        _read_pty_until(leader, seen, b"\x1b[?2004h", time.monotonic() + 10)
        pasted = b"My landlord said no\nto fixing the heating\nbefore winter"
        os.write(leader, b"\x1b[200~" + pasted + b"\x1b[201~")
        os.write(leader, b"\r")
        _read_pty_until(leader, seen, b"What were you hoping", deadline)
        os.write(leader, b"\x04")
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stderr is not None
        process.stderr.close()
        os.close(leader)
    import sqlite3

    with sqlite3.connect(tmp_path / "coach.db") as conn:
        states = [row[0] for row in conn.execute("SELECT state FROM sessions")]
    assert len(states) == 1
    answers = json.loads(states[0])["answers"]
    assert answers == {"setback": "My landlord said no\nto fixing the heating\nbefore winter"}


def _menu(step: str, *labels: str) -> Message:
    """A message with numbered options, as the service renders a question."""
    buttons = tuple(Button(label.lower().replace(" ", "_"), label) for label in labels)
    return Message(f"{step}?", buttons=buttons, step=step, session_number=1)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The own-win question and a maybe's new date, shown together.
        (_menu("nudge_win", "Yes", "Partly", "Not yet"), _menu("nudge_date", "1 week", "2 weeks")),
        # The own-win question, then the first question of a new reframe.
        (
            _menu("nudge_win", "Yes", "Partly", "Not yet"),
            _menu("boundary", "Hard", "Soft", "Not sure"),
        ),
        # A nudge, then the crisis country list.
        (_menu("nudge", "Got a yes", "Got a maybe"), _menu("country", "UK", "US", "Canada")),
    ],
)
def test_two_lists_showing_at_once_never_share_a_number(
    service: CoachService, first: Message, second: Message
) -> None:
    """Lists shown together are numbered on from each other: each number picks one option."""

    def shown_both() -> tuple[ConsoleChat, str]:
        out = io.StringIO()
        chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=out, interactive=False)
        chat.show([first, second])
        return chat, out.getvalue()

    assert f"  {len(first.buttons) + 1}. {second.buttons[0].label}" in shown_both()[1]
    options = [
        (menu, index) for menu in (first, second) for index in range(1, len(menu.buttons) + 1)
    ]
    for number, (menu, index) in enumerate(options, 1):
        inbound = shown_both()[0].to_inbound(str(number))
        if menu.step in ("nudge_win", "nudge", "nudge_date", "country"):
            assert (inbound.button_step, inbound.choice) == (menu.step, menu.buttons[index - 1].id)
        else:
            # The open question's own list: the service reads its own number, and any note.
            assert (inbound.choice, inbound.text) == (None, str(index))
            noted = shown_both()[0].to_inbound(f"{number} next cycle")
            assert noted.text == f"{index} next cycle"


async def test_a_nudge_arriving_at_the_prompt_starts_on_a_line_of_its_own(
    service: CoachService,
) -> None:
    """A revisit delivered while the prompt shows is written on its own line, never glued to
    the "> " prompt, and the prompt is drawn again below it."""
    out = io.StringIO()
    chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=out, interactive=True)
    loop = asyncio.get_running_loop()
    waiting, release = asyncio.Event(), threading.Event()

    def read_line(prompt: str) -> str:
        out.write(prompt)
        loop.call_soon_threadsafe(waiting.set)
        release.wait(10)
        raise EOFError

    chat.read_line = read_line
    await chat.start()
    running = asyncio.create_task(chat.run())
    await waiting.wait()
    await chat.deliver(ALICE, [Message("It's the day we picked")])
    release.set()
    assert await running == 0
    assert "> It's the day" not in out.getvalue()
    assert "\nIt's the day we picked\n\n> " in out.getvalue()


async def test_ctrl_d_after_forget_me_does_not_say_answers_are_saved(
    service: CoachService,
) -> None:
    """After `forget me` is confirmed, the goodbye says the data was deleted, not saved."""
    await service.handle(say("My manager said no to the promotion"))
    await service.handle(say("forget me"))
    out = io.StringIO()
    chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=out, interactive=True)
    feed = iter(["yes"])

    def read_line(*prompt: str) -> str:
        for line in feed:
            return line
        raise EOFError

    chat.read_line = read_line
    await chat.start()
    assert await chat.run() == 0
    assert out.getvalue().endswith(f"\n{GOODBYE_FORGOTTEN}\n")
    assert GOODBYE not in out.getvalue()


async def test_the_prompt_is_drawn_by_input_never_written_beside_it(service: CoachService) -> None:
    """Each interactive read passes "> " to input() (so readline redraws it with the line);
    the chat never writes the prompt itself, so history and Ctrl-U cannot wipe it."""
    out = io.StringIO()
    prompts: list[str] = []

    def read_line(prompt: str) -> str:
        prompts.append(prompt)
        if len(prompts) > 2:
            raise EOFError
        return ["My manager said no to the promotion", "a promotion"][len(prompts) - 1]

    chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=out, interactive=True)
    chat.read_line = read_line
    await chat.start()
    assert await chat.run() == 0
    assert prompts == [PROMPT, PROMPT, PROMPT]
    assert PROMPT not in out.getvalue()
