"""The delivery worker: sends outbox rows within Telegram's limits and records every outcome.

Each row is claimed with a lease; each outcome is committed as soon as Telegram answers. A
worker killed at any moment leaves at most its in-flight sends (never more than its
concurrency) without a recorded outcome; their leases run out and they are sent again.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import html
import logging
import random
import re
import time
from collections import deque
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Protocol

from telegram import Bot, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from bot import metrics
from bot.limits import SendLimits
from bot.storage.database import Database
from bot.storage.models import utcnow
from bot.storage.outbox import Claimed, OutboxRepository, SentRecorder
from digests.telegram_html import parse as telegram_text

log = logging.getLogger(__name__)
_TAG = re.compile(r"<[^<>]*>")


@dataclass(frozen=True)
class DeliveryConfig:
    per_second: float | None = 30.0  # None: no bot-wide cap
    group_per_minute: float = 20.0
    chat_interval: float = 1.0
    concurrency: int = 8
    batch: int = 200
    lease: timedelta = timedelta(seconds=120)
    max_attempts: int = 5
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    backoff_cap: float = 300.0
    idle_poll: float = 0.5
    paid_broadcast: bool = False


class OutcomeWriter:
    """Commits "sent" outcomes in groups: whatever finished while the last commit ran goes
    into the next one. Each sender waits for its own commit."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._waiting: list[tuple[Claimed, int, int, asyncio.Future[None]]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def sent(self, row: Claimed, message_id: int, chat_id: int) -> None:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((row, message_id, chat_id, done))
        if self._task is None:
            self._task = asyncio.create_task(self._write())
        self._wake.set()
        await done

    async def _write(self) -> None:
        recorder = SentRecorder(self.db.engine)
        try:
            while True:
                await self._wake.wait()
                self._wake.clear()
                batch, self._waiting = self._waiting, []
                if not batch:
                    continue
                try:
                    await recorder.record([(r, m, c) for r, m, c, _ in batch])
                except Exception as error:
                    for *_, done in batch:
                        done.set_exception(error)
                else:
                    for *_, done in batch:
                        done.set_result(None)
        finally:
            await recorder.close()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Pace(Protocol):
    """The bot-wide pace: this process's own (`SendLimits`) or one shared by several."""

    async def take_turn(self) -> None: ...

    def hold_everything(self, seconds: float) -> None: ...


