"""Several `digestbot run` processes: one scheduler, shared pace, a standby that takes over.

On PostgreSQL three real processes run against the sandbox (a process of its own, which
answers 429 beyond the bot-wide cap). The schedule's leader is killed with SIGKILL before the
schedule's next run; a standby must take over, fire it once, and the digest must reach every
reader exactly once without the three processes together ever sending faster than the cap.
On SQLite, asking for more than one process is refused with a clear message.
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import subprocess
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bot.sandbox.process import sandbox_process
from bot.storage.database import Database
from bot.storage.models import DigestRow, OutboxMessage
from bot.storage.repository import Repository
from digests import parse
from tests.conftest import SAMPLE
from tests.processes import environment, kill, seed_readers, start

READERS = 60
FIRST_CHAT = 500_000
CAP = 10  # messages per second for the whole bot
PROCESSES = 3
START_TIMEOUT = 30.0


def _backend(url: str) -> str:
    return make_url(url).get_backend_name()


def _free_ports(count: int) -> list[int]:
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def _health(port: int) -> dict[str, Any] | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return json.loads(answer.read())
    except (OSError, ValueError):
        return None


def _all_healthy(ports: list[int]) -> bool:
    return all((_health(port) or {}).get("status") == "ok" for port in ports)


def _wait(condition: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


async def _outcome(database_url: str) -> tuple[int, Counter[str]]:
    db = Database(database_url)
    try:
        async with db.session() as session:
            digests = len((await session.scalars(select(DigestRow.id))).all())
            states = Counter((await session.scalars(select(OutboxMessage.state))).all())
        return digests, states
    finally:
        await db.dispose()


def _leaders(ports: list[int], duty: str) -> list[int]:
    return [port for port in ports if duty in ((_health(port) or {}).get("leading") or [])]


def test_a_standby_fires_the_schedule_once_when_the_leader_dies(
    database_url: str, tmp_path: Path
) -> None:
    if _backend(database_url) != "postgresql":
        pytest.skip("several processes need PostgreSQL")
    chats = range(FIRST_CHAT, FIRST_CHAT + READERS)
    asyncio.run(seed_readers(database_url, chats))
    ports = _free_ports(PROCESSES)
    log = tmp_path / "processes.log"
    with sandbox_process(enforce_limits=True) as sandbox:
        sandbox.call("POST", "limits", json={"per_second": CAP})
        sandbox.add_readers(chats.start, READERS)
        processes: dict[int, subprocess.Popen[bytes]] = {}
        try:
            for port in ports:
                env = environment(
                    sandbox,
                    database_url,
                    broadcast_rate=str(CAP),
                    send_batch="4",  # small claims: every worker takes part in the broadcast
                    health_port=str(port),
                    leader_check_seconds="0.5",
                    schedule_reload_seconds="1",
                )
                processes[port] = start(["run"], env, tmp_path, log)
            _wait(lambda: _all_healthy(ports), START_TIMEOUT, "three healthy processes")
            (leader,) = _wait(lambda: _leaders(ports, "scheduler"), 10, "a scheduler leader")
            assert len(_leaders(ports, "updates")) == 1, "exactly one process polls"

            # Not within a few seconds of the minute: the leader must die before the run.
            while datetime.now(UTC).second > 45:
                time.sleep(0.5)
            # An every-minute schedule, then an article for its next run, as an editor would.
            cli = environment(sandbox, database_url)
            for command in (
                ["schedule", "add", "* * * * *", "--tz", "UTC"],
                ["ingest", str(SAMPLE)],
            ):
                assert start(command, cli, tmp_path, log).wait(30) == 0, log.read_text()[-2000:]
            processes[leader].send_signal(signal.SIGKILL)
            processes[leader].wait()
            standbys = [port for port in ports if port != leader]
            (successor,) = _wait(
                lambda: _leaders(standbys, "scheduler"), 10, "a standby taking over"
            )
            assert successor != leader

            _wait(lambda: len(sandbox.sent()) >= READERS, 90, "the digest reaching every reader")
            time.sleep(1.5)  # anything sent twice would arrive now
            records = sandbox.sent()
            too_many = int(sandbox.stats()["responses"].get("429", 0))
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes.values():
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    kill(process)
        output = log.read_text(errors="replace")
    copies = Counter(record["chat_id"] for record in records)
    assert copies == Counter(dict.fromkeys(chats, 1)), output[-3000:]
    digests, states = asyncio.run(_outcome(database_url))
    assert digests == 1, "the schedule ran more than once"
    assert states == {"sent": READERS}
    assert too_many == 0, "the processes together went past the bot-wide cap"
    times = sorted(record["created"] for record in records)
    busiest = max(sum(1 for moment in times if start <= moment < start + 1.0) for start in times)
    assert busiest <= CAP + 1, f"{busiest} messages within one second, cap {CAP}"
    assert "Traceback" not in output


def test_bot_worker_and_scheduler_processes_split_the_work(
    database_url: str, tmp_path: Path
) -> None:
    """`--role bot` answers readers (it alone polls), `--role worker` processes deliver what
    the bot publishes, `--role scheduler` leads the schedules; nobody does another's job."""
    if _backend(database_url) != "postgresql":
        pytest.skip("several processes need PostgreSQL")
    editor, reader = 7001, 7002
    roles = ["bot", "worker", "worker", "scheduler"]
    ports = _free_ports(len(roles))
    log = tmp_path / "processes.log"
    with sandbox_process(enforce_limits=True) as sandbox:
        sandbox.call("POST", "limits", json={"per_second": CAP})
        sandbox.add_users([editor, reader])
        processes = []
        try:
            for role, port in zip(roles, ports, strict=True):
                env = environment(
                    sandbox,
                    database_url,
                    admin_ids=str(editor),
                    broadcast_rate=str(CAP),
                    health_port=str(port),
                    leader_check_seconds="0.5",
                )
                processes.append(start(["run", "--role", role], env, tmp_path, log))
            _wait(lambda: _all_healthy(ports), START_TIMEOUT, "four healthy processes")
            states = [_health(port) or {} for port in ports]
            assert [state["role"] for state in states] == roles
            assert [state["leading"] for state in states] == [["updates"], [], [], ["scheduler"]]
            assert [sorted(state["alive"]) for state in states] == [
                ["updates"],
                ["delivery"],
                ["delivery"],
                ["scheduler"],
            ]

            for user in (editor, reader):
                sandbox.call("POST", "messages", json={"user_id": user, "text": "/start"})
            _wait(lambda: len(sandbox.sent()) >= 2, 20, "the bot process answering /start")
            article = asyncio.run(_ingest(database_url))
            sandbox.call(
                "POST", "messages", json={"user_id": editor, "text": f"/publish {article}"}
            )
            digests = _wait(
                lambda: [m for m in sandbox.sent() if m["chat_id"] == reader][1:],
                30,
                "the digest delivered by a worker",
            )
        finally:
            for process in processes:
                process.send_signal(signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    kill(process)
        output = log.read_text(errors="replace")
    assert len(digests) == 1, output[-3000:]
    assert [process.returncode for process in processes] == [0, 0, 0, 0], output[-3000:]
    assert "Traceback" not in output


async def _ingest(database_url: str) -> int:
    db = Database(database_url)
    try:
        async with db.session() as session:
            stored, _ = await Repository(session).add_article(parse(SAMPLE.read_bytes()))
        return stored.id
    finally:
        await db.dispose()


def test_sqlite_refuses_roles_and_a_second_process(database_url: str, tmp_path: Path) -> None:
    if _backend(database_url) != "sqlite":
        pytest.skip("SQLite's single-process mode")
    log = tmp_path / "processes.log"
    with sandbox_process() as sandbox:
        env = environment(sandbox, database_url, health_port="0")
        refused = start(["run", "--role", "worker"], env, tmp_path, log)
        assert refused.wait(30) == 2
        assert "needs PostgreSQL" in log.read_text()

        first = start(["run"], env, tmp_path, log)
        try:
            _wait(lambda: Path(f"{make_url(database_url).database}.lock").exists(), 20, "a lock")
            time.sleep(1.0)
            second = start(["run"], env, tmp_path, log)
            assert second.wait(30) == 2
            assert first.poll() is None, "the first process must keep running"
        finally:
            first.send_signal(signal.SIGTERM)
            assert first.wait(15) == 0
    assert "another digestbot process already runs on" in log.read_text()


def test_run_says_why_it_cannot_start(database_url: str, tmp_path: Path) -> None:
    """A port in use or a database that does not answer: one line and exit 2, no traceback."""
    if _backend(database_url) != "sqlite":
        pytest.skip("once is enough")
    log = tmp_path / "processes.log"
    with sandbox_process() as sandbox, socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = environment(sandbox, database_url, health_port=str(port))
        assert start(["run"], busy, tmp_path, log).wait(30) == 2
        nowhere = environment(
            sandbox, f"postgresql+asyncpg://postgres@127.0.0.1:{_free_ports(1)[0]}/x"
        )
        assert start(["run"], nowhere, tmp_path, log).wait(30) == 2
    output = log.read_text()
    assert output.count("digestbot: error: cannot start:") == 2, output
    assert "Traceback" not in output
