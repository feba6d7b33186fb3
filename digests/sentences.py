"""Sentence splitting that knows abbreviations, ordinals and quotations.

A full stop ends a sentence only when the next word could start one, the word before it is
no abbreviation, and no quotation is open at that point.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from digests.caching import remembered_when_short
from digests.languages import LANGUAGES, language_data


@lru_cache(maxsize=256)
def _abbreviations(language: str) -> frozenset[str]:
    """The language's abbreviations; every known one when the language has no list."""
    own = language_data(language).abbreviations
    if own:
        return own
    # Without the language: the abbreviations of every language, less any that is also a
    # word of one ("on" is an Italian title and an English preposition).
    words = frozenset().union(*(data.function_words for data in LANGUAGES.values()))
    return frozenset().union(*(data.abbreviations for data in LANGUAGES.values())) - words


_MONTHS = frozenset().union(*(data.months for data in LANGUAGES.values()))

OPENERS = {
    "„": "“”", "“": "”", "«": "»", "»": "«", '"': '"', "‚": "‘’", "‹": "›", "›": "‹",
    "「": "」", "『": "』", "【": "】",  # Japanese and Chinese corner and lenticular brackets
}
_QUOTE_CHARS = re.compile("[" + re.escape("".join(OPENERS) + "".join(OPENERS.values())) + "]")
_OPENER = re.compile("[" + re.escape("".join(OPENERS)) + "]")
# How far a quotation may run before an opener without a closer is taken as a stray mark.
MAX_QUOTE_LENGTH = 1500

# The marks that end a sentence when a space follows: ours, the danda of Hindi, Bengali and
# Nepali (।), Myanmar's (။), Ethiopic's (።), and the Arabic question mark (؟).
_STOPS = ".!?…।॥။።؟"
# Chinese and Japanese end a sentence with a full-width mark and no space after it. One set
# of marks first, then what each kind of mark needs: a pattern of two alternatives has no
# first set to scan for, and runs through a paragraph at half the speed.
_BOUNDARY = re.compile(
    rf"[{_STOPS}。！？](?:"
    rf"(?<=[{_STOPS}])[{_STOPS}]*[\"”“»«’)\]]*(?=\s+(\S))"
    r"|(?<=[。！？])[。！？]*[」』”’）)]*(?=\s*(\S))"
    r")"
)
_SENTENCE_START = re.compile(r"[\w„“\"«»‚(\[—–「『【-]")
_ADDRESS_STARTS = ("http://", "https://", "www.")
_DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}")


@lru_cache(maxsize=256)
def _closing_abbreviation(language: str) -> re.Pattern[str]:
    """Abbreviations that often close a sentence ("usw.", "т. д."): a capital after them starts
    a new one. The language's own; every language's when it has none."""
    own = language_data(language).closing_abbreviations
    words = own or tuple({a for data in LANGUAGES.values() for a in data.closing_abbreviations})
    return re.compile(
        r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\.$", re.IGNORECASE
    )


_NESTED = frozenset("'‘’")


def _is_stray(text: str, index: int) -> bool:
    """A straight quotation mark with a space on each side (`The " the …`, left by a broken
    `&quot ;`) hugs no text: it opens and closes nothing; but one set apart from a quotation
    inside it (`"People say, 'I didn't care,' " says Munn`) closes it. (French guillemets
    stand apart from their text by design: « … ».)"""
    spaced_before = index == 0 or text[index - 1].isspace()
    spaced_after = index + 1 == len(text) or text[index + 1].isspace()
    before = text[index - 2] if index >= 2 else ""
    after = text[index + 2] if index + 2 < len(text) else ""
    nested = before in _NESTED or after in _NESTED
    return spaced_before and spaced_after and not nested


def _closes(text: str, index: int) -> bool:
    """A straight mark after a stop or a word and before a space or the end ("… the the." The"):
    shaped as a closing mark, it opens nothing."""
    after = text[index + 1 : index + 2]
    return index > 0 and not text[index - 1].isspace() and (not after or after.isspace())


def _is_mark(text: str, index: int) -> bool:
    """The character at `index` opens or closes a quotation, unless it is a stray mark."""
    return text[index] != '"' or not _is_stray(text, index)


def _closing(text: str, closer: str, start: int, limit: int) -> int:
    found = text.find(closer, start, limit)
    while found != -1 and not _is_mark(text, found):
        found = text.find(closer, found + 1, limit)
    return found


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every balanced quotation in `text`, outermost only, end exclusive."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _QUOTE_CHARS.finditer(text):
        start = match.start()
        char = match.group()
        if start < position or char not in OPENERS or not _is_mark(text, start):
            continue
        if char == '"' and _closes(text, start):
            continue  # 'the the." The …': the end of a quotation begun before this text
        closers = OPENERS[char]
        limit = min(len(text), start + MAX_QUOTE_LENGTH)
        end = -1
        for closer in closers:
            found = _closing(text, closer, start + 1, limit)
            if found != -1 and (end == -1 or found < end):
                end = found
        if end == -1:
            continue  # a stray or truncated opener: not a quotation
        spans.append((start, end + 1))
        position = end + 1
    return spans


_SENTENCE_END = re.compile(rf"[{_STOPS}。！？][\"”“»«’)」』]*$")
_BRACKETS = (("(", ")"), ("[", "]"))


