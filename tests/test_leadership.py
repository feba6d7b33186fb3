"""Who leads: the advisory lock on PostgreSQL, the file lock that keeps SQLite to one process."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.leadership import AdvisoryLock, SoleProcess, SQLiteInUseError, SQLiteOwner, lead, lock_for
from bot.storage.database import Database

KEY = 0x7465737400000001


def test_one_lock_holder_and_a_takeover_when_its_connection_dies(database_url: str) -> None:
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's")

    async def main() -> None:
        first, second = Database(database_url), Database(database_url)
        leader, standby = AdvisoryLock(first.engine, KEY), AdvisoryLock(second.engine, KEY)
        try:
            assert await leader.acquire()
            assert not await standby.acquire()
            assert await leader.acquire(), "the leader keeps the lead while its connection lives"
            # The leader's connection dies (its machine, a network cut, a server restart).
            async with second.engine.connect() as admin:
                await admin.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_locks "
                        "WHERE locktype = 'advisory' AND objid = :low AND granted"
                    ),
                    {"low": KEY & 0xFFFFFFFF},
                )
                await admin.commit()
            # pg_terminate_backend only signals the backend; its locks go when it has exited.
            assert await _eventually(standby.acquire), "the standby takes over"
            assert not await leader.acquire(), "the old leader knows it no longer leads"
            await standby.release()
            assert await leader.acquire(), "a released lock is free at once"
        finally:
            await leader.release()
            await standby.release()
            await first.dispose()
            await second.dispose()

    asyncio.run(main())


async def _eventually(attempt: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> bool:
    """True once `attempt()` is, trying every 50 ms for up to `seconds`."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not await attempt():
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def test_lead_starts_and_stops_the_duty(database_url: str) -> None:
    events: list[str] = []

    async def main() -> None:
        db = Database(database_url)
        stop, decided = asyncio.Event(), asyncio.Event()

        async def start() -> None:
            events.append("start")

        async def stop_duty() -> None:
            events.append("stop")

        task = asyncio.create_task(
            lead("test", lock_for(db.engine, KEY), 0.05, start, stop_duty, stop, decided)
        )
        await decided.wait()
        assert events == ["start"]
        stop.set()
        await task
        await db.dispose()

    asyncio.run(main())
    assert events == ["start", "stop"]


def test_sqlite_is_one_process(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bot.sqlite3"
    assert isinstance(lock_for(Database(url).engine, KEY), SoleProcess)
    first = SQLiteOwner(url).__enter__()
    try:
        with pytest.raises(SQLiteInUseError, match="single-process mode"):
            SQLiteOwner(url).__enter__()
    finally:
        first.__exit__(None, None, None)
    with SQLiteOwner(url):  # free again once the first owner is gone
        pass
