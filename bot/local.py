"""The bot against a local Bot API sandbox: shared by the demo, the tests and the benchmarks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import insert
from telegram.ext import Application

from bot.roles import Role
from bot.sandbox.server import Sandbox
from bot.service import Service
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.models import Subscriber


def sandbox_settings(sandbox: Sandbox, database_url: str, **overrides: Any) -> Settings:
    """Settings pointing at the sandbox; nothing is read from the environment or `.env`."""
    return Settings(
        _env_file=None,
        database_url=database_url,
        telegram_api_base_url=sandbox.api_url,
        telegram_api_base_file_url=sandbox.file_url,
        # The pages and feeds of local tests and the demo live on 127.0.0.1.
        **{"fetch_private_addresses": True, **overrides},
    )


@asynccontextmanager
async def running_bot(
    sandbox: Sandbox, db: Database, **overrides: Any
) -> AsyncIterator[Application]:
    """The real Application with every duty of one process, polling the sandbox until the
    block ends."""
    settings = sandbox_settings(sandbox, db.url, **{"health_port": 0, **overrides})
    service = Service(settings, db, sandbox.token, Role.ALL, poll_timeout=1)
    await service.start()
    try:
        yield service.application
    finally:
        await service.stop()


async def add_readers(db: Database, chats: range, chunk: int = 10_000) -> None:
    """English private readers, subscribed, for load tests: bulk inserts of `chunk` rows."""
    async with db.session() as session:
        for start in range(chats.start, chats.stop, chunk):
            await session.execute(
                insert(Subscriber.__table__),
                [
                    {
                        "chat_id": chat,
                        "chat_type": "private",
                        "language": "en",
                        "subscribed": True,
                        "active": True,
                        "language_chosen": False,
                    }
                    for chat in range(start, min(start + chunk, chats.stop))
                ],
            )
