"""Reading a person at a terminal: pastes kept whole, line editing, plain text out.

With readline, the terminal's bracketed paste keeps a paste in one line (newlines and all).
Without it, a paste arrives as many lines within a few milliseconds; typing never does. Lines
that come within `window` seconds of the one before are joined into one message. Piped input is read
line by line (read_lines): there every line is its own message.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import re
import stat
import sys
import termios
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TextIO

# Lines closer together than this (seconds) were pasted, not typed.
PASTE_WINDOW = 0.05
# Escape sequences a terminal may leave in a line: arrow keys, bracketed-paste markers.
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z~]|\x1b[O][A-Za-z]|\x1b")
# Markdown the chat platforms render and a terminal would show raw.
_CODE = re.compile(r"`([^`\n]*)`")
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")


def plain(text: str) -> str:
    """Coach text for a terminal: `code` and **bold** marks removed, the words kept."""
    return _BOLD.sub(r"\1", _CODE.sub(r"\1", text))


def without_escapes(line: str) -> str:
    """A typed line without terminal escape sequences (arrow keys without readline)."""
    return _ESCAPES.sub("", line)


class PasteJoiner:
    """Joins lines that arrive within `window` seconds of each other into one message."""

    def __init__(self, window: float = PASTE_WINDOW) -> None:
        self.window = window
        self._lines: list[str] = []
        self._last: float | None = None

    @property
    def waiting(self) -> bool:
        """Whether lines are held, waiting to see if more of a paste follows."""
        return bool(self._lines)

    def add(self, line: str, at: float) -> str | None:
        """Take a line read at `at` (monotonic seconds); return a message it completed, if any."""
        done = None
        if self._last is not None and at - self._last > self.window:
            done = self.flush()
        self._lines.append(line)
        self._last = at
        return done

    def flush(self) -> str | None:
        """The held lines as one message ("" for a lone Enter; None when nothing is held)."""
        lines, self._lines, self._last = self._lines, [], None
        return "\n".join(lines).strip() if lines else None


@contextlib.contextmanager
def kept_terminal(stream: TextIO | None = None) -> Iterator[None]:
    """Put the terminal's settings back however the chat ends (Ctrl-C included).

    readline switches echo and line mode off while it reads, in a thread that Ctrl-C does not
    stop: without this, the shell after the chat would not show what is typed. A stream that
    is not a terminal is left alone.
    """
    stream = stream or sys.stdin
    saved = None
    with contextlib.suppress(OSError, ValueError, termios.error):
        if stream.isatty():
            saved = termios.tcgetattr(stream.fileno())
    try:
        yield
    finally:
        if saved is not None:
            with contextlib.suppress(OSError, ValueError, termios.error):
                termios.tcsetattr(stream.fileno(), termios.TCSADRAIN, saved)


def enable_line_editing() -> bool:
    """Arrow keys, editing and history for input(), through the standard readline if present.

    Bracketed paste is switched on (Python switches it off): the terminal marks a paste, and
    readline puts all of it, newlines too, in the line being edited, so a paste without a
    final newline is still one message, sent with the next Enter. Where the terminal or the
    library (libedit) has no bracketed paste, the paste window below joins the lines instead.
    """
    try:
        import readline
    except ImportError:
        return False
    if "libedit" not in (readline.__doc__ or ""):
        # GNU readline's setting; libedit (macOS's system Python) reads other syntax.
        readline.parse_and_bind("set enable-bracketed-paste on")
    return True


def line_being_edited() -> str:
    """What the person has typed at the prompt so far (readline's buffer; "" without it)."""
    module = sys.modules.get("readline")
    get = getattr(module, "get_line_buffer", None)
    return str(get()) if callable(get) else ""


class TypedLines:
    """Messages typed at a terminal, each line read only when the chat asks for one.

    `read_line(prompt)` (input(), in a thread) shows the prompt itself, so readline redraws it
    with the line (history, Ctrl-U, a resized window). Lines of a paste come out whole (see
    PasteJoiner); a lone Enter comes out as "" (nothing is sent). `read_line` raises EOFError
    at Ctrl-D; `clock` gives monotonic seconds (injected in tests).
    """

    def __init__(
        self,
        read_line: Callable[[str], str] = input,
        *,
        prompt: str = "",
        window: float = PASTE_WINDOW,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.read_line = read_line
        self.prompt = prompt
        self.window = window
        self.clock = clock
        # True while a read waits for the person: its prompt is on screen (written by
        # read_line), and whatever the chat prints meanwhile goes above it.
        self.at_prompt = False
        self._requests: queue.SimpleQueue[str | None] = queue.SimpleQueue()

    def _ask(self) -> None:
        """Have the reader read one more line (once: a read already waiting is enough)."""
        if not self.at_prompt:
            self.at_prompt = True
            self._requests.put(self.prompt)

    async def messages(self) -> AsyncIterator[str]:
        """The messages typed, one at a time, until Ctrl-D."""
        loop = asyncio.get_running_loop()
        now = self.clock or loop.time
        lines: asyncio.Queue[tuple[str, float] | None] = asyncio.Queue()

        def hand_over(item: tuple[str, float] | None) -> bool:
            """Give the chat a line (None: input ended); False once the chat is gone."""
            try:
                loop.call_soon_threadsafe(lines.put_nowait, item)
            except RuntimeError:
                # The chat ended (Ctrl-C) while this read waited, and its loop is closed:
                # nobody is left to read the line, and a traceback would be all it left.
                return False
            return True

        def reader() -> None:
            while (prompt := self._requests.get()) is not None:
                try:
                    line = self.read_line(prompt)
                except (EOFError, OSError, ValueError):
                    hand_over(None)
                    return
                if not hand_over((without_escapes(line), now())):
                    return

        threading.Thread(target=reader, name="terminal-input", daemon=True).start()
        joiner = PasteJoiner(self.window)
        try:
            while True:
                self._ask()
                item: tuple[str, float] | None
                if joiner.waiting:
                    try:
                        item = await asyncio.wait_for(lines.get(), joiner.window)
                    except TimeoutError:
                        # The paste is over; the read for the next line stays at its prompt.
                        message = joiner.flush()
                        if message is not None:
                            yield message
                        continue
                else:
                    item = await lines.get()
                self.at_prompt = False
                if item is None:
                    message = joiner.flush()
                    if message is not None:
                        yield message
                    return
                done = joiner.add(*item)
                if done is not None:
                    yield done
        finally:
            # A reader not yet reading stops (one blocked in input() ends with the process).
            self._requests.put(None)


async def read_lines(stream: TextIO) -> AsyncIterator[str]:
    """Lines from stdin without blocking the event loop (scheduled nudges keep flowing)."""
    mode = os.fstat(stream.fileno()).st_mode
    if stat.S_ISREG(mode) or (stat.S_ISCHR(mode) and not stream.isatty()):
        # A file, or /dev/null, never blocks (and epoll refuses them): read it directly.
        for line in stream:
            yield line.rstrip("\n")
        return
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    transport, _ = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader), stream
    )
    try:
        while True:
            raw = await reader.readline()
            if not raw:
                return
            yield raw.decode("utf-8", "replace").rstrip("\r\n")
    finally:
        transport.close()
