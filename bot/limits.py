"""Telegram's three sending limits at once, for one process: bot-wide, per chat, per group."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

_PRUNE_AT = 50_000


@dataclass
class SendLimits:
    """When each chat may get its next message, and a bot-wide pace.

    `per_second` None means no bot-wide cap. Private chats get at most one message per
    `chat_interval`; groups and channels at most `group_per_minute` in any 60 s.
    """

    per_second: float | None
    group_per_minute: float = 20
    chat_interval: float = 1.0
    clock: Callable[[], float] = time.monotonic
    _next_global: float = 0.0
    _last: dict[int, float] = field(default_factory=dict)
    _group_sends: dict[int, deque[float]] = field(default_factory=dict)
    _held: dict[int, float] = field(default_factory=dict)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _prune_at: int = _PRUNE_AT

    def ready_at(self, chat_id: int, is_group: bool) -> float:
        """The earliest moment a message to this chat keeps within the limits."""
        ready = max(
            self._last.get(chat_id, -1e9) + self.chat_interval, self._held.get(chat_id, 0.0)
        )
        if is_group:
            window = self._group_sends.get(chat_id)
            if window and len(window) >= self.group_per_minute:
                ready = max(ready, window[-int(self.group_per_minute)] + 60.0)
        return ready

    async def take_turn(self) -> None:
        """Wait for the bot-wide pace: requests spaced evenly, never in bursts."""
        if self.per_second is None:
            return
        async with self._lock:
            now = self.clock()
            start = max(now, self._next_global)
            self._next_global = start + 1.0 / self.per_second
        if start > now:
            await asyncio.sleep(start - now)

    def record(self, chat_id: int, is_group: bool) -> None:
        now = self.clock()
        if len(self._last) >= self._prune_at:
            self._prune(now)
            self._prune_at = max(_PRUNE_AT, 2 * len(self._last))  # never prune on every send
        self._last[chat_id] = now
        if is_group:
            window = self._group_sends.setdefault(chat_id, deque(maxlen=int(self.group_per_minute)))
            window.append(now)

    def hold(self, chat_id: int, seconds: float) -> None:
        """Telegram said "retry after": nothing more to this chat before then."""
        self._held[chat_id] = max(self._held.get(chat_id, 0.0), self.clock() + seconds)

    def hold_everything(self, seconds: float) -> None:
        """Telegram throttles the whole bot: pause the bot-wide pace."""
        self._next_global = max(self._next_global, self.clock() + seconds)

    def _prune(self, now: float) -> None:
        """Drop chats whose limits have long passed: a broadcast to a million chats must not
        keep a million timestamps."""
        self._last = {c: t for c, t in self._last.items() if now - t < self.chat_interval}
        self._group_sends = {c: w for c, w in self._group_sends.items() if w and now - w[-1] < 60}
        self._held = {c: t for c, t in self._held.items() if t > now}

    def forget(self, chat_id: int) -> None:
        for table in (self._last, self._group_sends, self._held):
            table.pop(chat_id, None)
