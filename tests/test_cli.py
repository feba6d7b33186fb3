"""`digestbot preview`: right output for good input, one clear line for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.conftest import FIXTURES, ROOT, SAMPLE

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "lang,label",
    [
        ("en", "Key question"),
        ("de", "Die Kernfrage"),
        ("uk", "Ключове питання"),
        ("ru", "Ключевой вопрос"),
    ],
)
def test_text_preview_in_each_language(lang: str, label: str) -> None:
    code, out, _ = run("preview", str(SAMPLE), "--lang", lang)
    assert code == 0
    assert label in out
    assert "<b>" not in out


def test_html_preview_is_telegram_html() -> None:
    code, out, _ = run("preview", str(SAMPLE), "--format", "html")
    assert code == 0
    assert out.startswith("<b>Ein Versuch")


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        SAMPLE.read_text(encoding="utf-8")
        .replace("„", '"')
        .replace("“", '"')
        .replace("•", "*")
        .encode("latin-1")
    )
    code, out, _ = run("preview", str(path), "--format", "json")
    assert code == 0
    assert json.loads(out)["article"]["headline"].startswith('Ein Versuch, einen "alten" Freund')


def test_html_fixture_and_article_language_override() -> None:
    code, out, _ = run(
        "preview",
        str(FIXTURES / "page-en.html"),
        "--format",
        "json",
        "--article-language",
        "en",
        "--lang",
        "de",
    )
    assert code == 0
    data = json.loads(out)
    assert data["article"]["language"] == "en"
    assert data["digest"]["language"] == "de"


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "spaces.txt": (b"   \n\n\t  \n", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    "boilerplate.txt": (b"Leave a Reply\n\nShare this article\n", "No article text"),
    "only-furniture.txt": (
        "Read also: something\n\nПоділитися\n\nWe use cookies.".encode(),
        "No article text",
    ),
    "title-only.txt": (b"Just a title\n", "no article body"),
    # a feed saved as a page (newspaper4k's sample_rss.html): no headline "<?xml …"
    "feed.html": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        b"<title>EduMock Tests</title><item><title>Mock Test #102</title>"
        b"<description>Latest mock tests and answer keys.</description></item>"
        b"</channel></rss>\n",
        "RSS or Atom feed",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gets_one_line(tmp_path: Path, name: str) -> None:
    data, words = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run("preview", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("digestbot: error:")
    assert words.lower() in err.lower()


def test_missing_path() -> None:
    code, _, err = run("preview", "/nonexistent/article.txt")
    assert code == 2
    assert "no such file" in err


@pytest.mark.parametrize(
    "args,words",
    [
        (["--lang", "fr"], "unknown language 'fr'"),
        (["--article-language", "xx"], "unknown article language 'xx'"),
    ],
)
def test_unknown_languages(args: list[str], words: str) -> None:
    code, _, err = run("preview", str(SAMPLE), *args)
    assert code == 2
    assert words in err


@pytest.fixture
def local_site() -> Iterator[str]:
    """An HTTP server on 127.0.0.1 serving the HTML fixture, a 404 and a 500."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/story":
                body = (FIXTURES / "page-ru.html").read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404 if self.path == "/missing" else 500)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_url_source(local_site: str) -> None:
    code, out, _ = run("preview", f"{local_site}/story", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["article"]["language"] == "ru"
    assert data["article"]["source_url"] == f"{local_site}/story"


@pytest.mark.parametrize("path,words", [("/missing", "HTTP 404"), ("/broken", "HTTP 500")])
def test_url_errors(local_site: str, path: str, words: str) -> None:
    code, _, err = run("preview", f"{local_site}{path}")
    assert code == 2
    assert words in err


def test_installed_script_prints_no_traceback(tmp_path: Path) -> None:
    """The real console script, as an operator runs it: a clean line on stderr, exit code 2."""
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"<html><body><nav>Home</nav></body></html>")
    script = Path(sys.executable).parent / "digestbot"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    result = subprocess.run(
        [*command, "preview", str(empty)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("digestbot: error:")
