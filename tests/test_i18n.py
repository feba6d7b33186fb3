"""Every reader language has a complete, compiled catalog that really translates."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from digests.i18n import LANGUAGES, LOCALE_DIR, language_name, negotiate, translations

PLURAL_FORMS = {"en": 2, "de": 2, "uk": 3, "ru": 3}


def _catalog(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def _template_ids() -> set:
    with (LOCALE_DIR / "messages.pot").open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language: str) -> None:
    catalog = _catalog(language)
    assert catalog.num_plurals == PLURAL_FORMS[language]
    ids = {m.id for m in catalog if m.id}
    assert ids == _template_ids(), "catalog out of date: run `make update-catalogs`"
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert len(strings) == (catalog.num_plurals if message.pluralizable else 1), message.id
        assert all(strings), f"untranslated in {language}: {message.id!r}"


@pytest.mark.parametrize(
    "language,expected",
    [
        ("en", "Key question"),
        ("de", "Die Kernfrage"),
        ("uk", "Ключове питання"),
        ("ru", "Ключевой вопрос"),
    ],
)
def test_compiled_catalog_translates(language: str, expected: str) -> None:
    """Guards against Babel's silent fallback to untranslated text when a .mo is missing."""
    assert translations(language).gettext("Key question") == expected


@pytest.mark.parametrize(
    "language,counts",
    [
        ("uk", {1: "1 стаття", 3: "3 статті", 5: "5 статей", 11: "11 статей", 21: "21 стаття"}),
        ("ru", {1: "1 статья", 2: "2 статьи", 5: "5 статей", 12: "12 статей", 22: "22 статьи"}),
        ("de", {1: "1 Artikel", 2: "2 Artikel"}),
        ("en", {1: "1 article", 2: "2 articles"}),
    ],
)
def test_plural_forms(language: str, counts: dict[int, str]) -> None:
    catalog = translations(language)
    for number, expected in counts.items():
        text = catalog.ngettext("%(num)d article", "%(num)d articles", number) % {"num": number}
        assert text == expected


@pytest.mark.parametrize(
    "preferred,expected",
    [
        (["de-AT"], "de"),
        (["uk"], "uk"),
        (["ru_RU"], "ru"),
        (["en-GB"], "en"),
        (["fr"], "en"),
        ([], "en"),
        (["pt-BR", "uk-UA"], "uk"),
    ],
)
def test_negotiate(preferred: list[str], expected: str) -> None:
    assert negotiate(preferred, default="en") == expected


def test_language_names_are_endonyms() -> None:
    assert [language_name(code) for code in ("de", "uk", "ru")] == [
        "Deutsch",
        "Українська",
        "Русский",
    ]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        translations("xx")
