"""The terminal's export: saved privately where the data lives, and gone after `forget me`."""

from __future__ import annotations

import asyncio
import stat
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.test_cli import cli_env, run_cli


async def test_export_goes_to_the_data_folder_and_forget_me_deletes_it(tmp_path: Path) -> None:
    """`export` writes a 0600 file beside the database and says where; `forget me` removes it."""
    env = cli_env(tmp_path, REFRAME_DB=str(tmp_path / "data" / "coach.db"))
    code, out, err = await run_cli(
        env, "chat", "--user", "pat", stdin=b"My landlord said no\nexport\n"
    )
    assert code == 0, err
    export = tmp_path / "data" / "reframe-export-pat.json"
    assert f"Saved to {export}" in out
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    assert not list(ROOT.glob("reframe-export-*.json"))
    code, out, err = await run_cli(env, "chat", "--user", "pat", stdin=b"forget me\n1\n")
    assert code == 0, err
    assert f"Deleted {export}" in out and not export.exists()


async def test_export_goes_where_the_user_names(tmp_path: Path) -> None:
    """`chat --export-dir` puts the export there, and `forget me` deletes it there too."""
    env = cli_env(tmp_path)
    target = tmp_path / "mine"
    args = ("chat", "--user", "kim", "--export-dir", str(target))
    code, out, err = await run_cli(env, *args, stdin=b"hello\nexport\nforget me\n1\n")
    assert code == 0, err
    export = target / "reframe-export-kim.json"
    assert f"Saved to {export}" in out and f"Deleted {export}" in out
    assert not export.exists()


async def test_chat_with_stdin_from_dev_null_greets_and_ends(tmp_path: Path) -> None:
    """`reframe chat < /dev/null` shows the greeting and exits 0 at once, no traceback."""
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bot", "chat", "--user", "ann"),
        cwd=ROOT,
        env=cli_env(tmp_path),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, err.decode()
    assert out and not err
