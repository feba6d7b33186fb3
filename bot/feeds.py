"""Polling RSS and Atom feeds: every new entry becomes a stored article, fetched once.

An entry is known by its guid within its feed, or by its link in any feed, so the same story
syndicated by two feeds (with different tracking parameters) is fetched and stored once; the
article store itself dedupes by content on top of that. A feed that cannot be read keeps its
error in `feeds.last_error` and is simply tried again at the next poll; an entry that cannot be
read is remembered as seen without an article, so it never stops the entries after it; one
whose page is only unavailable for now (time-out, outage, 5xx, 429) is left unseen and tried
again at the next poll. No database session is held across an HTTP request: a slow site must
not pin a connection.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import httpx
from sqlalchemy.exc import IntegrityError
from telegram.ext import ContextTypes

from bot.feed_documents import (
    Entry,
    FeedError,
    FeedProblem,
    entries_of,
    fetch_feed,
    is_web_address,
    normalise_link,
    page,
    parse_feed,
    problem_of,
    text_length,
)
from bot.ingest import FetchError, fetch, parse_fetched, parse_off_loop
from bot.services import services
from bot.storage.database import Database
from bot.storage.feeds import FeedRepository
from bot.storage.repository import Repository, content_hash
from digests import Article, ArticleError

__all__ = [
    "FeedProblem",
    "PollResult",
    "is_web_address",
    "normalise_link",
    "poll_all",
    "poll_feed",
    "poll_feeds_job",
    "problem_of",
]

log = logging.getLogger(__name__)

MAX_NEW_ENTRIES = 50  # per feed and poll; a first poll of a big archive must not take hours
MIN_CONTENT_CHARS = 600  # shorter entry content is a teaser: the article is behind the link
CONCURRENT_FEEDS = 4


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of one feed brought: new article ids, unreadable or duplicate entries,
    and the feed's error ("problem: detail") if the feed could not be read at all."""

    article_ids: tuple[int, ...] = ()
    skipped: int = 0
    error: str | None = None

    @property
    def problem(self) -> FeedProblem | None:
        return problem_of(self.error)


# ---- entries ----


class TryLaterError(Exception):
    """The entry's page is unavailable for now: the entry stays unseen for the next poll."""


async def _read_entry(entry: Entry, timeout: float, private_ok: bool) -> Article | None:
    """The entry's article: from its content if that is the whole article, else from its
    link. None when there is none; the reason is logged. TryLaterError when the page could
    not be fetched for a passing reason."""
    if entry.content and text_length(entry.content) >= MIN_CONTENT_CHARS:
        try:
            return await parse_off_loop(page(entry), source_url=entry.link, is_html=True)
        except ArticleError as error:
            log.info("feed entry %s: content holds no article (%s)", entry.guid, error)
    if entry.link is None:
        log.info("feed entry %s: no article in it and no link", entry.guid)
        return None
    try:
        async with asyncio.timeout(timeout):
            fetched = await fetch(entry.link, timeout, private_ok=private_ok)
        return await parse_fetched(fetched)
    except TimeoutError as error:
        raise TryLaterError(f"{entry.link}: no answer in {timeout:g} s") from error
    except (FetchError, ArticleError, httpx.InvalidURL) as error:
        if isinstance(error, FetchError) and error.passing:
            raise TryLaterError(f"{entry.link}: {error}") from error
        log.info("feed entry %s: %s unreadable (%s)", entry.guid, entry.link, error)
        return None


async def _store(db: Database, feed_id: int, entry: Entry, article: Article | None) -> int | None:
    """Store the article (if any) and remember the entry; the article's id if it is new.

    A concurrent poll may store the same article or entry first: the unique constraints say
    so, and the second attempt then finds the stored rows.
    """
    for attempt in (1, 2):
        try:
            async with db.session() as session:
                feeds = FeedRepository(session)
                if await feeds.feed(feed_id) is None or await feeds.entry_recorded(
                    feed_id, entry.guid
                ):
                    return None
                if article is None:
                    await feeds.record_entry(feed_id, entry.guid, entry.key)
                    return None
                stored, created = await Repository(session).add_article(article)
                digest = content_hash(article)
                await feeds.record_entry(feed_id, entry.guid, entry.key, digest, stored.id)
                return stored.id if created else None
        except IntegrityError:
            if attempt == 2:
                raise
            log.debug("feed %s entry %s: stored concurrently, retrying", feed_id, entry.guid)
    return None


