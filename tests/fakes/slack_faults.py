"""Faults the fake Slack answers with: a status, `ok: false` with an error, a 429, a raw body."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import web


@dataclass(slots=True)
class Failure:
    """A canned answer: `error` as ok:false JSON, or `body` as is; `times` None = until cleared."""

    status: int
    error: str
    retry_after: float | None
    body: str | None = None
    content_type: str = "application/json"
    times: int | None = 1


def take_failure(failures: Mapping[str, deque[Failure]], method: str) -> Failure | None:
    """The fault to answer this call with, counting it down; None to answer normally."""
    for name in (method, "*"):
        queue = failures.get(name)
        if queue:
            failure = queue[0]
            if failure.times is not None:
                failure.times -= 1
                if failure.times <= 0:
                    queue.popleft()
            return failure
    return None


def failure_response(failure: Failure) -> web.Response:
    """The HTTP answer a fault stands for."""
    headers = {}
    if failure.retry_after is not None:
        headers["Retry-After"] = f"{failure.retry_after:g}"
    if failure.body is not None:
        return web.Response(
            text=failure.body,
            status=failure.status,
            headers={**headers, "Content-Type": failure.content_type},
        )
    body = {"ok": False, "error": failure.error}
    return web.json_response(body, status=failure.status, headers=headers)
