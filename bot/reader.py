"""Who is asking, in which language: loaded at the start of every handler."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from telegram import Update
from telegram.ext import ContextTypes

from bot.services import services
from bot.storage.repository import Repository
from digests.i18n import negotiate, translations


@dataclass(frozen=True, slots=True)
class Reader:
    """The chat an update comes from: id, type, language and that language's gettext."""

    chat_id: int
    chat_type: str
    user_id: int | None
    language: str
    known: bool  # the chat has a stored row (it has used /start or /subscribe)
    subscribed: bool
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]

    @property
    def is_private(self) -> bool:
        return self.chat_type == "private"


def client_language(update: Update, default: str) -> str:
    """The supported language closest to the Telegram client's language."""
    user = update.effective_user
    return negotiate([user.language_code] if user and user.language_code else [], default)


def make_reader(update: Update, language: str, *, known: bool, subscribed: bool) -> Reader:
    chat = update.effective_chat
    user = update.effective_user
    catalog = translations(language)
    return Reader(
        chat_id=chat.id if chat else 0,
        chat_type=chat.type if chat else "private",
        user_id=user.id if user else None,
        language=language,
        known=known,
        subscribed=subscribed,
        gettext=catalog.gettext,
        ngettext=catalog.ngettext,
    )


async def reader_from(repo: Repository, update: Update, default_language: str) -> Reader:
    """The reader of this update: stored language if the chat is known, else the client's."""
    chat = update.effective_chat
    row = await repo.chat(chat.id) if chat else None
    if row is not None:
        return make_reader(update, row.language, known=True, subscribed=row.subscribed)
    return make_reader(
        update, client_language(update, default_language), known=False, subscribed=False
    )


async def load_reader(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Reader:
    """`reader_from` in a session of its own."""
    found = services(context)
    async with found.db.session() as session:
        return await reader_from(Repository(session), update, found.settings.default_language)
