"""Core: what every front end shares. Adapters take one; only the wiring (bot.app) builds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.clock import Clock
from bot.config import Settings
from bot.delivery import Deliverer
from bot.delivery_policy import DeliveryPolicy
from bot.pipeline import Pipeline
from bot.prompts import Catalog
from bot.service import CoachService
from bot.storage.store import Store


@dataclass(frozen=True, slots=True)
class Core:
    """The parts every front end shares: settings, the open database, texts, service, clock,
    and the one turn pipeline (with its outbox deliverer, which adapters join)."""

    settings: Settings
    db: Store
    catalog: Catalog
    service: CoachService
    clock: Clock
    pipeline: Pipeline = field(default=None)  # type: ignore[assignment]  # built below

    def __post_init__(self) -> None:
        if self.pipeline is None:
            policy = DeliveryPolicy(give_up_after=delivery_window(self.settings))
            deliverer = Deliverer(self.db, self.clock, {}, policy)
            pipeline = Pipeline(self.service, self.db, self.catalog, deliverer)
            object.__setattr__(self, "pipeline", pipeline)


def delivery_window(settings: Settings) -> timedelta:
    """How long a refused reply or nudge is retried before it is given up."""
    return timedelta(hours=settings.delivery_retry_hours)
