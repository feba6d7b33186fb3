"""Figures for /stats and `digestbot stats`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import DigestRow, Subscriber, utcnow
from bot.storage.outbox import OutboxRepository


@dataclass(frozen=True, slots=True)
class Stats:
    subscribers: dict[tuple[str, str], int]  # (language, state) → count
    digests: int
    outbox: dict[str, int]  # state → count
    failures: list[tuple[str, int]]
    rate_per_second: float  # messages sent in the last minute, per second


async def gather_stats(session: AsyncSession) -> Stats:
    rows = await session.execute(
        select(
            Subscriber.language, Subscriber.subscribed, Subscriber.active, func.count()
        ).group_by(Subscriber.language, Subscriber.subscribed, Subscriber.active)
    )
    subscribers: dict[tuple[str, str], int] = {}
    for language, subscribed, active, count in rows:
        key = "inactive" if not active else "subscribed" if subscribed else "unsubscribed"
        subscribers[(language, key)] = subscribers.get((language, key), 0) + int(count)
    digests = int(await session.scalar(select(func.count()).select_from(DigestRow)) or 0)
    outbox = OutboxRepository(session)
    sent = await outbox.sent_since(utcnow() - timedelta(minutes=1))
    return Stats(
        subscribers, digests, await outbox.counts(), await outbox.recent_failures(), sent / 60
    )
