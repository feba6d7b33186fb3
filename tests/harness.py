"""Running the real bot against the Bot API sandbox over HTTP, on SQLite or PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from telegram.ext import Application

from bot.local import running_bot
from bot.sandbox.server import Sandbox
from bot.settings import Settings
from bot.storage.database import Database, create_engine
from bot.storage.migrate import upgrade
from bot.storage.repository import Repository
from digests import parse
from digests.telegram_html import parse as telegram_text
from tests.conftest import SAMPLE

EDITOR = 1001
ANNA, BEN, OLENA, PIERRE = 2001, 2002, 2003, 2004  # de, en, uk, fr client languages
GROUP = -100500
BACKENDS = ["sqlite", *(["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])]
TABLES = (
    "outbox",
    "renderings",
    "feed_entries",
    "deliveries",
    "reading_positions",
    "digest_items",
    "digests",
    "articles",
    "stories",
    "subscribers",
    "schedules",
    "feeds",
    "send_pace",
)


def _postgres_database(base: str) -> Iterator[str]:
    """A fresh database on the test server for this run, migrated, dropped at the end."""
    name = f"digestbot_{uuid.uuid4().hex[:12]}"
    admin_url = make_url(base)

    async def execute(statement: str) -> None:
        engine = create_engine(admin_url.render_as_string(hide_password=False))
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text(statement))
        await engine.dispose()

    asyncio.run(execute(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        asyncio.run(execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session", params=BACKENDS)
def migrated_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated database per backend: a template file for SQLite, a database for PostgreSQL."""
    if request.param == "postgresql":
        yield from _postgres_database(os.environ["TEST_DATABASE_URL"])
        return
    template = tmp_path_factory.mktemp("db") / "template.sqlite3"
    upgrade(f"sqlite+aiosqlite:///{template}")
    yield f"sqlite+aiosqlite:///{template}"


@pytest.fixture
def database_url(migrated_database: str, tmp_path: Path) -> str:
    """An empty, migrated database for one test."""
    url = make_url(migrated_database)
    if url.get_backend_name() == "sqlite":
        copy = tmp_path / "test.sqlite3"
        shutil.copy(url.database, copy)
        return f"sqlite+aiosqlite:///{copy}"

    async def truncate() -> None:
        engine = create_engine(migrated_database)
        async with engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        await engine.dispose()

    asyncio.run(truncate())
    return migrated_database


@dataclass
class Harness:
    """The bot running for one test, and ways to talk to it like a Telegram client would."""

    sandbox: Sandbox
    app: Application
    db: Database
    settings: Settings
    extra: dict[str, Any] = field(default_factory=dict)

    async def send(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        reply_to: int | None = None,
        expect: int = 1,
        settle: float = 0.05,
    ) -> list[dict[str, Any]]:
        """Send `text` as a user; return what the bot sent to that chat in response."""
        chat = chat_id or user_id
        after = self.sandbox.last_seq
        self.sandbox.send_text(user_id, text, chat_id=chat_id, reply_to_message_id=reply_to)
        return await self.replies(chat, after, expect, settle)

    async def replies(
        self, chat_id: int, after: int, expect: int, settle: float
    ) -> list[dict[str, Any]]:
        if expect:
            await self.sandbox.wait_for_messages(chat_id, expect, after=after, timeout=10)
        await asyncio.sleep(settle)  # let a handler that sends several messages finish
        return self.sandbox.world.records(chat_id, after)

    async def press(
        self, user_id: int, message: dict[str, Any], label: str, *, expect: int = 1
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Press the button whose label contains `label`; the answer and the messages sent."""
        buttons = [b for row in message["reply_markup"]["inline_keyboard"] for b in row]
        data = next(b["callback_data"] for b in buttons if label in b["text"])
        after = self.sandbox.last_seq
        query = self.sandbox.press_button(
            user_id, message["message_id"], data, chat_id=message["chat_id"]
        )
        answer = await self.sandbox.wait_for_answer(query, timeout=10)
        return answer, await self.replies(message["chat_id"], after, expect, 0.05)

    async def ingest_sample(self) -> int:
        async with self.db.session() as session:
            stored, _ = await Repository(session).add_article(parse(SAMPLE.read_bytes()))
        return stored.id

    async def rows(self, statement: str) -> list[Any]:
        async with self.db.session() as session:
            return list((await session.execute(text(statement))).all())


def visible(message: dict[str, Any]) -> str:
    """What the reader sees: the message text with Telegram's HTML parsed."""
    return (
        telegram_text(message["text"]) if message.get("parse_mode") == "HTML" else message["text"]
    )


def run_bot(
    database_url: str, scenario: Callable[[Harness], Awaitable[None]], **overrides: Any
) -> None:
    """Start sandbox and bot, seat the readers, run the scenario, stop everything."""

    async def main() -> None:
        async with Sandbox() as sandbox:
            sandbox.add_user(EDITOR, "Eda", "en")
            sandbox.add_user(ANNA, "Anna", "de")
            sandbox.add_user(BEN, "Ben", "en-GB")
            sandbox.add_user(OLENA, "Olena", "uk")
            sandbox.add_user(PIERRE, "Pierre", "fr")
            sandbox.add_group(
                GROUP, "Newsroom fans", kind="supergroup", admins={ANNA}, members={BEN}
            )
            db = Database(database_url)
            try:
                async with running_bot(
                    sandbox, db, admin_ids=frozenset({EDITOR}), **overrides
                ) as app:
                    services = app.bot_data["services"]
                    await scenario(Harness(sandbox, app, db, services.settings))
            finally:
                await db.dispose()

    asyncio.run(main())
