"""A broadcast survives its worker being killed: nobody is missed, few get the digest twice.

`digestbot deliver` runs as a real process and is killed with SIGKILL — no handler runs, no
transaction is finished — five times in the middle of a broadcast, then runs to the end. The
sandbox runs in a process of its own, so its record of what reached Telegram outlives every
kill. A killed worker can leave at most its in-flight sends (its concurrency) sent but not
recorded; those, and only those, may arrive twice.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import insert, select

from bot.publishing import publish
from bot.sandbox.process import SandboxProcess, sandbox_process
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.models import OutboxMessage, Subscriber
from bot.storage.repository import Repository
from digests import parse
from tests.conftest import SAMPLE

READERS = 2_000
FIRST_CHAT = 300_000
KILLS = 5
CONCURRENCY = 8
LEASE_SECONDS = 2
SEED = 20_240_611
START_TIMEOUT = 30.0  # seconds for a worker to start and send its first message
FINISH_TIMEOUT = 60.0


async def _seed_and_publish(database_url: str, chats: range) -> int:
    """The readers as subscribers (one bulk insert) and the sample's digest queued for them."""
    db = Database(database_url)
    try:
        async with db.session() as session:
            await session.execute(
                insert(Subscriber),
                [
                    {
                        "chat_id": chat,
                        "chat_type": "private",
                        "language": "en",
                        "subscribed": True,
                        "active": True,
                        "language_chosen": False,
                    }
                    for chat in chats
                ],
            )
        async with db.session() as session:
            repo = Repository(session)
            stored, _ = await repo.add_article(parse(SAMPLE.read_bytes()))
            return (await publish(repo, [stored.story_id])).queued
    finally:
        await db.dispose()


async def _outbox(database_url: str) -> tuple[Counter[str], set[tuple[int, int | None]]]:
    """Rows per state, and the (chat, Telegram message id) each sent row recorded."""
    db = Database(database_url)
    try:
        async with db.session() as session:
            rows = (
                await session.execute(
                    select(OutboxMessage.state, OutboxMessage.chat_id, OutboxMessage.message_id)
                )
            ).all()
    finally:
        await db.dispose()
    return Counter(row.state for row in rows), {(row.chat_id, row.message_id) for row in rows}


def _worker_environment(sandbox: SandboxProcess, database_url: str) -> dict[str, str]:
    """The test's settings only: none of the developer's digestbot variables leak in."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name.lower() not in Settings.model_fields
    }
    return {
        **inherited,
        **sandbox.bot_environment(),
        "DATABASE_URL": database_url,
        # A pace that keeps the broadcast going through all five kills (2,000 messages at
        # 200/s take ten seconds of sending; the kills come within 7.5 s of it).
        "BROADCAST_RATE": "200",
        "SEND_CONCURRENCY": str(CONCURRENCY),
        "SEND_LEASE_SECONDS": str(LEASE_SECONDS),  # a killed worker's rows come back soon
    }


def _start_worker(
    environment: dict[str, str], directory: Path, log: Path
) -> subprocess.Popen[bytes]:
    """`digestbot deliver --until-empty`, in a directory without a `.env`, logging to `log`."""
    script = Path(sys.executable).with_name("digestbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    with log.open("ab") as output:
        return subprocess.Popen(
            [*command, "deliver", "--until-empty"],
            env=environment,
            cwd=directory,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def _wait_for_sending(
    sandbox: SandboxProcess, worker: subprocess.Popen[bytes], before: int
) -> None:
    """Until the worker has sent a message: start-up (imports, migrations) takes over a second,
    and a kill during it would test nothing."""
    deadline = time.monotonic() + START_TIMEOUT
    while sandbox.stats()["sent"] <= before:
        assert worker.poll() is None, f"the worker exited ({worker.returncode}) before sending"
        assert time.monotonic() < deadline, "the worker sent nothing in time"
        time.sleep(0.01)


def _stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.kill()
    worker.wait()


def test_a_broadcast_killed_five_times_misses_nobody(database_url: str, tmp_path: Path) -> None:
    chats = range(FIRST_CHAT, FIRST_CHAT + READERS)
    assert asyncio.run(_seed_and_publish(database_url, chats)) == READERS
    pauses = random.Random(SEED)
    log = tmp_path / "worker.log"
    with sandbox_process() as sandbox:
        assert sandbox.add_readers(chats.start, len(chats)) == READERS
        environment = _worker_environment(sandbox, database_url)
        for kill in range(1, KILLS + 1):
            before = sandbox.stats()["sent"]
            worker = _start_worker(environment, tmp_path, log)
            try:
                _wait_for_sending(sandbox, worker, before)
                time.sleep(pauses.uniform(0.3, 1.5))
                assert worker.poll() is None, f"the broadcast ended before kill {kill}"
                worker.kill()  # SIGKILL
            finally:
                _stop(worker)
            assert worker.returncode == -signal.SIGKILL
        worker = _start_worker(environment, tmp_path, log)
        try:
            finished = worker.wait(FINISH_TIMEOUT)
        finally:
            _stop(worker)
        assert finished == 0, log.read_text()[-3000:]
        records = sandbox.sent()
        assert sandbox.stats()["internal_errors"] == 0
    copies = Counter(record["chat_id"] for record in records)
    assert set(copies) == set(chats), "a reader got nothing, or a stranger got something"
    extra = sum(count - 1 for count in copies.values())
    assert extra <= KILLS * CONCURRENCY, f"{extra} duplicates for {KILLS} kills"
    states, recorded = asyncio.run(_outbox(database_url))
    assert states == {"sent": READERS}
    delivered = {(record["chat_id"], record["message_id"]) for record in records}
    assert recorded <= delivered, "a row records a message Telegram never got"
