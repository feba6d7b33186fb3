"""Which process leads: with several on PostgreSQL, one runs the scheduler (and, when polling,
one receives updates); the others stand by and take over within seconds when it dies.

A PostgreSQL session-level advisory lock is held on a connection of its own. It lives exactly
as long as that connection: a leader killed with SIGKILL loses its connection, the server
frees the lock at once, and the next standby to ask gets it. SQLite runs one process, which
always leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import IO, Protocol

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot import metrics

log = logging.getLogger(__name__)

# A leader whose machine dies sends no FIN: the server learns of it only from TCP
# keepalives, after two hours by default. These let it free the lock within half a minute.
KEEPALIVES = (
    "SET tcp_keepalives_idle = 10",
    "SET tcp_keepalives_interval = 5",
    "SET tcp_keepalives_count = 3",
)

# Advisory lock keys: any two 64-bit numbers no other application on the database uses.
SCHEDULER_LOCK = 0x6469676573740001
UPDATES_LOCK = 0x6469676573740002


class Lock(Protocol):
    async def acquire(self) -> bool: ...

    async def release(self) -> None: ...


class AdvisoryLock:
    """`pg_try_advisory_lock` on a dedicated connection, checked on every call."""

    def __init__(self, engine: AsyncEngine, key: int) -> None:
        self.engine = engine
        self.key = key
        self._connection: AsyncConnection | None = None
        self._held = False

    async def acquire(self) -> bool:
        """True while this process holds the lock: takes it if free, else confirms that the
        connection holding it still answers."""
        try:
            if self._connection is None:
                connection = await self.engine.connect()
                self._connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
                for setting in KEEPALIVES:
                    await self._connection.execute(text(setting))
            if self._held:
                await self._connection.execute(text("SELECT 1"))
            else:
                query = text("SELECT pg_try_advisory_lock(:key)")
                self._held = bool(await self._connection.scalar(query, {"key": self.key}))
        except Exception as error:  # the connection is gone, and with it any lock it held
            log.warning("lost the database connection of a leadership lock: %s", error)
            await self.release()
        return self._held

    async def release(self) -> None:
        """Let go: the connection is closed, never pooled, so the lock cannot linger on it."""
        connection, self._connection, self._held = self._connection, None, False
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.invalidate()
            with contextlib.suppress(Exception):
                await connection.close()


class SoleProcess:
    """SQLite: the only process, which always leads."""

    async def acquire(self) -> bool:
        return True

    async def release(self) -> None:
        return None


def lock_for(engine: AsyncEngine, key: int) -> Lock:
    if engine.dialect.name == "postgresql":
        return AdvisoryLock(engine, key)
    return SoleProcess()


async def lead(
    duty: str,
    lock: Lock,
    check_seconds: float,
    start: Callable[[], Awaitable[None]],
    stop_duty: Callable[[], Awaitable[None]],
    stop: asyncio.Event,
    decided: asyncio.Event | None = None,
) -> None:
    """Run `start` on taking the lead and `stop_duty` on losing it, until `stop` is set.
    `decided` is set once the first attempt (and the start it led to) is over."""
    leading = False
    gauge = metrics.LEADING.labels(duty)
    try:
        while not stop.is_set():
            held = await lock.acquire()
            if held and not leading:
                log.info("this process now leads: %s", duty)
                try:
                    await start()
                except Exception:  # let another process try; this one tries again later
                    log.exception("could not start leading %s", duty)
                    with contextlib.suppress(Exception):
                        await stop_duty()
                    await lock.release()
                else:
                    leading = True
                    gauge.set(1)
            elif leading and not held:
                log.warning("this process no longer leads: %s", duty)
                leading = False
                gauge.set(0)
                await stop_duty()
            if decided is not None:
                decided.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), check_seconds)
    finally:
        if decided is not None:
            decided.set()
        if leading:
            gauge.set(0)
            await stop_duty()
        await lock.release()


class SQLiteInUseError(RuntimeError):
    """Another process already runs on this SQLite database."""


class SQLiteOwner:
    """An exclusive lock on a file next to the SQLite database, held while the process runs:
    SQLite is the single-process mode, and a second process would send everything twice."""

    def __init__(self, database_url: str) -> None:
        database = make_url(database_url).database or ""
        self.path = Path(f"{database}.lock") if database and database != ":memory:" else None
        self._file: IO[str] | None = None

    def __enter__(self) -> SQLiteOwner:
        if self.path is None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.close()
            raise SQLiteInUseError(
                f"another digestbot process already runs on {self.path.with_suffix('')}. "
                "SQLite is the single-process mode: stop the other process, or move to "
                "PostgreSQL to run several."
            ) from error
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._file is not None:
            self._file.close()  # closing the file releases the lock
            self._file = None
