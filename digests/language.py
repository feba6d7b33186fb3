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
            "которая которые чтобы из через после под этого есть".split()
        ),
    ),
)

SUPPORTED_ARTICLE_LANGUAGES = frozenset(p.code for p in PROFILES)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE_CHARS = 20000


def _script_of(letter: str) -> str | None:
    if "a" <= letter <= "z" or "\u00c0" <= letter <= "\u024f":
        return "latin"
    if "\u0400" <= letter <= "\u04ff":
        return "cyrillic"
    return None


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in, or "und" if none fits."""
    sample = text[:_SAMPLE_CHARS].lower()
    words = _WORD.findall(sample)
    if not words:
        return UNDETERMINED
    scripts = Counter(_script_of(w[0]) for w in words)
    script, count = scripts.most_common(1)[0]
    if script is None or count < len(words) / 2:
        return UNDETERMINED
    word_counts = Counter(words)
    letters = Counter(ch for w in words for ch in w)
    best, best_score = UNDETERMINED, 0.0
    for profile in PROFILES:
        if profile.script != script:
            continue
        hits = sum(word_counts[w] for w in profile.function_words)
        markers = sum(letters[ch] for ch in profile.marker_letters)
        score = hits / len(words) + 2 * markers / max(1, sum(letters.values()))
        if score > best_score:
            best, best_score = profile.code, score
    # Too few function words of any profile: a language we do not know.
    return best if best_score >= 0.04 else UNDETERMINED
