"""Fetching and reading a feed document: the conditional GET, feedparser, and each entry's
guid, link and full content; plus the one spelling of a link that entries are compared by.

Pure of the database: `bot.feeds` decides what is new and stores it.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import io
from dataclasses import dataclass
from typing import Any, Literal, cast, get_args
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import feedparser
import httpx
import lxml.etree
import lxml.html

from bot.ingest import MAX_DOCUMENT_BYTES, USER_AGENT, FetchError, web_client

DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid"})
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"

FeedProblem = Literal[
    "unreachable",
    "timeout",
    "http_status",
    "too_large",
    "not_a_feed",
    "gone",
    "internal",
    "private_address",
]
PROBLEMS: frozenset[str] = frozenset(get_args(FeedProblem))


class FeedError(Exception):
    """The feed itself could not be read; stored as "problem: detail" in `last_error`."""

    def __init__(self, problem: FeedProblem, detail: str) -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem: FeedProblem = problem


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
class Download:
    """A feed's answer: its body, or None for 304 Not Modified, and its new validators."""

    data: bytes | None
    url: str
    content_type: str
    etag: str | None
    last_modified: str | None


async def fetch_feed(
    url: str, etag: str | None, modified: str | None, timeout: float, *, private_ok: bool = False
) -> Download:
    """A conditional GET: the stored validators let an unchanged feed answer 304 and no body."""
    headers = {"User-Agent": USER_AGENT, "Accept": FEED_ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        async with (
            asyncio.timeout(timeout),  # the whole download: a trickling server is slow too
            web_client(timeout, headers, private_ok=private_ok) as client,
            client.stream("GET", url) as response,
        ):
            found = response.headers
            if response.status_code == 304:
                return Download(None, url, "", found.get("ETag"), found.get("Last-Modified"))
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
    except FetchError as error:  # the address check
        raise FeedError(error.problem, error.detail) from error
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise FeedError("unreachable", type(error).__name__) from error
    return Download(
        b"".join(chunks),
        str(response.url),
        found.get("Content-Type", ""),
        found.get("ETag"),
        found.get("Last-Modified"),
    )


def parse_feed(download: Download) -> Any:
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
class Entry:
    """What polling needs of a feed entry: how to know it again and where its article is."""

    guid: str
    link: str | None  # as the feed gives it (http or https only)
    key: str | None  # the normalised link
    title: str
    content: str | None  # HTML


def entries_of(parsed: Any) -> list[Entry]:
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
        entries.append(Entry(guid, link, key, title, _content(item)))
    return entries


def _plain(text: str, kind: str) -> str:
    """An entry title as plain text: an HTML title loses its tags and entities."""
    if "html" not in kind:
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


def text_length(markup: str) -> int:
    """The visible characters of an HTML fragment: a teaser or a whole article?"""
    return len(" ".join(_fragment(markup).text_content().split()))


def page(entry: Entry) -> str:
    """The entry's content as a page whose headline is the entry's title."""
    title = html.escape(entry.title)
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{entry.content}</article></body></html>"
    )
