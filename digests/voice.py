"""Who a sentence speaks as: the first person (the author, or someone answering) and the
second (the reader addressed), each language's words for them in `digests.languages`."""

from __future__ import annotations

import re

from digests.languages import Language
from digests.sentences import quotation_spans

_PERSON_WORDS = re.compile(r"[^\W\d_]+")


def addresses_the_reader(text: str, words: Language) -> bool:
    """Has a word that turns to the reader ("du", "you", "vous")."""
    return any(w in words.second_person for w in _PERSON_WORDS.findall(text))


def in_first_person(text: str, words: Language) -> bool:
    """Has a word of the first person outside quotation marks."""
    if not words.first_person:
        return False
    unquoted, last = [], 0
    for start, end in quotation_spans(text):
        unquoted.append(text[last:start])
        last = end
    unquoted.append(text[last:])
    found = _PERSON_WORDS.findall(" ".join(unquoted))
    # Capitalised, a pronoun opens the sentence ("Wir", "We"), is English "I" or follows a
    # lower-case word ("addition, We share…"); after a capitalised one it ends a name ("Go
    # Fund Me").
    return any(
        w in words.first_person
        or (
            w.lower() in words.first_person
            and (not i or len(w) == 1 or not found[i - 1][:1].isupper())
        )
        for i, w in enumerate(found)
    )
