"""Our `:name` SQL as asyncpg's `$n`, rewritten once per statement text and cached."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

# A quoted literal or identifier is skipped whole; `::` is a cast; `:name` is a parameter.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|::|:([A-Za-z_][A-Za-z0-9_]*)")


@lru_cache(maxsize=1024)
def positional(sql: str) -> tuple[str, tuple[str, ...]]:
    """The statement with `:name` replaced by `$1`, `$2`... and the names in that order.

    A name used twice gets the same number. Statement texts are fixed strings in
    bot/storage (IN lists are arrays there), so the cache stays small.
    """
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return match.group(0)
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    return _TOKENS.sub(number, sql), tuple(names)


def arguments(names: tuple[str, ...], params: Mapping[str, object]) -> list[object]:
    """The values in `$n` order; KeyError names a parameter the caller did not give."""
    return [params[name] for name in names]


def rows_changed(status: str) -> int:
    """Rows an INSERT/UPDATE/DELETE touched, from asyncpg's status ("UPDATE 3", "INSERT 0 1")."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0
