"""The headline's subtitle (the dek): the news in brief that a page sets as a heading under
its title, an <h2> under the <h1> ("In den Vereinigten Staaten trommeln Aktivisten für einen
Mietenstopp in der Coronakrise und warnen Vermieter"). The extraction keeps it as the title of
the article's first section, or leaves it out with the page's head; either way it is the
article's standfirst, and the lead it should give.
"""

from __future__ import annotations

import re

import lxml.html

from digests.blocks import Block, Kind
from digests.cleanup import clean_line, comparable, word_count
from digests.furniture import Masthead, is_furniture
from digests.sentences import with_full_stop

# A kicker glued to the line it stands over ("AgricultureL'Office fédéral…").
_GLUED_KICKER = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{3,}(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’])")


def without_kicker(text: str) -> str:
    """A heading's text without the kicker the page glued to it."""
    return _GLUED_KICKER.sub("", text)


def subtitle(
    page: lxml.html.HtmlElement, blocks: list[Block], headline: str | None, masthead: Masthead
) -> str | None:
    """The page's subtitle as a sentence, with the full stop its heading setting left off;
    taken out of `blocks` when the text opens with it."""
    found = _dek(page, blocks, headline, masthead)
    if found is None:
        return None
    return with_full_stop(found)


# A heading this long right under the headline is its subtitle: the corpus's and held-out
# pages' section headings that state something run to 11 words but for a few, its subtitles
# ("In den Vereinigten Staaten trommeln Aktivisten für einen Mietenstopp …") 15–30.
_DEK_WORDS = 12


def _dek(
    page: lxml.html.HtmlElement, blocks: list[Block], headline: str | None, masthead: Masthead
) -> str | None:
    """The headline's subtitle (the dek): a long heading that states something, set right
    under the page's <h1> or opening the extracted text over a paragraph. The news in brief,
    not a section's title; taken out of `blocks` when the text opens with it."""
    if (
        len(blocks) >= 2
        and blocks[0].kind is Kind.HEADING
        and blocks[1].kind is Kind.PARAGRAPH
        and _is_dek(blocks[0].text, headline, masthead)
    ):
        return blocks.pop(0).text
    if not headline:
        return None
    key = comparable(headline)
    for h1 in page.iter("h1"):
        if key not in comparable(h1.text_content()):
            continue
        sibling = h1.getnext()
        while sibling is not None and not isinstance(sibling.tag, str):
            sibling = sibling.getnext()  # a comment between them
        if sibling is None or sibling.tag not in ("h2", "h3"):
            return None
        text = without_kicker(clean_line(sibling.text_content()))
        # The extraction kept it, as a paragraph or a heading: it stays where it stands.
        kept = comparable(text) in {comparable(b.text) for b in blocks}
        return text if _is_dek(text, headline, masthead) and not kept else None
    return None


def _is_dek(text: str, headline: str | None, masthead: Masthead) -> bool:
    """A subtitle's shape: long, a statement (a question opens a section), neither a
    dateline nor the title again."""
    return (
        word_count(text) >= _DEK_WORDS
        and "?" not in text
        and not is_furniture(text, masthead)
        and not (headline and comparable(headline) in comparable(text))
    )
