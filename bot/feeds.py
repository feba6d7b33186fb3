"""Polling RSS and Atom feeds: every new entry becomes a stored article, fetched once.

An entry is known by its guid within its feed, or by its link in any feed, so the same story
syndicated by two feeds (with different tracking parameters) is fetched and stored once; the
article store itself dedupes by content on top of that. A feed that cannot be read keeps its
error in `feeds.last_error` and is simply tried again at the next poll; an entry that cannot be
read is remembered as seen without an article, so it never stops the entries after it. No
database session is held across an HTTP request: a slow site must not pin a connection.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import io
import logging
from dataclasses import dataclass
from typing import Any, Literal, cast, get_args
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import feedparser
import httpx
import lxml.etree
import lxml.html
from sqlalchemy.exc import IntegrityError
from telegram.ext import ContextTypes

from bot.ingest import MAX_DOCUMENT_BYTES, USER_AGENT, FetchError, fetch, parse_off_loop
from bot.services import services
from bot.storage.database import Database
from bot.storage.feeds import FeedRepository
from bot.storage.repository import Repository, content_hash
from digests import Article, ArticleError

log = logging.getLogger(__name__)

MAX_NEW_ENTRIES = 50  # per feed and poll; a first poll of a big archive must not take hours
MIN_CONTENT_CHARS = 600  # shorter entry content is a teaser: the article is behind the link
CONCURRENT_FEEDS = 4
DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid"})
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"

FeedProblem = Literal[
    "unreachable", "timeout", "http_status", "too_large", "not_a_feed", "gone", "internal"
]
PROBLEMS: frozenset[str] = frozenset(get_args(FeedProblem))


class FeedError(Exception):
    """The feed itself could not be read; stored as "problem: detail" in `last_error`."""

    def __init__(self, problem: FeedProblem, detail: str) -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem: FeedProblem = problem


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


def problem_of(error: str | None) -> FeedProblem | None:
    """The problem named at the start of a stored error, so it can be said in any language."""
    name = (error or "").partition(":")[0]
    return cast(FeedProblem, name) if name in PROBLEMS else None


def is_web_address(text: str) -> bool:
    """An absolute http(s) URL with a host: the only kind of feed or link that is fetched."""
    try:
        parts = urlsplit(text)
        return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)
    except ValueError:  # "http://[" and the like
        return False


def normalise_link(url: str) -> str:
    """One spelling per article link: the same page behind other tracking parameters, another
    letter case of the host, a default port or a trailing slash compares equal."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[" and the like: nothing to normalise
        return url.strip()
    scheme = parts.scheme.lower()
    try:
        host = parts.hostname or ""
        host = f"[{host}]" if ":" in host else host
        port = parts.port
        if port is not None and DEFAULT_PORTS.get(scheme) != port:
            host = f"{host}:{port}"
        userinfo, at, _ = parts.netloc.rpartition("@")
        netloc = f"{userinfo}{at}{host}"
    except ValueError:  # a port that is not a number: keep what was given
        netloc = parts.netloc.lower()
    pairs = [p for p in parts.query.split("&") if p and not _is_tracking(p)]
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), "&".join(sorted(pairs)), ""))


def _is_tracking(pair: str) -> bool:
    name = unquote_plus(pair.partition("=")[0]).lower()
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


# ---- the feed document ----


@dataclass(frozen=True, slots=True)
class _Download:
    data: bytes | None  # None: 304 Not Modified
    url: str
    content_type: str
    etag: str | None
    last_modified: str | None


