"""The engine's entry point for input: text or HTML (or their raw bytes) in, Article out."""

from __future__ import annotations

import re

from digests.blocks import assemble
from digests.decoding import decode
from digests.errors import ArticleError
from digests.language import is_language_code
from digests.model import Article
from digests.text_parser import text_blocks

MAX_INPUT_CHARS = 5_000_000
_HTML_SIGNS = re.compile(
    r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<article[\s>]"
    r"|<(?:p|div|h1|h2)\b[^>]*>.*</(?:p|div|h1|h2)>",
    re.IGNORECASE | re.DOTALL,
)


# An RSS, Atom or RDF feed: its root element, after an XML declaration and comments.
_FEED_ROOT = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*<(?:rss|feed|rdf:RDF)[\s>]",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_SIGNS.search(head)) and head.lstrip().startswith("<")


def parse(
    source: str | bytes,
    *,
    language: str | None = None,
    source_url: str | None = None,
    html: bool | None = None,
    encoding: str | None = None,
) -> Article:
    """Parse an article. `language` overrides detection; `html` overrides format sniffing;
    `encoding` is the charset the server declared for `source` bytes.

    Raises ArticleError (and nothing else) for input that holds no article.
    """
    if isinstance(source, bytes):
        maybe_html = html if html is not None else looks_like_html(source[:4096].decode("latin-1"))
        text = decode(source, encoding=encoding, html=maybe_html)
    else:
        text = source
    if not text.strip():
        raise ArticleError("The article is empty.", "empty")
    if len(text) > MAX_INPUT_CHARS:
        raise ArticleError(
            f"The article is too large ({len(text):,} characters; at most {MAX_INPUT_CHARS:,}).",
            "too_large",
        )
    if _FEED_ROOT.match(text[:4096]):
        raise ArticleError(
            "This is an RSS or Atom feed, not an article: add it as a feed instead.", "feed"
        )
    if language is not None and not is_language_code(language):
        raise ArticleError(f"Unknown article language {language!r}.", "unknown_language")
    # Served as HTML but plain text ("Kristen Wiig has had the kind of summer …"): read as
    # the text it is, rather than refused as a page with nothing in it.
    if html is not False and looks_like_html(text):
        from digests.html_parser import html_article

        return html_article(text, language=language, source_url=source_url)
    return assemble(text_blocks(text), language=language, source_url=source_url)
