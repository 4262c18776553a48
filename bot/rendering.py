"""Replies rendered into messages in the user's zone, with crisis lines filled in last."""

from __future__ import annotations

from collections.abc import Sequence

from bot import crisis_lines, language
from bot.clock import Clock
from bot.domain import Message, Reply, Session
from bot.preferences import Preferences
from bot.prompts import Catalog
from bot.turn import TurnResult


class Renderer:
    """Turns the engine's replies into the user's messages, in their zone and quiet hours."""

    def __init__(
        self, catalog: Catalog, clock: Clock, lines: crisis_lines.LineBook | None = None
    ) -> None:
        self.catalog = catalog
        self.clock = clock
        self.lines = lines

    def render(self, reply: Reply, prefs: Preferences, session_number: int | None) -> Message:
        """One reply as a message; a reply naming a concern gets the lines for the country."""
        extra = None
        concern = reply.variables.get("concern")
        if concern is not None and self.lines is not None:
            # The crisis lines for the user's country and this concern, filled in last.
            emergency, lines = self.lines.lines(prefs.country, concern, language.of_key(reply.key))
            extra = {
                "resources": "\n".join(lines),
                "emergency": emergency,
                "country": self.lines.country_name(prefs.country),
            }
        return self.catalog.message(
            reply,
            prefs.timezone,
            session_number=session_number,
            now=self.clock.now(),
            extra=extra,
            quiet=prefs.quiet,
        )

    def render_all(
        self, replies: Sequence[Reply], prefs: Preferences, session: Session
    ) -> tuple[Message, ...]:
        """Each reply as a message about `session`."""
        return tuple(self.render(reply, prefs, session.number) for reply in replies)

    def say(self, reply: Reply, prefs: Preferences) -> TurnResult:
        """A turn that only says one thing and writes nothing."""
        return TurnResult((self.render(reply, prefs, None),))
