"""Typed, versioned callback data for inline buttons: one codec, at most 64 bytes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

VERSION = "1"
MAX_BYTES = 64


class CallbackDataError(ValueError):
    """Callback data this version of the bot did not make (an old button, or forged)."""


@dataclass(frozen=True, slots=True)
class More:
    """Next /more page of item `item` of digest `digest_id`."""

    tag: ClassVar[str] = "m"
    digest_id: int
    item: int


@dataclass(frozen=True, slots=True)
class NextQuote:
    """Next /quote of item `item` of digest `digest_id`."""

    tag: ClassVar[str] = "q"
    digest_id: int
    item: int


@dataclass(frozen=True, slots=True)
class ChooseLanguage:
    tag: ClassVar[str] = "l"
    language: str


@dataclass(frozen=True, slots=True)
class ArticlesPage:
    """A page of the admin's /articles list."""

    tag: ClassVar[str] = "a"
    page: int


@dataclass(frozen=True, slots=True)
class ToggleSubscription:
    tag: ClassVar[str] = "s"
    subscribe: bool


CallbackData = More | NextQuote | ChooseLanguage | ArticlesPage | ToggleSubscription
_KINDS: dict[str, type] = {
    k.tag: k for k in (More, NextQuote, ChooseLanguage, ArticlesPage, ToggleSubscription)
}


def encode(data: CallbackData) -> str:
    match data:
        case More(digest_id, item) | NextQuote(digest_id, item):
            fields = [str(digest_id), str(item)]
        case ChooseLanguage(language):
            fields = [language]
        case ArticlesPage(page):
            fields = [str(page)]
        case ToggleSubscription(subscribe):
            fields = ["1" if subscribe else "0"]
    encoded = ":".join([VERSION, data.tag, *fields])
    if len(encoded.encode()) > MAX_BYTES:
        raise CallbackDataError(f"callback data over {MAX_BYTES} bytes: {encoded!r}")
    return encoded


def decode(raw: str) -> CallbackData:
    """The button's meaning; CallbackDataError for anything this version did not encode."""
    parts = raw.split(":")
    if len(parts) < 3 or parts[0] != VERSION or parts[1] not in _KINDS:
        raise CallbackDataError(f"unknown callback data {raw!r}")
    kind, fields = _KINDS[parts[1]], parts[2:]
    try:
        if kind in (More, NextQuote) and len(fields) == 2:
            return kind(int(fields[0]), int(fields[1]))
        if kind is ChooseLanguage and len(fields) == 1:
            return ChooseLanguage(fields[0])
        if kind is ArticlesPage and len(fields) == 1:
            return ArticlesPage(int(fields[0]))
        if kind is ToggleSubscription and fields in (["0"], ["1"]):
            return ToggleSubscription(fields[0] == "1")
    except ValueError as error:
        raise CallbackDataError(f"malformed callback data {raw!r}") from error
    raise CallbackDataError(f"malformed callback data {raw!r}")
