"""The bot's update queue, and waking whoever waits on the sandbox.

Updates stay queued until the bot confirms them with a getUpdates offset, as on Telegram, so a
poll that was cut off loses nothing. `allowed_updates` filters updates when they are created,
not when they are fetched: Telegram documents that changing it does not affect updates already
queued.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Telegram's default: every update type except these three, which a bot must ask for.
_OPT_IN = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class Notifier:
    """Wakes waiting coroutines whenever the sandbox's state changes.

    Futures are created per wait on the running loop, so one Sandbox object can serve
    successive `asyncio.run` calls without primitives bound to a dead loop.
    """

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def wait_for(self, probe: Callable[[], T | None], timeout: float) -> T | None:
        """The first truthy result of `probe`, re-evaluated on each change; None at timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout)
        while True:
            value = probe()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.add(waiter)
            try:
                await asyncio.wait({waiter}, timeout=remaining)
            finally:
                self._waiters.discard(waiter)
                waiter.cancel()


class UpdateQueue:
    def __init__(self, notifier: Notifier) -> None:
        self._notifier = notifier
        self._updates: list[dict[str, Any]] = []
        self._next_id = 1
        self._allowed: frozenset[str] | None = None

    def accepts(self, kind: str) -> bool:
        if self._allowed:
            return kind in self._allowed
        return kind not in _OPT_IN

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update of `kind` (e.g. "message"); None if the bot does not want it."""
        if not self.accepts(kind):
            return None
        update = {"update_id": self._next_id, kind: payload}
        self._next_id += 1
        self._updates.append(update)
        self._notifier.notify()
        return update

    def set_allowed(self, kinds: list[str] | None) -> None:
        """None keeps the previous setting; an empty list restores Telegram's default."""
        if kinds is not None:
            self._allowed = frozenset(kinds) or None

    def acknowledge(self, offset: int) -> None:
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]

    def take(self, limit: int) -> list[dict[str, Any]]:
        """The oldest pending updates; they stay pending until acknowledged."""
        return self._updates[:limit]

    def clear(self) -> None:
        self._updates.clear()

    def __len__(self) -> int:
        return len(self._updates)
