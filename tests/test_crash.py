"""A broadcast survives its worker being killed: nobody is missed, few get the digest twice.

`digestbot deliver` runs as a real process and is killed with SIGKILL — no handler runs, no
transaction is finished — five times in the middle of a broadcast, then runs to the end. The
sandbox runs in a process of its own, so its record of what reached Telegram outlives every
kill. A killed worker can leave at most its in-flight sends (its concurrency) sent but not
recorded; those, and only those, may arrive twice.
"""

from __future__ import annotations

import asyncio
import random
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from bot.publishing import publish
from bot.sandbox.process import SandboxProcess, sandbox_process
from bot.storage.database import Database
from bot.storage.models import OutboxMessage
from bot.storage.repository import Repository
from digests import parse
from tests.conftest import SAMPLE
from tests.processes import environment, seed_readers, start
from tests.processes import kill as stop_process

READERS = 2_000
FIRST_CHAT = 300_000
KILLS = 5
CONCURRENCY = 8
LEASE_SECONDS = 2
SEED = 20_240_611
START_TIMEOUT = 30.0  # seconds for a worker to start and send its first message
FINISH_TIMEOUT = 60.0


async def _seed_and_publish(database_url: str, chats: range) -> int:
    """The readers as subscribers and the sample's digest queued for them."""
    await seed_readers(database_url, chats)
    db = Database(database_url)
    try:
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
    return environment(
        sandbox,
        database_url,
        # A pace that keeps the broadcast going through all five kills (2,000 messages at
        # 200/s take ten seconds of sending; the kills come within 7.5 s of it).
        broadcast_rate="200",
        send_concurrency=str(CONCURRENCY),
        send_lease_seconds=str(LEASE_SECONDS),  # a killed worker's rows come back soon
    )


def _start_worker(
    environment: dict[str, str], directory: Path, log: Path
) -> subprocess.Popen[bytes]:
    """`digestbot deliver --until-empty`, in a directory without a `.env`, logging to `log`."""
    return start(["deliver", "--until-empty"], environment, directory, log)


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
                stop_process(worker)
            assert worker.returncode == -signal.SIGKILL
        worker = _start_worker(environment, tmp_path, log)
        try:
            finished = worker.wait(FINISH_TIMEOUT)
        finally:
            stop_process(worker)
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
