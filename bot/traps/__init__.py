"""Thinking traps in a user's own words: which are present, and the one worth naming."""

from bot.traps.detect import detect_traps, strongest_trap
from bot.traps.kinds import Trap

__all__ = ["Trap", "detect_traps", "strongest_trap"]
