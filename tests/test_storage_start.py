"""Broken storage at start, as an operator meets it: `run`, `chat` and `migrate` in real
processes end with one line naming the file and the fix, and exit code 2."""

from __future__ import annotations

import asyncio
import os
import resource
import signal
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.test_cli import cli_env, run_cli, spawn

# `run` needs a platform: Slack in HTTP mode, whose Web API is never reached because the
# database is opened first.
RUN_ENV = {
    "SLACK_BOT_TOKEN": "xoxb-test",
    "SLACK_SIGNING_SECRET": "secret",
    "SLACK_API_URL": "http://127.0.0.1:9/api/",
    "PORT": "0",
}
COMMANDS = ("run", "chat", "migrate")


def garbage(path: Path) -> None:
    """Bytes that are not a SQLite file at all."""
    path.write_bytes(b"this is not a database\n" * 500)


def garbled_pages(path: Path) -> None:
    """A real, migrated database whose pages after the schema are overwritten."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.executemany("INSERT INTO notes VALUES (?)", [("x" * 400,)] * 300)
    data = bytearray(path.read_bytes())
    for index in range(4096 * 2, len(data), 7):
        data[index] = 0x55
    path.write_bytes(bytes(data))


def directory(path: Path) -> None:
    """A folder where the database file should be."""
    path.mkdir()


KINDS: dict[str, tuple[Callable[[Path], None], str]] = {
    "not a database": (garbage, "not a SQLite database"),
    "corrupt pages": (garbled_pages, "is damaged"),
    "a directory": (directory, "is a directory"),
}


def assert_one_clear_line(code: int, err: str, path: Path, fragment: str) -> None:
    """Exit 2 and a single stderr line that names the file and says what to do."""
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1, err
    assert str(path) in lines[0] and fragment in lines[0], err
    assert "Traceback" not in err


async def each_command(tmp_path: Path, path: Path, fragment: str, **extra: str) -> None:
    """Run `run`, `chat` and `migrate` side by side; each must end with the one clear line."""
    envs = [cli_env(tmp_path, **extra, **(RUN_ENV if c == "run" else {})) for c in COMMANDS]
    results = await asyncio.gather(
        *(run_cli(env, c) for env, c in zip(envs, COMMANDS, strict=True))
    )
    for code, _, err in results:
        assert_one_clear_line(code, err, path, fragment)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_broken_database_ends_with_one_line_and_exit_2(tmp_path: Path, kind: str) -> None:
    """Each kind of unusable file stops each command with one line naming it, exit code 2."""
    make, fragment = KINDS[kind]
    path = tmp_path / "coach.db"
    make(path)
    path.chmod(0o700 if path.is_dir() else 0o600)  # as private as the coach makes its own
    await each_command(tmp_path, path, fragment)


@pytest.fixture
def immutable() -> Iterator[Callable[[Path], None]]:
    """Make a file or folder unwritable, even for root (chattr +i); undone afterwards."""
    marked: list[Path] = []

    def mark(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
        else:
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
            if done.returncode != 0:
                pytest.skip("chattr +i is not available here: " + done.stderr.decode().strip())
        marked.append(path)

    yield mark
    for path in marked:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        else:
            path.chmod(0o755 if path.is_dir() else 0o644)


async def test_a_read_only_database_says_so(
    tmp_path: Path, immutable: Callable[[Path], None]
) -> None:
    """A database file nobody may write gives one 'read-only' line and exit 2."""
    path = tmp_path / "coach.db"
    code, _, err = await run_cli(cli_env(tmp_path), "migrate")
    assert code == 0, err
    immutable(path)
    await each_command(tmp_path, path, "read-only")


async def test_a_folder_the_service_cannot_write_is_permission_denied(
    tmp_path: Path, immutable: Callable[[Path], None]
) -> None:
    """A data folder the service may not write into gives one 'permission denied' line."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    immutable(folder)
    path = folder / "coach.db"
    await each_command(tmp_path, path, "permission denied", REFRAME_DB=str(path))


def _small_disk() -> None:
    """In the child: files may not grow past 24 KB (as on a full disk), and writing past
    that fails with EFBIG instead of killing the process."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (24_000, 24_000))


async def full_disk_start(tmp_path: Path, command: str) -> None:
    """Start one command on a new database in a process whose files cannot grow."""
    path = tmp_path / f"{command}.db"
    env = cli_env(tmp_path, REFRAME_DB=str(path), **(RUN_ENV if command == "run" else {}))
    process = await spawn(env, command, preexec_fn=_small_disk)
    _, raw = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    assert_one_clear_line(process.returncode, raw.decode(), path, "disk is probably full")


async def test_a_full_disk_at_start_says_so(tmp_path: Path) -> None:
    """When the new database cannot grow, the one line says the disk is probably full."""
    await asyncio.gather(*(full_disk_start(tmp_path, command) for command in COMMANDS))


async def test_doctor_runs_the_full_check(tmp_path: Path) -> None:
    """`reframe doctor` passes a sound database (exit 0) and names a damaged one (exit 2)."""
    env = cli_env(tmp_path)
    assert (await run_cli(env, "migrate"))[0] == 0
    code, out, err = await run_cli(env, "doctor")
    assert code == 0 and "integrity ok (full check)" in out, err
    path = tmp_path / "coach.db"
    path.unlink()
    garbled_pages(path)
    path.chmod(0o600)
    code, _, err = await run_cli(env, "doctor")
    assert_one_clear_line(code, err, path, "is damaged")


async def test_doctor_on_a_mistyped_path_names_it_and_creates_nothing(tmp_path: Path) -> None:
    """`reframe doctor --db /mistyped/path.db` says there is no database there; no file appears."""
    env = cli_env(tmp_path)
    for missing in (tmp_path / "mistyped.db", tmp_path / "no" / "such" / "folder" / "coach.db"):
        code, _, err = await run_cli(env, "doctor", "--db", str(missing))
        assert_one_clear_line(code, err, missing, "there is no database")
        assert not missing.exists()
    assert not (tmp_path / "no").exists()
