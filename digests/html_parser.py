"""HTML pages → blocks, through trafilatura's structure-preserving XML output.

trafilatura keeps the article's headings, paragraphs, lists and quotes and leaves navigation,
cookie banners, sidebars and footers behind. It drops figure captions, so those are read from
the page itself. Text nodes stay text: `&lt;script&gt;` in the page is the string "<script>".
"""

from __future__ import annotations

import re
from datetime import date

import lxml.etree
import lxml.html
import trafilatura

from digests.blocks import MAX_TEASER, Block, Kind, assemble
from digests.boilerplate import is_boilerplate, is_footer
from digests.cleanup import clean_inline, normalize_space, repair_entities
from digests.errors import ArticleError
from digests.model import Article

_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEASER_CLASSES = (
    "standfirst",
    "teaser",
    "subtitle",
    "subheadline",
    "dek",
    "summary",
    "intro",
    "excerpt",
    "lead",
)
_TEASER_XPATH = " | ".join(
    f"//*[self::p or self::div or self::h2][contains(concat(' ', normalize-space(@class), ' '),"
    f" ' {name} ')]"
    for name in _TEASER_CLASSES
)


def _text(element: lxml.etree._Element) -> str:
    return clean_inline(repair_entities(normalize_space("".join(element.itertext()))))


def _blockquote(element: lxml.etree._Element) -> str:
    """A block quotation as a quoted paragraph, with its <cite> line as the attribution."""
    said = " ".join(_text(child) for child in element if child.tag == "p")
    source = clean_inline(" ".join([element.text or "", *(c.tail or "" for c in element)]))
    if not said:
        said, source = _text(element), ""
    if said[0] not in '„“«"»':
        said = f"“{said}”"
    return f"{said} — {source.lstrip('—–- ')}" if source else said


def _page_teaser(page: lxml.html.HtmlElement) -> str | None:
    """The standfirst the page marks as such (class "standfirst", "teaser", "dek"…)."""
    for element in page.xpath(_TEASER_XPATH):
        text = clean_inline(repair_entities(normalize_space(element.text_content())))
        if text and len(text) <= MAX_TEASER:
            return text
    return None


def _page_captions(page: lxml.html.HtmlElement) -> list[str]:
    """Figure captions, those inside the article first."""
    inside = page.xpath("//article//figcaption | //main//figcaption")
    everywhere = page.xpath("//figure//figcaption")
    seen: list[str] = []
    for element in [*inside, *everywhere]:
        text = clean_inline(normalize_space(element.text_content()))
        if text and text not in seen:
            seen.append(text)
    return seen


def _meta(page: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            found = page.xpath(f"//meta[@{attribute}=$name]/@content", name=name)
            if found and found[0].strip():
                return clean_inline(str(found[0]))
    return None


def _page_headline(page: lxml.html.HtmlElement) -> str | None:
    """The article's h1, else og:title, else <title> without its " | Site" suffix."""
    for path in ("//article//h1", "//main//h1", "//h1"):
        found = page.xpath(path)
        if found:
            text = clean_inline(normalize_space(found[0].text_content()))
            if text:
                return text
    title = _meta(page, "og:title", "twitter:title")
    if title:
        return title
    found = page.xpath("//title")
    if found:
        text = clean_inline(found[0].text_content())
        return _TITLE_SUFFIX.sub("", text) or text
    return None


def _published(page: lxml.html.HtmlElement) -> str | None:
    """The publication date the page states (never guessed: the engine has no clock)."""
    value = _meta(page, "article:published_time", "datePublished", "date", "pubdate")
    if value is None:
        found = page.xpath(
            "//article//time/@datetime | //time[@itemprop='datePublished']/@datetime"
        )
        value = str(found[0]).strip() if found else None
    match = _ISO_DATE.match(value or "")
    if not match:
        return None
    try:
        return date.fromisoformat(match.group()).isoformat()
    except ValueError:
        return None  # "2024-13-45": a date no calendar has


def _blocks_from_xml(xml: str) -> list[Block]:
    root = lxml.etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks: list[Block] = []
    for element in main if main is not None else []:
        tag = element.tag
        if tag == "list":
            items = [_text(item) for item in element.iter("item")]
            items = [i for i in items if i and not is_boilerplate(i)]
            if items:
                blocks.append(Block(Kind.BULLETS, items=items, certain=True))
            continue
        text = _text(element)
        if not text:
            continue
        if is_footer(text):
            break
        if is_boilerplate(text):
            continue
        if tag == "head":
            blocks.append(Block(Kind.HEADING, text, certain=True))
        elif tag == "quote":
            blocks.append(Block(Kind.PARAGRAPH, _blockquote(element), certain=True))
        elif tag in ("p", "code"):
            blocks.append(Block(Kind.PARAGRAPH, text))
    return blocks


def html_article(
    html: str, *, language: str | None = None, source_url: str | None = None
) -> Article:
    """Parse an HTML page into an Article."""
    try:
        page = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ArticleError("The HTML page could not be read.", "no_text") from error
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not xml:
        raise ArticleError(
            "No article text was found on the page (only navigation or markup).", "no_text"
        )
    blocks = _blocks_from_xml(xml)
    headline = _page_headline(page)
    if (
        blocks
        and blocks[0].kind is Kind.HEADING
        and (headline is None or blocks[0].text == headline)
    ):
        headline = blocks.pop(0).text
    top: list[Block] = []
    if headline:
        top.append(Block(Kind.TITLE, clean_inline(repair_entities(headline)), certain=True))
    teaser = _page_teaser(page)
    if teaser and blocks and blocks[0].text == teaser:
        top.append(Block(Kind.TEASER, blocks.pop(0).text, certain=True))
    captions = _page_captions(page)
    if captions:
        top.append(Block(Kind.CAPTION, captions[0], certain=True))
    return assemble(
        [*top, *blocks],
        language=language,
        source_url=source_url or _meta(page, "og:url"),
        published=_published(page),
    )
