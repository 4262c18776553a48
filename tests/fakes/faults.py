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

    def release(self) -> None:
        """Let every held request, and every later one, through."""
        self.released.set()

    async def hold(self) -> None:
        """Wait until released, or until the bound passes."""
        self.waiting += 1
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.released.wait(), self.most)
        finally:
            self.waiting -= 1
