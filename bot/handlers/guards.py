"""Handlers that run before the others (the update counter, the flood brake) and the error
handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import metrics
from bot.handlers.common import say
from bot.reader import client_language, make_reader
from bot.services import services

log = logging.getLogger(__name__)


async def count_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Count the update by kind for /metrics (a few fixed kinds: what users type is no label)."""
    if update.callback_query is not None:
        kind = "button"
    elif update.my_chat_member is not None:
        kind = "membership"
    elif update.message is not None and update.message.document is not None:
        kind = "document"
    elif update.message is not None and (update.message.text or "").startswith("/"):
        kind = "command"
    elif update.message is not None:
        kind = "message"
    else:
        kind = "other"
    metrics.UPDATES.labels(kind).inc()


async def flood_brake(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop a chat that sends more than COMMANDS_PER_MINUTE updates; tell it once, kindly."""
    chat = update.effective_chat
    if chat is None:
        return
    guard = services(context).flood
    if guard.allow(chat.id):
        return
    language = client_language(update, services(context).settings.default_language)
    _ = make_reader(update, language, known=False, subscribed=False).gettext
    text = _("Easy — that is a lot at once. I will answer again in a minute.")
    if update.callback_query is not None:
        await update.callback_query.answer(text)
    elif guard.should_warn(chat.id):
        await say(update, text)
    raise ApplicationHandlerStop


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure; tell the reader something went wrong, never how."""
    if isinstance(context.error, Forbidden):
        log.info("chat blocked the bot: %s", context.error)
        return
    log.error("update failed", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    language = client_language(update, services(context).settings.default_language)
    _ = make_reader(update, language, known=False, subscribed=False).gettext
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(_("Something went wrong. Please try again."))
        else:
            await say(update, _("Something went wrong on my side. Please try again in a moment."))
    except Exception:  # the error may be the connection itself; the log has it already
        log.debug("could not report the error to the chat", exc_info=True)
