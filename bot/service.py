"""One digestbot process: the Application and the duties of its role (`bot.roles`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from telegram.ext import Application

from bot.application import build_application, set_command_menus
from bot.background import Delivery, Scheduler, delivery_worker
from bot.health import HealthServer
from bot.leadership import SCHEDULER_LOCK, UPDATES_LOCK, lead, lock_for
from bot.roles import Role
from bot.settings import Settings
from bot.storage.database import Database

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]


class Service:
    """Start, report on and stop the duties of one role around one Application."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        token: str,
        role: Role = Role.ALL,
        *,
        poll_interval: float = 0.0,
        poll_timeout: int = 10,
    ) -> None:
        self.settings = settings
        self.db = db
        self.role = role
        self.application: Application = build_application(settings, db, token)
        self.scheduler: Scheduler = self.application.bot_data["scheduler"]
        self.delivery: Delivery | None = None
        self.health: HealthServer | None = None
        self.leading: set[str] = set()
        self._poll = {"poll_interval": poll_interval, "timeout": poll_timeout}
        self._stop = asyncio.Event()
        self._leaders: dict[str, asyncio.Task[None]] = {}

    def does(self, role: Role) -> bool:
        return self.role in (Role.ALL, role)

    async def start(self) -> None:
        """Everything of this role running; duties that need the lead are taken if free."""
        await self.application.initialize()
        await self.application.start()
        if self.does(Role.WORKER):
            self.delivery = Delivery(delivery_worker(self.settings, self.db, self.application.bot))
            self.delivery.start()
        if self.does(Role.SCHEDULER):
            await self._lead("scheduler", SCHEDULER_LOCK, self.scheduler.start, self.scheduler.stop)
        if self.does(Role.BOT):
            if self.settings.webhook_url:
                await self._start_webhook()
            else:
                await self._lead("updates", UPDATES_LOCK, self._start_polling, self._stop_polling)
        if self.settings.health_port:
            self.health = HealthServer(
                self.db, self.status, self.settings.health_listen, self.settings.health_port
            )
            await self.health.start()

    async def stop(self) -> None:
        self._stop.set()
        await asyncio.gather(*self._leaders.values(), return_exceptions=True)
        if self.application.updater is not None and self.application.updater.running:
            await self.application.updater.stop()
        if self.delivery is not None:
            await self.delivery.stop()
        if self.health is not None:
            await self.health.stop()
        if self.application.running:  # not when start() failed half-way
            await self.application.stop()
        await self.application.shutdown()

    def status(self) -> dict[str, Any]:
        """What /healthz reports: the role, the duties led, and whether each task lives."""
        alive = {name: not task.done() for name, task in self._leaders.items()}
        if self.delivery is not None:
            alive["delivery"] = self.delivery.alive
        return {"role": str(self.role), "leading": sorted(self.leading), "alive": alive}

    async def _lead(
        self,
        duty: str,
        key: int,
        start: Callable[[], Awaitable[None]],
        stop: Callable[[], Awaitable[None]],
    ) -> None:
        """Compete for `duty`; returns once the first attempt has been decided."""
        decided = asyncio.Event()

        async def on_start() -> None:
            await start()
            self.leading.add(duty)

        async def on_stop() -> None:
            self.leading.discard(duty)
            await stop()

        self._leaders[duty] = asyncio.create_task(
            lead(
                duty,
                lock_for(self.db.engine, key),
                self.settings.leader_check_seconds,
                on_start,
                on_stop,
                self._stop,
                decided,
            )
        )
        await decided.wait()

    async def _start_polling(self) -> None:
        await set_command_menus(self.application)
        await self.application.updater.start_polling(
            allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False, **self._poll
        )

    async def _stop_polling(self) -> None:
        if self.application.updater.running:
            await self.application.updater.stop()

    async def _start_webhook(self) -> None:
        """Every bot process serves the webhook; a wrong or missing secret gets 403."""
        settings = self.settings
        assert settings.webhook_url and settings.webhook_secret  # checked by Settings
        await set_command_menus(self.application)
        await self.application.updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=ALLOWED_UPDATES,
        )
        log.info("webhook listening on %s:%s", settings.webhook_listen, settings.webhook_port)
