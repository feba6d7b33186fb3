"""What a text is about, as lemmas: "Kernkraftwerks" and "Kernkraftwerke" are one word.

simplemma ships lemma dictionaries for 50+ languages in its wheel; each loads on first use
(0.2–4 s) in its memory-frugal form (about 14 MB a language). Languages it does not know are
compared on lower-cased words.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from digests.cleanup import UNSPACED_LETTERS
from digests.languages import language_data

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Shorter words are almost all function words, in every language the engine reads.
_MIN_LETTERS = 3
# Shorter words the dictionary lacks are names, not compounds; greedy search would inflect
# them ("Tridents" is no "Trident" of the dictionary).
_COMPOUND_LETTERS = 9


_WITHOUT_DICTIONARY: set[str] = set()


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The dictionary form of `word`, lower-cased; the word itself when none is known. "ß" is
    written "ss", as Swiss German does and simplemma's dictionaries do in part ("Levelpaß")."""
    if language not in _WITHOUT_DICTIONARY:
        try:
            found = simplemma.lemmatize(word, lang=language, low_memory=True)
            if found == word and len(word) >= _COMPOUND_LETTERS:
                # A compound the dictionary lacks ("Levelpässe", "Mietstreiks"): greedy
                # search splits off the part it knows and inflects that.
                found = simplemma.lemmatize(word, lang=language, greedy=True, low_memory=True)
            return found.lower().replace("ß", "ss")
        except ValueError:  # simplemma has no dictionary for this language
            _WITHOUT_DICTIONARY.add(language)
    return word.lower().replace("ß", "ss")


@lru_cache(maxsize=65_536)
def topic_words(text: str, language: str) -> frozenset[str]:
    """The lemmas of the words in `text` that say what it is about (function words left out)."""
    stop = language_data(language).function_words
    found = set()
    unspaced = _UNSPACED.search(text) is not None  # once a text, not at every word
    for word in _WORD.findall(text):
        if unspaced and _UNSPACED.search(word):
            found.update(_bigrams(word))
            continue
        if len(word) < _MIN_LETTERS or word.lower() in stop:
            continue
        found.add(lemma(word, language))
    return frozenset(found - stop)


# Chinese and Japanese write words without spaces between them: a run of their characters
# stands for its pairs of neighbouring characters, as search engines index them ("中美合作" is
# "中美", "美合", "合作"), so two sentences about the same thing share some.
_UNSPACED = re.compile(f"[{UNSPACED_LETTERS}]+")


def _bigrams(word: str) -> list[str]:
    pairs = []
    for run in _UNSPACED.findall(word):
        pairs += [run[i : i + 2] for i in range(len(run) - 1)] or [run]
    return pairs


@lru_cache(maxsize=100_000)
def is_known_word(word: str, language: str) -> bool | None:
    """Whether the language's dictionary knows `word`; None when there is no dictionary."""
    if language in _WITHOUT_DICTIONARY:
        return None
    try:
        return simplemma.is_known(word, lang=language, low_memory=True)
    except ValueError:
        _WITHOUT_DICTIONARY.add(language)
        return None


def is_name(word: str, language: str) -> bool:
    """A capitalised word the language's dictionary does not know: "Helfrich", "Azad"."""
    return word[:1].isupper() and is_known_word(word, language) is False
