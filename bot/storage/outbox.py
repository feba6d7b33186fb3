"""The outbox: claiming due rows with a lease, and recording what became of each send."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm import aliased

from bot.storage.models import Delivery, OutboxMessage, Rendering, Subscriber, utcnow

GROUP_TYPES = ("group", "supergroup", "channel")


@dataclass(frozen=True, slots=True)
class Claimed:
    """One outbox row this worker now holds, with what it takes to send it."""

    id: int
    digest_id: int
    rendering_id: int
    chat_id: int
    part: int
    attempts: int
    text: str
    reply_markup: dict | None
    is_group: bool
    plain: bool = False  # send without parse mode (the HTML was refused)


_OUTBOX = OutboxMessage.__table__
_MARK_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("row_id"))
    .values(
        state="sent",
        message_id=bindparam("sent_message_id"),
        chat_id=bindparam("sent_chat_id"),
        finished_at=bindparam("now"),
        lease_until=None,
        attempts=bindparam("tries"),
    )
)
_RECORD_DELIVERY = insert(Delivery.__table__)
# PostgreSQL: both writes in one statement, so that a group of outcomes costs one round trip
# and is atomic even without a transaction around it.
_RECORD_SENT_POSTGRESQL = """
    WITH sent AS (
        UPDATE outbox SET state = 'sent', message_id = given.message_id,
            chat_id = given.chat_id, attempts = given.attempts, finished_at = $5,
            lease_until = NULL
        FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::integer[])
            AS given(id, message_id, chat_id, attempts)
        WHERE outbox.id = given.id
        RETURNING outbox.chat_id, outbox.message_id, outbox.digest_id
    )
    INSERT INTO deliveries (chat_id, message_id, digest_id, sent_at)
    SELECT chat_id, message_id, digest_id, $5 FROM sent
