"""Newsroom commands (ADMIN_IDS only): ingest, list and preview articles."""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import argument, editors_only, reply, say
from bot.ingest import (
    MAX_DOCUMENT_BYTES,
    FetchError,
    document_kind,
    fetch,
    parse_fetched,
    parse_off_loop,
)
from bot.keyboards import pager_keyboard
from bot.reader import Reader
from bot.services import services
from bot.storage.repository import Repository
from digests import Article, ArticleError, build, render_digest
from digests.i18n import LANGUAGES
from digests.render import escape

log = logging.getLogger(__name__)
PAGE_SIZE = 10


def problem_text(reader: Reader, error: ArticleError | FetchError) -> str:
    """What went wrong with an article, in the editor's language."""
    _ = reader.gettext
    texts = {
        "empty": _("The article is empty."),
        "binary": _("That file is binary, not a text or HTML article."),
        "feed": _("That is an RSS or Atom feed, not an article: add it with /addfeed."),
        "too_large": _("The article is too large (at most 20 MB)."),
        "no_text": _("No article text found: only navigation, boilerplate or markup."),
        "no_body": _("I found a title but no article body."),
        "unknown_language": _("That article language is not supported."),
        "unreachable": _("The page could not be fetched: the server did not answer."),
        "http_status": _("The page could not be fetched: the server answered with an error."),
        "not_text": _("That link is not a web page or a text."),
        "private_address": _("That address is in a private network: I do not fetch those."),
    }
    return texts[error.problem]


async def _store_and_preview(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    reader: Reader,
    article: Article,
    version_of: int | None,
) -> None:
    _ = reader.gettext
    async with services(context).db.session() as session:
        repo = Repository(session)
        original = await repo.article(version_of) if version_of is not None else None
        if version_of is not None and original is None:
            missing = True
        else:
            missing = False
            story = original.story_id if original else None
            stored, created = await repo.add_article(article, story)
    if missing:
        await say(update, _("There is no article #%(id)s.") % {"id": version_of})
        return
    log.info(
        "article %s %s by admin %s",
        stored.id,
        "stored" if created else "re-ingested",
        reader.user_id,
    )
    note = (
        _("Stored as article #%(id)d.") if created else _("Already stored as article #%(id)d.")
    ) % {"id": stored.id}
    if created and original is not None:
        note += " " + _("It is another language version of article #%(id)d.") % {"id": original.id}
    await say(update, note + " " + _("This is how readers will see it:"))
    await reply(
        update, render_digest(build(stored.article), stored.article.language, reader.language)
    )


async def _ingest(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    reader: Reader,
    load: Awaitable[Article],
    version_of: int | None = None,
) -> None:
    """Await `load` and answer with the stored article's preview, or with the problem."""
    try:
        article = await load
    except (ArticleError, FetchError) as error:
        await say(update, problem_text(reader, error))
        return
    await _store_and_preview(update, context, reader, article, version_of)


@editors_only
async def ingest(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    """`/ingest <url> [article]`, or `/ingest [article]` as a reply to a pasted text.

    With an article number, the new article is another language version of that one's story.
    """
    _ = reader.gettext
    args = context.args or []
    url = next((a for a in args if a.startswith(("http://", "https://"))), None)
    numbers = [a.lstrip("#") for a in args if a.lstrip("#").isdigit()]
    version_of = int(numbers[0]) if numbers else None
    replied = update.effective_message.reply_to_message
    if url:
        settings = services(context).settings

        async def from_url() -> Article:
            fetched = await fetch(
                url, settings.fetch_timeout, private_ok=settings.fetch_private_addresses
            )
            return await parse_fetched(fetched)

        await _ingest(update, context, reader, from_url(), version_of)
    elif replied is not None and (replied.text or replied.caption):
        await _ingest(
            update, context, reader, parse_off_loop(replied.text or replied.caption), version_of
        )
    else:
        await say(
            update,
            _(
                "Send /ingest with a link, reply /ingest to a pasted text, or send "
                "me a .txt or .html file. Add an article number to store another "
                "language version of that article."
            ),
        )


@editors_only
async def ingest_document(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader
) -> None:
    """A .txt or .html document sent by an editor is ingested like a link."""
    _ = reader.gettext
    document = update.effective_message.document
    is_html = document_kind(document.file_name, document.mime_type)
    if is_html is None:
        await say(update, _("Send a .txt or .html file."))
        return
    if (document.file_size or 0) > MAX_DOCUMENT_BYTES:
        await say(update, _("The article is too large (at most 20 MB)."))
        return

    async def from_document() -> Article:
        file = await document.get_file()
        data = bytes(await file.download_as_bytearray())
        return await parse_off_loop(data, is_html=is_html)

    await _ingest(update, context, reader, from_document())


async def articles_page_text(
    context: ContextTypes.DEFAULT_TYPE, reader: Reader, page: int
) -> tuple[str, int]:
    """The text of page `page` of recent articles, and how many pages there are."""
    _ = reader.gettext
    async with services(context).db.session() as session:
        rows, total = await Repository(session).recent_articles(page * PAGE_SIZE, PAGE_SIZE)
    if not total:
        return escape(_("No articles yet.")), 0
    pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
    first = page * PAGE_SIZE + 1
    header = _("Articles %(first)d–%(last)d of %(total)d") % {
        "first": first,
        "last": first + len(rows) - 1,
        "total": total,
    }
    lines = [f"<b>{escape(header)}</b>"]
    lines += [f"#{row.id} · {escape(row.language)} · {escape(row.headline[:90])}" for row in rows]
    return "\n".join(lines), pages


@editors_only
async def articles(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    """Recent articles, newest first, ten to a page."""
    text, pages = await articles_page_text(context, reader, 0)
    await reply(update, text, pager_keyboard(0, pages, reader.gettext))


@editors_only
async def preview(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    """`/preview <id> [language]`: the digest of a stored article as readers would get it."""
    _ = reader.gettext
    raw, language = argument(context), (argument(context, 1) or reader.language).lower()
    if raw is None or not raw.lstrip("#").isdigit():
        await say(
            update, _("Use /preview followed by an article number, for example /preview 12 de.")
        )
        return
    if language not in LANGUAGES:
        await say(
            update,
            _("I do not know the language “%(code)s”. Choose one of: %(known)s.")
            % {"code": language[:16], "known": ", ".join(LANGUAGES)},
        )
        return
    async with services(context).db.session() as session:
        stored = await Repository(session).article(int(raw.lstrip("#")))
    if stored is None:
        await say(update, _("There is no article #%(id)s.") % {"id": raw.lstrip("#")[:12]})
        return
    await reply(update, render_digest(build(stored.article), stored.article.language, language))
