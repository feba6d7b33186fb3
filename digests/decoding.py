"""Bytes to text: refuse binary data, honour BOMs and declared charsets, fall back from UTF-8
to legacy encodings."""

from __future__ import annotations

import codecs
import re

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


# The HTML standard's prescan looks at the first 1024 bytes; real pages put scripts, styles and
# comments first, and their <meta charset> often comes later. 16 KiB finds every one of the
# corpus's declarations and still skips the body.
_PRESCAN_BYTES = 16384
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)


def _known_encoding(name: str | None) -> str | None:
    """A codec for a declared charset; the HTML standard reads Latin-1 as Windows-1252."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin_1", "iso8859-1", "ascii") else codec


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag or its XML declaration, if any."""
    head = data[:_PRESCAN_BYTES]
    xml = _XML_ENCODING.match(head)
    if xml:
        return _known_encoding(xml.group(1).decode("ascii", "replace"))
    for tag in _META.finditer(head):
        found = _META_CHARSET.search(tag.group())
        if found:
            encoding = _known_encoding(found.group(1).decode("ascii", "replace"))
            if encoding:
                return encoding
    return None


def decode(data: bytes, *, encoding: str | None = None, html: bool = False) -> str:
    """Decode an uploaded or downloaded article; raise ArticleError for binary data.

    Valid UTF-8 is UTF-8. Otherwise `encoding`, the charset the server declared, or else an
    HTML page's own declaration (`html`) decides; without one, statistical detection.
    """
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
        # Legacy-encoded text is almost never valid UTF-8, while pages that declare Latin-1
        # and are UTF-8 are common: valid UTF-8 wins over any declaration.
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _known_encoding(encoding) or (declared_encoding(data) if html else None)
    if declared is not None and declared != "utf-8":
        return data.decode(declared, errors="replace")
    mostly_utf8 = data.decode("utf-8", errors="replace")
    if mostly_utf8.count("\ufffd") <= len(mostly_utf8) / 1000:
        return mostly_utf8  # a stray byte in a UTF-8 file is no reason to garble all of it
    western = data.decode("cp1252", errors="replace")
    if _looks_western(western):
        return western
    best = from_bytes(data[:262144]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Latin-1 and Windows-1252 look alike to detectors; cp1252 is a superset for text.
    if encoding in ("latin_1", "iso8859_1", "iso8859_15"):
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")
