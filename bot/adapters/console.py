"""The terminal chat: the same engine, one user, numbered options instead of buttons."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from bot import own_win
from bot.adapters.terminal_input import (
    TypedLines,
    enable_line_editing,
    line_being_edited,
    plain,
    read_lines,
    without_escapes,
)
from bot.adapters.terminal_place import local_locale, local_zone
from bot.crisis_reply import COUNTRY_STEP, CRISIS_STEP
from bot.delivery import Deliverer
from bot.domain import Attachment, Button, Inbound, InboundKind, Message, UserKey
from bot.engine import NUDGE_DATE_STEP, NUDGE_STEP, SUMMARY_STEP
from bot.pipeline import Pipeline
from bot.service import CoachService
from bot.userdata import EXPORT_FILENAME

# Buttons outside the dialogue proper: a typed answer goes to them while they are showing.
# The crisis reply's two lists too: shown together, "1" is "show the lines again", never the
# first country, and a country's number is the one on the screen.
_SIDE_STEPS = (NUDGE_STEP, NUDGE_DATE_STEP, SUMMARY_STEP, own_win.STEP, CRISIS_STEP, COUNTRY_STEP)
PROMPT = "> "
# Said when the chat ends at the keyboard (Ctrl-D, Ctrl-C): nothing typed is lost.
GOODBYE = "Bye for now. Your answers are saved."
# After `forget me` nothing is kept, so the goodbye must not say it is.
GOODBYE_FORGOTTEN = "Bye for now. Your data was deleted: nothing of this chat is kept."
# Typed alone at an interactive prompt, these leave the chat (as Ctrl-D does); in a
# sentence they are words like any other.
LEAVE_WORDS = frozenset({"exit", "quit", ":q", "/exit", "/quit"})
LEAVE_HINT = "(Type exit, or press Ctrl-D, to leave. Your answers are kept.)"
# Where a turn's replies go: this conversation (a nudge has no route).
TURN_ROUTE = {"to": "terminal"}


class OutputClosed(Exception):
    """Whoever read our output has gone (`reframe chat | head`): stop quietly."""


def format_message(message: Message, first: int = 1) -> str:
    """A message as terminal text: the words, then the options numbered from `first`."""
    lines = [plain(message.text)]
    lines.extend(
        f"  {index}. {button.label}" for index, button in enumerate(message.buttons, first)
    )
    return "\n".join(lines)


# A number typed first, and the words after it ("2 next cycle").
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,2})(?=$|[\s,;:.)!\-–—])(.*)$", re.DOTALL)


class ConsoleChat:
    """One user talking to the coach in a terminal or through a pipe."""

    platform = "console"

    def __init__(
        self,
        service: CoachService,
        user: UserKey,
        *,
        stdin: TextIO = sys.stdin,
        stdout: TextIO = sys.stdout,
        interactive: bool | None = None,
        export_dir: Path | None = None,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.service = service
        # Every turn goes through the one pipeline; its replies come back through deliver().
        self.pipeline = pipeline or Pipeline(
            service, service.db, service.catalog, Deliverer(service.db, service.clock, {})
        )
        self.pipeline.deliverer.add(self)
        self.user = user
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = stdin.isatty() if interactive is None else interactive
        # The export goes where the database is (a private folder), never the working folder.
        self.export_dir = export_dir or Path.cwd()
        self._written: set[Path] = set()
        self.zone = local_zone()
        self.locale = local_locale()
        # Side questions showing now (a maybe's date and the own-win question come together).
        self._sides: list[Message] = []
        # Every numbered list showing now, numbered on from one another: one number, one option.
        self._menus: list[Message] = []
        self._fresh = True
        self._closed = False
        # Whether the last turn deleted everything (`forget me` confirmed).
        self._forgotten = False
        # How an interactive chat reads a line: input(prompt), so readline draws the prompt
        # and redraws it with the line being edited; tests inject.
        self.read_line: Callable[[str], str] = input
        self._typed: TypedLines | None = None

    def show(self, messages: Sequence[Message]) -> None:
        """Print messages, remembering side buttons a typed answer may be meant for."""
        # New buttons replace the side questions shown before (once per turn: a turn's
        # messages arrive one by one from the outbox).
        if self._fresh and any(message.buttons for message in messages):
            self._sides = []
            self._menus = []
            self._fresh = False
        for message in messages:
            text = format_message(message, first=self._numbered() + 1)
            if message.buttons:
                self._menus.append(message)
            if message.attachment is not None:
                text += f"\nSaved to {self._save(message.attachment)}"
            if message.buttons and message.step in _SIDE_STEPS:
                self._sides.append(message)
            self._above_prompt(text + "\n\n")

    def _export_path(self, filename: str) -> Path:
        """Where this user's copy of an attachment goes: one fixed name per user and file."""
        stem, _, suffix = filename.rpartition(".")
        safe_name = re.sub(r"[^A-Za-z0-9_.-]", "_", self.user.user_id)
        return self.export_dir / f"{stem}-{safe_name}.{suffix}"

    def _save(self, attachment: Attachment) -> Path:
        """Write an attachment (the export) to the export folder, readable only by its owner."""
        self.export_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self._export_path(attachment.filename)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # also when an older copy was wider
        with os.fdopen(fd, "wb") as file:
            file.write(attachment.content)
        self._written.add(path)
        return path

    def _delete_exports(self) -> None:
        """After `forget me`: remove the exports written for this user (now or earlier)."""
        for path in {*self._written, self._export_path(EXPORT_FILENAME)}:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                self.stdout.write(f"Deleted {path}\n\n")
        self._written.clear()

    def _above_prompt(self, text: str) -> None:
        """Write text; while the person is at the prompt, above it, the prompt and their
        unfinished line drawn again below."""
        if self._typed is None or not self._typed.at_prompt:
            self._write(text)
            return
        # On a terminal the prompt's line is cleared; elsewhere the text starts on a new line.
        clear = "\r\x1b[K" if self.stdout.isatty() else "\n"
        self._write(clear + text + PROMPT + line_being_edited())

    def _numbered(self) -> int:
        """How many options the lists showing now hold together."""
        return sum(len(menu.buttons) for menu in self._menus)

    def _option(self, number: int) -> tuple[Message, int] | None:
        """The list a shown number belongs to, and the option's number inside it."""
        for menu in self._menus:
            if number <= len(menu.buttons):
                return menu, number
            number -= len(menu.buttons)
        return None

    def to_inbound(self, line: str) -> Inbound:
        """A typed line: an answer to side buttons still showing, or an ordinary message."""
        sides, self._sides = self._sides, []
        line = without_escapes(line)
        leading = _LEADING_NUMBER.match(line)
        shown = self._option(int(leading.group(1))) if leading is not None else None
        if leading is not None and shown is not None:
            menu, index = shown
            if menu in sides and not leading.group(2).strip():
                return self._press(menu, menu.buttons[index - 1], sides)
            if menu not in sides:
                # The open question's own list, numbered on after another: its own number.
                line = f"{index}{leading.group(2)}"
        typed = line.strip().lower()
        # A label or id answers any side question showing, the one shown last first.
        for side in reversed(sides):
            for button in side.buttons:
                if typed in (button.id, button.label.lower()):
                    return self._press(side, button, sides)
        return Inbound(
            self.user,
            InboundKind.MESSAGE,
            text=line,
            timezone_hint=self.zone,
            locale_hint=self.locale,
        )

    def _press(self, side: Message, button: Button, sides: list[Message]) -> Inbound:
        """A side question's button, pressed by typing; the other side questions stay open."""
        self._sides = [other for other in sides if other is not side]
        return Inbound(
            self.user,
            InboundKind.BUTTON,
            choice=button.id,
            session_number=side.session_number,
            button_step=side.step,
            timezone_hint=self.zone,
            locale_hint=self.locale,
        )

    async def start(self) -> int:
        """Show the first screen: a welcome, or the question where the user stopped."""
        try:
            self.show((await self.service.greet(self.user)).messages)
            if self.interactive:
                self._write(f"{LEAVE_HINT}\n")
        except OutputClosed:
            self._closed = True
        return 0

    async def run(self) -> int:
        """Chat until end of input; return the exit status (0, also when stdout was closed)."""
        if self._closed:
            return 0
        if self.interactive:
            if self.read_line is input:
                enable_line_editing()
            self._typed = TypedLines(self.read_line, prompt=PROMPT)
            messages = self._typed.messages()
        else:
            messages = read_lines(self.stdin)
        try:
            async for line in messages:
                if self.interactive and line.strip().lower() in LEAVE_WORDS:
                    break
                if self.interactive and not line.strip():
                    # A lone Enter: nothing is sent; the next read shows the prompt again.
                    continue
                inbound = self.to_inbound(line)
                self._fresh = True
                outcome = await self.pipeline.turn(inbound, route=TURN_ROUTE)
                if self._closed:
                    return 0
                self._forgotten = outcome.result.forgotten
                if outcome.result.forgotten:
                    self._delete_exports()
            if self.interactive:
                self._write(f"\n{GOODBYE_FORGOTTEN if self._forgotten else GOODBYE}\n")
        except OutputClosed:
            return 0
        return 0

    def _write(self, text: str) -> None:
        """Write and flush; a reader that went away ends the chat quietly."""
        try:
            self.stdout.write(text)
            self.stdout.flush()
        except BrokenPipeError:
            # Later writes (and the interpreter's own flush at exit) go nowhere, not to a traceback.
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self.stdout.fileno())
            raise OutputClosed from None

    async def deliver(
        self, user: UserKey, messages: Sequence[Message], route: Mapping[str, str] | None = None
    ) -> None:
        """Outbox: replies, and a nudge due while chatting, appear in the conversation."""
        try:
            if not route:
                # A nudge arrives between turns: its buttons are new. At the prompt it is
                # written above it, and the prompt with the unfinished line comes back.
                self._fresh = True
            self.show(messages)
        except OutputClosed:
            # Whoever read the chat has gone: the chat ends after this turn.
            self._closed = True
