"""Sending digests, /more pages and quotes: shared by the commands and the buttons."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.handlers.common import argument, say
from bot.keyboards import digest_keyboard, more_keyboard, quote_keyboard
from bot.reader import Reader
from bot.reading import (
    NothingToReadError,
    Page,
    digest_view,
    latest_digest,
    next_more_page,
    next_quote,
)
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


async def _target(
    update: Update, context: ContextTypes.DEFAULT_TYPE, repo: Repository, reader: Reader
) -> tuple[int, int]:
    """(digest, item) that /more or /quote means: the digest replied to, else the chat's last."""
    raw = argument(context)
    if raw is not None and not raw.isdigit():
        raise ValueError(raw)
    item = int(raw) if raw else 1
    message = update.effective_message
    replied = message.reply_to_message if message else None
    digest_id = None
    if replied is not None:
        digest_id = await repo.digest_of_message(reader.chat_id, replied.message_id)
    if digest_id is None:
        digest_id = await repo.last_digest_of_chat(reader.chat_id)
    if digest_id is None:
        digest_id = await latest_digest(repo)
    return digest_id, item


async def _send_page(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader, kind: str
) -> None:
    _ = reader.gettext
    page: Page | None = None
    items = 0
    usage = False
    async with services(context).db.session() as session:
        repo = Repository(session)
        try:
            digest_id, item = await _target(update, context, repo, reader)
            items = len(await repo.digest_stories(digest_id))
            turn = next_more_page if kind == "more" else next_quote
            page = await turn(repo, reader.chat_id, digest_id, item, reader.language)
        except ValueError:
            usage = True
        except NothingToReadError:
            page = None
    if usage:
        text = _("Use /%(command)s or /%(command)s 2 (the number of the item in the digest).")
        await say(update, text % {"command": kind})
        return
    if page is None and items:
        await say(
            update,
            reader.ngettext(
                "This digest has only %(num)d item.", "This digest has only %(num)d items.", items
            )
            % {"num": items},
        )
        return
    if page is None:
        await say(update, _("There is no digest yet: nothing has been published."))
        return
    await send_page(update, context, reader, page, kind)


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


async def send_more(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    await _send_page(update, context, reader, "more")


async def send_quote(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    await _send_page(update, context, reader, "quote")
