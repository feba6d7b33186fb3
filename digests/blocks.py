"""From a sequence of typed blocks to an Article: one assembly for text and HTML input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum

from digests.captions import split_caption
from digests.clauses import fit_sentence
from digests.cleanup import without_reference_marks, word_count
from digests.errors import ArticleError
from digests.furniture import is_back_matter, without_edit_links
from digests.language import UNDETERMINED, detect_language
from digests.lemmas import is_known_word
from digests.model import Article, Caption, Section
from digests.quotes import extract_quotes
from digests.sentences import ends_sentence, has_unbalanced_quote, split_sentences
from digests.transcripts import transcript_turns, with_turns_quoted

MAX_HEADLINE = 250
MAX_HEADING = 120
MAX_HEADING_WORDS = 16
MAX_TEASER = 320
MAX_FRAGMENT = 200  # a cut-off teaser line is short; longer text is kept even if it ends oddly

_TERMINAL = re.compile(r"[.!?…:;,。！？：；，]$")  # with Chinese and Japanese full-width marks
_CLOSING_MARKS = '"”“»«’)]'
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
    credit: str | None = None  # a caption's credit, when the page marked it up


def looks_truncated(text: str) -> bool:
    """A teaser cut off mid-sentence, like `Es wird versucht, "alter`."""
    if len(text) > MAX_FRAGMENT or ends_sentence(text.rstrip(_CLOSING_MARKS + " ")):
        return False
    return bool(_TRUNCATED_END.search(text)) or has_unbalanced_quote(text)


_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


def looks_cut_off(text: str, language: str) -> bool:
    """A line cut off mid-word, like `Bund & Länder ringen um die Fin`: it ends without a
    full stop, in a word the language's dictionary does not know."""
    if looks_truncated(text):
        return True
    if ends_sentence(text.rstrip(_CLOSING_MARKS + " ")):
        return False
    last = _LAST_WORD.search(text)
    return bool(last) and is_known_word(last.group(1), language) is False


def looks_like_heading(text: str) -> bool:
    bare = text.rstrip(_CLOSING_MARKS + " ")
    if len(text) > MAX_HEADING or len(text.split()) > MAX_HEADING_WORDS or not bare:
        return False
    if _TERMINAL.search(bare) and not bare.endswith("?"):
        return False
    return bool(text[:1]) and not text[0].islower() and not has_unbalanced_quote(text)


def _is_body(block: Block) -> bool:
    return block.kind in (Kind.PARAGRAPH, Kind.BULLETS)


def _headline_of(blocks: list[Block], language: str) -> str:
    """The first line, or (when the first block is a long paragraph) its first sentence."""
    first = blocks[0]
    if first.kind is Kind.TITLE or (
        len(first.text) <= MAX_HEADLINE and first.kind is not Kind.BULLETS
    ):
        blocks.pop(0)
        if len(first.text) <= MAX_HEADLINE:
            return first.text
        # A page's title of hundreds of characters is no title a notification can show.
        sentence = split_sentences(first.text, language)[0]
        return fit_sentence(sentence, MAX_HEADLINE, language) or sentence[:MAX_HEADLINE]
    text = first.text or (first.items[0] if first.items else "")
    sentence = split_sentences(text, language)[0] if text else ""
    if first.kind is Kind.PARAGRAPH and text.startswith(sentence):
        rest = text[len(sentence) :].strip()
        if rest:
            blocks[0] = Block(Kind.PARAGRAPH, rest, certain=first.certain)
        else:
            blocks.pop(0)
    return fit_sentence(sentence, MAX_HEADLINE, language) or sentence.split(",")[0][:MAX_HEADLINE]


def _classify_top(
    blocks: list[Block], language: str
) -> tuple[str, str | None, Caption | None, list[Block]]:
    """Headline, teaser and caption from the top of the article; the rest is body."""
    headline = _headline_of(blocks, language) if blocks else ""
    if not headline:
        raise ArticleError("No article text was found (only boilerplate or markup).", "no_text")

    teaser: str | None = None
    caption: Caption | None = None
    body: list[Block] = []
    seen_body_paragraph = False
    for index, block in enumerate(blocks):
        if block.kind is Kind.CAPTION:
            if caption is None:
                caption = (
                    Caption(block.text, block.credit)
                    if block.credit
                    else split_caption(block.text) or Caption(block.text)
                )
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
            if (
                looks_truncated(block.text)
                and (not seen_body_paragraph or has_unbalanced_quote(block.text))
                and not _quote_closes_later(blocks, index)
            ):
                continue  # a teaser or line cut off mid-sentence
            if not seen_body_paragraph and _next_is_caption(blocks, index):
                # A line between the headline and the photo is the teaser, not a heading.
                if looks_cut_off(block.text, language):
                    continue
                if teaser is None and len(block.text) <= MAX_TEASER:
                    teaser = block.text
                    continue
        if block.kind is Kind.PARAGRAPH:
            seen_body_paragraph = True
        body.append(block)
    return headline, teaser, caption, body


