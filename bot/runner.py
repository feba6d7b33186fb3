"""`digestbot run`: migrations first, then one process of the given role until SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.leadership import SQLiteOwner
from bot.logs import configure_logging
from bot.roles import Role
from bot.service import Service
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.migrate import upgrade_async

log = logging.getLogger(__name__)
MIGRATION_LOCK = 0x6469676573740003


class RunRefusedError(RuntimeError):
    """The settings ask for something this database cannot do."""


def run(settings: Settings, role: Role = Role.ALL) -> None:
    """Apply migrations and run the role's duties until stopped."""
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    configure_logging(settings.log_level, token, settings.log_format)
    sqlite = make_url(settings.database_url).get_backend_name() == "sqlite"
    if sqlite and role is not Role.ALL:
        raise RunRefusedError(
            f"--role {role} needs PostgreSQL. SQLite is the single-process mode: run "
            "`digestbot run` (every duty in one process), or set DATABASE_URL to PostgreSQL "
            "to run bot, worker and scheduler processes apart."
        )
    with SQLiteOwner(settings.database_url) if sqlite else contextlib.nullcontext():
        asyncio.run(_serve(settings, role, token))


async def _serve(settings: Settings, role: Role, token: str) -> None:
    await migrate(settings.database_url)
    db = Database(settings.database_url)
    service = Service(settings, db, token, role)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await service.start()
        # Start-up objects out of the garbage collector's way: fewer long collections later.
        gc.collect()
        gc.freeze()
        log.info("digestbot runs as %s", role)
        await stop.wait()
        log.info("digestbot stops")
    finally:
        await service.stop()
        await db.dispose()


async def migrate(url: str) -> None:
    """Alembic to head. With PostgreSQL several processes may start at once: they take turns
    (an advisory lock), so that each finds the others' work done instead of racing it."""
    if make_url(url).get_backend_name() != "postgresql":
        await upgrade_async(url)
        return
    db = Database(url)
    try:
        async with db.engine.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                await upgrade_async(url)
            finally:
                with contextlib.suppress(Exception):
                    await connection.execute(
                        text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK}
                    )
    finally:
        await db.dispose()
