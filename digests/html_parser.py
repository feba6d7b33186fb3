"""HTML pages → blocks, through trafilatura's extraction and the page's own metadata.

trafilatura keeps the article's headings, paragraphs, lists and quotes and leaves navigation,
cookie banners, sidebars and comments behind. The page's title, authors, site name and date
come from its metadata (`page.py`) and feed the headline choice and the furniture filter.
trafilatura drops figure captions, so those are read from the page itself. When its
structured result is empty or tiny, its plain text and then the JSON-LD `articleBody` are
tried before a page is refused. Text nodes stay text: `&lt;script&gt;` in the page is the
string "<script>".
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import replace

import lxml.etree
import lxml.html
import trafilatura

from digests.blocks import MAX_TEASER, Block, Kind, article_language, assemble
from digests.captions import without_credit_label
from digests.cleanup import (
    clean_inline,
    clean_line,
    comparable,
    normalize_space,
    repair_entities,
    unglue_sentences,
    word_count,
)
from digests.errors import ArticleError
from digests.furniture import Masthead, is_footer, is_furniture, without_glued_credit
from digests.model import Article
from digests.page import PageFacts, choose_headline, read_page, title_from_address
from digests.standfirst import standfirst
from digests.subtitle import subtitle, without_kicker
from digests.text_parser import text_blocks

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every page it rejects
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

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
# A class name, or the last part of one ("entry-excerpt", "article__lead", "c-standfirst";
# not "lead-image").
_TEASER_CLASS = re.compile(rf"(?:^|[\s_-])(?:{'|'.join(_TEASER_CLASSES)})(?:\s|$)")
_TEASER_TAGS = ("p", "div", "h2")
_CREDIT_CLASS = re.compile(r"credit|copyright|source|photographer|author|byline", re.IGNORECASE)
# Containers a fallback extractor may return beside the article: the next post, related
# stories, a newsletter box (matched against their id and class).
_FURNITURE_CONTAINER = re.compile(
    r"next|prev|related|recommend|more-?stories|teaser|thumbnail|sidebar|newsletter|promo"
    r"|share|social|comment|footer|widget|outbrain|taboola",
    re.IGNORECASE,
)
# A paragraph this long is article text, so nothing before it is page furniture above a title.
_BODY_WORDS = 20
# A page whose text has no paragraph of this many words holds no article ("Home", "© 2026").
_MIN_TEXT_WORDS = 5
_TABLE_ROW_WORDS = 12  # a table row this long is prose in a layout table, not data
# Less article text than this from the structured output, and the fallbacks are tried.
_TINY_BODY = 400
_NO_ARTICLE = "No article text was found on the page (only navigation or markup)."


def _text(element: lxml.etree._Element) -> str:
    return unglue_sentences(clean_line(_joined(element)))


def _joined(element: lxml.etree._Element) -> str:
    """The element's text, with a line break for every <lb/>."""
    pieces = [element.text or ""]
    for child in element:
        pieces.append("\n" if child.tag == "lb" else _joined(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _blockquote(element: lxml.etree._Element) -> str:
    """A block quotation as a quoted paragraph, with its <cite> line as the attribution."""
    said = " ".join(_text(child) for child in element if child.tag == "p")
    source = clean_inline(" ".join([element.text or "", *(c.tail or "" for c in element)]))
    if not said:
        said, source = _text(element), ""
    if said[0] not in '„“«"»':
        said = f"“{said}”"
    return f"{said} — {source.lstrip('—–- ')}" if source else said


_PROSE_WORDS = 20  # a "heading" this long that ends in a full stop is a paragraph


# List items this long on average are paragraphs: the analysis lists of the sample and of
# real pages run 6–40 words an item.
_PARAGRAPH_ITEM_WORDS = 60


def _is_prose(text: str) -> bool:
    return len(text.split()) >= _PROSE_WORDS and text.rstrip().endswith((".", "!"))


def _paragraph_blocks(element: lxml.etree._Element) -> list[Block]:
    """A paragraph, or several when line breaks separate whole sentences or short lines."""
    raw = repair_entities(normalize_space(_joined(element)))
    if "\n" not in raw.strip():
        text = _text(element)
        return [Block(Kind.PARAGRAPH, text)] if text else []
    return text_blocks(raw, scraped=False)


def _table_blocks(element: lxml.etree._Element) -> list[Block]:
    """A data table as a list ("Hubraum in ccm: 1.598"); a layout table's prose as
    paragraphs."""
    rows = [[_text(cell) for cell in row.iter("cell")] for row in element.iter("row")]
    rows = [[c for c in row if c] for row in rows]
    rows = [row for row in rows if row]
    if any(len(cell.split()) >= _TABLE_ROW_WORDS for row in rows for cell in row):
        return [Block(Kind.PARAGRAPH, " ".join(row)) for row in rows]
    items = [": ".join(row) if len(row) == 2 else " – ".join(row) for row in rows]
    return [Block(Kind.BULLETS, items=items, certain=True)] if items else []


def _list_blocks(items: list[str]) -> list[Block]:
    """A list, or the paragraphs a page set in list markup: a speech whose 23 "items" run to
    130 words each, up to 28 sentences, is prose, not points."""
    if not items:
        return []
    if sum(len(i.split()) for i in items) / len(items) >= _PARAGRAPH_ITEM_WORDS:
        return [Block(Kind.PARAGRAPH, item) for item in items]
    return [Block(Kind.BULLETS, items=items, certain=True)]


def _body_blocks(body: lxml.etree._Element) -> list[Block]:
    blocks: list[Block] = []
    for element in body:
        tag = element.tag
        if tag == "list":
            items = [_text(item) for item in element.iter("item")]
            blocks.extend(_list_blocks([i for i in items if i]))
        elif tag == "head":
            text = _text(element)
            if _is_prose(text):
                # A teaser set as a heading, often with a kicker glued on ("AgricultureL'Office
                # fédéral…"): the kicker goes.
                blocks.append(Block(Kind.PARAGRAPH, without_kicker(text)))
            elif text:
                blocks.append(Block(Kind.HEADING, text, certain=True))
        elif tag == "quote":
            if _text(element):
                blocks.append(Block(Kind.PARAGRAPH, _blockquote(element), certain=True))
        elif tag == "table":
            blocks.extend(_table_blocks(element))
        elif tag in ("p", "code"):
            blocks.extend(_paragraph_blocks(element))
        elif _FURNITURE_CONTAINER.search(f"{element.get('id', '')} {element.get('class', '')}"):
            continue  # a fallback extractor kept a box of the page beside the article
        elif len(element):
            blocks.extend(_body_blocks(element))  # a <div> from a fallback extractor
        elif _text(element):
            blocks.extend(_paragraph_blocks(element))
    return blocks


def _body_chars(blocks: list[Block]) -> int:
    return sum(len(b.text) + sum(map(len, b.items)) for b in blocks if b.kind is not Kind.HEADING)


def _page_teaser(page: lxml.html.HtmlElement) -> str | None:
    """The standfirst the page marks as such (class "standfirst", "teaser", "dek"…)."""
    for element in page.iter(_TEASER_TAGS):
        if not _TEASER_CLASS.search(element.get("class") or ""):
            continue
        text = clean_line(element.text_content())
        if text and len(text) <= MAX_TEASER:
            return text
    return None


def _caption(figcaption: lxml.html.HtmlElement) -> Block | None:
    """A figure caption; a credit the page marks up (`<span class="credit">`) is split off."""
    credits = [
        clean_inline(e.text_content())
        for e in figcaption.iter()
        if e is not figcaption and _CREDIT_CLASS.search(e.get("class") or "")
    ]
    credits = [c for c in credits if c]
    text = clean_line(figcaption.text_content())
    for credit in credits:
        text = clean_inline(text.replace(credit, " "))
    if not text:
        return None
    credit = "; ".join(dict.fromkeys(without_credit_label(c) for c in credits)) or None
    return Block(Kind.CAPTION, text, credit=credit, certain=True)


def _page_caption(page: lxml.html.HtmlElement) -> Block | None:
    """The first figure caption, one inside the article first."""
    for path in ("//article//figcaption | //main//figcaption", "//figure//figcaption"):
        for element in page.xpath(path):
            caption = _caption(element)
            if caption is not None:
                return caption
    return None


# A strip of teasers: three or more one-item lists in a row close the text, each item a
# sentence of its own ("Not every CEO is a college grad, but some schools produce more top
# execs than others. Here they are."). A footnote opens with its mark ("1.: Carreras E. …").
_STRIP_LISTS = 3
_FOOTNOTE_MARK = re.compile(r"^\W*\w{1,3}[.:)]")


def _without_teaser_strip(blocks: list[Block]) -> list[Block]:
    """The text up to the strip of teasers that a page sets after its article."""
    start = len(blocks)
    while (
        start
        and blocks[start - 1].kind is Kind.BULLETS
        and len(blocks[start - 1].items) == 1
        and not _FOOTNOTE_MARK.match(blocks[start - 1].items[0])
    ):
        start -= 1
    return blocks[:start] if len(blocks) - start >= _STRIP_LISTS and start else blocks


def _without_furniture(blocks: list[Block], masthead: Masthead) -> list[Block]:
    kept: list[Block] = []
    for block in _without_teaser_strip(blocks):
        if block.kind is Kind.BULLETS:
            items = [i for i in block.items if not is_furniture(i, masthead)]
            if items:
                kept.append(Block(Kind.BULLETS, items=items, certain=block.certain))
            continue
        if is_footer(block.text):
            if kept:
                break
            continue  # above the article: a blog's own "Posted by: …, 12 May 2020 | 15:22"
        if not is_furniture(block.text, masthead):
            text = without_glued_credit(block.text) if block.kind is Kind.PARAGRAPH else ""
            kept.append(replace(block, text=text) if text and text != block.text else block)
    return kept


def _bare_extraction(page: lxml.html.HtmlElement, url: str | None, *, recall: bool) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return trafilatura.bare_extraction(
            page,
            url=url,
            favor_recall=recall,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
        )


def _extract(page: lxml.html.HtmlElement, url: str | None) -> list[Block]:
    """trafilatura's blocks. When it finds nothing it is asked again, favouring recall; when
    its structure came out tiny but its plain text did not, the text is used."""
    document = _bare_extraction(page, url, recall=False) or _bare_extraction(page, url, recall=True)
    if document is None:
        return []
    body = document.body
    blocks = _body_blocks(body) if body is not None else []
    if _body_chars(blocks) < _TINY_BODY:
        text = document.text or ""
        furniture = sum(
            len("".join(e.itertext()))
            for e in (body if body is not None else [])
            if _FURNITURE_CONTAINER.search(f"{e.get('id', '')} {e.get('class', '')}")
        )
        if len(text) - furniture > _body_chars(blocks):
            blocks = text_blocks(text, scraped=False)
    return blocks


def _from_json_ld(facts: PageFacts, blocks: list[Block]) -> list[Block]:
    """The JSON-LD articleBody when it holds clearly more than the extraction found."""
    body = facts.json_ld_body
    if not body or len(body) <= 2 * max(_body_chars(blocks), _TINY_BODY // 2):
        return blocks
    if "<" in body:
        body = lxml.html.fromstring(f"<div>{body}</div>").text_content()
    return text_blocks(repair_entities(body), scraped=False)


def _drop_before_headline(blocks: list[Block], headline: str | None) -> list[Block]:
    """Kickers, breadcrumbs and "Posted on" lines that the page set above its own title."""
    if headline is None:
        return blocks
    key = comparable(headline)
    for index, block in enumerate(blocks[:8]):
        if block.kind is not Kind.HEADING and len(block.text.split()) >= _BODY_WORDS:
            return blocks  # article text comes first: the title is not above it
        text = comparable(block.text)
        if text and (text == key or (block.kind is Kind.HEADING and key in text)):
            return blocks[index + 1 :]
    return blocks


_SNIPPET_CHARS = 40  # enough of a paragraph's start to find it in the page


def _opening_heading(page: lxml.html.HtmlElement, blocks: list[Block]) -> str | None:
    """The heading the article's text opens with: the extracted text's own first heading,
    else the page's last <h1>–<h3> before the first paragraph."""
    for block in blocks[:2]:
        if block.kind is Kind.HEADING:
            return block.text
    first = next((b.text for b in blocks if b.kind is Kind.PARAGRAPH), "")
    snippet = first[:_SNIPPET_CHARS].rsplit(" ", 1)[0]
    if len(snippet) < _SNIPPET_CHARS // 2:
        return None
    found = page.xpath(
        "(//*[contains(text(), $snippet)])[1]/preceding::*[self::h1 or self::h2 or self::h3][1]",
        snippet=snippet,
    )
    text = clean_inline(found[0].text_content()) if found else ""
    return text or None


def _without_leading_stamp(blocks: list[Block], headline: str | None, masthead: Masthead) -> None:
    """ "KOA039 Live Veröffentlicht am 17. Dezember 2019 von Simon Dückert Auch auf dem …":
    a first paragraph that repeats the headline and the byline before its first sentence."""
    for index, block in enumerate(blocks[:3]):
        if block.kind is not Kind.PARAGRAPH:
            continue
        text = block.text
        if headline and text.startswith(headline) and len(text) > len(headline):
            text = text[len(headline) :].lstrip()  # also "…BioenergieMünchen": glued
        for author in masthead.authors:
            at = text.find(author, 0, 120)
            if at != -1 and is_furniture(text[: at + len(author)], masthead):
                text = text[at + len(author) :].lstrip(" ,.:|–—-")
        if text != block.text and text:
            blocks[index] = Block(Kind.PARAGRAPH, text)
        return


def _lenient_page(html: str) -> lxml.html.HtmlElement | None:
    """What lxml makes of markup trafilatura will not load: an SEC filing's HTML inside its
    SGML wrapper (`<DOCUMENT><TYPE>EX-99.1 … <HTML>`)."""
    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def html_article(
    html: str, *, language: str | None = None, source_url: str | None = None
) -> Article:
    """Parse an HTML page into an Article."""
    page = trafilatura.load_html(html)
    if page is None:
        page = _lenient_page(html)
    if page is None:
        raise ArticleError("The HTML page could not be read.", "no_text")
    blocks = _extract(page, source_url)
    facts = read_page(page, source_url)
    blocks = _from_json_ld(facts, blocks)
    if not blocks:
        raise ArticleError(_NO_ARTICLE, "no_text")
    headline = choose_headline(facts, _opening_heading(page, blocks))
    blocks = _drop_before_headline(blocks, headline)
    blocks = _without_furniture(blocks, facts.masthead)
    if not any(
        word_count(" ".join([b.text, *b.items])) >= _MIN_TEXT_WORDS
        for b in blocks
        if b.kind in (Kind.PARAGRAPH, Kind.BULLETS)
    ):
        raise ArticleError(_NO_ARTICLE, "no_text")
    _without_leading_stamp(blocks, headline, facts.masthead)
    if headline is None and blocks and blocks[0].kind is Kind.HEADING:
        headline = blocks.pop(0).text
    if headline is None:
        headline = title_from_address(facts, " ".join(b.text for b in blocks))
    top: list[Block] = []
    if headline:
        top.append(Block(Kind.TITLE, headline, certain=True))
    teaser = _page_teaser(page)
    language = language or article_language(blocks, facts.declared_language)
    if teaser and blocks and blocks[0].text == teaser:
        top.append(Block(Kind.TEASER, blocks.pop(0).text, certain=True))
    elif summary := standfirst(page, blocks, facts.descriptions, language, facts.masthead):
        top.append(Block(Kind.TEASER, summary, certain=True))
    elif told := subtitle(page, blocks, headline, facts.masthead):
        top.append(Block(Kind.TEASER, told, certain=True))
    caption = _page_caption(page)
    if caption is not None:
        top.append(caption)
        # The extraction may keep the caption's text in the body too, where its shape (a
        # short line) makes it a heading over the article's first paragraphs.
        blocks = [b for b in blocks if comparable(b.text) != comparable(caption.text)]
    return assemble(
        [*top, *blocks],
        language=language,
        declared_language=facts.declared_language,
        source_url=source_url or facts.url,
        published=facts.published,
    )
