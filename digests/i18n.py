"""The catalogs of the languages readers can choose, loaded once per process.

Babel's `Translations.load` quietly returns untranslated text when a catalog is missing; here a
missing compiled catalog is an error, so a broken install never ships English to a German reader.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel import Locale, negotiate_locale
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"
LANGUAGES: tuple[str, ...] = ("en", "de", "uk", "ru")


class CatalogMissingError(RuntimeError):
    """A supported language has no compiled catalog: run `make catalogs` (pybabel compile)."""


@cache
def translations(language: str) -> Translations:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    compiled = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not compiled.is_file():
        raise CatalogMissingError(
            f"No compiled catalog for {language!r} at {compiled}; run `make catalogs`."
        )
    with compiled.open("rb") as handle:
        return Translations(handle, domain=DOMAIN)


def negotiate(preferred: list[str], default: str) -> str:
    """The supported language closest to what the reader's client asks for."""
    cleaned = [p.replace("_", "-") for p in preferred if p]
    found = negotiate_locale(cleaned, list(LANGUAGES), sep="-")
    if found:
        return found
    for candidate in cleaned:
        base = candidate.split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return default


def language_name(language: str) -> str:
    """The language's own name for itself: "Deutsch", "українська"."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]
