"""The public HTTP server's edge: connection cap, header and body deadlines, quiet logs.

aiohttp has no header read timeout, and one process has a fixed number of file descriptors:
1,100 connections dribbling headers under a 1,024 open-file limit once starved every real
request and filled the log with "socket.accept() out of system resource". Here each
connection must finish its request headers within a deadline, at most `cap` connections are
open at once (kept below RLIMIT_NOFILE), and a new one past the cap pushes out the oldest
connection still sending headers, so a real request (headers in one packet) gets through.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
import socket
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

from bot.metrics import HTTP_REJECTED

log = logging.getLogger(__name__)

HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
MAX_BODY = 512 * 1024
MAX_CONNECTIONS = 1000
LOG_EVERY = 60.0
ACCEPT_RETRY = 0.1
_END_OF_HEADERS = b"\r\n\r\n"


def connection_cap(open_files: int | None = None) -> int:
    """How many connections to hold at once: a quarter of the soft RLIMIT_NOFILE.

    Not more, because asyncio accepts up to a backlog (128) of connections a loop turn
    before any of them can be refused, and a refused socket closes a turn later: under a
    flood, two or three batches are open beyond the cap. Running out of descriptors would
    stop accepting for a second at a time, real requests included.
    """
    if open_files is None:
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        open_files = soft if soft != resource.RLIM_INFINITY else MAX_CONNECTIONS * 4
    return max(8, min(MAX_CONNECTIONS, open_files // 4))


@dataclass(slots=True)
class ThrottledLog:
    """At most one log line per kind per `every` seconds, saying how many were left out."""

    logger: logging.Logger
    every: float = LOG_EVERY
    clock: Callable[[], float] = time.monotonic
    _last: dict[str, float] = field(default_factory=dict)
    _skipped: dict[str, int] = field(default_factory=dict)

    def warning(self, kind: str, message: str) -> bool:
        """Log `message` (fixed text, no request data) unless `kind` was logged lately."""
        now = self.clock()
        last = self._last.get(kind)
        if last is not None and now - last < self.every:
            self._skipped[kind] = self._skipped.get(kind, 0) + 1
            return False
        skipped = self._skipped.pop(kind, 0)
        self._last[kind] = now
        more = f" ({skipped} more in the last {self.every:.0f} s)" if skipped else ""
        self.logger.warning("%s%s", message, more)
        return True


def reject(throttle: ThrottledLog, status: int, reason: str, message: str) -> web.Response:
    """A short refusal: counted by reason, logged at most once a minute, no body to parse."""
    HTTP_REJECTED.labels(reason).inc()
    throttle.warning(reason, f"http {status}: {message}")
    return web.Response(status=status, text=message, headers={"Connection": "close"})


class AcceptErrorFilter(logging.Filter):
    """Let asyncio's "socket.accept() out of system resource" through once a minute."""

    def __init__(self, every: float = LOG_EVERY, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self._throttle = ThrottledLog(log, every, clock)

    def filter(self, record: logging.LogRecord) -> bool:
        """False for a repeat within the window; the one kept line carries no traceback."""
        if not str(record.msg).startswith("socket.accept() out of system resource"):
            return True
        HTTP_REJECTED.labels("accept_error").inc()
        self._throttle.warning("accept", "socket.accept() out of system resource")
        return False


def quiet_accept_errors() -> None:
    """Install AcceptErrorFilter on asyncio's logger, once per process."""
    asyncio_log = logging.getLogger("asyncio")
    if not any(isinstance(f, AcceptErrorFilter) for f in asyncio_log.filters):
        asyncio_log.addFilter(AcceptErrorFilter())


class ConnectionGuard:
    """Counts connections against a cap and closes those whose headers come too slowly."""

    def __init__(self, cap: int, header_timeout: float = HEADER_TIMEOUT) -> None:
        self.cap = cap
        self.header_timeout = header_timeout
        self.open = 0
        # Connections still sending their first request's headers, oldest first.
        self._waiting: OrderedDict[_Guarded, None] = OrderedDict()
        self._dropping: set[_Guarded] = set()
        self.throttle = ThrottledLog(log)

    def make_room(self) -> bool:
        """Before accepting one more: True when under the cap, or once the oldest connection
        still sending headers is being closed for it; False when every slot is busy."""
        if self.open - len(self._dropping) < self.cap:
            return True
        HTTP_REJECTED.labels("connections").inc()
        for oldest in self._waiting:
            if oldest not in self._dropping:
                self.throttle.warning("evict", f"closed a slow connection: {self.cap} are open")
                oldest.drop()
                return True
        self.throttle.warning("cap", f"refused a connection: {self.cap} are busy")
        return False

    def admit(self, connection: _Guarded) -> None:
        """Count a new connection; it is slow until its headers are complete."""
        self.open += 1
        self._waiting[connection] = None

    def headers_done(self, connection: _Guarded) -> None:
        """The connection's request headers are complete: it is no longer a slow one."""
        self._waiting.pop(connection, None)

    def dropping(self, connection: _Guarded) -> None:
        """The connection is being closed (its slot frees a loop turn later)."""
        self._dropping.add(connection)

    def release(self, connection: _Guarded) -> None:
        """A counted connection is gone."""
        self._waiting.pop(connection, None)
        self._dropping.discard(connection)
        self.open -= 1


class _Guarded(asyncio.Protocol):
    """One connection: passes everything to aiohttp's protocol, watching for the end of the
    headers; closes the connection when they do not arrive in time."""

    def __init__(self, guard: ConnectionGuard, inner: asyncio.Protocol) -> None:
        self.guard = guard
        self.inner = inner
        self._transport: asyncio.Transport | None = None
        self._tail = b""
        self._timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self.guard.admit(self)
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self.guard.header_timeout, self._too_slow)
        self.inner.connection_made(transport)

    def _too_slow(self) -> None:
        HTTP_REJECTED.labels("header_timeout").inc()
        self.guard.throttle.warning("slow", "closed a connection: headers took too long")
        self.drop()

    def drop(self) -> None:
        """Close the connection now (the slowest one, or one past its deadline)."""
        if self._transport is not None and not self._transport.is_closing():
            self.guard.dropping(self)
            self._transport.abort()

    def data_received(self, data: bytes) -> None:
        if self._timer is not None:
            window = self._tail + data
            if _END_OF_HEADERS in window:
                self._timer.cancel()
                self._timer = None
                self.guard.headers_done(self)
            self._tail = window[-3:]
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received()

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.guard.release(self)
        self.inner.connection_lost(exc)


