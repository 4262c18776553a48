"""The operations endpoint on OPS_PORT: /healthz, /readyz and /metrics, for probes and Prometheus.

- `GET /healthz`: 200 `{"ok": true}` whenever the event loop answers (liveness).
- `GET /readyz`: 200 when every readiness check passes, else 503; the body names each check
  (`{"ready": false, "checks": {"database": true, "slack": false}}`). A check that raises
  or takes longer than CHECK_TIMEOUT seconds counts as not ready.
- `GET /metrics`: bot.metrics.REGISTRY in Prometheus' text format.

The wiring (bot.runner) adds the checks: the database reachable and migrated, and each
configured platform connected. Anything may add its own with `add_check`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from bot.errors import ConfigError
from bot.metrics import REGISTRY

log = logging.getLogger(__name__)

Check = Callable[[], Awaitable[bool]]
CHECK_TIMEOUT = 2.0


async def healthz(request: web.Request) -> web.Response:
    """Liveness: that this answers at all shows the event loop is running."""
    return web.json_response({"ok": True})


def bound_port(runner: web.AppRunner | None) -> int | None:
    """The port an aiohttp runner listens on (the real one when 0 was asked), or None."""
    if runner is None or not runner.addresses:
        return None
    return int(runner.addresses[0][1])


class OpsServer:
    """Serves /healthz, /readyz and /metrics on host:port until stopped."""

    def __init__(self, host: str, port: int, *, registry: CollectorRegistry = REGISTRY) -> None:
        self.host = host
        self.requested_port = port
        self.registry = registry
        self._checks: dict[str, Check] = {}
        self._runner: web.AppRunner | None = None

    def add_check(self, name: str, check: Check) -> None:
        """Make readiness depend on `check` (True when ready), shown under `name`."""
        self._checks[name] = check

    async def readiness(self) -> dict[str, bool]:
        """Every check's verdict, run concurrently, each bounded by CHECK_TIMEOUT seconds."""
        names = list(self._checks)
        verdicts = await asyncio.gather(*(self._verdict(name) for name in names))
        return dict(zip(names, verdicts, strict=True))

    async def _verdict(self, name: str) -> bool:
        try:
            return bool(await asyncio.wait_for(self._checks[name](), CHECK_TIMEOUT))
        except Exception as error:
            # The type only: a driver's message could quote a query's parameters.
            log.warning("readiness check %s failed: %s", name, type(error).__name__)
            return False

    @property
    def port(self) -> int | None:
        """The port being served (useful when asked for 0), or None when not started."""
        return bound_port(self._runner)

    async def start(self) -> None:
        """Listen; returns once the port is bound. Raises ConfigError if it cannot be."""
        app = web.Application()
        app.router.add_get("/healthz", healthz)
        app.router.add_get("/readyz", self._readyz)
        app.router.add_get("/metrics", self._metrics)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.requested_port).start()
        except OSError as error:
            await runner.cleanup()
            raise ConfigError(
                [
                    f"OPS_PORT={self.requested_port}: cannot listen on {self.host} "
                    f"({error.strerror or error}); choose another port, or OPS_PORT=off"
                ]
            ) from error
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        log.info("ops listening on %s:%s (/healthz /readyz /metrics)", self.host, self.port)

    async def stop(self) -> None:
        """Stop listening (safe to call twice)."""
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def _readyz(self, request: web.Request) -> web.Response:
        checks = await self.readiness()
        ready = all(checks.values())
        return web.json_response({"ready": ready, "checks": checks}, status=200 if ready else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(self.registry), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )
