"""Caches for what the engine asks about again and again: short texts only.

Titles, names, lines and sentences come back (a page's headline is compared with every
block, a sentence is split and lemmatised by the pool and again by the key question); a
paragraph of a 2 MB article comes once, and a cache would keep it alive for the process's life.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Generic, TypeVar

Result = TypeVar("Result")


class ShortTextCache(Generic[Result]):
    """`function(text, *rest)`, remembered when `text` has at most `max_chars` characters."""

    def __init__(self, function: Callable[..., Result], max_chars: int, maxsize: int) -> None:
        self._function = function
        self._cached = lru_cache(maxsize=maxsize)(function)
        self._max_chars = max_chars
        wraps(function)(self)

    def __call__(self, text: str, *rest: object) -> Result:
        if len(text) <= self._max_chars:
            return self._cached(text, *rest)
        return self._function(text, *rest)

    def cache_clear(self) -> None:
        self._cached.cache_clear()

    def cache_info(self) -> object:
        return self._cached.cache_info()


def remembered_when_short(
    max_chars: int, maxsize: int
) -> Callable[[Callable[..., Result]], ShortTextCache[Result]]:
    """Decorate a function of a text (and hashable arguments after it) with a ShortTextCache."""

    def decorate(function: Callable[..., Result]) -> ShortTextCache[Result]:
        return ShortTextCache(function, max_chars, maxsize)

    return decorate