async def _download(url: str, etag: str | None, modified: str | None, timeout: float) -> _Download:
    """A conditional GET: the stored validators let an unchanged feed answer 304 and no body."""
    headers = {"User-Agent": USER_AGENT, "Accept": FEED_ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        async with (
            asyncio.timeout(timeout),  # the whole download: a trickling server is slow too
            httpx.AsyncClient(timeout=timeout, follow_redirects=True, headers=headers) as client,
            client.stream("GET", url) as response,
        ):
            found = response.headers
            if response.status_code == 304:
                return _Download(None, url, "", found.get("ETag"), found.get("Last-Modified"))
            if response.status_code >= 400:
                raise FeedError("http_status", f"HTTP {response.status_code}")
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_DOCUMENT_BYTES:
                    raise FeedError("too_large", f"more than {MAX_DOCUMENT_BYTES} bytes")
                chunks.append(chunk)
    except (TimeoutError, httpx.TimeoutException) as error:
        raise FeedError("timeout", f"no answer within {timeout:g} s") from error
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise FeedError("unreachable", type(error).__name__) from error
    return _Download(
        b"".join(chunks),
        str(response.url),
        found.get("Content-Type", ""),
        found.get("ETag"),
        found.get("Last-Modified"),
    )


def _parse_feed(download: _Download) -> Any:
    """feedparser's result; raises FeedError for a document that is no feed at all.

    The bytes go in as a stream: given a bare string, feedparser would open a file or URL
    of that name.
    """
    parsed = feedparser.parse(
        io.BytesIO(download.data or b""),
        response_headers={
            "content-location": download.url,
            "content-type": download.content_type,
        },
    )
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = parsed.get("bozo_exception") or "no entries"
        raise FeedError("not_a_feed", str(reason).splitlines()[0][:200])
    return parsed


# ---- entries ----


@dataclass(frozen=True, slots=True)
class _Entry:
    guid: str
    link: str | None  # as the feed gives it (http or https only)
    key: str | None  # the normalised link
    title: str
    content: str | None  # HTML


def _entries(parsed: Any) -> list[_Entry]:
    """The feed's entries in its order; those with neither guid, link nor title are dropped."""
    entries = []
    for item in parsed.entries:
        link = (item.get("link") or "").strip() or None
        if link and not is_web_address(link):
            link = None
        title = _plain(item.get("title") or "", item.get("title_detail", {}).get("type", ""))
        guid = (item.get("id") or "").strip() or link
        if guid is None and (title or item.get("summary")):
            seed = f"{title}\n{item.get('summary') or ''}".encode()
            guid = "sha256:" + hashlib.sha256(seed).hexdigest()
        if guid is None:
            continue
        key = normalise_link(link) if link else None
        entries.append(_Entry(guid, link, key, title, _content(item)))
    return entries


def _plain(text: str, kind: str) -> str:
    """An entry title as plain text (titles may be HTML)."""
    if "html" not in kind or "<" not in text:
        return text.strip()
    return " ".join(_fragment(text).text_content().split())


def _fragment(markup: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return lxml.html.Element("div")


def _content(item: Any) -> str | None:
    """The entry's longest full content as HTML (plain text becomes paragraphs), if any."""
    best = ""
    for part in item.get("content") or []:
        value = part.get("value") or ""
        if "html" not in (part.get("type") or "text/html"):
            paragraphs = (p.strip() for p in value.split("\n\n"))
            value = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
        if len(value) > len(best):
            best = value
    return best or None


def _text_length(markup: str) -> int:
    return len(" ".join(_fragment(markup).text_content().split()))


def _page(entry: _Entry) -> str:
    """The entry's content as a page whose headline is the entry's title."""
    title = html.escape(entry.title)
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{entry.content}</article></body></html>"
    )


async def _read_entry(entry: _Entry, timeout: float) -> Article | None:
    """The entry's article: from its content if that is the whole article, else from its
    link. None when there is none; the reason is logged."""
    if entry.content and _text_length(entry.content) >= MIN_CONTENT_CHARS:
        try:
            return await parse_off_loop(_page(entry), source_url=entry.link, is_html=True)
        except ArticleError as error:
            log.info("feed entry %s: content holds no article (%s)", entry.guid, error)
    if entry.link is None:
        log.info("feed entry %s: no article in it and no link", entry.guid)
        return None
    try:
        async with asyncio.timeout(timeout):
            fetched = await fetch(entry.link, timeout)
        return await parse_off_loop(fetched.data, source_url=fetched.url, is_html=fetched.is_html)
    except (FetchError, ArticleError, TimeoutError, httpx.InvalidURL) as error:
        log.info("feed entry %s: %s unreadable (%s)", entry.guid, entry.link, error)
        return None


async def _store(db: Database, feed_id: int, entry: _Entry, article: Article | None) -> int | None:
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
    db: Database, feed_id: int, entries: list[_Entry], timeout: float
) -> tuple[list[int], int, bool]:
    """Read the unknown entries in feed order: new article ids, skipped entries, and whether
    every new entry was taken (False when MAX_NEW_ENTRIES cut the poll short)."""
    article_ids: list[int] = []
    skipped = taken = 0
    for entry in entries:
        async with db.session() as session:
            if await FeedRepository(session).known_entry(feed_id, entry.guid, entry.key):
                continue
        if taken == MAX_NEW_ENTRIES:
            return article_ids, skipped, False
        taken += 1
        article_id = await _store(db, feed_id, entry, await _read_entry(entry, timeout))
        if article_id is None:
            skipped += 1
        else:
            article_ids.append(article_id)
    return article_ids, skipped, True


# ---- polling ----


async def _record(
    db: Database, feed_id: int, etag: str | None, modified: str | None, error: str | None
) -> None:
    async with db.session() as session:
        await FeedRepository(session).record_poll(
            feed_id, etag=etag, last_modified=modified, error=error
        )


async def poll_feed(db: Database, feed_id: int, *, timeout: float) -> PollResult:
    """Poll one feed once and store what is new in it."""
    async with db.session() as session:
        feed = await FeedRepository(session).feed(feed_id)
        if feed is None:
            return PollResult(error=f"gone: there is no feed #{feed_id}")
        url, etag, modified = feed.url, feed.etag, feed.last_modified
    try:
        download = await _download(url, etag, modified, timeout)
        parsed = None if download.data is None else await asyncio.to_thread(_parse_feed, download)
    except FeedError as error:
        log.warning("feed %s (%s): %s", feed_id, url, error)
        await _record(db, feed_id, etag, modified, str(error))
        return PollResult(error=str(error))
    if parsed is None:
        await _record(db, feed_id, download.etag or etag, download.last_modified or modified, None)
        return PollResult()
    article_ids, skipped, complete = await _take_entries(db, feed_id, _entries(parsed), timeout)
    # Entries left for the next poll must not hide behind a 304: keep no validators then.
    if complete:
        await _record(db, feed_id, download.etag, download.last_modified, None)
    else:
        await _record(db, feed_id, None, None, None)
    log.info("feed %s: %d new articles, %d skipped", feed_id, len(article_ids), skipped)
    return PollResult(tuple(article_ids), skipped)


async def poll_all(
    db: Database, *, timeout: float, concurrency: int = CONCURRENT_FEEDS
) -> dict[int, PollResult]:
    """Poll every feed, a few at a time, so that a slow or broken feed never holds up the
    others. A feed whose poll fails unexpectedly is logged and left for the next round."""
    async with db.session() as session:
        feed_ids = await FeedRepository(session).feed_ids()
    slots = asyncio.Semaphore(concurrency)

    async def poll(feed_id: int) -> PollResult:
        async with slots:
            try:
                return await poll_feed(db, feed_id, timeout=timeout)
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
    await poll_all(found.db, timeout=found.settings.fetch_timeout)
