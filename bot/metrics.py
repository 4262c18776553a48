"""What the coach counts for operators, in Prometheus form (scraped from OPS_PORT /metrics).

Labels take only values from small fixed sets (a platform, an outcome, a tier, an operation,
a queue name): never a user's words, id, workspace or channel. tests/test_ops.py checks it.
Units are seconds. One registry of our own, so tests and the endpoint see only these series.
"""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
)

# No *_created series beside each counter and histogram: noise on every scrape for us.
disable_created_metrics()  # type: ignore[no-untyped-call]  # untyped in prometheus-client
REGISTRY = CollectorRegistry(auto_describe=True)

TURNS = Counter(
    "reframe_turns",
    "Turns handled, by platform (slack, discord, console) and outcome "
    "(ok, duplicate, flooded, gave_up, failed).",
    ("platform", "outcome"),
    registry=REGISTRY,
)
TURN_SECONDS = Histogram(
    "reframe_turn_seconds",
    "Time to handle one turn (load, step, save), in seconds, by platform.",
    ("platform",),
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
    registry=REGISTRY,
)
SAFETY_REPLIES = Counter(
    "reframe_safety_replies",
    "Safety replies given instead of the dialogue, by tier (crisis: the crisis lines at once; "
    "possible: a direct question first) and concern (suicide, self_harm, danger).",
    ("tier", "concern"),
    registry=REGISTRY,
)
NUDGES = Counter(
    "reframe_nudges",
    "Nudge deliveries by platform and result (sent, failed, given_up, deferred).",
    ("platform", "result"),
    registry=REGISTRY,
)
REMINDERS_DUE = Gauge(
    "reframe_reminders_due",
    "Reminders found due by the scheduler's latest pass.",
    registry=REGISTRY,
)
DELIVERY_LAG = Histogram(
    "reframe_nudge_delivery_lag_seconds",
    "From a reminder's due time to its delivery, in seconds (quiet hours included).",
    buckets=(1, 5, 15, 30, 60, 120, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600),
    registry=REGISTRY,
)
INBOX_BACKLOG = Gauge(
    "reframe_inbox_backlog",
    "Events stored in the inbox and not yet handled, as this process last counted them.",
    registry=REGISTRY,
)
INBOX_REFUSED = Counter(
    "reframe_inbox_refused",
    "Events answered 'try again later' because the inbox backlog was over its limit, by platform.",
    ("platform",),
    registry=REGISTRY,
)
INBOX_BATCH_ROWS = Histogram(
    "reframe_inbox_batch_rows",
    "Events stored together in one inbox transaction (group commit before their acks).",
    buckets=(1, 2, 5, 10, 20, 50, 100, 200),
    registry=REGISTRY,
)
DELIVERIES = Counter(
    "reframe_deliveries",
    "Outbox rows by platform, kind (reply, nudge, share, note) and result (sent, retrying,"
    " failed, dropped).",
    ("platform", "kind", "result"),
    registry=REGISTRY,
)
HTTP_REJECTED = Counter(
    "reframe_http_rejected",
    "Requests and connections the public HTTP server refused, by reason (signature, "
    "malformed, too_large, body_timeout, header_timeout, connections, accept_error).",
    ("reason",),
    registry=REGISTRY,
)
DB_SECONDS = Histogram(
    "reframe_db_seconds",
    "Time holding the database connection, in seconds, by operation.",
    ("operation",),
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
    registry=REGISTRY,
)
# CPU, memory and open files of this process (Linux), beside ours.
ProcessCollector(registry=REGISTRY)
