"""What both fake platforms share to inject faults: a hang the test releases."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field


@dataclass(slots=True)
class Hang:
    """Requests wait here until release() or, at most, `most` seconds (never an unbounded wait)."""

    most: float
    released: asyncio.Event = field(default_factory=asyncio.Event)
    waiting: int = 0
    held: int = 0
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    def release(self) -> None:
        """Let every held request, and every later one, through."""
        self.released.set()

    async def hold(self) -> None:
        """Wait until released, or until the bound passes."""
        self.waiting += 1
        self.held += 1
        async with self._changed:
            self._changed.notify_all()
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.released.wait(), self.most)
        finally:
            self.waiting -= 1

    async def wait_held(self, count: int = 1, most: float = 10.0) -> None:
        """Wait (bounded) until `count` requests in all have been held here."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: self.held >= count), most)
