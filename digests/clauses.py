"""Whole sentences in a digest: a sentence that is too long keeps its main clause, never half.

A clause boundary is a semicolon, a dash between spaces, a colon before a quotation, or a comma
before a word that opens a clause the sentence can do without ("…, while…", "…, wobei…",
"…, который…"). The sentence
is cut before the last such boundary that leaves it short enough, and keeps its full stop.
There is no cut at a word boundary and no "…": a sentence with no such boundary is left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
        if len(clause.split()) < MIN_CLAUSE_WORDS or not is_balanced(clause):
            return None
        return clause + "."
    return None


def fit_sentence(sentence: str, limit: int, language: str) -> str | None:
    """`sentence` if it fits in `limit` characters, else its main clause, else None."""
    if len(sentence) <= limit:
        return sentence
    return main_clause(sentence, limit, language)
