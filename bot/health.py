"""GET /healthz and GET /metrics for load balancers, orchestrators and Prometheus."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from bot import metrics
from bot.storage.database import Database
from bot.storage.outbox import OutboxRepository

log = logging.getLogger(__name__)
DATABASE_TIMEOUT = 3.0
DEPTH_STATES = ("pending", "sending")


class HealthServer:
    """Healthy means: the database answers and every duty of this process is still running.
    `status` tells which duties there are and which are alive."""

    def __init__(
        self, db: Database, status: Callable[[], dict[str, Any]], listen: str, port: int
    ) -> None:
        self.db = db
        self.status = status
        self.listen = listen
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.listen, self.port).start()
        self.port = self._runner.addresses[0][1]
        log.info("health and metrics on http://%s:%s/healthz and /metrics", self.listen, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def healthz(self, request: web.Request) -> web.Response:
        body = self.status()
        try:
            async with asyncio.timeout(DATABASE_TIMEOUT):
                async with self.db.engine.connect() as connection:
                    await connection.execute(text("SELECT 1"))
            body["database"] = "ok"
        except Exception as error:
            body["database"] = f"unavailable: {type(error).__name__}"
        healthy = body["database"] == "ok" and all(body.get("alive", {}).values())
        body["status"] = "ok" if healthy else "unhealthy"
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics(self, request: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(DATABASE_TIMEOUT):
                async with self.db.session() as session:
                    counts = await OutboxRepository(session).counts(DEPTH_STATES)
            for state in DEPTH_STATES:
                metrics.OUTBOX.labels(state).set(counts.get(state, 0))
        except Exception as error:  # the other metrics are still worth serving
            log.warning("outbox depth unavailable: %s", error)
        return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})
