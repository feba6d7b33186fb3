"""Running the bot for real: migrations first, then polling until stopped."""

from __future__ import annotations

import asyncio
import logging

from bot.application import build_application
from bot.redaction import configure_logging
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.migrate import upgrade

log = logging.getLogger(__name__)


def run_polling(settings: Settings) -> None:
    """Apply migrations, build the Application and poll until SIGINT/SIGTERM."""
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    configure_logging(token=token)
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    application = build_application(settings, db, token)
    log.info("digestbot starts polling")
    try:
        application.run_polling(allowed_updates=["message", "callback_query", "my_chat_member"])
    finally:
        asyncio.run(db.dispose())
