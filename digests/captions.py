"""Photo captions and their credits: `…/Collage 24 Channel`, `… Photo: AP`, `…/Фото Reuters`."""

from __future__ import annotations

import re

from digests.languages import LANGUAGES
from digests.model import Caption

# Labels that only say "this is the credit"; others ("Collage", "Screenshot") are part of it.
_PURE_LABELS = (
    "photos?|fotos?|fot|bild|image|picture|credits?|crédits?|crédito|quelle|source|fuente|fonte"
    "|zdjęcie|źródło|zdroj|фото|джерело|источник"
)
_ANY_LABEL = "|".join(
    re.escape(label)
    for label in sorted(
        {label for data in LANGUAGES.values() for label in data.credit_labels}, key=len
    )[::-1]
)
_LABEL_WORDS = frozenset(
    word
    for data in LANGUAGES.values()
    for label in data.credit_labels
    for word in (label, f"{label}s")
)
_WORDS = re.compile(r"[^\W\d_]+")
MAX_CAPTION = 400
# "…on MondayPhoto: Daniel Price": a credit label glued to the caption's last word. The
# pattern is tried only on a block holding one of the labels (a scan for a lookbehind at
# every position costs 20 µs a paragraph, the substring tests under 1).
_GLUABLE_LABELS = ("Photo", "Foto", "Bild", "Image", "Credit", "Фото")
_GLUED_LABEL = re.compile(rf"(?<=[a-zà-ÿа-яё.)])(?=(?:{'|'.join(_GLUABLE_LABELS)})s?\s*[:©])")

_LABELLED = re.compile(
    rf"^(?P<text>.*?)[\s(|/–—-]*\b(?P<label>{_ANY_LABEL})s?\b\s*(?:[:©]|by|von|\s)\s*"
    r"(?P<credit>[^()|]{1,80}?)\)?[.\s]*$",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"^(?P<text>.{8,}?[^\s/:])\s*/\s*(?P<credit>[^/\s][^/]{1,60})$")
_COPYRIGHT = re.compile(r"^(?P<text>.{8,}?)\s*©\s*(?P<credit>[^©]{2,60})$")
# "… into the United States. VPC", "… on Monday. AP": a wire's or a video desk's credit, one
# word in capitals after the caption's full stop, without a label. Two words are a link's
# label as often ("… the airline's operator says. FULL STORY").
_CAPITALS_AFTER = re.compile(r"^(?P<text>.{20,}?[.!?])\s+(?P<credit>[A-Z][A-Z&-]{1,9})$")
_CREDIT_WORD = re.compile(r"^[\w&.'’/-]+$")  # "Jane Doe/Reuters" is one credit
_PURE_LABEL_PREFIX = re.compile(
    rf"^(?:{_PURE_LABELS})\b\s*[:©]?\s*(?:by\s+|von\s+)?", re.IGNORECASE
)


_CONNECTORS = frozenset(
    ["of", "de", "and", "&", "von", "für", "und", "la", "le", "di", "da", "der", "the", "і", "и"]
)


def _looks_like_credit(credit: str, labelled: bool) -> bool:
    """A credit is a few name-like words; without a label, all of them capitalized."""
    words = credit.split()
    if not 1 <= len(words) <= 7 or credit.endswith((",", ":", ";")):
        return False
    if not all(_CREDIT_WORD.match(w.strip(",")) for w in words):
        return False
    return labelled or (
        all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in words)
        and not words[-1][0].isdigit()
    )


def without_credit_label(credit: str) -> str:
    """ "Photo: Daniel Price" → "Daniel Price"; a label that is part of the credit stays."""
    return _PURE_LABEL_PREFIX.sub("", credit).strip(" .") or credit


def split_caption(block: str) -> Caption | None:
    """A Caption if `block` is a caption with a credit, else None."""
    if len(block) > MAX_CAPTION or "http" in block:
        return None
    if any(label in block for label in _GLUABLE_LABELS):
        block = _GLUED_LABEL.sub(" ", block)
    labelled_maybe = not _LABEL_WORDS.isdisjoint(_WORDS.findall(block.lower()))
    capitals = _CAPITALS_AFTER.match(block) if block[-1:].isupper() else None
    if capitals:
        return Caption(text=capitals.group("text"), credit=capitals.group("credit"))
    if not labelled_maybe and "/" not in block and "©" not in block:
        return None  # the common case, decided without the slow patterns
    for pattern in (_LABELLED, _SLASHED, _COPYRIGHT):
        if pattern is _LABELLED and not labelled_maybe:
            continue
        match = pattern.match(block)
        if not match:
            continue
        if pattern is _SLASHED and block[match.end("text") - 1].isdigit():
            continue  # "5/6", "24/7": a fraction, not a credit
        text = match.group("text").strip(" -–—|/(")
        credit = match.group("credit").strip(" .")
        if pattern is _LABELLED:
            label = match.group("label")
            if not re.fullmatch(_PURE_LABELS, label, re.IGNORECASE):
                credit = f"{label} {credit}"
        credit = without_credit_label(credit)
        labelled = pattern is _LABELLED
        if len(text.split()) >= (1 if labelled else 2) and _looks_like_credit(credit, labelled):
            return Caption(text=text, credit=credit)
    return None
