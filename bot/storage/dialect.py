"""The SQL that differs between SQLite and PostgreSQL, side by side; everything else is shared.

Each table below maps a dialect name ("sqlite", "postgresql": `Conn.dialect`) to its text.
Parameters are named (`:name`) on both sides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from bot.domain import UserKey

SQLITE = "sqlite"
POSTGRESQL = "postgresql"

# The retention purge: blank a batch of closed sessions' words, in index order from where the
# previous batch stopped. SQLite edits the JSON text in place and is told which partial index
# to read (its literals match sessions_to_purge); PostgreSQL edits it as jsonb.
_PURGE_WHERE = (
    " WHERE s.purged_at IS NULL AND s.status IN ('finished', 'cancelled')"
    " AND s.updated_at < :before AND (s.updated_at, s.id) > (:after_at, :after_id)"
    " AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.user_ref = s.user_ref"
    " AND r.session_number = s.number AND r.status = 'pending')"
    " ORDER BY s.updated_at, s.id LIMIT :limit"
)
PURGE_SQL = {
    SQLITE: (
        "UPDATE sessions SET state = json_set(state, '$.answers', json('{}'),"
        " '$.pending_data', NULL, '$.recent', json('[]'), '$.purged', json('true')),"
        " purged_at = :now, version = version + 1"
        " WHERE id IN (SELECT s.id FROM sessions s INDEXED BY sessions_to_purge"
        f"{_PURGE_WHERE}) RETURNING updated_at, id"
    ),
    # SKIP LOCKED: a turn writing one of these rows is never waited for; next pass.
    POSTGRESQL: (
        f"WITH picked AS MATERIALIZED (SELECT s.id AS picked_id FROM sessions s{_PURGE_WHERE}"
        " FOR UPDATE OF s SKIP LOCKED)"
        " UPDATE sessions SET state = (state::jsonb || jsonb_build_object('answers',"
        " '{}'::jsonb, 'pending_data', NULL, 'recent', '[]'::jsonb, 'purged', true))::text,"
        " purged_at = :now, version = version + 1"
        " FROM picked WHERE sessions.id = picked.picked_id RETURNING updated_at, id"
    ),
}

# The reminder claim: lease up to :limit due reminders, in index order after (send_after, id)
# of the previous batch. {platforms} is an in_list(); {only_user} narrows to one user.
# PostgreSQL skips rows another worker is claiming right now instead of waiting for them
# (and then claiming them a second time once that worker commits its lease).
_CLAIM_PICK = (
    "SELECT id AS picked_id FROM reminders WHERE status = 'pending' AND send_after <= :now"
    " AND (send_after, id) > (:after_at, :after_id)"
    " AND (lease_until IS NULL OR lease_until < :now) AND {platforms} {only_user}"
    " ORDER BY send_after, id LIMIT :limit"
)
_CLAIM_SET = "lease_owner = :owner, lease_until = :lease_until, attempts = attempts + 1"


def claim_sql(dialect: str, table: str, assignments: str, pick: str, returning: str) -> str:
    """UPDATE the rows a SELECT picks (one column `picked_id`, ending in its LIMIT).

    PostgreSQL picks them once, in a MATERIALIZED CTE with FOR UPDATE SKIP LOCKED: rows
    another worker is claiming are skipped, not waited for, and a LIMIT inside `IN (...)`
    is no bound there (the subquery may run again: 4 rows came back for a LIMIT of 3).
    """
    if dialect == POSTGRESQL:
        return (
            f"WITH picked AS MATERIALIZED ({pick} FOR UPDATE SKIP LOCKED)"
            f" UPDATE {table} SET {assignments} FROM picked"
            f" WHERE {table}.id = picked.picked_id RETURNING {returning}"
        )
    return f"UPDATE {table} SET {assignments} WHERE id IN ({pick}) RETURNING {returning}"


CLAIM_SQL = {
    SQLITE: claim_sql(SQLITE, "reminders", _CLAIM_SET, _CLAIM_PICK, "id"),
    POSTGRESQL: claim_sql(POSTGRESQL, "reminders", _CLAIM_SET, _CLAIM_PICK, "id"),
}

# The per-user lock taken first in a turn's transaction. SQLite has one writer at a time.
USER_LOCK_SQL = {
    SQLITE: None,
    POSTGRESQL: "SELECT pg_advisory_xact_lock(:key)",
}

# Jobs only one worker runs at a time (maintenance, migrations): PostgreSQL's session-level
# advisory locks on two int4 keys, a key space apart from the users' single bigint keys.
JOB_NAMESPACE = 0x52460001
TRY_JOB_LOCK_SQL = "SELECT pg_try_advisory_lock(:namespace, :job)"
JOB_LOCK_SQL = "SELECT pg_advisory_lock(:namespace, :job)"
JOB_UNLOCK_SQL = "SELECT pg_advisory_unlock(:namespace, :job)"


def in_list(
    dialect: str, column: str, name: str, values: Sequence[object]
) -> tuple[str, dict[str, object]]:
    """`column IN (...)` for a list of values: the SQL text and its named parameters.

    SQLite gets one parameter per value (:name_0, :name_1, ...); PostgreSQL one array
    parameter (`column = ANY(:name)`), so its statement text stays the same for any length.
    """
    if dialect == POSTGRESQL:
        return f"{column} = ANY(:{name})", {name: list(values)}
    names = [f"{name}_{index}" for index in range(len(values))]
    marks = ", ".join(f":{each}" for each in names)
    return f"{column} IN ({marks})", dict(zip(names, values, strict=True))


def lock_key(user: UserKey) -> int:
    """A user's advisory lock key: a stable signed 64-bit number from the user's key."""
    raw = f"{user.platform}\0{user.workspace}\0{user.user_id}".encode()
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big", signed=True)


def job_lock(name: str) -> dict[str, object]:
    """The parameters of a job's lock statements: our namespace and a number for the name."""
    digest = hashlib.blake2b(name.encode(), digest_size=4).digest()
    return {"namespace": JOB_NAMESPACE, "job": int.from_bytes(digest, "big", signed=True)}
