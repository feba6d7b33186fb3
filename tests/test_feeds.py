"""Feeds: new entries become articles once, whatever the feed, its tracking links or its errors."""

from __future__ import annotations

import asyncio
import html
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

import bot.feeds
from bot.feed_documents import Download, FeedError, entries_of, fetch_feed, parse_feed
from bot.feeds import normalise_link, poll_all, poll_feed, poll_feeds_job
from bot.feeds_cli import feeds_app
from bot.ingest import FetchError, fetch
from bot.storage.database import Database
from bot.storage.feeds import FeedRepository
from tests.conftest import FIXTURES, SAMPLE
from tests.harness import BEN, EDITOR, Harness, run_bot, visible

T = TypeVar("T")
ETAG = '"v1"'
LAST_MODIFIED = "Sun, 08 Nov 2026 10:00:00 GMT"
GERMAN_TITLE, *GERMAN_BODY = [
    p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()
]
UKRAINIAN_TITLE, *UKRAINIAN_BODY = [
    p.strip()
    for p in (FIXTURES / "news-uk.txt").read_text(encoding="utf-8").split("\n\n")
    if p.strip()
]


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{html.escape(t)}</p>" for t in texts)


def rss(base: str) -> str:
    """Summaries only: the articles are behind the links, one of which is gone."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>{base}/</link><description>Wire</description>
<item><title>Security flaw</title><guid isPermaLink="false">wire-1</guid>
  <link>{base}/story-en?utm_source=rss&amp;utm_medium=feed</link><description>A teaser.</description></item>
<item><title>Электрички</title><guid isPermaLink="false">wire-2</guid><link>{base}/story-ru</link>
  <description>Тизер.</description></item>
<item><title>Gone</title><guid isPermaLink="false">wire-3</guid><link>{base}/missing</link>
  <description>Nothing here.</description></item>
</channel></rss>"""


def flaky_rss(base: str) -> str:
    """One entry whose page is down for a while, one that is gone for good."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Flaky</title><link>{base}/</link><description>F</description>
<item><title>Down for now</title><guid isPermaLink="false">flaky-1</guid><link>{base}/flaky</link>
  <description>A teaser.</description></item>
<item><title>Gone</title><guid isPermaLink="false">flaky-2</guid><link>{base}/missing</link>
  <description>Nothing here.</description></item>
</channel></rss>"""


def atom(base: str) -> str:
    """Full content in one entry; the other links the wire's English story, other utm tags."""
    host = base.replace("http://", "HTTP://")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Agentur</title><id>urn:agentur</id>
<updated>2026-11-08T10:00:00Z</updated>
<entry><id>urn:agentur:1</id><title>{xml_escape(GERMAN_TITLE)}</title>
  <link href="{base}/agentur/putin"/><updated>2026-11-08T10:00:00Z</updated>
  <summary>Kurz.</summary><content type="html">{xml_escape(paragraphs(GERMAN_BODY))}</content></entry>
<entry><id>urn:agentur:2</id><title>Security flaw</title><updated>2026-11-08T09:00:00Z</updated>
  <link href="{host}/story-en/?utm_campaign=x&amp;utm_source=atom"/><summary>Teaser.</summary></entry>
</feed>"""


def rss_with_content(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Новини</title><link>{base}/</link><description>Новини</description>
<item><title>{xml_escape(UKRAINIAN_TITLE)}</title><guid isPermaLink="false">uk-1</guid><link>{base}/uk/1</link>
  <description>Коротко.</description>
  <content:encoded><![CDATA[{paragraphs(UKRAINIAN_BODY)}]]></content:encoded></item>
</channel></rss>"""


EMPTY_RSS = '<rss version="2.0"><channel><title>Quiet</title></channel></rss>'
INVALID_XML = '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken &amp</title></chan'


