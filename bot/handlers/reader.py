"""Commands every reader can use."""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import ContextTypes

from bot.commands import ADMIN_COMMANDS, READER_COMMANDS, command_lines
from bot.handlers.common import argument, is_group_admin, say
from bot.handlers.reading import send_digest, send_more, send_quote
from bot.keyboards import language_keyboard, settings_keyboard
from bot.reader import Reader, client_language, load_reader, make_reader
from bot.services import services
from bot.storage.repository import Repository
from digests.i18n import LANGUAGES, language_name

_ARTICLE_PAYLOAD = re.compile(r"(?:a|article-)(\d{1,9})")


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet, remember the chat in the client's language and subscribe a private reader.

    A deep-link payload may name a language (`/start uk`, `lang-uk`) or an article (`a42`).
    """
    found = services(context)
    payload = (argument(context) or "").lower()
    chosen = payload.removeprefix("lang-") if payload.removeprefix("lang-") in LANGUAGES else None
    chat = update.effective_chat
    language = chosen or client_language(update, found.settings.default_language)
    async with found.db.session() as session:
        row = await Repository(session).ensure_chat(chat.id, chat.type, language)
        if chosen:
            row.language, row.language_chosen = chosen, True
        row.active = True
        if chat.type == "private":
            row.subscribed = True
        reader = make_reader(update, row.language, known=True, subscribed=row.subscribed)
    _ = reader.gettext
    if reader.is_private:
        text = _(
            "Welcome! I send short digests of the news: the headline, the key question "
            "and the analysis, in %(language)s."
        ) % {"language": language_name(reader.language)}
        text += "\n\n" + _(
            "You are subscribed. /digest shows the latest one now, /help lists "
            "everything, /unsubscribe stops the digests."
        )
    else:
        text = _("Hello! An administrator of this group can /subscribe it to the digests.")
    await say(update, text)
    article = _ARTICLE_PAYLOAD.fullmatch(payload)
    if article:
        await send_digest(update, context, reader, article_id=int(article.group(1)))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what the bot does and list the reader commands."""
    reader = await load_reader(update, context)
    _ = reader.gettext
    lines = [_("Short digests of the news, ready to read in a notification."), ""]
    lines += command_lines(READER_COMMANDS, _)
    lines += ["", _("Reply /more or /quote to a digest to go deeper into that digest.")]
    if services(context).settings.is_admin(reader.user_id):
        lines += ["", _("Editors' commands:"), *command_lines(ADMIN_COMMANDS, _)]
    await say(update, "\n".join(lines))


async def _set_subscription(
    update: Update, context: ContextTypes.DEFAULT_TYPE, subscribe: bool
) -> None:
    reader = await load_reader(update, context)
    _ = reader.gettext
    if not await is_group_admin(update, context, reader):
        await say(update, _("Only the administrators of this group can change its subscription."))
        return
    chat = update.effective_chat
    async with services(context).db.session() as session:
        row = await Repository(session).ensure_chat(chat.id, chat.type, reader.language)
        changed = row.subscribed != subscribe
        row.subscribed, row.active = subscribe, True
    if subscribe:
        await say(
            update,
            _("Subscribed: digests will come to this chat.")
            if changed
            else _("This chat is already subscribed."),
        )
    else:
        await say(
            update,
            _("Unsubscribed: no more digests. /subscribe brings them back.")
            if changed
            else _("This chat was not subscribed."),
        )


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Subscribe this chat to digests (in groups: administrators only)."""
    await _set_subscription(update, context, subscribe=True)


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop digests to this chat (also `/stop`; in groups: administrators only)."""
    await _set_subscription(update, context, subscribe=False)


async def set_language(
    update: Update, context: ContextTypes.DEFAULT_TYPE, language: str
) -> tuple[Reader, str]:
    """Store the chosen language and confirm it in that language."""
    chat = update.effective_chat
    async with services(context).db.session() as session:
        row = await Repository(session).ensure_chat(chat.id, chat.type, language)
        row.language, row.language_chosen = language, True
        subscribed = row.subscribed
    reader = make_reader(update, language, known=True, subscribed=subscribed)
    _ = reader.gettext
    return reader, _("Language: %(language)s.") % {"language": language_name(language)}


async def language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/language` shows a keyboard of languages; `/language uk` switches directly."""
    reader = await load_reader(update, context)
    _ = reader.gettext
    code = (argument(context) or "").lower()
    if not await is_group_admin(update, context, reader):
        await say(update, _("Only the administrators of this group can change its language."))
        return
    if not code:
        await say(update, _("Choose your language:"), language_keyboard(reader.language))
        return
    if code not in LANGUAGES:
        known = ", ".join(f"{c} ({language_name(c)})" for c in LANGUAGES)
        await say(
            update,
            _("I do not know the language “%(code)s”. Choose one of: %(known)s.")
            % {"code": code[:16], "known": known},
        )
        return
    _reader, confirmation = await set_language(update, context, code)
    await say(update, confirmation)


async def digest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the latest digest now, in the reader's language."""
    await send_digest(update, context, await load_reader(update, context))


async def more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/more [n]`: the next layer of detail of item n of the digest (or of the one replied to)."""
    await send_more(update, context)


async def quote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/quote [n]`: the next key quote of item n of the digest, with its speaker."""
    await send_quote(update, context)


async def settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the chat's language and subscription, with buttons to change them."""
    reader = await load_reader(update, context)
    _ = reader.gettext
    state = _("subscribed") if reader.subscribed else _("not subscribed")
    text = "\n".join(
        [
            _("Settings of this chat"),
            _("Language: %(language)s") % {"language": language_name(reader.language)},
            _("Digests: %(state)s") % {"state": state},
        ]
    )
    await say(update, text, settings_keyboard(reader.subscribed, _))


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Delete everything stored about this chat, then confirm."""
    reader = await load_reader(update, context)
    _ = reader.gettext
    if not await is_group_admin(update, context, reader):
        await say(update, _("Only the administrators of this group can do that."))
        return
    async with services(context).db.session() as session:
        existed = await Repository(session).forget_chat(reader.chat_id)
    if existed:
        await say(
            update, _("Done: everything stored about this chat is deleted. /start begins again.")
        )
    else:
        await say(update, _("Nothing is stored about this chat."))
