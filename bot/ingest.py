"""Getting articles in: a URL, an uploaded document or pasted text, parsed off the event loop."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

import httpx

from digests import Article, parse

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # Telegram's getFile limit; also ours for URLs
USER_AGENT = "digestbot/0.1"

FetchProblem = Literal["unreachable", "http_status", "too_large", "not_text", "private_address"]


class FetchError(Exception):
    """The source could not be read; `problem` says why, `detail` gives the particulars."""

    def __init__(self, problem: FetchProblem, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem: FetchProblem = problem
        self.detail = detail

    @property
    def passing(self) -> bool:
        """Likely to pass: the site did not answer, was overloaded or failed itself."""
        if self.problem == "unreachable":
            return True
        status = int(self.detail) if self.detail.isdigit() else 0
        return self.problem == "http_status" and (status == 429 or status >= 500)


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    url: str | None
    is_html: bool | None
    encoding: str | None = None  # the charset the server declared, if it did


async def _public_only(request: httpx.Request) -> None:
    """Refuse a request, or any redirect, to a loopback, private, link-local or reserved
    address: feed entries link wherever their publisher likes, and the bot's own network
    (databases, cloud metadata services) is no one else's business."""
    host = request.url.host
    port = request.url.port or (443 if request.url.scheme == "https" else 80)
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError("unreachable", f"{host}: {error.strerror}") from error
    for *_, address in found:
        if not ipaddress.ip_address(str(address[0]).split("%", 1)[0]).is_global:
            raise FetchError("private_address", host)


def web_client(timeout: float, headers: dict[str, str], *, private_ok: bool) -> httpx.AsyncClient:
    """The client every download of the bot uses: redirects followed, each hop checked."""
    return httpx.AsyncClient(
        timeout=timeout,
        follow_redirects=True,
        headers=headers,
        event_hooks={"request": [] if private_ok else [_public_only]},
    )


async def fetch(url: str, timeout: float, *, private_ok: bool = False) -> Fetched:
    """Download a page, refusing anything over MAX_DOCUMENT_BYTES without reading it all, and
    (unless `private_ok`) anything on a private network."""
    try:
        async with (
            web_client(timeout, {"User-Agent": USER_AGENT}, private_ok=private_ok) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError("http_status", str(response.status_code))
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > MAX_DOCUMENT_BYTES:
                raise FetchError("too_large", str(declared))
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_DOCUMENT_BYTES:
                    raise FetchError("too_large", str(size))
                chunks.append(chunk)
            content_type = response.headers.get("Content-Type", "")
            encoding = response.charset_encoding
    except httpx.HTTPError as error:
        raise FetchError("unreachable", type(error).__name__) from error
    if content_type and not content_type.startswith(("text/", "application/xhtml")):
        raise FetchError("not_text", content_type)
    return Fetched(b"".join(chunks), str(response.url), "html" in content_type or None, encoding)


def document_kind(file_name: str | None, mime_type: str | None) -> bool | None:
    """True for HTML, False for plain text, None if the document is neither."""
    suffix = PurePath(file_name or "").suffix.lower()
    if suffix in (".html", ".htm") or mime_type == "text/html":
        return True
    if suffix in (".txt", ".text") or (mime_type or "").startswith("text/"):
        return False
    return None


async def parse_off_loop(
    data: bytes | str,
    *,
    source_url: str | None = None,
    is_html: bool | None = None,
    encoding: str | None = None,
) -> Article:
    """Parse in a worker thread: a large article must not stall other readers' replies."""
    return await asyncio.to_thread(
        parse, data, source_url=source_url, html=is_html, encoding=encoding
    )


async def parse_fetched(fetched: Fetched) -> Article:
    """The article of a downloaded page, read in the charset its server declared."""
    return await parse_off_loop(
        fetched.data, source_url=fetched.url, is_html=fetched.is_html, encoding=fetched.encoding
    )
