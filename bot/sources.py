"""Reading an article from where an operator points: a file, standard input or a URL."""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

MAX_SOURCE_BYTES = 20 * 1024 * 1024
FETCH_TIMEOUT = 20.0
USER_AGENT = "digestbot/0.1 (+https://github.com/digestbot)"


class SourceError(Exception):
    """The source could not be read; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Source:
    data: bytes
    url: str | None
    is_html: bool | None  # None: decide from the content


def _limited(read: bytes, origin: str) -> bytes:
    if len(read) > MAX_SOURCE_BYTES:
        raise SourceError(f"{origin} is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB.")
    return read


def fetch_url(url: str) -> Source:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = _limited(response.read(MAX_SOURCE_BYTES + 1), url)
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        raise SourceError(f"{url} answered HTTP {error.code} {error.reason}.") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SourceError(f"{url} could not be fetched: {reason}.") from error
    is_html = True if "html" in content_type else None
    return Source(data, url, is_html)


def read_source(source: str) -> Source:
    """Bytes of a path, `-` (standard input) or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        return fetch_url(source)
    if source == "-":
        return Source(_limited(sys.stdin.buffer.read(MAX_SOURCE_BYTES + 1), "Input"), None, None)
    path = Path(source)
    if not path.exists():
        raise SourceError(f"{source}: no such file.")
    if not path.is_file():
        raise SourceError(f"{source}: not a file.")
    try:
        with path.open("rb") as handle:
            data = _limited(handle.read(MAX_SOURCE_BYTES + 1), source)
    except OSError as error:
        raise SourceError(f"{source}: {error.strerror}.") from error
    suffix = path.suffix.lower()
    is_html = True if suffix in (".html", ".htm") else False if suffix == ".txt" else None
    return Source(data, None, is_html)
