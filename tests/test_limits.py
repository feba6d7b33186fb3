"""The sending limits, with a clock the test controls."""

from __future__ import annotations

import asyncio
import time

from bot.limits import SendLimits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_one_message_per_second_per_private_chat() -> None:
    clock = Clock()
    limits = SendLimits(None, clock=clock)
    assert limits.ready_at(1, False) <= clock.now
    limits.record(1, False)
    assert limits.ready_at(1, False) == clock.now + 1.0
    assert limits.ready_at(2, False) <= clock.now  # other chats are not held up


def test_twenty_per_minute_per_group() -> None:
    clock = Clock()
    limits = SendLimits(None, group_per_minute=20, clock=clock)
    first = clock.now
    for _ in range(20):
        clock.now = max(clock.now, limits.ready_at(-5, True))
        limits.record(-5, True)
    assert limits.ready_at(-5, True) == first + 60.0  # the 21st waits for the 1st to age out


def test_retry_after_holds_the_chat_and_several_hold_the_bot() -> None:
    clock = Clock()
    limits = SendLimits(30, clock=clock)
    limits.hold(7, 5)
    assert limits.ready_at(7, False) == clock.now + 5
    limits.hold_everything(3)
    assert limits._next_global == clock.now + 3


def test_bot_wide_pace_spaces_requests_evenly() -> None:
    async def main() -> list[float]:
        limits = SendLimits(50)
        stamps = []
        for _ in range(11):
            await limits.take_turn()
            stamps.append(time.monotonic())
        return stamps

    stamps = asyncio.run(main())
    assert stamps[-1] - stamps[0] >= 10 / 50 * 0.95


def test_old_chats_are_forgotten() -> None:
    clock = Clock()
    limits = SendLimits(None, clock=clock)
    for chat in range(60_000):
        limits.record(chat, False)
    clock.now += 5
    for chat in range(60_000, 100_001):
        limits.record(chat, False)
    assert len(limits._last) <= 40_001  # the first 60,000 had long passed their second
