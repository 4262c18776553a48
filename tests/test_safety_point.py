"""The point of everything gone, told after a setback in one run-on sentence, is asked about.

Seen in the terminal: "my landlord said no to fixing the heater and honestly i dont see the
point of anything anymore" raised nothing (the setback diluted the learned layer, and no
pattern read "the point of anything"). These lines are not in the tuning sets.
"""

from __future__ import annotations

import pytest

from bot.safety import Tier, screen


@pytest.mark.parametrize(
    "text",
    [
        "they turned down my transfer and i dont see the point of anything anymore",
        "got rejected again and honestly i don't see the point in any of it now",
        "i can't see the point of getting up and nobody even noticed",
    ],
)
def test_the_point_of_everything_gone_is_asked_about(text: str) -> None:
    """Hopelessness about everything, even after a setback and without a full stop, is risk."""
    found = screen(text)
    assert found is not None and found.tier in (Tier.POSSIBLE, Tier.CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "i dont see the point of this meeting",
        "i don't see the point of the new expense rules",
        "honestly i dont see the point of a second interview",
    ],
)
def test_a_pointless_task_raises_nothing(text: str) -> None:
    """Not seeing the point of a meeting, a form or an interview is an ordinary complaint."""
    assert screen(text) is None
