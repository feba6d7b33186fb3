"""Repair what scrapers leave in text: broken entities, stray tags, odd spaces, boilerplate."""

from __future__ import annotations

import html
import re
import unicodedata

from digests.caching import remembered_when_short

# `&quot ;`, `& amp;`, `&#8222 ;` — entities with stray spaces; `&amp;quot;` — escaped twice.
_BROKEN_ENTITY = re.compile(r"&\s?(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8})\s?;")
_DOUBLE_ESCAPED = re.compile(r"&amp;(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# Entities that lost their semicolon entirely (`&quot` followed by a non-letter).
_BARE_ENTITY = re.compile(
    r"&(quot|amp|nbsp|lt|gt|laquo|raquo|bdquo|ldquo|rdquo|ndash|mdash)(?![a-zA-Z;])"
)

_BLOCK_TAGS = (
    "p|div|section|article|header|footer|aside|li|ul|ol|h[1-6]|blockquote|figure|figcaption"
    "|table|tr|td|th"
)
_INLINE_TAGS = "b|i|u|s|em|strong|span|a|font|small|sup|sub|mark|abbr|cite|q|ins|del|strike|tt|code"
_LINE_BREAK_TAG = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(rf"<\s*/?\s*(?:{_BLOCK_TAGS})\b[^<>]{{0,300}}?/?\s*>", re.IGNORECASE)
_INLINE_TAG = re.compile(rf"<\s*/?\s*(?:{_INLINE_TAGS})\b[^<>]{{0,300}}?/?\s*>", re.IGNORECASE)
_SCRIPT_BLOCK = re.compile(
    r"<\s*(script|style|noscript)\b[^<>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_ODD_SPACE = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Odd spaces become plain ones, then runs fold; two simple patterns scan several times faster
# than one with an alternation, and "  +" (a literal prefix) faster than " {2,}".
_ODD_SPACES = re.compile(f"[{_ODD_SPACE}]")
_SPACE_RUN = re.compile("  +")
# Invisible characters (zero-width, soft hyphen, BOM) and control characters.
_UNWANTED = re.compile(
    r"[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]"
)


def repair_entities(text: str) -> str:
    """Decode entities, including the broken and doubly escaped ones scrapers produce."""
    if "&" not in text:
        return text
    text = _DOUBLE_ESCAPED.sub(r"&\1;", text)
    text = _BROKEN_ENTITY.sub(r"&\1;", text)
    text = _BARE_ENTITY.sub(r"&\1;", text)
    return html.unescape(text)


def repair_markup(text: str) -> str:
    """Strip tags a scraper left behind, then decode entities once, so `&lt;b&gt;` stays text."""
    if "<" in text:
        text = _COMMENT.sub("", text)
        text = _SCRIPT_BLOCK.sub("", text)
        text = _LINE_BREAK_TAG.sub("\n", text)
        text = _BLOCK_TAG.sub("\n\n", text)
        text = _INLINE_TAG.sub("", text)
    return repair_entities(text)


def normalize_space(text: str) -> str:
    """Unicode NFC, one kind of space, no invisible characters, no control characters."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _fold_spaces(_UNWANTED.sub("", text))


def clean_line(text: str) -> str:
    """Text a page's markup gave, as one clean line: normalised, entities decoded once,
    broken tags dropped, spaces folded."""
    return clean_inline(without_broken_tags(repair_entities(normalize_space(text))))


def without_broken_tags(text: str) -> str:
    """Text without the broken tags an editing system left in it ("0 0 0 < p>")."""
    return _BROKEN_TAG.sub(" ", text) if "<" in text else text


# A tag the page's own text shows broken, a space after its "<" ("< p>", "</ p>"): what an
# editing system left of markup, never the article's words. A whole tag written as text
# ("<script>alert(1)</script>", quoted in a report on a bug) stays.
_BROKEN_TAG = re.compile(
    rf"<(?:\s+/?|/\s+)\s*(?:{_BLOCK_TAGS}|{_INLINE_TAGS})\b[^<>]{{0,300}}?/?\s*>", re.IGNORECASE
)


def clean_inline(text: str) -> str:
    """One line of clean text: spaces folded and trimmed, no space before a full stop or a
    comma ("8,8 Sekunden , was…", markup that ended a link before the stop)."""
    text = _fold_spaces(text.replace("\n", " ")).strip()
    if " ." in text or " ," in text:
        text = _SPACE_BEFORE_STOP.sub("", text)
    if ".." in text:
        text = _DOUBLED_STOP.sub(".", text)
    if "," in text and _COMMA_BEFORE_LETTER.search(text):
        text = _GLUED_COMMA.sub(_comma_and_space, text)
    return text


# Not before "..." (an ellipsis that stands apart) nor in French "« … » ," quotes' spacing.
_SPACE_BEFORE_STOP = re.compile(r"(?<=[^\W_]) +(?=[.,](?:\s|$)(?!\.))")
# "Markus Eisenbichler werde 11..": an ordinal's stop and the sentence's, typed twice; an
# ellipsis has three.
_DOUBLED_STOP = re.compile(r"(?<=[^\W_])\.\.(?=\s|$)")
# "… zu gründen,einige Gleichgesinnte …": a comma between two words, the space after it lost.
# Only between lower-case letters: "3,1 Prozent", "Müller,K." and addresses stay as they are.
_GLUED_COMMA = re.compile(r"([^\W\d_]{2}),([^\W\d_]{2})")
# The cheap test first: a pattern that opens with a literal is found some forty times faster
# than one that opens with a letter class, tried at every position.
_COMMA_BEFORE_LETTER = re.compile(r",[^\W\d_]")


def _comma_and_space(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    text = match.string
    token = text[text.rfind(" ", 0, match.start()) + 1 : match.end()]
    if before.islower() and after.islower() and not any(c in token for c in "/@=&"):
        return f"{before}, {after}"
    return match.group()  # a web address's, or names' "Müller,K."


def _fold_spaces(text: str) -> str:
    text = _ODD_SPACES.sub(" ", text)
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


# "…Ihre Dienstleistung?Wir prüfen…": a page set the question in bold and the answer after it
# with no space; two lower-case letters, the mark, then a capitalised word.
# The same after a quotation's closing mark: '…as its "revolutionary president."Seddique …'.
_GLUED = re.compile(r"([^\W\d_]{2}[.!?][\"”]?)([^\W\d_]{2})")


_GLUE_POINT = re.compile(r"[.!?][\"”]?[^\W\d_]")


def unglue_sentences(text: str) -> str:
    """Put back the space between two sentences that markup glued together."""
    if not _GLUE_POINT.search(text):
        return text

    def space(match: re.Match[str]) -> str:
        before, after = match.group(1), match.group(2)
        if not (before[:2].islower() and after[0].isupper() and after[1].islower()):
            return match.group()
        if before.endswith('"') and text.count('"', 0, match.end(1)) % 2:
            return match.group()  # the mark opens a quotation: 'He said."The …'
        start = text.rfind(" ", 0, match.start()) + 1
        token = text[start : match.end()]
        if "www" in token or "/" in token or "@" in token or token.count(".") > 1:
            return match.group()  # an address, not two sentences
        return f"{before} {after}"

    return _GLUED.sub(space, text)


_NOT_ALPHANUMERIC = re.compile(r"[\W_][\W_]*")  # not "[\W_]+": a single set first scans faster


# Lines and list items stay under 2,000 characters and are compared many times (every item
# with every heading); a page's whole text, compared once, is longer.
@remembered_when_short(max_chars=2000, maxsize=16384)
def comparable(text: str) -> str:
    """Letters and digits only, case-folded: how titles, names and lines are compared."""
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


# A reference mark in running text: "[3]" after a word or a stop ("…gewählt.[3] Danach"),
# or "(1)" right after a lower-case word ("Afrobarometer … zufolge (1) ziehen"); not an age
# after a name ("Eva M. Welskop-Deffaa (62)") nor a year ("(2021)").
_BRACKETED_MARK = re.compile(r"(?<=[^\W\d_]|[.,;:!?)\]])\[\d{1,3}\]")
_PARENTHESISED_MARK = re.compile(r"(?<![^\s(])([a-zß-ÿ][^\W\d_]*) \((\d{1,2})\)(?=[\s.,;:])")


def without_reference_marks(paragraph: str) -> str:
    """A paragraph without its footnote and reference marks. "(1) … (2)" in one paragraph is
    an enumeration, and stays."""
    if "[" in paragraph:
        paragraph = _BRACKETED_MARK.sub("", paragraph)
    if "(" not in paragraph:
        return paragraph
    marks = [int(m.group(2)) for m in _PARENTHESISED_MARK.finditer(paragraph)]
    if not marks or any(f"({n + 1})" in paragraph or f"({n - 1})" in paragraph for n in marks):
        return paragraph
    return _PARENTHESISED_MARK.sub(r"\1", paragraph)


# Chinese and Japanese write without spaces: two of their characters make a word, about.
UNSPACED_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and Han
_UNSPACED = re.compile(f"[{UNSPACED_LETTERS}]")


def word_count(text: str) -> int:
    """Words in `text`, also where a script writes none of the spaces between them."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2
