"""The bot-wide pace, shared by every delivery worker through PostgreSQL.

Telegram counts messages per bot, not per process. Each worker reserves its next few send
moments in one row (`UPDATE … RETURNING`, so no two workers get the same moment) and sends at
them. A moment a worker could not use in time is dropped, not used late: late moments would
bunch up with the moments of other workers and break the combined pace.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from datetime import datetime

from sqlalchemy import text

from bot.storage.database import Database

log = logging.getLogger(__name__)
BROADCAST = "broadcast"
RESERVE_SECONDS = 0.25  # each reservation covers this much of the pace
MAX_RESERVED = 1000  # moments per reservation, however high the rate
LATE_SECONDS = 0.005  # a moment used this late (or one interval late) still keeps the pace

_RESERVE = text(
    "UPDATE send_pace SET next_at = GREATEST(next_at, clock_timestamp()) + make_interval("
    "secs => :span) WHERE name = :name RETURNING next_at, clock_timestamp()"
)
_CREATE = text(
    "INSERT INTO send_pace (name, next_at) VALUES (:name, clock_timestamp()) "
    "ON CONFLICT (name) DO NOTHING"
)
_HOLD = text(
    "UPDATE send_pace SET next_at = GREATEST(next_at, clock_timestamp() + make_interval("
    "secs => :seconds)) WHERE name = :name"
)


class SharedPace:
    """`per_second` messages per second across all workers on one PostgreSQL database."""

    def __init__(self, db: Database, per_second: float, name: str = BROADCAST) -> None:
        self.db = db
        self.name = name
        self.interval = 1.0 / per_second
        self.lateness = max(self.interval, LATE_SECONDS)
        self.block = max(1, min(math.ceil(per_second * RESERVE_SECONDS), MAX_RESERVED))
        self._moments: deque[float] = deque()
        self._lock = asyncio.Lock()
        self._holds: set[asyncio.Task[None]] = set()
        self._held_until = 0.0

    async def take_turn(self) -> None:
        """Wait for the next moment this worker holds; reserve more when none is left."""
        while True:
            async with self._lock:
                if not self._moments:
                    await self._reserve()
                moment = self._moments.popleft()
            now = time.monotonic()
            if moment < now - self.lateness or moment < self._held_until:
                continue  # missed (another worker's moments are next to it) or on hold
            if moment > now:
                await asyncio.sleep(moment - now)
            return

    async def _reserve(self) -> None:
        span = self.block * self.interval
        async with self.db.engine.begin() as connection:
            row = (await connection.execute(_RESERVE, {"span": span, "name": self.name})).first()
            if row is None:
                await connection.execute(_CREATE, {"name": self.name})
                row = (await connection.execute(_RESERVE, {"span": span, "name": self.name})).one()
        next_at, db_now = row
        first = time.monotonic() + _seconds_between(db_now, next_at) - span
        self._moments.extend(first + i * self.interval for i in range(self.block))

    def hold_everything(self, seconds: float) -> None:
        """Telegram throttles the whole bot: every worker pauses, not only this one."""
        self._moments.clear()
        self._held_until = max(self._held_until, time.monotonic() + seconds)
        task = asyncio.create_task(self._hold(seconds))
        self._holds.add(task)
        task.add_done_callback(self._holds.discard)

    async def _hold(self, seconds: float) -> None:
        try:
            async with self.db.engine.begin() as connection:
                await connection.execute(_HOLD, {"seconds": seconds, "name": self.name})
        except Exception:  # the next reservation still waits out this worker's own hold
            log.exception("could not pause the shared send pace")


def _seconds_between(earlier: datetime, later: datetime) -> float:
    return (later - earlier).total_seconds()
