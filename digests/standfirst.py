"""The page's own summary as the article's standfirst, when the page marks none.

Newsrooms write a standfirst for every story ("The rocky island of Redonda, once stripped of
its flora and fauna by invasive species, makes an astonishingly quick comeback.") and declare
it in the page's metadata (`og:description`, JSON-LD `description`). Many pages set it above
the article's body, where the extraction drops it with the rest of the page's head, so the text
starts on a scene or the second paragraph. What the description holds before the body's own
text, in whole statements about the article, is the article's teaser; the digest's lead takes
it when it is more about the headline than the body's first statement.

A description is no standfirst when the page does not show it (metadata for search engines
and link previews only: a reader of the page never sees it), when it is the site's own blurb
("Geschichten und News aus Stil, Mode, Design und Kultur"), a teaser cut off ("What's the
secret to its..."), a question or a call to the reader, or the body's first paragraph again,
which most are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

from digests.blocks import Block, Kind
from digests.cleanup import comparable
from digests.furniture import Masthead, is_furniture
from digests.languages import language_data
from digests.sentences import ends_sentence, is_balanced, split_sentences
from digests.sentences_pool import jaccard
from digests.voice import addresses_the_reader, in_first_person

_WORD = re.compile(r"[^\W\d_]{4,}")
# A standfirst is a sentence or three; more is the article itself.
_MOST_SENTENCES = 3
_FEWEST_WORDS = 6
# Share of a sentence's words the article's text holds: a statement about this article uses
# its words, a site's blurb does not. On the corpus, the standfirsts the body lacks share
# 0.54–0.83 and the blurbs none; two standfirsts that reword more (0.25, 0.33) are missed.
_ABOUT_THE_ARTICLE = 0.5
# Share of words a sentence shares with one of the body's: above it, the same sentence
# reworded (a description is often the lead shortened).
_SAME_SENTENCE = 0.5
# The body's opening sentences a description is compared with.
_OPENING = 8


def standfirst(
    page: lxml.html.HtmlElement,
    blocks: list[Block],
    descriptions: tuple[str, ...],
    language: str,
    masthead: Masthead,
) -> str | None:
    """The first description whose opening statements the page shows and the body lacks;
    none when no description is the article's, or each is only its first paragraph again. A
    page may declare two ("Von Gregory Lipinski Herr Vilanek, …", the byline and first line
    run together, and then its standfirst)."""
    if not descriptions:
        return None
    body = _Body.of(blocks, language)
    shown: str | None = None  # read off the page once, and only when a description passes
    for description in descriptions:
        kept = _opening_statements(description, body, language, masthead)
        if not kept:
            continue
        if shown is None:
            shown = _shown(page)
        if comparable(kept[0]) in shown:
            return " ".join(kept)
    return None


@dataclass(frozen=True, slots=True)
class _Body:
    """What a description is compared with: the article's words, its opening sentences' words
    and its whole text, comparable."""

    words: set[str]
    opening: list[set[str]]
    folded: str

    @classmethod
    def of(cls, blocks: list[Block], language: str) -> _Body:
        body = [b for b in blocks if b.kind in (Kind.PARAGRAPH, Kind.BULLETS)]
        text = " ".join(" ".join([b.text, *b.items]) for b in body)
        opening = [
            _words(s) for b in body[:_OPENING] for s in split_sentences(b.text, language)
        ][:_OPENING]
        return cls(_words(text), opening, comparable(text))


def _opening_statements(
    description: str, body: _Body, language: str, masthead: Masthead
) -> list[str]:
    """The description's opening sentences that are whole statements of the article and not
    its body again."""
    data = language_data(language)
    kept: list[str] = []
    for sentence in split_sentences(description, language)[:_MOST_SENTENCES]:
        words = _words(sentence)
        if (
            len(sentence.split()) < _FEWEST_WORDS
            or not ends_sentence(sentence)
            or sentence.rstrip().endswith(("…", "...", "!", "?", ":"))
            or not is_balanced(sentence)
            # "Wir haben hier 3 Tipps für Sie!": a call to the reader, not a standfirst.
            or addresses_the_reader(sentence, data)
            or in_first_person(sentence, data)
            or is_furniture(sentence, masthead)
            or comparable(sentence) in body.folded
            or any(jaccard(words, other) > _SAME_SENTENCE for other in body.opening)
            or not words
            or len(words & body.words) < _ABOUT_THE_ARTICLE * len(words)
        ):
            break  # from here on the description is the body again, or not the article's
        kept.append(sentence)
    return kept


def _shown(page: lxml.html.HtmlElement) -> str:
    """The text a reader of the page sees, comparable: the body's, scripts and styles left
    out."""
    texts = page.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    return comparable(" ".join(texts))


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}
