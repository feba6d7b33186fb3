"""Bytes to text: refuse binary data, honour BOMs, fall back from UTF-8 to legacy encodings."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from digests.errors import ArticleError

# Bytes that never occur in text files (C0 controls other than tab, newline, form feed, CR).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM: nearly every other byte is NUL (ASCII letters, spaces)."""
    if len(head) < 8 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.7 * len(zeros) and (even if zeros is odd else odd).count(0) == 0:
            return encoding
    return None


def _looks_western(text: str) -> bool:
    """Windows-1252 text of a Western language: accented letters are a small minority.

    Cyrillic in Windows-1251 decodes without error as cp1252 too, but then nearly every
    letter lands in À-ÿ; statistical detection settles those cases.
    """
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters or "\ufffd" in text[:20000]:
        return False
    accented = sum(1 for c in letters if "\u00c0" <= c <= "\u00ff")
    return accented / len(letters) < 0.5


def decode(data: bytes) -> str:
    """Decode an uploaded or downloaded article; raise ArticleError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    head = data[:65536]
    utf16 = _utf16_without_bom(head)
    if utf16:
        return data.decode(utf16, errors="replace")
    if head.startswith(_BINARY_SIGNATURES) or b"\x00" in head:
        raise ArticleError(
            "This is a binary file, not an article (text or HTML expected).", "binary"
        )
    controls = sum(head.count(b) for b in _CONTROL_BYTES)
    if head and controls / len(head) > 0.01:
        raise ArticleError(
            "This is a binary file, not an article (text or HTML expected).", "binary"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = data.decode("cp1252", errors="replace")
    if _looks_western(western):
        return western
    best = from_bytes(data[:262144]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Latin-1 and Windows-1252 look alike to detectors; cp1252 is a superset for text.
    if encoding in ("latin_1", "iso8859_1", "iso8859_15"):
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")
