"""From a sequence of typed blocks to an Article: one assembly for text and HTML input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from digests.captions import split_caption
from digests.errors import ArticleError
from digests.language import UNDETERMINED, detect_language
from digests.model import Article, Caption, Section
from digests.quotes import extract_quotes
from digests.sentences import OPENERS, quotation_spans, split_sentences

MAX_HEADLINE = 250
MAX_HEADING = 120
MAX_HEADING_WORDS = 16
MAX_TEASER = 320
MAX_FRAGMENT = 200  # a cut-off teaser line is short; longer text is kept even if it ends oddly

_TERMINAL = re.compile(r"[.!?…:;,]$")
_SENTENCE_END = re.compile(r"[.!?…][\"”“»«’)]*$")
_CLOSING_MARKS = '"”“»«’)]'
_OPENER = re.compile("[" + re.escape("".join(OPENERS)) + "]")
_TRUNCATED_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|,|[-–—])$")


class Kind(Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BULLETS = "bullets"
    CAPTION = "caption"
    TITLE = "title"
    TEASER = "teaser"


@dataclass
class Block:
    kind: Kind
    text: str = ""
    items: list[str] = field(default_factory=list)
    # True when the source said what this is (an HTML tag), not our guess from its shape.
    certain: bool = False


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def has_unbalanced_quote(text: str) -> bool:
    """An opening quotation mark whose closer never comes: the text was cut off."""
    covered = quotation_spans(text)
    for match in _OPENER.finditer(text):
        index, char = match.start(), match.group()
        if any(s <= index < e for s, e in covered):
            continue
        if char == '"' or not any(c in text[index + 1 :] for c in OPENERS[char]):
            return True
    return False


def looks_truncated(text: str) -> bool:
    """A teaser cut off mid-sentence, like `Es wird versucht, "alter`."""
    if len(text) > MAX_FRAGMENT or ends_sentence(text.rstrip(_CLOSING_MARKS + " ")):
        return False
    return bool(_TRUNCATED_END.search(text)) or has_unbalanced_quote(text)


def looks_like_heading(text: str) -> bool:
    bare = text.rstrip(_CLOSING_MARKS + " ")
    if len(text) > MAX_HEADING or len(text.split()) > MAX_HEADING_WORDS or not bare:
        return False
    if _TERMINAL.search(bare) and not bare.endswith("?"):
        return False
    return bool(text[:1]) and not text[0].islower() and not has_unbalanced_quote(text)


def _is_body(block: Block) -> bool:
    return block.kind in (Kind.PARAGRAPH, Kind.BULLETS)


def _classify_top(blocks: list[Block]) -> tuple[str, str | None, Caption | None, list[Block]]:
    """Headline, teaser and caption from the top of the article; the rest is body."""
    if (blocks and blocks[0].kind is Kind.TITLE) or (
        blocks and len(blocks[0].text) <= MAX_HEADLINE and blocks[0].kind is not Kind.BULLETS
    ):
        headline = blocks.pop(0).text
    else:
        text = blocks[0].text if blocks else ""
        headline = split_sentences(text)[0][:MAX_HEADLINE] if text else ""
    if not headline:
        raise ArticleError("No article text was found (only boilerplate or markup).", "no_text")

    teaser: str | None = None
    caption: Caption | None = None
    body: list[Block] = []
    seen_body_paragraph = False
    for index, block in enumerate(blocks):
        if block.kind is Kind.CAPTION:
            caption = caption or split_caption(block.text) or Caption(block.text)
            continue
        if block.kind is Kind.TEASER:
            teaser = teaser or block.text
            continue
        if block.kind is Kind.PARAGRAPH and not block.certain:
            may_be_caption = not seen_body_paragraph or not ends_sentence(block.text)
            found = split_caption(block.text) if may_be_caption else None
            if found:
                caption = caption or found
                continue
            if looks_truncated(block.text) and (
                not seen_body_paragraph or has_unbalanced_quote(block.text)
            ):
                continue  # a teaser or line cut off mid-sentence
        if (
            teaser is None
            and not seen_body_paragraph
            and block.kind is Kind.PARAGRAPH
            and len(block.text) <= MAX_TEASER
            and ends_sentence(block.text)
            and _next_is_caption(blocks, index)
        ):
            teaser = block.text
            continue
        if block.kind is Kind.PARAGRAPH:
            seen_body_paragraph = True
        body.append(block)
    return headline, teaser, caption, body


def _next_is_caption(blocks: list[Block], index: int) -> bool:
    for block in blocks[index + 1 : index + 3]:
        if block.kind is Kind.CAPTION or (
            block.kind is Kind.PARAGRAPH and not block.certain and split_caption(block.text)
        ):
            return True
        if not looks_truncated(block.text):
            return False
    return False


def _sections(body: list[Block]) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    bullets: list[str] = []

    def close() -> None:
        if paragraphs or bullets:
            sections.append(Section(heading, tuple(paragraphs), tuple(bullets)))

    for index, block in enumerate(body):
        is_heading = block.kind is Kind.HEADING or (
            block.kind is Kind.PARAGRAPH
            and not block.certain
            and looks_like_heading(block.text)
            and index + 1 < len(body)
            and _is_body(body[index + 1])
            and not (
                body[index + 1].kind is Kind.PARAGRAPH and looks_like_heading(body[index + 1].text)
            )
        )
        if is_heading:
            if index + 1 >= len(body) or not _is_body(body[index + 1]):
                continue  # a heading with nothing under it is page furniture
            close()
            heading, paragraphs, bullets = block.text, [], []
        elif block.kind is Kind.BULLETS:
            bullets.extend(block.items)
        elif block.kind is Kind.PARAGRAPH:
            paragraphs.append(block.text)
    close()
    return tuple(sections)


def assemble(
    blocks: list[Block],
    *,
    language: str | None = None,
    source_url: str | None = None,
    published: str | None = None,
) -> Article:
    """Build the Article from blocks in reading order."""
    blocks = [b for b in blocks if b.text or b.items]
    if not blocks:
        raise ArticleError("No article text was found (only boilerplate or markup).", "no_text")
    headline, teaser, caption, body = _classify_top(blocks)
    sections = _sections(body)
    if not sections:
        raise ArticleError("The text has a title but no article body.", "no_body")
    texts = [t for s in sections for t in (*s.paragraphs, *s.bullets)]
    if language is None:
        language = detect_language(" ".join([headline, *texts[:40]]))
    return Article(
        language=language or UNDETERMINED,
        headline=headline,
        teaser=teaser,
        caption=caption,
        sections=sections,
        quotes=extract_quotes(texts),
        source_url=source_url,
        published=published,
    )