async def _take_entries(
    db: Database, feed_id: int, entries: list[Entry], timeout: float, private_ok: bool
) -> tuple[list[int], int, bool]:
    """Read the unknown entries in feed order: new article ids, skipped entries, and whether
    every new entry was taken (False when MAX_NEW_ENTRIES cut the poll short, or an entry is
    left for the next poll)."""
    article_ids: list[int] = []
    skipped = taken = 0
    complete = True
    for entry in entries:
        async with db.session() as session:
            if await FeedRepository(session).known_entry(feed_id, entry.guid, entry.key):
                continue
        if taken == MAX_NEW_ENTRIES:
            return article_ids, skipped, False
        taken += 1
        try:
            article = await _read_entry(entry, timeout, private_ok)
        except TryLaterError as error:
            log.info(
                "feed %s entry %s: tried again at the next poll (%s)", feed_id, entry.guid, error
            )
            skipped += 1
            complete = False
            continue
        article_id = await _store(db, feed_id, entry, article)
        if article_id is None:
            skipped += 1
        else:
            article_ids.append(article_id)
    return article_ids, skipped, complete


# ---- polling ----


async def _record(
    db: Database, feed_id: int, etag: str | None, modified: str | None, error: str | None
) -> None:
    async with db.session() as session:
        await FeedRepository(session).record_poll(
            feed_id, etag=etag, last_modified=modified, error=error
        )


async def poll_feed(
    db: Database, feed_id: int, *, timeout: float, private_ok: bool = False
) -> PollResult:
    """Poll one feed once and store what is new in it."""
    async with db.session() as session:
        feed = await FeedRepository(session).feed(feed_id)
        if feed is None:
            return PollResult(error=f"gone: there is no feed #{feed_id}")
        url, etag, modified = feed.url, feed.etag, feed.last_modified
    try:
        download = await fetch_feed(url, etag, modified, timeout, private_ok=private_ok)
        parsed = None if download.data is None else await asyncio.to_thread(parse_feed, download)
    except FeedError as error:
        log.warning("feed %s (%s): %s", feed_id, url, error)
        await _record(db, feed_id, etag, modified, str(error))
        return PollResult(error=str(error))
    if parsed is None:
        await _record(db, feed_id, download.etag or etag, download.last_modified or modified, None)
        return PollResult()
    article_ids, skipped, complete = await _take_entries(
        db, feed_id, entries_of(parsed), timeout, private_ok
    )
    # Entries left for the next poll must not hide behind a 304: keep no validators then.
    if complete:
        await _record(db, feed_id, download.etag, download.last_modified, None)
    else:
        await _record(db, feed_id, None, None, None)
    log.info(
        "feed %s: %d new articles, %d skipped",
        feed_id,
        len(article_ids),
        skipped,
        extra={"feed_id": feed_id, "new_articles": len(article_ids), "skipped": skipped},
    )
    return PollResult(tuple(article_ids), skipped)


async def poll_all(
    db: Database, *, timeout: float, private_ok: bool = False, concurrency: int = CONCURRENT_FEEDS
) -> dict[int, PollResult]:
    """Poll every feed, a few at a time, so that a slow or broken feed never holds up the
    others. A feed whose poll fails unexpectedly is logged and left for the next round."""
    async with db.session() as session:
        feed_ids = await FeedRepository(session).feed_ids()
    slots = asyncio.Semaphore(concurrency)

    async def poll(feed_id: int) -> PollResult:
        async with slots:
            try:
                return await poll_feed(db, feed_id, timeout=timeout, private_ok=private_ok)
            except Exception as error:
                log.exception("feed %s: poll failed", feed_id)
                return PollResult(error=f"internal: {type(error).__name__}")

    results = dict(zip(feed_ids, await asyncio.gather(*(poll(i) for i in feed_ids)), strict=True))
    log.info(
        "polled %d feeds: %d new articles, %d entries skipped, %d feeds failed",
        len(results),
        sum(len(r.article_ids) for r in results.values()),
        sum(r.skipped for r in results.values()),
        sum(r.error is not None for r in results.values()),
    )
    return results


async def poll_feeds_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The JobQueue callback: one round over every feed."""
    found = services(context)
    settings = found.settings
    await poll_all(
        found.db,
        timeout=settings.fetch_timeout,
        private_ok=settings.fetch_private_addresses,
    )
