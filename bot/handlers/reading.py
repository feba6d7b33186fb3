"""Sending digests, /more pages and quotes: shared by the commands and the buttons."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.handlers.common import argument, say
from bot.keyboards import digest_keyboard, more_keyboard, quote_keyboard
from bot.reader import Reader, client_language, load_reader, make_reader
from bot.reading import NothingToReadError, Page, Turn, digest_view, latest_digest, turn_page
from bot.services import services
from bot.storage.repository import Repository


async def send_digest(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    reader: Reader,
    *,
    article_id: int | None = None,
) -> None:
    """The latest digest (or one article's) to this chat, with More and Quote buttons."""
    _ = reader.gettext
    async with services(context).db.session() as session:
        repo = Repository(session)
        try:
            if article_id is not None:
                stored = await repo.article(article_id)
                if stored is None:
                    raise NothingToReadError(f"article {article_id}")
                digest_id = (await repo.create_digest([stored.story_id])).id
            else:
                digest_id = await latest_digest(repo)
            view = await digest_view(repo, digest_id, reader.language)
        except NothingToReadError:
            view = None
    if view is None and article_id is not None:
        await say(update, _("There is no article #%(id)s.") % {"id": article_id})
        return
    if view is None:
        await say(update, _("There is no digest yet: nothing has been published."))
        return
    markup = digest_keyboard(view.digest_id, view.items, _)
    sent = []
    for index, message in enumerate(view.messages):
        last = index == len(view.messages) - 1
        sent.append(
            await context.bot.send_message(
                reader.chat_id,
                message,
                parse_mode=ParseMode.HTML,
                reply_markup=markup if last else None,
            )
        )
    async with services(context).db.session() as session:
        repo = Repository(session)
        for message in sent:
            await repo.record_delivery(reader.chat_id, message.message_id, view.digest_id)


def _item_number(context: ContextTypes.DEFAULT_TYPE) -> int:
    """The n of `/more n`; ValueError for anything that is not a positive number."""
    raw = argument(context)
    if raw is not None and not (raw.isdigit() and int(raw) > 0):
        raise ValueError(raw)
    return int(raw) if raw else 1


async def _send_page(update: Update, context: ContextTypes.DEFAULT_TYPE, kind: str) -> None:
    """/more or /quote: one short transaction finds the reader, the digest and the position."""
    found = services(context)
    chat = update.effective_chat
    message = update.effective_message
    replied = message.reply_to_message.message_id if message and message.reply_to_message else None
    client = client_language(update, found.settings.default_language)
    try:
        item = _item_number(context)
    except ValueError:
        reader = await load_reader(update, context)
        text = reader.gettext(
            "Use /%(command)s or /%(command)s 2 (the number of the item in the digest)."
        )
        await say(update, text % {"command": kind})
        return
    async with found.db.session() as session:
        turn = await turn_page(
            Repository(session), chat.id, kind, item, client, replied_message_id=replied
        )
    reader = make_reader(
        update, turn.language or client, known=turn.language is not None, subscribed=turn.subscribed
    )
    await show_turn(update, context, reader, turn, kind)


async def show_turn(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader, turn: Turn, kind: str
) -> None:
    """The page, or a line saying why there is none."""
    _ = reader.gettext
    if turn.problem == "range":
        text = reader.ngettext(
            "This digest has only %(num)d item.", "This digest has only %(num)d items.", turn.items
        )
        await say(update, text % {"num": turn.items})
    elif turn.page is None:
        await say(update, _("There is no digest yet: nothing has been published."))
    else:
        await send_page(update, context, reader, turn.page, kind)


async def send_page(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader, page: Page, kind: str
) -> None:
    """A /more page or a quote, with a button for the next one when there is one."""
    _ = reader.gettext
    keyboard = more_keyboard if kind == "more" else quote_keyboard
    markup = keyboard(page.digest_id, page.item, _) if page.has_next else None
    for index, message in enumerate(page.messages):
        last = index == len(page.messages) - 1
        await context.bot.send_message(
            reader.chat_id,
            message,
            parse_mode=ParseMode.HTML,
            reply_markup=markup if last else None,
        )


async def send_more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _send_page(update, context, "more")


async def send_quote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _send_page(update, context, "quote")
