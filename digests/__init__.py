"""The article engine: text or HTML in, sections, digest and Telegram messages out.

Pure: no network, no database, no clock, no Telegram. Data flows one way:
`parse` → `Article` → `build` → `Digest` → `render_digest` (one locale) → messages.
"""

from digests.build import build
from digests.errors import ArticleError
from digests.model import Article, Caption, Digest, KeyQuestion, Quote, Section
from digests.parse import parse
from digests.render import render_digest, render_digest_issue, render_more, render_quote

__all__ = [
    "Article",
    "ArticleError",
    "Caption",
    "Digest",
    "KeyQuestion",
    "Quote",
    "Section",
    "build",
    "parse",
    "render_digest",
    "render_digest_issue",
    "render_more",
    "render_quote",
]
