"""Offline language identification for the languages the engine knows.

Each language is a profile: its script, letters only it uses among its neighbours, and its most
frequent function words. Adding a language is adding a profile.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

UNDETERMINED = "und"


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    code: str
    script: str  # "latin" or "cyrillic"
    marker_letters: frozenset[str]
    function_words: frozenset[str]


PROFILES: tuple[LanguageProfile, ...] = (
    LanguageProfile(
        "de",
        "latin",
        frozenset("äöüß"),
        frozenset(
            "der die das und ist nicht mit den dem des ein eine einen sich auf für von zu im auch "
            "es sie er wir dass wird werden hat haben nach über bei noch wie aus".split()
        ),
    ),
    LanguageProfile(
        "en",
        "latin",
        frozenset(),
        frozenset(
            "the and of to is in that it was for on are with as his they be at by this have from "
            "or had not but what were which their said has will would".split()
        ),
    ),
    LanguageProfile(
        "uk",
        "cyrillic",
        frozenset("іїєґ"),
        frozenset(
            "і й та що на не як це від до з у в за але він вона вони його її було буде також який "
            "яка які щоб із через після під цього є".split()
        ),
    ),
    LanguageProfile(
        "ru",
        "cyrillic",
        frozenset("ыэъё"),
        frozenset(
            "и что на не как это от до с у в за но он она они его её было будет также который "
            "которая которые чтобы из через после под этого есть о об при уже только".split()
        ),
    ),
)

SUPPORTED_ARTICLE_LANGUAGES = frozenset(p.code for p in PROFILES)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN = re.compile(r"[a-zß-ɏ]")
_CYRILLIC = re.compile(r"[а-яёіїєґ\u0400-\u04ff]")
_MARKER_EVIDENCE = 30  # letters of text after which a profile's missing letters count
_SAMPLE_CHARS = 3000  # a few paragraphs tell the language


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in, or "und" if none fits."""
    sample = text[:_SAMPLE_CHARS].lower()
    words = _WORD.findall(sample)
    if not words:
        return UNDETERMINED
    latin, cyrillic = len(_LATIN.findall(sample)), len(_CYRILLIC.findall(sample))
    letters = sum(map(len, words))
    script = "latin" if latin >= cyrillic else "cyrillic"
    if max(latin, cyrillic) < letters / 2:
        return UNDETERMINED
    word_counts = Counter(words)
    best, best_score = UNDETERMINED, 0.0
    for profile in PROFILES:
        if profile.script != script:
            continue
        hits = sum(word_counts[w] for w in profile.function_words)
        markers = sum(sample.count(ch) for ch in profile.marker_letters)
        score = hits / len(words) + 2 * markers / letters
        if profile.marker_letters and not markers and letters >= _MARKER_EVIDENCE:
            score /= 2  # Ukrainian without і/ї/є/ґ, German without umlauts: unlikely
        if score > best_score:
            best, best_score = profile.code, score
    # Too few function words of any profile: a language we do not know.
    return best if best_score >= 0.04 else UNDETERMINED
