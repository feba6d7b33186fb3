"""Whole sentences in a digest: a sentence that is too long keeps its main clause, never half.

A clause boundary is a semicolon, a dash between spaces, a colon before a quotation, or a comma
before a word that opens a clause the sentence can do without ("…, while…", "…, wobei…",
"…, который…"). The sentence
is cut before the last such boundary that leaves it short enough, and keeps its full stop.
There is no cut at a word boundary and no "…": a sentence with no such boundary is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from digests.cleanup import word_count
from digests.languages import language_data
from digests.sentences import is_balanced, quotation_spans

# A main clause shorter than this is no statement of its own ("He said, while…").
MIN_CLAUSE_WORDS = 6
# A semicolon, a dash between spaces, or a colon that opens a quotation ("…verloren hatte:
# „Das war…“"): what stands before it is a statement of its own.
_PLAIN_BOUNDARY = re.compile(r"\s*;\s+|\s+[–—]\s+|:\s+(?=[„“\"«»‚])")
_COMMA = re.compile(r",\s+([^\W\d_]+)")


@lru_cache(maxsize=8192)
def _boundaries(sentence: str, language: str) -> tuple[int, ...]:
    """Offsets where a main clause could end, in order."""
    openers = language_data(language).clause_openers
    found = [m.start() for m in _PLAIN_BOUNDARY.finditer(sentence)]
    found += [m.start() for m in _COMMA.finditer(sentence) if m.group(1).lower() in openers]
    quoted = quotation_spans(sentence)
    return tuple(sorted(i for i in set(found) if not any(start < i < end for start, end in quoted)))


def main_clause(sentence: str, limit: int, language: str) -> str | None:
    """The longest main clause of `sentence` within `limit` characters, with a full stop."""
    for end in reversed(_boundaries(sentence, language)):
        clause = sentence[:end].rstrip(" ,;:–—")
        if len(clause) + 1 > limit:
            continue
        if word_count(clause) < MIN_CLAUSE_WORDS or not is_balanced(clause):
            return None
        # "… on social media in the U.S., but …": the abbreviation's full stop ends it.
        return clause if clause.endswith(".") else clause + "."
    return None


def fit_sentence(sentence: str, limit: int, language: str) -> str | None:
    """`sentence` if it fits in `limit` characters, else its main clause, else None."""
    if len(sentence) <= limit:
        return sentence
    return main_clause(sentence, limit, language)


# "Zum Vergleich: In den zehn Jahren …", "Ganz kurz lässt sich das so zusammenfassen: Esst
# euch an Obst satt.", "Privatkunden: Aufgrund …": a few words that lead in to a statement
# after a colon. Longer, they are the statement's own context ("Für Eltern von kleinen Kindern
# eine typische Situation: …"); after the colon, fewer words are a list, not a statement
# ("Kolejne miejsca zajmują: Czechy (3,2 proc.) oraz Holandia (3,5 proc.).").
_LEAD_IN_WORDS = 6
_STATEMENT_WORDS = 8
_LEAD_IN = re.compile(r"^([^:\d]{2,60}?):\s+(?=[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ])")


def without_lead_in(sentence: str, language: str, is_name: Callable[[str], bool]) -> str:
    """The statement after a short lead-in and a colon, or the sentence as it is. A speaker
    ("Helfrich: Grüner Wasserstoff ist …", "Er sagte: …") or a quotation is no lead-in."""
    match = _LEAD_IN.match(sentence)
    if match is None:
        return sentence
    lead_in, statement = match.group(1), sentence[match.end() :]
    words = [w.strip('.,;()„“"«»') for w in lead_in.split()]
    if len(words) > _LEAD_IN_WORDS or word_count(statement) < _STATEMENT_WORDS:
        return sentence
    data = language_data(language)
    if any(is_name(w) or w.lower() in data.speech_verbs for w in words if w):
        return sentence
    if not statement.rstrip(' "”“»«’)').endswith((".", "!")) or quotation_spans(lead_in):
        return sentence
    return statement
