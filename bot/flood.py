"""A polite brake for readers who send commands faster than anyone reads."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class FloodGuard:
    """At most `per_minute` updates per chat in any 60 s; one warning per burst."""

    per_minute: int
    clock: Callable[[], float] = time.monotonic
    _seen: dict[int, deque[float]] = field(default_factory=dict)
    _warned: dict[int, float] = field(default_factory=dict)

    def allow(self, chat_id: int) -> bool:
        now = self.clock()
        window = self._seen.setdefault(chat_id, deque())
        while window and now - window[0] >= 60:
            window.popleft()
        if len(window) >= self.per_minute:
            return False
        window.append(now)
        if len(self._seen) > 10000:
            self._forget_idle(now)
        return True

    def should_warn(self, chat_id: int) -> bool:
        """True once per minute of flooding: the reader hears it once, not per command."""
        now = self.clock()
        if now - self._warned.get(chat_id, -60.0) < 60:
            return False
        self._warned[chat_id] = now
        return True

    def _forget_idle(self, now: float) -> None:
        idle = [chat for chat, seen in self._seen.items() if not seen or now - seen[-1] >= 60]
        for chat in idle:
            self._seen.pop(chat, None)
            self._warned.pop(chat, None)