class _Listening:
    """What aiohttp's runner reads of a site's server: its sockets, and close()."""

    def __init__(self, sock: socket.socket, task: asyncio.Task[None]) -> None:
        self.sockets = [sock]
        self.task = task

    def close(self) -> None:
        """Stop accepting and close the listening socket."""
        self.task.cancel()
        self.sockets[0].close()


class GuardedSite(web.TCPSite):
    """aiohttp's TCPSite with our own accept loop: one connection at a time, each through the
    guard, so the cap holds before a descriptor is spent (asyncio's own loop accepts a
    whole backlog at once)."""

    __slots__ = ("guard",)

    def __init__(self, runner: web.BaseRunner, host: str, port: int, guard: ConnectionGuard):
        super().__init__(runner, host, port)
        self.guard = guard

    async def start(self) -> None:
        """Listen on host:port and accept through the guard."""
        self._runner._reg_site(self)
        server = self._runner.server
        assert server is not None and self._host is not None
        family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        sock = socket.create_server((self._host, self._port), family=family, backlog=128)
        sock.setblocking(False)
        self._bound_port = sock.getsockname()[1]
        task = asyncio.create_task(self._accept(sock, server))
        self._server = _Listening(sock, task)  # type: ignore[assignment]

    async def stop(self) -> None:
        """Stop accepting; the runner then closes the open connections."""
        await super().stop()
        listening = self._server
        if isinstance(listening, _Listening):
            with contextlib.suppress(asyncio.CancelledError):
                await listening.task

    async def _accept(self, sock: socket.socket, server: Callable[[], asyncio.Protocol]) -> None:
        loop = asyncio.get_running_loop()
        throttle = self.guard.throttle
        while True:
            try:
                conn, _ = await loop.sock_accept(sock)
            except OSError as error:
                # Out of descriptors or memory: say so once a minute, let some close, retry.
                HTTP_REJECTED.labels("accept_error").inc()
                throttle.warning("accept", f"accept failed: {error.strerror or error}")
                await asyncio.sleep(ACCEPT_RETRY)
                continue
            if not self.guard.make_room():
                conn.close()
                continue
            try:
                await loop.connect_accepted_socket(lambda: _Guarded(self.guard, server()), conn)
            except OSError:
                conn.close()
