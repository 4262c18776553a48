"""What screening says of a message: how clear the risk is (its tier), and what kind (concern)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Concern(StrEnum):
    """What kind of risk a message shows."""

    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    DANGER = "danger"  # danger from someone else: abuse, threats, violence against the user


class Tier(StrEnum):
    """How clear the risk is: a crisis reply at once, or a direct question first."""

    CRISIS = "crisis"
    POSSIBLE = "possible"


@dataclass(frozen=True, slots=True)
class Screening:
    """What screening found in a message: its tier and its concern."""

    tier: Tier
    concern: Concern
