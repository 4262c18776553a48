"""An outbox row as the deliverer and the pipeline read it: its columns and its value."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.domain import Message, UserKey
from bot.storage.db import from_db
from bot.storage.message_json import load_message

COLUMNS = (
    "o.id, o.platform, o.workspace, o.user_id, o.kind, o.turn, o.route, o.message,"
    " o.reminder_id, o.attempts, o.interrupted, o.created_at"
)


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """One message to deliver, where to, and how often it was tried."""

    id: int
    user: UserKey
    kind: str
    turn: str
    route: Mapping[str, str]
    message: Message
    reminder_id: int | None
    attempts: int
    interrupted: int
    created_at: datetime
    # For a nudge: its reminder's status now ('queued' unless answered or cancelled).
    reminder_status: str | None = None


def row_from_db(row: Any) -> OutboxRow:
    """An OutboxRow from a row of COLUMNS and a reminder_status."""
    return OutboxRow(
        id=int(row["id"]),
        user=UserKey(row["platform"], row["workspace"], row["user_id"]),
        kind=str(row["kind"]),
        turn=str(row["turn"]),
        route=json.loads(row["route"]),
        message=load_message(row["message"]),
        reminder_id=row["reminder_id"],
        attempts=int(row["attempts"]),
        interrupted=int(row["interrupted"]),
        created_at=from_db(row["created_at"]),
        reminder_status=row["reminder_status"],
    )
