"""Inline buttons: every callback query is answered, old or forged buttons included."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.callbacks import (
    ArticlesPage,
    CallbackDataError,
    ChooseLanguage,
    More,
    NextQuote,
    ToggleSubscription,
    decode,
)
from bot.handlers.admin import articles_page_text
from bot.handlers.common import is_group_admin
from bot.handlers.reader import set_language
from bot.handlers.reading import send_page
from bot.keyboards import language_keyboard, pager_keyboard
from bot.reader import load_reader
from bot.reading import turn_page
from bot.services import services
from bot.storage.repository import Repository
from digests.i18n import LANGUAGES
from digests.render import escape

log = logging.getLogger(__name__)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Dispatch a button press by its typed callback data."""
    query = update.callback_query
    reader = await load_reader(update, context)
    _ = reader.gettext
    try:
        data = decode(query.data or "")
    except CallbackDataError:
        await query.answer(_("This button belongs to an older message."))
        return
    match data:
        case More(digest_id, item) | NextQuote(digest_id, item):
            kind = "more" if isinstance(data, More) else "quote"
            async with services(context).db.session() as session:
                turn = await turn_page(
                    Repository(session),
                    reader.chat_id,
                    kind,
                    item,
                    reader.language,
                    digest_id=digest_id,
                )
            if turn.page is None:
                await query.answer(_("This digest is no longer available."))
                return
            await query.answer()
            await send_page(update, context, reader, turn.page, kind)
        case ChooseLanguage(language):
            if not await is_group_admin(update, context, reader):
                await query.answer(_("Only the administrators of this group can do that."))
            elif language not in LANGUAGES:
                await query.answer()
                await query.edit_message_text(
                    escape(_("Choose your language:")),
                    reply_markup=language_keyboard(reader.language),
                )
            else:
                _reader, confirmation = await set_language(update, context, language)
                await query.answer(confirmation)
                await _edit(query, confirmation)
        case ToggleSubscription(subscribe):
            if not await is_group_admin(update, context, reader):
                await query.answer(_("Only the administrators of this group can do that."))
                return
            chat = update.effective_chat
            async with services(context).db.session() as session:
                row = await Repository(session).ensure_chat(chat.id, chat.type, reader.language)
                row.subscribed, row.active = subscribe, True
            text = (
                _("Subscribed: digests will come to this chat.")
                if subscribe
                else _("Unsubscribed: no more digests. /subscribe brings them back.")
            )
            await query.answer(text)
            await _edit(query, text)
        case ArticlesPage(page):
            if not services(context).settings.is_admin(reader.user_id):
                await query.answer(_("Sorry, this command is only for the newsroom's editors."))
                return
            text, pages = await articles_page_text(context, reader, max(0, page))
            await query.answer()
            await query.edit_message_text(
                text, parse_mode=ParseMode.HTML, reply_markup=pager_keyboard(page, pages, _)
            )


async def _edit(query: CallbackQuery, text: str) -> None:
    """Replace the buttons' message with the outcome; a vanished message is no error."""
    try:
        await query.edit_message_text(escape(text), parse_mode=ParseMode.HTML)
    except BadRequest as error:
        log.debug("could not edit the settings message: %s", error)
