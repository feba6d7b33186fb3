"""The one place where the Telegram `Application` is built and every handler is wired."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Update
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.background import Scheduler
from bot.commands import ADMIN_COMMANDS, READER_COMMANDS
from bot.flood import FloodGuard
from bot.handlers import admin, buttons, feeds, guards, publishing, reader
from bot.services import Services
from bot.settings import Settings
from bot.storage.database import Database
from digests.i18n import LANGUAGES, translations

log = logging.getLogger(__name__)


def build_application(settings: Settings, db: Database, token: str) -> Application:
    """The bot: settings and storage in `bot_data`, handlers below in the order they run."""
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_base_file_url)
        .concurrent_updates(True)
        .build()
    )
    application.bot_data["services"] = Services(
        settings=settings, db=db, flood=FloodGuard(settings.commands_per_minute)
    )
    application.bot_data["scheduler"] = Scheduler(application)

    # Before everything: count the update, then the flood brake (it stops further handling
    # of a flooding chat).
    application.add_handler(TypeHandler(Update, guards.count_update), group=-2)
    application.add_handler(TypeHandler(Update, guards.flood_brake), group=-1)

    # Readers.
    application.add_handler(CommandHandler("start", reader.start))
    application.add_handler(CommandHandler("help", reader.help_command))
    application.add_handler(CommandHandler("subscribe", reader.subscribe))
    application.add_handler(CommandHandler(["unsubscribe", "stop"], reader.unsubscribe))
    application.add_handler(CommandHandler("language", reader.language))
    application.add_handler(CommandHandler("digest", reader.digest))
    application.add_handler(CommandHandler("more", reader.more))
    application.add_handler(CommandHandler("quote", reader.quote))
    application.add_handler(CommandHandler("settings", reader.settings))
    application.add_handler(CommandHandler("forget", reader.forget))

    # Editors (each handler checks ADMIN_IDS and refuses politely).
    application.add_handler(CommandHandler("ingest", admin.ingest))
    application.add_handler(CommandHandler("articles", admin.articles))
    application.add_handler(CommandHandler("preview", admin.preview))
    application.add_handler(CommandHandler("publish", publishing.publish_command))
    application.add_handler(CommandHandler("schedule", publishing.schedule_command))
    application.add_handler(CommandHandler("schedules", publishing.schedules_command))
    application.add_handler(CommandHandler("unschedule", publishing.unschedule_command))
    application.add_handler(CommandHandler("stats", publishing.stats_command))
    feeds.register(application)
    application.add_handler(
        MessageHandler(filters.Document.ALL & filters.ChatType.PRIVATE, admin.ingest_document)
    )

    # Buttons, then errors.
    application.add_handler(CallbackQueryHandler(buttons.button))
    application.add_error_handler(guards.on_error)
    return application


def _menu(commands: tuple[tuple[str, str], ...], language: str) -> list[BotCommand]:
    _ = translations(language).gettext
    return [BotCommand(name, _(description)) for name, description in commands]


async def set_command_menus(application: Application) -> None:
    """Command menus in each language, and for each editor a menu with their commands too."""
    settings: Settings = application.bot_data["services"].settings
    bot = application.bot
    await bot.set_my_commands(
        _menu(READER_COMMANDS, settings.default_language), scope=BotCommandScopeDefault()
    )
    for language in LANGUAGES:
        await bot.set_my_commands(
            _menu(READER_COMMANDS, language), scope=BotCommandScopeDefault(), language_code=language
        )
    everything = READER_COMMANDS + ADMIN_COMMANDS
    for admin_id in sorted(settings.admin_ids):
        scope = BotCommandScopeChat(admin_id)
        try:
            await bot.set_my_commands(_menu(everything, settings.default_language), scope=scope)
            for language in LANGUAGES:
                await bot.set_my_commands(
                    _menu(everything, language), scope=scope, language_code=language
                )
        except BadRequest as error:  # the editor has not opened a chat with the bot yet
            log.warning("no editor menu for admin %s: %s", admin_id, error)
    log.info(
        "command menus set for %d languages and %d editors", len(LANGUAGES), len(settings.admin_ids)
    )
