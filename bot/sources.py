"""Reading an article from where an operator points: a file, standard input or a URL."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.ingest import MAX_DOCUMENT_BYTES, FetchError, fetch

FETCH_TIMEOUT = 20.0


class SourceError(Exception):
    """The source could not be read; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Source:
    data: bytes
    url: str | None
    is_html: bool | None  # None: decide from the content
    encoding: str | None = None  # the charset a server declared


def _limited(read: bytes, origin: str) -> bytes:
    if len(read) > MAX_DOCUMENT_BYTES:
        raise SourceError(f"{origin} is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB.")
    return read


_FETCH_PROBLEMS = {
    "unreachable": "could not be fetched: the server did not answer",
    "http_status": "answered HTTP",
    "too_large": "is larger than 20 MB",
    "not_text": "is not a web page or text",
    "private_address": "is in a private network",
}


def fetch_url(url: str) -> Source:
    """The same download the bot's /ingest makes, with its limits."""
    try:
        # Whoever runs the command can reach that network anyway.
        fetched = asyncio.run(fetch(url, FETCH_TIMEOUT, private_ok=True))
    except FetchError as error:
        detail = f" {error.detail}" if error.problem == "http_status" else ""
        raise SourceError(f"{url} {_FETCH_PROBLEMS[error.problem]}{detail}.") from error
    return Source(fetched.data, fetched.url, fetched.is_html, fetched.encoding)


def read_source(source: str) -> Source:
    """Bytes of a path, `-` (standard input) or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        return fetch_url(source)
    if source == "-":
        return Source(_limited(sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1), "Input"), None, None)
    path = Path(source)
    if not path.exists():
        raise SourceError(f"{source}: no such file.")
    if not path.is_file():
        raise SourceError(f"{source}: not a file.")
    try:
        with path.open("rb") as handle:
            data = _limited(handle.read(MAX_DOCUMENT_BYTES + 1), source)
    except OSError as error:
        raise SourceError(f"{source}: {error.strerror}.") from error
    suffix = path.suffix.lower()
    is_html = True if suffix in (".html", ".htm") else False if suffix == ".txt" else None
    return Source(data, None, is_html)
