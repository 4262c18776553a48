"""The terminal reader after the chat has ended: a line or end of input that comes late is
dropped quietly, never a traceback (seen as a flaky Ctrl-C test under load: stdin closed while
the interpreter was still going down)."""

from __future__ import annotations

import asyncio
import threading

from bot.adapters.terminal_input import TypedLines


def test_end_of_input_after_the_chat_ended_prints_no_traceback() -> None:
    """Ctrl-C ends the chat with a read still waiting; the read then ends: nothing is raised."""
    waiting, release, finished = threading.Event(), threading.Event(), threading.Event()
    raised: list[BaseException] = []

    def read_line(prompt: str) -> str:
        waiting.set()
        release.wait(10)
        try:
            raise EOFError
        finally:
            finished.set()

    async def chat_until_interrupted() -> None:
        typed = TypedLines(read_line)
        reading = asyncio.ensure_future(typed.messages().__anext__())
        await asyncio.to_thread(waiting.wait, 10)
        reading.cancel()

    previous = threading.excepthook
    threading.excepthook = lambda args: raised.append(args.exc_value or RuntimeError())
    try:
        asyncio.run(chat_until_interrupted())  # the event loop is closed when this returns
        release.set()
        assert finished.wait(10)
        for thread in threading.enumerate():
            if thread.name == "terminal-input":
                thread.join(10)
    finally:
        threading.excepthook = previous
    assert raised == []