_FULL_WIDTH_END = ("。", "！", "？", "」", "』", "）")


def join_sentences(sentences: Iterable[str]) -> str:
    """Sentences told in a row: with a space between them, but none after a full-width mark
    (Chinese and Japanese set no space between sentences)."""
    joined = ""
    for sentence in sentences:
        space = " " if joined and not joined.endswith(_FULL_WIDTH_END) else ""
        joined += space + sentence
    return joined


def is_question(text: str) -> bool:
    return text.rstrip(' "”“»«’)」』）').endswith(("?", "？", "؟"))


def ends_sentence(text: str) -> bool:
    """Ends with a full stop, a question or exclamation mark, or an ellipsis (quotes after it
    allowed)."""
    return bool(_SENTENCE_END.search(text))


def with_full_stop(text: str) -> str:
    """A sentence set without its closing mark (a subtitle, a standfirst) as the sentence it
    is: with a full stop."""
    return text if ends_sentence(text) else f"{text}."


def is_balanced(text: str) -> bool:
    """No bracket or quotation left open: the text was not cut off inside one."""
    if any(text.count(o) != text.count(c) for o, c in _BRACKETS):
        return False
    return not has_unbalanced_quote(text)


def has_unbalanced_quote(text: str) -> bool:
    """An opening quotation mark whose closer never comes: the text was cut off."""
    covered = quotation_spans(text)
    for match in _OPENER.finditer(text):
        index, char = match.start(), match.group()
        if any(s <= index < e for s, e in covered) or not _is_mark(text, index):
            continue
        if char == '"' or not any(c in text[index + 1 :] for c in OPENERS[char]):
            return True
    return False


def _inside(spans: list[tuple[int, int]], starts: list[int], index: int) -> bool:
    """Whether `index` falls strictly inside one of the (sorted, disjoint) spans."""
    at = bisect_right(starts, index) - 1
    return at >= 0 and spans[at][0] < index < spans[at][1] - 1


def _is_abbreviation(token: str, language: str) -> bool:
    bare = token.lstrip('("„“«»‚[').rstrip(".").lower()
    if len(bare) <= 1 and not bare.isdigit():
        return True  # initials and one-letter abbreviations: "J. Smith", "z. B.", "т. д."
    if _DOTTED_ABBREVIATION.fullmatch(bare + "."):
        return True  # "U.S.", "e.g.", "i.e."
    return bare in _abbreviations(language)


def _is_ordinal(token: str, next_word: str, language: str) -> bool:
    """German and Czech write ordinals with a full stop: "Am 8. November", "20. Jahrhundert";
    so do languages without a file (Danish "8. maj"). English and French do not: "She shot
    to No. 8. In May, …" ends a sentence."""
    data = language_data(language)
    if not token.isdigit() or (language in LANGUAGES and not data.day_dot):
        return False
    return next_word.lower().strip(",.") in _MONTHS or (data.day_dot and len(token) <= 2)


def split_sentences(text: str, language: str = "und") -> tuple[str, ...]:
    """Split one paragraph into sentences (cached: digests and pages ask for the same ones)."""
    return _split_sentences(text, language)


_DASHES = "—–-"
_FIRST_LETTER = re.compile(r"[^\W\d_]")


def _continues(text: str, end: int) -> bool:
    """After a dash, a lower-case word: the same sentence, not a new one."""
    letter = _FIRST_LETTER.search(text, end, end + 12)
    return letter is not None and letter.group().islower()


# The longest paragraph of the corpus and the fixtures has 5,218 characters; a longer one is an
# unbroken wall of text, split once.
@remembered_when_short(max_chars=8000, maxsize=4096)
def _split_sentences(text: str, language: str) -> tuple[str, ...]:
    spans = quotation_spans(text) if _QUOTE_CHARS.search(text) else []
    starts = [start for start, _ in spans]
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        after = match.lastindex or 1  # the group of the alternative that matched
        next_char = match.group(after)
        # "… erzählen. https://…mp3 Download: mp3": a web address after a full stop starts
        # something new (a link, the page's furniture), whatever its case.
        if (
            not _SENTENCE_START.match(next_char) or next_char.islower()
        ) and not text.startswith(_ADDRESS_STARTS, match.start(after)):
            continue
        if next_char in _DASHES and _continues(text, end):
            continue  # "…the mogul.” — has less to do with…": the sentence goes on
        # The boundary's last mark decides: "…hinnehmen.” (Hier …)" ends where its quotation
        # closes; a full stop inside one ("„Das war gut. Dann …“") ends nothing.
        if spans and _inside(spans, starts, end - 1):
            continue
        # Only the words around the full stop matter; never copy the rest of a long paragraph.
        head = text[max(start, match.start() - 40) : match.start() + 1]
        token = head.rsplit(None, 1)[-1]  # the head ends on the mark: never empty
        # A full stop a quotation closes after ("… with a “capital B.” He'd …") ends the
        # sentence, after an initial or an abbreviation too: nothing goes on inside the marks.
        if match.group().rstrip(")]") == ".":
            following = text[end : end + 40].split(None, 1)
            next_word = following[0] if following else ""
            # "usw.", "etc.", "т. д.": short words; a long one never closes as an abbreviation.
            closing = len(token) <= 6 and _closing_abbreviation(language).search(head) is not None
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
