"""Caches for what the engine asks about again and again: short texts only.

Titles, names, lines and paragraphs come back (a page's headline is compared with every
block, every list item with every heading, a paragraph is split into sentences by the pool and
again by the key question); a page's whole text, or a paragraph of a 2 MB article, comes once,
and a cache would keep it alive for the process's life.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, update_wrapper
from typing import Any, TypeVar

Function = TypeVar("Function", bound=Callable[..., Any])


def remembered_when_short(max_chars: int, maxsize: int) -> Callable[[Function], Function]:
    """Cache a function of a text (and hashable arguments after it) for texts of at most
    `max_chars` characters. The result keeps `cache_clear` and `cache_info`."""

    def decorate(function: Function) -> Function:
        cached = lru_cache(maxsize=maxsize)(function)

        def call(text: str, *rest: Any) -> Any:
            # One comparison in front of the cache: on the hot path, a hit costs one call more.
            return cached(text, *rest) if len(text) <= max_chars else function(text, *rest)

        update_wrapper(call, function)
        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return decorate