# A quotation set over several paragraphs (verse, lyrics) closes within this many.
_QUOTE_PARAGRAPHS = 12
_CLOSERS = '“”»«"'


def _quote_closes_later(blocks: list[Block], index: int) -> bool:
    """A quotation opened here closes in a later paragraph: verse set line by line."""
    for block in blocks[index + 1 : index + 1 + _QUOTE_PARAGRAPHS]:
        if block.kind is not Kind.PARAGRAPH:
            return False
        if block.text.rstrip(" .!?,").endswith(tuple(_CLOSERS)):
            return True
    return False


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

    back_matter: str | None = None  # "References" over a sub-heading: it must not be lost
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
                if is_back_matter(block.text):
                    back_matter = back_matter or block.text
                continue  # a heading with nothing under it is page furniture
            if is_back_matter(block.text) and _reporting_goes_on(body, index + 1):
                # "Further reading" of a box whose links the page dropped, and under it the
                # report going on ("ACCA said a speedy jump would facilitate trade …"): the
                # box's title, not the end of the article.
                continue
            close()
            heading, paragraphs, bullets = block.text, [], []
            if back_matter and not is_back_matter(heading):
                heading = f"{back_matter} — {heading}"
            back_matter = None
        elif block.kind is Kind.BULLETS:
            bullets.extend(block.items)
        elif block.kind is Kind.PARAGRAPH:
            paragraphs.append(without_reference_marks(block.text))
    close()
    return tuple(sections)


# Back matter is a list or short entries; two paragraphs of this many words, each told in
# whole sentences, are the article's own prose.
_PROSE_WORDS = 20
_YEAR_IN_BRACKETS = re.compile(r"\((?:1[89]|20)\d\d[a-z]?\)")


def _reporting_goes_on(body: list[Block], start: int) -> bool:
    """The two blocks from `start` are paragraphs of prose, not references ("Smith, J.
    (2020). Title. Journal …")."""
    following = body[start : start + 2]
    return len(following) == 2 and all(
        block.kind is Kind.PARAGRAPH
        and word_count(block.text) >= _PROSE_WORDS
        and block.text.rstrip(' "”’»)').endswith((".", "!", "?"))
        and not _YEAR_IN_BRACKETS.search(block.text)
        for block in following
    )


_SIGN_OFF_WORDS = 3  # "Love, Pamela", "(dpa)": a closing line with no sentence in it


def _without_loose_ends(body: list[Block]) -> list[Block]:
    """Drop what pages leave at the edges of an article: a sign-off ("Love", "red.") or a
    lead-in to something that is not there ("Watch the talk here:") at the end."""
    while body:
        last = body[-1]
        if last.kind is Kind.HEADING or (
            last.kind is Kind.PARAGRAPH
            and not last.certain
            and (
                (len(last.text.split()) <= _SIGN_OFF_WORDS and not ends_sentence(last.text))
                or last.text.rstrip().endswith(":")
            )
        ):
            body.pop()
            continue
        break
    return body


def article_language(blocks: list[Block], declared: str | None) -> str:
    texts = [b.text for b in blocks if b.kind in (Kind.TITLE, Kind.PARAGRAPH)]
    texts += [i for b in blocks if b.kind is Kind.BULLETS for i in b.items]
    return detect_language(" ".join(texts[:40]), declared)


def assemble(
    blocks: list[Block],
    *,
    language: str | None = None,
    declared_language: str | None = None,
    source_url: str | None = None,
    published: str | None = None,
) -> Article:
    """Build the Article from blocks in reading order."""
    blocks = [
        replace(b, text=without_edit_links(b.text)) if b.text.endswith("]") else b
        for b in blocks
        if b.text or b.items
    ]
    if not blocks:
        raise ArticleError("No article text was found (only boilerplate or markup).", "no_text")
    language = language or article_language(blocks, declared_language)
    headline, teaser, caption, body = _classify_top(blocks, language)
    sections = _sections(_without_loose_ends(body))
    if not sections:
        raise ArticleError("The text has a title but no article body.", "no_body")
    texts = [t for s in sections for t in (*s.paragraphs, *s.bullets)]
    article = Article(
        language=language or UNDETERMINED,
        headline=headline,
        teaser=teaser,
        caption=caption,
        sections=sections,
        quotes=extract_quotes(texts, language),
        source_url=source_url,
        published=published,
    )
    return replace(article, quotes=with_turns_quoted(article, transcript_turns(article)))
