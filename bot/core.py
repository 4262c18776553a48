"""Core: what every front end shares. Adapters take one; only the wiring (bot.app) builds it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.config import Settings
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.store import Store


@dataclass(frozen=True, slots=True)
class Core:
    """The parts every front end shares: settings, the open database, texts, service, clock."""

    settings: Settings
    db: Store
    catalog: Catalog
    service: CoachService
    clock: Clock