@dataclass
class Site:
    """Feeds and pages on 127.0.0.1, and what was asked of them."""

    base: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    fixed: threading.Event = field(default_factory=threading.Event)  # broken feeds recover
    release: threading.Event = field(default_factory=threading.Event)  # the slow feed gives up

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urlsplit(self.path).path.rstrip("/") or "/"
            site.hits[path] += 1
            site.headers.setdefault(path, []).append(dict(self.headers))
            page = {"/story-en": "page-en.html", "/story-ru": "page-ru.html"}.get(path)
            if path == "/rss.xml":
                self.answer(rss(site.base), "application/rss+xml", conditional=True)
            elif path == "/atom.xml":
                self.answer(atom(site.base), "application/atom+xml")
            elif path == "/etag.xml":
                self.answer(rss_with_content(site.base), "application/rss+xml", conditional=True)
            elif path == "/broken.xml" and site.fixed.is_set():
                self.answer(EMPTY_RSS, "application/rss+xml")
            elif path == "/broken.xml":
                self.send_error(500)
            elif path == "/flaky.xml":
                self.answer(flaky_rss(site.base), "application/rss+xml", conditional=True)
            elif path == "/flaky" and not site.fixed.is_set():
                self.send_error(503)
            elif path == "/flaky":
                self.answer((FIXTURES / "page-en.html").read_text(encoding="utf-8"), "text/html")
            elif path == "/invalid.xml":
                self.answer(INVALID_XML, "application/xml")
            elif path == "/slow.xml":
                site.release.wait(10)
            elif page is not None:
                self.answer((FIXTURES / page).read_text(encoding="utf-8"), "text/html")
            else:
                self.send_error(404)

        def answer(self, body: str, kind: str, *, conditional: bool = False) -> None:
            if conditional and self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.end_headers()
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if conditional:
                self.send_header("ETag", ETAG)
                self.send_header("Last-Modified", LAST_MODIFIED)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield site
    site.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


def with_db(database_url: str, work: Callable[[Database], Awaitable[T]]) -> T:
    async def main() -> T:
        db = Database(database_url)
        try:
            return await work(db)
        finally:
            await db.dispose()

    return asyncio.run(main())


async def add_feeds(db: Database, *urls: str) -> list[int]:
    async with db.session() as session:
        feeds = FeedRepository(session)
        return [(await feeds.add_feed(url))[0].id for url in urls]


async def rows(db: Database, statement: str) -> list[Any]:
    async with db.session() as session:
        return list((await session.execute(text(statement))).all())


# ---- links ----


@pytest.mark.parametrize(
    "given,expected",
    [
        ("HTTPS://Example.ORG:443/a/b/", "https://example.org/a/b"),
        ("http://example.org:80/", "http://example.org"),
        ("http://example.org:8080/x", "http://example.org:8080/x"),
        ("https://example.org/a?b=2&a=1#section", "https://example.org/a?a=1&b=2"),
        (
            "https://example.org/a/?utm_source=x&UTM_Medium=y&id=7&fbclid=z&gclid=w",
            "https://example.org/a?id=7",
        ),
        ("https://example.org/a?utm_source=rss", "https://example.org/a"),
        ("https://user@Example.org/Path/Case", "https://user@example.org/Path/Case"),
        ("http://[::1]:80/x", "http://[::1]/x"),
        ("  https://example.org/a  ", "https://example.org/a"),
    ],
)
def test_normalise_link(given: str, expected: str) -> None:
    assert normalise_link(given) == expected


def test_normalise_link_survives_nonsense() -> None:
    assert normalise_link("http://[") == "http://["
    assert normalise_link("http://example.org:port/x") == "http://example.org:port/x"


def test_entries_of_a_feed_document() -> None:
    document = b"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id>
<entry><id>urn:t:1</id><title type="html">Tom &amp;amp; &lt;b&gt;Jerry&lt;/b&gt;</title>
  <link href="/news/1?utm_source=x"/><content type="text">First paragraph.

