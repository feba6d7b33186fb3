"""Newsroom commands for feeds (ADMIN_IDS only): /addfeed, /feeds, /removefeed."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.feeds import FeedProblem, is_web_address, poll_feed, problem_of
from bot.handlers.common import argument, editors_only, reply, say
from bot.reader import Reader
from bot.services import services
from bot.storage.feeds import FeedRepository, ListedFeed
from digests.render import escape, pack

log = logging.getLogger(__name__)
MAX_ID = 2**31 - 1  # ids are 32-bit integers; a longer number names no feed


def feed_problem_text(reader: Reader, problem: FeedProblem) -> str:
    """Why a feed could not be read, in the editor's language."""
    _ = reader.gettext
    texts: dict[FeedProblem, str] = {
        "unreachable": _("The feed could not be fetched: the server did not answer."),
        "timeout": _("The feed could not be fetched: the server did not answer in time."),
        "http_status": _("The feed could not be fetched: the server answered with an error."),
        "too_large": _("The feed is too large (at most 20 MB)."),
        "not_a_feed": _("That address is not an RSS or Atom feed."),
        "gone": _("That feed has been removed."),
        "internal": _("Something went wrong while reading the feed."),
        "private_address": _("That address is in a private network: I do not fetch those."),
    }
    return texts[problem]


def error_text(reader: Reader, error: str) -> str:
    """A stored "problem: detail" error: the problem in the editor's language, the detail as is."""
    problem = problem_of(error)
    if problem is None:
        return error
    detail = error.partition(":")[2].strip()
    return f"{feed_problem_text(reader, problem)} ({detail})" if detail else error


@editors_only
async def add_feed(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    """`/addfeed <url>`: store the feed and read it once right away, so the editor sees at
    once whether it works."""
    _ = reader.gettext
    url = (argument(context) or "").strip()
    if not is_web_address(url):
        await say(
            update,
            _(
                "Use /addfeed followed by the address of an RSS or Atom feed, for example "
                "/addfeed https://example.org/feed.xml."
            ),
        )
        return
    found = services(context)
    async with found.db.session() as session:
        feed, created = await FeedRepository(session).add_feed(url)
    if not created:
        await say(update, _("Feed #%(id)d is already on the list.") % {"id": feed.id})
        return
    log.info("feed %s (%s) added by admin %s", feed.id, url, reader.user_id)
    settings = found.settings
    result = await poll_feed(
        found.db,
        feed.id,
        timeout=settings.fetch_timeout,
        private_ok=settings.fetch_private_addresses,
    )
    if result.error is None:
        count = len(result.article_ids)
        text = reader.ngettext(
            "Feed #%(id)d added: %(count)d new article.",
            "Feed #%(id)d added: %(count)d new articles.",
            count,
        ) % {"id": feed.id, "count": count}
        await say(update, text)
        return
    await say(
        update,
        " ".join(
            [
                _("Feed #%(id)d added, but it could not be read.") % {"id": feed.id},
                error_text(reader, result.error),
                _("It is tried again at every poll; /removefeed %(id)d removes it.")
                % {"id": feed.id},
            ]
        ),
    )


def _polled_at(value: datetime, reader: Reader, context: ContextTypes.DEFAULT_TYPE) -> str:
    """A poll time in the newsroom's time zone (SQLite gives it back without a zone: UTC)."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    local = aware.astimezone(services(context).settings.timezone)
    _ = reader.gettext
    return _("polled %(time)s") % {"time": local.strftime("%Y-%m-%d %H:%M %Z")}


def _feed_block(listed: ListedFeed, reader: Reader, context: ContextTypes.DEFAULT_TYPE) -> str:
    feed = listed.feed
    _ = reader.gettext
    polled = (
        _polled_at(feed.last_polled_at, reader, context)
        if feed.last_polled_at
        else _("not polled yet")
    )
    brought = reader.ngettext("%(num)d article", "%(num)d articles", listed.articles) % {
        "num": listed.articles
    }
    lines = [f"<b>#{feed.id}</b> {escape(feed.url)}", escape(f"{polled} · {brought}")]
    if feed.last_error:
        lines.append(
            escape(_("Last error: %(error)s") % {"error": error_text(reader, feed.last_error)})
        )
    return "\n".join(lines)


@editors_only
async def list_feeds(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    """`/feeds`: every feed with its last poll, its last error and the articles it brought."""
    _ = reader.gettext
    async with services(context).db.session() as session:
        listed = await FeedRepository(session).list_feeds()
    if not listed:
        await say(update, _("No feeds yet. Add one with /addfeed followed by its address."))
        return
    title = _("Feeds")
    blocks = [f"<b>{escape(title)}</b>", *(_feed_block(f, reader, context) for f in listed)]
    for message in pack(blocks):
        await reply(update, message)


@editors_only
async def remove_feed(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    """`/removefeed <id>`: stop polling a feed; the articles it brought stay stored."""
    _ = reader.gettext
    raw = (argument(context) or "").lstrip("#")
    if not (raw.isascii() and raw.isdigit()):
        await say(
            update, _("Use /removefeed followed by a feed number, for example /removefeed 3.")
        )
        return
    removed = False
    if int(raw) <= MAX_ID:
        async with services(context).db.session() as session:
            removed = await FeedRepository(session).remove_feed(int(raw))
    if not removed:
        await say(update, _("There is no feed #%(id)s.") % {"id": raw[:12]})
        return
    log.info("feed %s removed by admin %s", raw, reader.user_id)
    await say(update, _("Feed #%(id)s removed. The articles it brought stay stored.") % {"id": raw})


def register(application: Application) -> None:
    """Wire the feed commands; the scheduler polls the feeds (`bot.background.Scheduler`)."""
    application.add_handler(CommandHandler("addfeed", add_feed))
    application.add_handler(CommandHandler("feeds", list_feeds))
    application.add_handler(CommandHandler("removefeed", remove_feed))
