"""`reframe` (= `python -m bot`): chat | run | migrate | doctor; no command: the best one."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from dotenv import load_dotenv

from bot.config import Settings
from bot.errors import ReframeError
from bot.logs import setup_logging

# What can be typed inside a conversation (the same words on Slack and Discord).
CHAT_WORDS = (
    "In a conversation, type any time: help, cancel, back, skip, restart, status, plan, wins,\n"
    "reminders, timezone <zone>, quiet <hh:mm-hh:mm>, export, forget me."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reframe",
        description="Reframe Coach: turn a 'no' into a plan.\nWith no command: run when a "
        "Slack or Discord token is configured, otherwise chat.",
        epilog=CHAT_WORDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("help", help="show this help")
    chat = commands.add_parser("chat", help="talk to the coach in this terminal")
    chat.add_argument("--db", type=Path, help="SQLite file (default: REFRAME_DB or the data dir)")
    chat.add_argument("--user", help="who is chatting (default: your login name)")
    chat.add_argument(
        "--export-dir", type=Path, help="where `export` saves (default: the database's folder)"
    )
    run = commands.add_parser("run", help="serve Slack and/or Discord, as configured")
    run.add_argument(
        "--only",
        choices=("slack", "discord", "scheduler"),
        help="run one part in this process (for several processes on one database): a "
        "platform's events, or the nudge scheduler",
    )
    migrate = commands.add_parser("migrate", help="bring the database schema up to date")
    migrate.add_argument(
        "--db", type=Path, help="SQLite file (default: REFRAME_DB or the data dir)"
    )
    doctor = commands.add_parser(
        "doctor", help="check the whole database file (slower than the check at every start)"
    )
    doctor.add_argument("--db", type=Path, help="SQLite file (default: REFRAME_DB or the data dir)")
    return parser


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, load settings, run; errors are one clear message, no traceback."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "help":
        parser.print_help()
        return 0
    load_dotenv(Path.cwd() / ".env")
    environ = dict(os.environ)
    db_override: Path | None = getattr(args, "db", None)
    if db_override is not None:
        environ["REFRAME_DB"] = str(db_override)
        # --db names a SQLite file for this command, whatever DATABASE_URL says.
        environ.pop("DATABASE_URL", None)
    try:
        settings = Settings.from_env(environ)
        command = args.command or (
            "run" if settings.slack_enabled or settings.discord_enabled else "chat"
        )
        # The chat owns the terminal: only warnings go to stderr there.
        setup_logging(settings.log_level if command != "chat" else "WARNING", settings.log_format)
        if command == "chat":
            from bot.adapters.console import GOODBYE
            from bot.adapters.terminal_input import kept_terminal
            from bot.runner import run_chat

            user = args.__dict__.get("user") or _login_name()
            export_dir: Path | None = getattr(args, "export_dir", None)
            try:
                with kept_terminal():
                    return asyncio.run(run_chat(settings, user=user, export_dir=export_dir))
            except KeyboardInterrupt:
                # Ctrl-C: end the prompt's line, and say that nothing typed was lost.
                print(f"\n{GOODBYE}")
                return 130
        if command == "migrate":
            from bot.runner import run_migrate

            return asyncio.run(run_migrate(settings))
        if command == "doctor":
            from bot.runner import run_doctor

            return asyncio.run(run_doctor(settings))
        from bot.runner import run_platforms

        return asyncio.run(run_platforms(replace(settings), only=args.__dict__.get("only")))
    except ReframeError as error:
        print(f"reframe: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
