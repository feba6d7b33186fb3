"""What several handlers share: replying in HTML, the admin check, the group-admin check."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.ext import ContextTypes

from bot.reader import Reader, load_reader
from bot.services import services
from digests.render import escape

log = logging.getLogger(__name__)


async def reply(
    update: Update, html: str, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Answer in the chat the update came from; `html` is Telegram HTML made by our code."""
    message = update.effective_message
    if message is None:
        return None
    return await message.reply_text(
        html,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        do_quote=False,
        link_preview_options=None,
    )


async def say(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Answer with plain translated text (escaped, so it can never become markup)."""
    await reply(update, escape(text), markup)


async def require_admin(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> bool:
    """True for ADMIN_IDS; everyone else gets a polite refusal and the attempt is logged."""
    if services(context).settings.is_admin(reader.user_id):
        return True
    command = (
        (update.effective_message.text or "").split(" ", 1)[0] if update.effective_message else ""
    )
    log.warning(
        "refused admin command %s from user %s in chat %s", command, reader.user_id, reader.chat_id
    )
    _ = reader.gettext
    await say(update, _("Sorry, this command is only for the newsroom's editors."))
    return False


async def is_group_admin(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader
) -> bool:
    """In a private chat, always; in a group, only its creator and administrators."""
    if reader.is_private or reader.user_id is None:
        return True
    member = await context.bot.get_chat_member(reader.chat_id, reader.user_id)
    return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


EditorHandler = Callable[[Update, ContextTypes.DEFAULT_TYPE, Reader], Awaitable[None]]


def editors_only(
    handler: EditorHandler,
) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
    """An editor's command: the reader is loaded, and anyone not in ADMIN_IDS is refused
    politely (and the attempt logged) before the handler runs."""

    @functools.wraps(handler)
    async def checked(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        reader = await load_reader(update, context)
        if await require_admin(update, context, reader):
            await handler(update, context, reader)

    return checked


def argument(context: ContextTypes.DEFAULT_TYPE, index: int = 0) -> str | None:
    args = context.args or []
    return args[index] if len(args) > index else None
