"""The thinking traps the coach can name, and which one to reflect back first."""

from __future__ import annotations

from enum import StrEnum


class Trap(StrEnum):
    """A cognitive distortion ("thinking trap") that the coach can reflect back."""

    ALL_OR_NOTHING = "all_or_nothing"
    OVERGENERALIZING = "overgeneralizing"
    PERSONALIZING = "personalizing"
    CATASTROPHIZING = "catastrophizing"
    FORTUNE_TELLING = "fortune_telling"
    MIND_READING = "mind_reading"
    LABELING = "labeling"
    SHOULD_STATEMENTS = "should_statements"
    DISQUALIFYING_POSITIVE = "disqualifying_positive"


# Which trap to reflect back when several are present. The most emotionally loaded
# distortions come first: a catastrophe or a global self-label hurts more, and is
# more worth challenging, than a "should" or a shrugged-off compliment.
PRIORITY: tuple[Trap, ...] = (
    Trap.CATASTROPHIZING,
    Trap.LABELING,
    Trap.PERSONALIZING,
    Trap.ALL_OR_NOTHING,
    Trap.FORTUNE_TELLING,
    Trap.MIND_READING,
    Trap.OVERGENERALIZING,
    Trap.SHOULD_STATEMENTS,
    Trap.DISQUALIFYING_POSITIVE,
)
