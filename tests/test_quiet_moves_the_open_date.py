"""New quiet hours say the new time of a check-in set in the reframe still in progress."""

from __future__ import annotations

from bot.service import CoachService
from tests.conftest import FULL_DIALOGUE, say


async def test_quiet_hours_say_the_check_in_of_the_reframe_in_progress(
    service: CoachService,
) -> None:
    """`quiet` over the hour of a date set before the plan is made says the check-in's new time."""
    for line in FULL_DIALOGUE[:12]:
        await service.handle(say(line))
    moved = await service.handle(say("quiet 06:00-12:00"))
    texts = [message.text for message in moved.messages]
    assert any("That moves when your check-in goes out" in text for text in texts), texts
    assert any("12:00" in text for text in texts), texts
    same = await service.handle(say("quiet 06:00-12:00"))
    assert not any("That moves" in message.text for message in same.messages)
