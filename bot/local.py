"""The bot against a local Bot API sandbox: shared by the demo, the tests and the benchmarks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from bot.application import build_application, set_command_menus
from bot.background import start_background, stop_background
from bot.sandbox.server import Sandbox
from bot.settings import Settings
from bot.storage.database import Database


def sandbox_settings(sandbox: Sandbox, database_url: str, **overrides: Any) -> Settings:
    """Settings pointing at the sandbox; nothing is read from the environment or `.env`."""
    return Settings(
        _env_file=None,
        database_url=database_url,
        telegram_api_base_url=sandbox.api_url,
        telegram_api_base_file_url=sandbox.file_url,
        **overrides,
    )


@asynccontextmanager
async def polling_bot(
    sandbox: Sandbox, db: Database, **overrides: Any
) -> AsyncIterator[Application]:
    """The real Application, polling the sandbox until the block ends."""
    application = build_application(
        sandbox_settings(sandbox, db.url, **overrides), db, sandbox.token
    )
    await application.initialize()
    await set_command_menus(application)
    await application.start()
    await application.updater.start_polling(poll_interval=0.0, timeout=1)
    await start_background(application)
    try:
        yield application
    finally:
        await application.updater.stop()
        await stop_background(application)
        await application.stop()
        await application.shutdown()