Second paragraph &amp; more.</content></entry>
<entry><title>No id, no link</title><summary>Just words.</summary></entry>
<entry><id>urn:t:3</id><title>Mail</title><link href="mailto:desk@example.org"/></entry>
</feed>"""
    download = Download(
        document, "https://example.org/feed.xml", "application/atom+xml", None, None
    )
    first, second, third = entries_of(parse_feed(download))
    assert (first.guid, first.title) == ("urn:t:1", "Tom & Jerry")
    assert first.link == "https://example.org/news/1?utm_source=x"
    assert first.key == "https://example.org/news/1"
    assert first.content == "<p>First paragraph.</p><p>Second paragraph &amp; more.</p>"
    assert second.guid.startswith("sha256:") and second.link is None and second.content is None
    assert third.link is None and third.key is None  # only http(s) links are fetched


# ---- polling ----


def test_linked_articles_are_fetched_and_a_dead_link_is_skipped(
    database_url: str, site: Site
) -> None:
    async def work(db: Database) -> None:
        (feed_id,) = await add_feeds(db, site.url("/rss.xml"))
        result = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert result.error is None
        assert len(result.article_ids) == 2 and result.skipped == 1
        assert await rows(db, "SELECT language FROM articles ORDER BY id") == [("en",), ("ru",)]
        entries = await rows(db, "SELECT guid, link, article_id FROM feed_entries ORDER BY id")
        assert [(g, a is not None) for g, _, a in entries] == [
            ("wire-1", True),
            ("wire-2", True),
            ("wire-3", False),
        ]
        assert entries[0][1] == site.url("/story-en")  # stored without its utm parameters
        assert site.hits["/story-en"] == site.hits["/missing"] == 1

    with_db(database_url, work)


def test_an_entry_whose_page_is_down_for_now_is_tried_again_at_the_next_poll(
    database_url: str, site: Site
) -> None:
    async def work(db: Database) -> None:
        (feed_id,) = await add_feeds(db, site.url("/flaky.xml"))
        first = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert first.article_ids == () and first.skipped == 2 and first.error is None
        # The gone page is remembered as seen; the one that answered 503 is not.
        assert await rows(db, "SELECT guid FROM feed_entries") == [("flaky-2",)]
        # No validators kept: a 304 must not hide the entry left for later.
        assert await rows(db, "SELECT etag FROM feeds") == [(None,)]
        site.fixed.set()
        second = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert len(second.article_ids) == 1 and second.skipped == 0
        assert site.hits["/flaky"] == 2 and site.hits["/missing"] == 1
        third = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert third.article_ids == () and site.hits["/flaky"] == 2

    with_db(database_url, work)


def test_full_content_is_the_article_and_a_syndicated_story_is_stored_once(
    database_url: str, site: Site
) -> None:
    async def work(db: Database) -> None:
        wire, agency = await add_feeds(db, site.url("/rss.xml"), site.url("/atom.xml"))
        await poll_feed(db, wire, timeout=2, private_ok=True)
        result = await poll_feed(db, agency, timeout=2, private_ok=True)
        assert result.error is None and len(result.article_ids) == 1 and result.skipped == 0
        assert site.hits["/agentur/putin"] == 0  # the entry's content was the whole article
        assert site.hits["/story-en"] == 1  # known by its link from the wire
        (headline, language, source) = (
            await rows(
                db,
                f"SELECT headline, language, source_url FROM articles WHERE id = {result.article_ids[0]}",
            )
        )[0]
        assert (headline, language) == (GERMAN_TITLE, "de")
        assert source == site.url("/agentur/putin")
        again = await poll_feed(db, agency, timeout=2, private_ok=True)
        assert again.article_ids == () and again.skipped == 0 and again.error is None
        assert await rows(db, "SELECT COUNT(*) FROM articles") == [(3,)]

    with_db(database_url, work)


def test_an_unchanged_feed_answers_304(database_url: str, site: Site) -> None:
    async def work(db: Database) -> None:
        (feed_id,) = await add_feeds(db, site.url("/etag.xml"))
        first = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert len(first.article_ids) == 1
        assert await rows(db, "SELECT language FROM articles") == [("uk",)]
        assert await rows(db, "SELECT etag, last_modified, last_error FROM feeds") == [
            (ETAG, LAST_MODIFIED, None)
        ]
        second = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert second.article_ids == () and second.skipped == 0 and second.error is None
        asked = site.headers["/etag.xml"][-1]
        assert asked["If-None-Match"] == ETAG and asked["If-Modified-Since"] == LAST_MODIFIED
        assert site.hits["/uk/1"] == 0

    with_db(database_url, work)


@pytest.mark.parametrize(
    "path,problem", [("/broken.xml", "http_status: HTTP 500"), ("/invalid.xml", "not_a_feed")]
)
def test_a_broken_feed_keeps_its_error_and_is_tried_again(
    database_url: str, site: Site, path: str, problem: str
) -> None:
    async def work(db: Database) -> None:
        (feed_id,) = await add_feeds(db, site.url(path))
        result = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert result.error is not None and result.error.startswith(problem)
        assert result.problem == problem.split(":")[0]
        ((error, polled),) = await rows(db, "SELECT last_error, last_polled_at FROM feeds")
        assert error == result.error and polled is not None
        site.fixed.set()
        await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert site.hits[path] == 2
        if path == "/broken.xml":
            assert await rows(db, "SELECT last_error FROM feeds") == [(None,)]

    with_db(database_url, work)


def test_a_poll_takes_at_most_so_many_entries_and_the_rest_next_time(
    database_url: str, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.feeds, "MAX_NEW_ENTRIES", 2)

    async def work(db: Database) -> None:
        (feed_id,) = await add_feeds(db, site.url("/rss.xml"))
        first = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert len(first.article_ids) == 2 and first.skipped == 0
        # The third entry must not hide behind a 304: no validators were kept.
        assert await rows(db, "SELECT etag FROM feeds") == [(None,)]
        second = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert second.article_ids == () and second.skipped == 1
        assert await rows(db, "SELECT etag FROM feeds") == [(ETAG,)]
        assert (await poll_feed(db, feed_id, timeout=2, private_ok=True)).skipped == 0

    with_db(database_url, work)


def test_poll_all_is_not_held_up_by_a_slow_or_broken_feed(database_url: str, site: Site) -> None:
    paths = ["/slow.xml", "/rss.xml", "/atom.xml", "/etag.xml", "/broken.xml", "/invalid.xml"]

    async def work(db: Database) -> None:
        ids = await add_feeds(db, *(site.url(p) for p in paths))
        started = time.monotonic()
        results = await poll_all(db, timeout=0.5, private_ok=True, concurrency=2)
        assert time.monotonic() - started < 5
        by_path = dict(zip(paths, (results[i] for i in ids), strict=True))
        assert by_path["/slow.xml"].problem == "timeout"
        assert by_path["/broken.xml"].problem == "http_status"
        assert by_path["/invalid.xml"].problem == "not_a_feed"
        assert all(by_path[p].error is None for p in ("/rss.xml", "/atom.xml", "/etag.xml"))
        languages = await rows(db, "SELECT language FROM articles ORDER BY language")
        assert languages == [("de",), ("en",), ("ru",), ("uk",)]  # the English story once
        brought = sum(len(r.article_ids) for r in results.values())
        assert brought == 4

    with_db(database_url, work)


def test_a_removed_feed_is_not_polled_and_its_articles_stay(database_url: str, site: Site) -> None:
    async def work(db: Database) -> None:
        (feed_id,) = await add_feeds(db, site.url("/rss.xml"))
        await poll_feed(db, feed_id, timeout=2, private_ok=True)
        async with db.session() as session:
            assert await FeedRepository(session).remove_feed(feed_id)
        assert (await poll_feed(db, feed_id, timeout=2, private_ok=True)).problem == "gone"
        assert await poll_all(db, timeout=2) == {}
        assert await rows(db, "SELECT COUNT(*) FROM feed_entries") == [(0,)]
        assert await rows(db, "SELECT COUNT(*) FROM articles") == [(2,)]

    with_db(database_url, work)


# ---- the bot ----


def test_editors_add_list_and_remove_feeds(database_url: str, site: Site) -> None:
    async def scenario(bot: Harness) -> None:
        assert bot.app.job_queue.get_jobs_by_name("feeds")
        (reply,) = await bot.send(EDITOR, f"/addfeed {site.url('/rss.xml')}")
        assert visible(reply) == "Feed #1 added: 2 new articles."
        (reply,) = await bot.send(EDITOR, f"/addfeed {site.url('/rss.xml')}")
        assert visible(reply) == "Feed #1 is already on the list."
        (reply,) = await bot.send(EDITOR, f"/addfeed {site.url('/broken.xml')}")
        assert "Feed #2 added, but it could not be read" in visible(reply)
        assert "the server answered with an error" in visible(reply)
        (reply,) = await bot.send(EDITOR, "/addfeed ftp://example.org/feed")
        assert "/addfeed https://" in visible(reply)

        (listing,) = await bot.send(EDITOR, "/feeds")
        shown = visible(listing)
        assert site.url("/rss.xml") in shown and site.url("/broken.xml") in shown
        assert "2 articles" in shown and "0 articles" in shown and "polled 20" in shown
        assert "Last error: The feed could not be fetched" in shown and "HTTP 500" in shown
        assert "<b>#1</b>" in listing["text"]

        (reply,) = await bot.send(EDITOR, "/removefeed 2")
        assert visible(reply) == "Feed #2 removed. The articles it brought stay stored."
        (reply,) = await bot.send(EDITOR, "/removefeed 2")
        assert visible(reply) == "There is no feed #2."
        (reply,) = await bot.send(EDITOR, "/removefeed two")
        assert "/removefeed 3" in visible(reply)

        # The timer's job polls what is left: the wire has nothing new (304).
        await poll_feeds_job(SimpleNamespace(application=bot.app))
        assert await bot.rows("SELECT COUNT(*) FROM articles") == [(2,)]
        assert site.hits["/rss.xml"] == 2

    run_bot(database_url, scenario, fetch_timeout=2.0)


def test_readers_cannot_touch_feeds(database_url: str, site: Site) -> None:
    async def scenario(bot: Harness) -> None:
        for command in (f"/addfeed {site.url('/rss.xml')}", "/feeds", "/removefeed 1"):
            (reply,) = await bot.send(BEN, command)
            assert "only for the newsroom's editors" in visible(reply)
        (reply,) = await bot.send(EDITOR, "/feeds")
        assert "No feeds yet" in visible(reply)
        assert site.hits["/rss.xml"] == 0

    run_bot(database_url, scenario)


# ---- the shell ----


def test_feeds_from_the_shell(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working tree
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(feeds_app, list(args))
        return result.exit_code, result.stdout, result.stderr

    assert run("add", "https://example.org/feed.xml") == (
        0,
        "1\tnew\thttps://example.org/feed.xml\n",
        "",
    )
    assert run("add", "https://example.org/feed.xml")[1].startswith("1\texisting\t")
    code, out, _ = run("list")
    assert code == 0 and out == "1\thttps://example.org/feed.xml\t-\t0\t-\n"
    code, _, err = run("add", "example.org/feed")
    assert code == 2 and err.startswith("digestbot: error: ") and err.count("\n") == 1
    assert run("remove", "1") == (0, "removed feed 1\n", "")
    code, _, err = run("remove", "1")
    assert code == 2 and err == "digestbot: error: there is no feed 1.\n"
    assert run("list") == (0, "", "")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/feed",
        "http://localhost:9/feed",
        "http://[::1]:9/feed",
        "http://10.1.2.3/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00::1]/feed",
    ],
)
def test_feeds_and_pages_on_private_addresses_are_refused(url: str) -> None:
    async def main() -> None:
        with pytest.raises(FetchError) as refused:
            await fetch(url, 1.0)
        assert refused.value.problem == "private_address"
        with pytest.raises(FeedError) as feed_refused:
            await fetch_feed(url, None, None, 1.0)
        assert feed_refused.value.problem == "private_address"

    asyncio.run(main())


def test_a_private_feed_is_refused_before_any_request_and_allowed_when_asked(
    database_url: str, site: Site
) -> None:
    async def work(db: Database) -> None:
        (feed_id,) = await add_feeds(db, site.url("/rss.xml"))
        refused = await poll_feed(db, feed_id, timeout=2)
        assert refused.problem == "private_address" and site.hits["/rss.xml"] == 0
        allowed = await poll_feed(db, feed_id, timeout=2, private_ok=True)
        assert allowed.error is None and len(allowed.article_ids) == 2

    with_db(database_url, work)
