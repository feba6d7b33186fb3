"""Editors ingest, list and preview articles; everyone else is refused politely."""

from __future__ import annotations

import io
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import FIXTURES, SAMPLE
from tests.harness import ANNA, BEN, EDITOR, OLENA, Harness, run_bot, visible


@pytest.fixture
def site() -> Iterator[str]:
    """Pages on 127.0.0.1: an article, a 404, and a handler that never answers in time."""
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/story.html":
                body = (FIXTURES / "page-en.html").read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/slow":
                release.wait(10)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    release.set()
    server.shutdown()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def article_count(bot: Harness) -> int:
    return (await bot.rows("SELECT COUNT(*) FROM articles"))[0][0]


def test_ingest_a_url_then_again(database_url: str, site: str) -> None:
    async def scenario(bot: Harness) -> None:
        note, preview = await bot.send(EDITOR, f"/ingest {site}/story.html", expect=2)
        assert "Stored as article #1" in visible(note)
        assert "Security flaw" in visible(preview) and "Key question" in visible(preview)
        note, _ = await bot.send(EDITOR, f"/ingest {site}/story.html", expect=2)
        assert "Already stored as article #1" in visible(note)
        assert await article_count(bot) == 1
        rows = await bot.rows("SELECT language, source_url FROM articles")
        assert rows == [("en", f"{site}/story.html")]

    run_bot(database_url, scenario)


@pytest.mark.parametrize(
    "path,words", [("/missing", "answered with an error"), ("/slow", "did not answer")]
)
def test_ingest_a_url_that_fails(database_url: str, site: str, path: str, words: str) -> None:
    async def scenario(bot: Harness) -> None:
        (reply,) = await bot.send(EDITOR, f"/ingest {site}{path}")
        assert words in visible(reply)
        (reply,) = await bot.send(EDITOR, f"/ingest http://127.0.0.1:{closed_port()}/x")
        assert "did not answer" in visible(reply)
        assert await article_count(bot) == 0

    run_bot(database_url, scenario, fetch_timeout=1.0)


def test_links_into_private_networks_are_refused_unless_allowed(
    database_url: str, site: str
) -> None:
    """A link (or a feed's entry) must not make the bot read its own network."""

    async def scenario(bot: Harness) -> None:
        for url in (f"{site}/story.html", "http://169.254.169.254/latest/meta-data/"):
            (reply,) = await bot.send(EDITOR, f"/ingest {url}")
            assert "private network" in visible(reply)
        assert await article_count(bot) == 0

    run_bot(database_url, scenario, fetch_private_addresses=False)