"""


class SentRecorder:
    """Writes groups of "sent" outcomes on one connection it keeps: this runs once per few
    messages of a broadcast, so a pool checkout, the ORM's bookkeeping or (on PostgreSQL) a
    transaction around one statement would each cost about as much as the write itself.

    The Telegram message ids are kept, so that a reply to a digest finds it.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._connection: AsyncConnection | None = None
        self._asyncpg: Any = None  # PostgreSQL: the driver's own connection

    async def record(self, items: list[tuple[Claimed, int, int]]) -> None:
        """(row, Telegram message id, chat) each, all or none. After an error the connection
        is dropped (it may be broken); the next group takes a new one."""
        try:
            await self._record(items)
        except BaseException:
            await self.close()
            raise

    async def _record(self, items: list[tuple[Claimed, int, int]]) -> None:
        if self._connection is None:
            await self._open()
        now = utcnow()
        if self._asyncpg is not None:
            await self._asyncpg.execute(
                _RECORD_SENT_POSTGRESQL,
                [row.id for row, _, _ in items],
                [message_id for _, message_id, _ in items],
                [chat_id for _, _, chat_id in items],
                [row.attempts + 1 for row, _, _ in items],
                now,
            )
            return
        connection = self._connection
        assert connection is not None
        async with connection.begin():
            await connection.execute(
                _MARK_SENT,
                [
                    {
                        "row_id": row.id,
                        "sent_message_id": message_id,
                        "sent_chat_id": chat_id,
                        "now": now,
                        "tries": row.attempts + 1,
                    }
                    for row, message_id, chat_id in items
                ],
            )
            await connection.execute(
                _RECORD_DELIVERY,
                [
                    {
                        "chat_id": chat_id,
                        "message_id": message_id,
                        "digest_id": row.digest_id,
                        "sent_at": now,
                    }
                    for row, message_id, chat_id in items
                ],
            )

    async def _open(self) -> None:
        connection = await self.engine.connect()
        if connection.dialect.name == "postgresql":
            # One statement per group, atomic by itself: autocommit spares BEGIN and COMMIT,
            # and asyncpg binds the four arrays itself (through SQLAlchemy, binding them cost
            # as much CPU as the round trip).
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            self._asyncpg = (await connection.get_raw_connection()).driver_connection
        self._connection = connection

    async def close(self) -> None:
        connection, self._connection, self._asyncpg = self._connection, None, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(connection.close())


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, limit: int, lease: timedelta) -> list[Claimed]:
        """Take up to `limit` due rows (pending, or leased by a worker that died) in id order.

        PostgreSQL skips rows another worker is claiming; SQLite has one writer at a time. A
        chat some worker is still sending to is left alone: its next part waits for the one
        in flight, and one chat never gets messages from two workers at once.
        """
        now = utcnow()
        in_flight = aliased(OutboxMessage)
        busy_chat = (
            select(in_flight.id)
            .where(
                in_flight.chat_id == OutboxMessage.chat_id,
                in_flight.state == "sending",
                in_flight.lease_until >= now,
            )
            .exists()
        )
        pending = (
            select(OutboxMessage.id)
            .where(OutboxMessage.state == "pending", OutboxMessage.not_before <= now, ~busy_chat)
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        abandoned = (  # leased by a worker that died (or stalled) before recording an outcome
            select(OutboxMessage.id)
            .where(OutboxMessage.state == "sending", OutboxMessage.lease_until < now)
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        if self.session.bind.dialect.name == "postgresql":
            pending = pending.with_for_update(skip_locked=True)
            abandoned = abandoned.with_for_update(skip_locked=True)
        ids = sorted(
            {*await self.session.scalars(abandoned), *await self.session.scalars(pending)}
        )[:limit]
        if not ids:
            return []
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids))
            .values(state="sending", lease_until=now + lease)
        )
        rows = await self.session.execute(
            select(
                OutboxMessage.id,
                OutboxMessage.digest_id,
                OutboxMessage.rendering_id,
                OutboxMessage.chat_id,
                OutboxMessage.part,
                OutboxMessage.attempts,
                Rendering.text,
                Rendering.reply_markup,
                Subscriber.chat_type,
            )
            .join(Rendering, Rendering.id == OutboxMessage.rendering_id)
            .outerjoin(Subscriber, Subscriber.chat_id == OutboxMessage.chat_id)
            .where(OutboxMessage.id.in_(ids))
            .order_by(OutboxMessage.id)
        )
        return [
            Claimed(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] in GROUP_TYPES)
            for r in rows
        ]

    async def renew(self, ids: list[int], lease: timedelta) -> None:
        """Keep holding rows a long batch has not finished (limits can make it slow)."""
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), OutboxMessage.state == "sending")
            .values(lease_until=utcnow() + lease)
            .execution_options(synchronize_session=False)
        )

    async def retry_later(self, row: Claimed, at: datetime, error: str) -> None:
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id)
            .values(
                state="pending",
                not_before=at,
                lease_until=None,
                error=error[:500],
                attempts=OutboxMessage.attempts + 1,
            )
        )

    async def tried(self, row: Claimed, error: str) -> None:
        """A failed try that this worker will repeat itself soon (after a "retry after")."""
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id)
            .values(error=error[:500], attempts=OutboxMessage.attempts + 1)
        )

    async def failed(self, row: Claimed, error: str, *, state: str = "failed") -> None:
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id)
            .values(
                state=state,
                error=error[:500],
                finished_at=utcnow(),
                lease_until=None,
                attempts=OutboxMessage.attempts + 1,
            )
        )

    async def chat_unreachable(self, chat_id: int, reason: str) -> int:
        """The chat blocked the bot or is gone: inactive, and its queued rows skipped."""
        await self.session.execute(
            update(Subscriber).where(Subscriber.chat_id == chat_id).values(active=False)
        )
        result = await self.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.chat_id == chat_id, OutboxMessage.state.in_(("pending", "sending"))
            )
            .values(state="skipped", error=reason[:500], finished_at=utcnow(), lease_until=None)
        )
        return result.rowcount or 0

    async def chat_migrated(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: the subscriber and its queued rows follow it."""
        existing = await self.session.get(Subscriber, new_id)
        if existing is None:
            await self.session.execute(
                update(Subscriber)
                .where(Subscriber.chat_id == old_id)
                .values(chat_id=new_id, chat_type="supergroup")
            )
        else:
            await self.session.execute(delete(Subscriber).where(Subscriber.chat_id == old_id))
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.chat_id == old_id, OutboxMessage.state.in_(("pending", "sending")))
            .values(chat_id=new_id)
        )

    async def has_work(self) -> bool:
        found = await self.session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.state.in_(("pending", "sending"))).limit(1)
        )
        return found is not None

    async def counts(self, states: tuple[str, ...] | None = None) -> dict[str, int]:
        """Rows by state (only `states`, if given: the (state, id) index counts them fast)."""
        query = select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)
        if states is not None:
            query = query.where(OutboxMessage.state.in_(states))
        rows = await self.session.execute(query)
        return {state: int(count) for state, count in rows}

    async def recent_failures(self, limit: int = 5) -> list[tuple[str, int]]:
        rows = await self.session.execute(
            select(OutboxMessage.error, func.count())
            .where(OutboxMessage.state.in_(("failed", "skipped")), OutboxMessage.error.is_not(None))
            .group_by(OutboxMessage.error)
            .order_by(func.count().desc())
            .limit(limit)
        )
        return [(str(error), int(count)) for error, count in rows]

    async def sent_since(self, since: datetime) -> int:
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.state == "sent", OutboxMessage.finished_at >= since)
            )
            or 0
        )
