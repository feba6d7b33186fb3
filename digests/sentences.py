"""Sentence splitting that knows abbreviations, ordinals and quotations.

A full stop ends a sentence only when the next word could start one, the word before it is
no abbreviation, and no quotation is open at that point.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "de": frozenset(
        "z b dr prof bzw ca usw vgl etc nr str st hr fr frau ggf inkl sog u a d h o v chr mio mrd "
        "jh jhd bspw evtl abs min max tel geb gest bzgl ehem insb zzgl dt engl franz".split()
    ),
    "en": frozenset(
        "mr mrs ms dr prof st jr sr vs etc inc ltd co corp gen gov sen rep lt col capt sgt no "
        "approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft pp vol".split()
    ),
    "uk": frozenset(
        "ім вул р рр ст т д п тис млн млрд грн проф акад див обл м с напр пор наприкл ін".split()
    ),
    "ru": frozenset(
        "им ул г гг ст т д е п тыс млн млрд руб проф акад см обл напр др пр ср им.".split()
    ),
}
_ALL_ABBREVIATIONS = frozenset().union(*_ABBREVIATIONS.values())

_MONTHS = frozenset(
    "januar februar märz april mai juni juli august september oktober november dezember january "
    "february march april may june july august september october november december".split()
)

OPENERS = {"„": "“”", "“": "”", "«": "»", "»": "«", '"': '"', "‚": "‘’", "‹": "›", "›": "‹"}
_QUOTE_CHARS = re.compile("[" + re.escape("".join(OPENERS) + "".join(OPENERS.values())) + "]")
# How far a quotation may run before an opener without a closer is taken as a stray mark.
MAX_QUOTE_LENGTH = 1500

_BOUNDARY = re.compile(r"[.!?…]+[\"”“»«’)\]]*(?=\s+(\S))")
_LAST_TOKEN = re.compile(r"(\S+)$")
_SENTENCE_START = re.compile(r"[\w„“\"«»‚(\[—–-]")
_DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}")
# Abbreviations that often close a sentence: a capital after them starts a new one.
_CLOSING_ABBREVIATION = re.compile(
    r"(?:\b(?:etc|usw|usf|bzw)|\bт\.\s?[дп]|\bи\s(?:др|пр)|\b(?:та|і)\s(?:ін|т\.\s?ін))\.$",
    re.IGNORECASE,
)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every balanced quotation in `text`, outermost only, end exclusive."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _QUOTE_CHARS.finditer(text):
        start = match.start()
        char = match.group()
        if start < position or char not in OPENERS:
            continue
        closers = OPENERS[char]
        limit = min(len(text), start + MAX_QUOTE_LENGTH)
        end = -1
        for closer in closers:
            found = text.find(closer, start + 1, limit)
            if found != -1 and (end == -1 or found < end):
                end = found
        if end == -1:
            continue  # a stray or truncated opener: not a quotation
        spans.append((start, end + 1))
        position = end + 1
    return spans


def _inside(spans: list[tuple[int, int]], starts: list[int], index: int) -> bool:
    """Whether `index` falls strictly inside one of the (sorted, disjoint) spans."""
    at = bisect_right(starts, index) - 1
    return at >= 0 and spans[at][0] < index < spans[at][1] - 1


def _is_abbreviation(token: str, language: str) -> bool:
    bare = token.lstrip('("„“«»‚[').rstrip(".").lower()
    if len(bare) <= 1:
        return True  # initials and one-letter abbreviations: "J. Smith", "z. B.", "т. д."
    if _DOTTED_ABBREVIATION.fullmatch(bare + "."):
        return True  # "U.S.", "e.g.", "i.e."
    abbreviations = _ABBREVIATIONS.get(language, _ALL_ABBREVIATIONS)
    return bare in abbreviations


def _is_ordinal(token: str, next_word: str, language: str) -> bool:
    """German writes ordinals with a full stop: "Am 8. November", "im 20. Jahrhundert"."""
    if not token.isdigit():
        return False
    return next_word.lower().strip(",.") in _MONTHS or (language == "de" and len(token) <= 2)


def split_sentences(text: str, language: str = "und") -> tuple[str, ...]:
    """Split one paragraph into sentences (cached: digests and pages ask for the same ones)."""
    return _split_sentences(text, language)


@lru_cache(maxsize=4096)
def _split_sentences(text: str, language: str) -> tuple[str, ...]:
    spans = quotation_spans(text) if _QUOTE_CHARS.search(text) else []
    starts = [start for start, _ in spans]
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        next_char = match.group(1)
        if not _SENTENCE_START.match(next_char) or next_char.islower():
            continue
        if spans and _inside(spans, starts, match.start()):
            continue
        # Only the words around the full stop matter; never copy the rest of a long paragraph.
        head = text[max(start, match.start() - 40) : match.start() + 1]
        token_match = _LAST_TOKEN.search(head)
        token = token_match.group(1) if token_match else ""
        if match.group().startswith(".") and len(match.group().rstrip('"”“»«’)]')) == 1:
            following = text[end : end + 40].split(None, 1)
            next_word = following[0] if following else ""
            closing = _CLOSING_ABBREVIATION.search(head) is not None
            if not closing and (
                _is_abbreviation(token, language) or _is_ordinal(token[:-1], next_word, language)
            ):
                continue
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return tuple(sentences)