def test_ingest_documents(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        after = bot.sandbox.last_seq
        bot.sandbox.send_document(EDITOR, "article-de.txt", SAMPLE.read_bytes(), "text/plain")
        note, preview = await bot.replies(EDITOR, after, 2, 0.05)
        assert "Stored as article #1" in visible(note)
        assert "Volksabstimmung" in visible(preview)
        after = bot.sandbox.last_seq
        bot.sandbox.send_document(
            EDITOR, "page.html", (FIXTURES / "page-ru.html").read_bytes(), "text/html"
        )
        note, preview = await bot.replies(EDITOR, after, 2, 0.05)
        assert "#2" in visible(note) and "Электрички" in visible(preview)

    run_bot(database_url, scenario)


@pytest.mark.parametrize(
    "name,content,mime,words",
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png", "Send a .txt or .html file"),
        ("fake.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "text/plain", "binary"),
        ("empty.txt", b"", "text/plain", "empty"),
        (
            "furniture.html",
            b"<html><body><nav>Home</nav><footer>(c) 2026</footer></body></html>",
            "text/html",
            "No article text",
        ),
        ("huge.txt", b"A" * (20 * 1024 * 1024 + 1), "text/plain", "too large"),
        (
            "feed.html",
            b'<?xml version="1.0"?>\n<!-- generated -->\n<feed xmlns="http://www.w3.org/2005/Atom">'
            b"<title>Newsroom</title><entry><title>Story</title></entry></feed>",
            "text/html",
            "/addfeed",
        ),
    ],
)
def test_bad_documents(database_url: str, name: str, content: bytes, mime: str, words: str) -> None:
    async def scenario(bot: Harness) -> None:
        after = bot.sandbox.last_seq
        bot.sandbox.send_document(EDITOR, name, content, mime)
        (reply,) = await bot.replies(EDITOR, after, 1, 0.05)
        assert words in visible(reply)
        assert await article_count(bot) == 0

    run_bot(database_url, scenario)


def test_ingest_a_reply_to_pasted_text(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        pasted = bot.sandbox.send_text(EDITOR, SAMPLE.read_text(encoding="utf-8"))
        note, _preview = await bot.send(EDITOR, "/ingest", reply_to=pasted["message_id"], expect=2)
        assert "Stored as article #1" in visible(note)
        (usage,) = await bot.send(EDITOR, "/ingest")
        assert "/ingest" in visible(usage)

    run_bot(database_url, scenario)


def test_articles_are_listed_in_pages(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        async with bot.db.session() as session:
            from bot.storage.repository import Repository
            from digests import parse

            repo = Repository(session)
            for n in range(1, 13):
                await repo.add_article(
                    parse(f"Story number {n}\n\nThe lead of story {n} is short but complete.")
                )
        (first,) = await bot.send(EDITOR, "/articles")
        assert "Articles 1–10 of 12" in visible(first)
        assert "#12 · en · Story number 12" in visible(first)
        _, _ = await bot.press(EDITOR, first, "Older", expect=0)
        (edited,) = [m for m in bot.sandbox.sent(EDITOR) if m["message_id"] == first["message_id"]]
        assert "Articles 11–12 of 12" in visible(edited)

    run_bot(database_url, scenario)


def test_preview_in_another_language_and_missing_article(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        article = await bot.ingest_sample()
        (preview,) = await bot.send(EDITOR, f"/preview {article} uk")
        assert "Ключове питання" in visible(preview)
        (missing,) = await bot.send(EDITOR, "/preview 999")
        assert "no article #999" in visible(missing)
        (usage,) = await bot.send(EDITOR, "/preview")
        assert "/preview 12" in visible(usage)
        (unknown,) = await bot.send(EDITOR, f"/preview {article} xx")
        assert "xx" in visible(unknown)

    run_bot(database_url, scenario)


@pytest.mark.parametrize("command", ["/ingest https://example.org", "/articles", "/preview 1"])
def test_non_editors_are_refused_and_logged(
    database_url: str, command: str, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.send(BEN, "/start")
        (reply,) = await bot.send(BEN, command)
        assert "only for the newsroom's editors" in visible(reply)
        assert await article_count(bot) == 0

    with caplog.at_level(logging.WARNING, logger="bot.handlers.common"):
        run_bot(database_url, scenario)
    assert any(f"from user {BEN}" in r.getMessage() for r in caplog.records)


def test_the_token_never_reaches_the_logs(database_url: str) -> None:
    """With the bot's logging set up, even DEBUG output of the HTTP client hides the token."""
    from bot.logs import configure_logging

    async def scenario(bot: Harness) -> None:
        await bot.ingest_sample()
        await bot.send(BEN, "/start")
        await bot.send(BEN, "/digest")

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    previous = root.level
    try:
        configure_logging(logging.DEBUG, token="123456:SANDBOX-TOKEN")
        for name in ("httpx", "httpcore", "telegram"):
            logging.getLogger(name).setLevel(logging.DEBUG)
        run_bot(database_url, scenario)
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        for name in ("httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.WARNING)
    output = stream.getvalue()
    assert "/bot<token>/" in output, "no request URL was logged: the check would prove nothing"
    assert "SANDBOX-TOKEN" not in output


UKRAINIAN = """Спроба повернути «старого» друга: Путін прилетів до Казахстану

Восьмого листопада глава Кремля прибув до Казахстану на зустріч із президентом Токаєвим.

Росія хоче збудувати в Казахстані атомну станцію

Токаєв сказав, що на переговорах із Путіним ітиметься про будівництво атомної станції. Тому остаточне рішення ухвалять на референдумі.
"""


def test_a_language_version_reaches_readers_of_that_language(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        original = await bot.ingest_sample()
        pasted = bot.sandbox.send_text(EDITOR, UKRAINIAN)
        note, _ = await bot.send(
            EDITOR, f"/ingest {original}", reply_to=pasted["message_id"], expect=2
        )
        assert "#2" in visible(note) and "language version of article #1" in visible(note)
        assert await bot.rows("SELECT id, story_id, language FROM articles ORDER BY id") == [
            (1, 1, "de"),
            (2, 1, "uk"),
        ]
        (ukrainian,) = await bot.send(OLENA, "/digest")
        assert "Путін прилетів" in visible(ukrainian)
        (german,) = await bot.send(ANNA, "/digest")
        assert "Putin flog" in visible(german)
        (missing,) = await bot.send(EDITOR, "/ingest 99", reply_to=pasted["message_id"])
        assert "no article #99" in visible(missing)

    run_bot(database_url, scenario)


def test_a_deep_link_to_a_missing_article(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        _welcome, missing = await bot.send(BEN, "/start a999", expect=2)
        assert "no article #999" in visible(missing)

    run_bot(database_url, scenario)