class DeliveryWorker:
    def __init__(
        self, db: Database, bot: Bot, config: DeliveryConfig, pace: Pace | None = None
    ) -> None:
        self.db = db
        self.bot = bot
        self.config = config
        self.limits = SendLimits(config.per_second, config.group_per_minute, config.chat_interval)
        self.pace: Pace = pace or self.limits
        self._recent_429: deque[float] = deque(maxlen=3)
        self._markups: dict[int, InlineKeyboardMarkup] = {}
        self._outcomes = OutcomeWriter(db)

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until `stop` is set; sleep briefly whenever nothing is due."""
        while not stop.is_set():
            try:
                done = await self.deliver_batch()
            except Exception:  # the database or the network hiccupped: try again shortly
                log.exception("delivery batch failed")
                done = 0
            if not done:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.config.idle_poll)

    async def drain(self) -> int:
        """Deliver until nothing is due now; the number of rows handled."""
        total = 0
        while handled := await self.deliver_batch():
            total += handled
        return total

    def _markup(self, row: Claimed) -> InlineKeyboardMarkup | None:
        """The keyboard of a rendering, built once for all the chats that get it."""
        if not row.reply_markup:
            return None
        markup = self._markups.get(row.rendering_id)
        if markup is None:
            if len(self._markups) > 1000:
                self._markups.clear()
            markup = self._markups[row.rendering_id] = InlineKeyboardMarkup.de_json(
                row.reply_markup, self.bot
            )
        return markup

    async def _keep_lease(self, held: set[int]) -> None:
        """Renew the lease of the rows this batch still holds, well before it runs out."""
        interval = max(1.0, self.config.lease.total_seconds() / 3)
        while True:
            await asyncio.sleep(interval)
            if held:
                async with self.db.session() as session:
                    await OutboxRepository(session).renew(sorted(held), self.config.lease)

    async def has_work(self) -> bool:
        """Anything pending or in flight, due now or later."""
        async with self.db.session() as session:
            return await OutboxRepository(session).has_work()

    async def deliver_batch(self) -> int:
        async with self.db.session() as session:
            rows = await OutboxRepository(session).claim(self.config.batch, self.config.lease)
        if rows:
            await self._deliver(rows)
        return len(rows)

    async def _deliver(self, rows: list[Claimed]) -> None:
        """Send a claimed batch: chats take turns by when the limits allow them next."""
        queues: dict[int, deque[Claimed]] = {}
        for row in rows:
            queues.setdefault(row.chat_id, deque()).append(row)
        ready = [
            (self.limits.ready_at(chat, q[0].is_group), n, chat)
            for n, (chat, q) in enumerate(queues.items())
        ]
        heapq.heapify(ready)
        slots = asyncio.Semaphore(self.config.concurrency)
        tasks: set[asyncio.Task[None]] = set()
        sequence = len(ready)
        held = {row.id for row in rows}
        self._outcomes = OutcomeWriter(self.db)
        keeper = asyncio.create_task(self._keep_lease(held))
        try:
            await self._send_all(queues, ready, slots, tasks, sequence, held)
        finally:
            keeper.cancel()
            await self._outcomes.close()

    async def _send_all(
        self,
        queues: dict[int, deque[Claimed]],
        ready: list[tuple[float, int, int]],
        slots: asyncio.Semaphore,
        tasks: set[asyncio.Task[None]],
        sequence: int,
        held: set[int],
    ) -> None:

        def schedule(chat: int) -> None:
            nonlocal sequence
            if queues.get(chat):
                sequence += 1
                at = self.limits.ready_at(chat, queues[chat][0].is_group)
                heapq.heappush(ready, (at, sequence, chat))

        async def send_next(chat: int) -> None:
            try:
                row = queues[chat].popleft()
                again = await self._send(row)
                if again is not None:
                    queues[chat].appendleft(again)
                else:
                    held.discard(row.id)
            finally:
                slots.release()
                schedule(chat)

        while ready or tasks:
            if not ready:
                _, tasks = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                continue
            at, _, chat = ready[0]
            wait = at - time.monotonic()
            if wait > 0:
                if tasks:
                    _, tasks = await asyncio.wait(
                        tasks, timeout=wait, return_when=asyncio.FIRST_COMPLETED
                    )
                else:
                    await asyncio.sleep(wait)
                continue
            heapq.heappop(ready)
            await slots.acquire()
            await self.pace.take_turn()
            task = asyncio.create_task(send_next(chat))
            tasks.add(task)
            task.add_done_callback(tasks.discard)

    async def _send(self, row: Claimed, chat_id: int | None = None) -> Claimed | None:
        """One send and its outcome, committed. Returns the row if it must be sent again soon
        by this worker (after a "retry after" or to a migrated chat)."""
        target = chat_id or row.chat_id
        markup = self._markup(row)
        extra = {"allow_paid_broadcast": True} if self.config.paid_broadcast else {}
        self.limits.record(target, row.is_group)
        try:
            message = await self.bot.send_message(
                target,
                row.text,
                parse_mode=None if row.plain else ParseMode.HTML,
                reply_markup=markup,
                api_kwargs=extra or None,
            )
        except RetryAfter as error:
            return await self._retry_after(row, _seconds(error.retry_after))
        except Forbidden as error:
            await self._unreachable(row, f"forbidden: {error.message}", "forbidden")
            return None
        except ChatMigrated as error:
            metrics.RETRIED.labels("chat_migrated").inc()
            async with self.db.session() as session:
                await OutboxRepository(session).chat_migrated(row.chat_id, error.new_chat_id)
            self.limits.forget(row.chat_id)
            return replace(row, chat_id=error.new_chat_id, is_group=True)
        except BadRequest as error:
            return await self._bad_request(row, error)
        except NetworkError as error:  # time-outs, dropped connections, 5xx
            kind = "timeout" if isinstance(error, TimedOut) else "network"
            await self._retry_later(row, f"{type(error).__name__}: {error.message}", kind)
            return None
        # The slot stays taken until the outcome is committed: a crash never leaves more than
        # `concurrency` sent messages unrecorded.
        await self._outcomes.sent(row, message.message_id, target)
        metrics.sent()
        return None

    async def _retry_after(self, row: Claimed, seconds: float) -> Claimed | None:
        now = time.monotonic()
        self.limits.hold(row.chat_id, seconds)
        self._recent_429.append(now)
        if len(self._recent_429) == self._recent_429.maxlen and now - self._recent_429[0] < 1:
            self.pace.hold_everything(seconds)  # several chats at once: the bot is throttled
        if row.attempts + 1 >= self.config.max_attempts:
            async with self.db.session() as session:
                await OutboxRepository(session).failed(row, "too many requests")
            metrics.FAILED.labels("too_many_requests").inc()
            return None
        metrics.RETRIED.labels("retry_after").inc()
        async with self.db.session() as session:
            await OutboxRepository(session).tried(row, f"retry after {seconds:g} s")
        return replace(row, attempts=row.attempts + 1)

    async def _retry_later(self, row: Claimed, reason: str, kind: str) -> None:
        async with self.db.session() as session:
            outbox = OutboxRepository(session)
            if row.attempts + 1 >= self.config.max_attempts:
                log.warning("giving up on outbox row %s: %s", row.id, reason, extra=_fields(row))
                await outbox.failed(row, reason)
                metrics.FAILED.labels(kind).inc()
                return
            metrics.RETRIED.labels(kind).inc()
            delay = min(self.config.backoff * 2**row.attempts, self.config.backoff_cap)
            delay *= random.uniform(0.5, 1.5)  # jitter: retries of one outage spread out
            await outbox.retry_later(row, utcnow() + timedelta(seconds=delay), reason)

    async def _unreachable(self, row: Claimed, reason: str, kind: str) -> None:
        async with self.db.session() as session:
            skipped = await OutboxRepository(session).chat_unreachable(row.chat_id, reason)
        metrics.FAILED.labels(kind).inc(skipped)
        log.info(
            "chat %s unreachable (%s): %d queued messages skipped",
            row.chat_id,
            reason,
            skipped,
            extra={**_fields(row), "skipped": skipped},
        )

    async def _bad_request(self, row: Claimed, error: BadRequest) -> Claimed | None:
        message = error.message.lower()
        if "chat not found" in message:
            await self._unreachable(row, "chat not found", "chat_not_found")
            return None
        if "can't parse entities" in message and not row.plain:
            log.error(
                "outbox row %s is not valid Telegram HTML (%s); sent as plain text",
                row.id,
                error.message,
                extra=_fields(row),
            )
            metrics.RETRIED.labels("plain_text").inc()
            return replace(row, text=_plain(row.text), plain=True)
        async with self.db.session() as session:
            await OutboxRepository(session).failed(row, f"bad request: {error.message}")
        metrics.FAILED.labels("bad_request").inc()
        return None


def _fields(row: Claimed) -> dict[str, int]:
    """What a JSON log line says about the message it is about."""
    return {"outbox_id": row.id, "chat_id": row.chat_id, "digest_id": row.digest_id}


def _plain(text: str) -> str:
    """The visible text of a message Telegram would not parse; no markup can break it."""
    try:
        return telegram_text(text)
    except ValueError:  # markup beyond Telegram's: drop every tag, decode every entity
        return html.unescape(_TAG.sub("", text))
