"""Telegram's flood limits and injected faults, both off unless a test asks for them.

Limits follow Telegram's published guidance for bots: about 30 messages a second overall, one a
second per private chat (short bursts tolerated) and 20 a minute per group or channel. Going over
answers `429 Too Many Requests: retry after N`, which python-telegram-bot raises as `RetryAfter`.
Faults make sendMessage fail or stall on purpose, so load tests can see the bot cope with a
flaky Telegram; they are seeded, so a failing run can be replayed.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from bot.sandbox.errors import ApiError, retry_after


@dataclass(frozen=True)
class Limits:
    per_second: float = 30.0
    private_per_second: float = 1.0
    private_burst: int = 3
    group_per_minute: float = 20.0


@dataclass
class _Bucket:
    capacity: float
    rate: float
    tokens: float
    stamp: float

    def wait(self, now: float) -> float:
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


class RateLimiter:
    """Token buckets: one for the bot, one per chat; a message needs a token from both."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        now = clock()
        self._bot = _Bucket(limits.per_second, limits.per_second, limits.per_second, now)
        self._chats: dict[int, _Bucket] = {}

    def admit(self, chat_id: int, *, private: bool) -> None:
        """Take a message's tokens, or raise Telegram's 429 with the wait until one is free."""
        now = self._clock()
        chat = self._chats.get(chat_id)
        if chat is None:
            if private:
                capacity, rate = self.limits.private_burst, self.limits.private_per_second
            else:
                capacity, rate = self.limits.group_per_minute, self.limits.group_per_minute / 60
            chat = self._chats[chat_id] = _Bucket(capacity, rate, capacity, now)
        wait = max(self._bot.wait(now), chat.wait(now))
        if wait > 0:
            raise retry_after(max(1, math.ceil(wait)))
        self._bot.tokens -= 1
        chat.tokens -= 1


@dataclass
class Faults:
    """Failures injected into sendMessage: each rate is a probability per call."""

    server_error_rate: float = 0.0
    retry_after_rate: float = 0.0
    retry_after: int = 5
    slow_rate: float = 0.0
    slow_seconds: float = 1.0
    seed: int | None = None
    _random: random.Random = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("server_error_rate", "retry_after_rate", "slow_rate"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
        if self.retry_after < 1:
            raise ValueError("retry_after must be at least 1 second")
        self._random = random.Random(self.seed)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Faults:
        known = {item.name for item in fields(cls) if item.init}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fault settings: {sorted(unknown)}")
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return {item.name: getattr(self, item.name) for item in fields(self) if item.init}

    def draw(self) -> tuple[float, ApiError | None]:
        """This call's delay in seconds and the error to answer with, if any."""
        delay = self.slow_seconds if self._random.random() < self.slow_rate else 0.0
        if self._random.random() < self.server_error_rate:
            return delay, ApiError(500)
        if self._random.random() < self.retry_after_rate:
            return delay, retry_after(self.retry_after)
        return delay, None
