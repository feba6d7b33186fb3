"""Broadcast speed, pacing and memory of `digestbot deliver`, against the Bot API sandbox.

Prints figures next to their goals, asserts nothing. The worker, the sandbox and the bare
python-telegram-bot loop it is compared with each run as a process of their own, so that each
one's CPU time and peak memory are its own.

    python benchmarks/broadcast.py [--subscribers 100000] [--capped-seconds 60]
        [--small 10000] [--large 1000000] [--large-seconds 120] [--concurrency 8]
        [--multi-subscribers 40000] [--workers 1,2,4] [--parts abcd] [--database-url URL]

(a) throughput and CPU per message with no cap, against a bare python-telegram-bot loop;
(b) the 30/s pace held against a sandbox that enforces Telegram's limits; (c) peak memory with
a small and a very large outbox; (d) several `digestbot deliver` processes sharing one outbox
(`--workers`, on PostgreSQL only: they claim rows with FOR UPDATE SKIP LOCKED), with their
speed-up, CPU per message and a check that every subscriber got exactly one message.

The full run takes about a quarter of an hour on two cores, more with (d); the flags shrink it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Executable, Row, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks.children import Child, cpu_seconds  # noqa: E402
from bot.local import add_readers  # noqa: E402
from bot.publishing import publish  # noqa: E402
from bot.sandbox.process import SandboxProcess, sandbox_process  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.storage.migrate import upgrade_async  # noqa: E402
from bot.storage.models import Base, OutboxMessage, Rendering  # noqa: E402
from bot.storage.repository import Repository  # noqa: E402
from digests import parse  # noqa: E402

SAMPLE = ROOT / "sample" / "article-de.txt"
FIRST_CHAT = 10_000_000
NO_CAP = "0"  # BROADCAST_RATE=0: no bot-wide cap
POLL = 0.05
HEADER = """\
Broadcast benchmark: `digestbot deliver` as its own process, sending the sample article's
digest (one message with a keyboard per subscriber) to the Bot API sandbox, which runs as
another process on 127.0.0.1. Database: {backend}. {cpus} CPUs.
CPU time and peak RSS of a process: os.wait4 when it exits. CPU per message leaves out the
CPU the same process spends when started with nothing to send (imports, migrations, getMe).
Throughput: from the first message reaching the sandbox to the last, as the sandbox counts.
"""


@dataclass(frozen=True)
class Run:
    """One measured process: messages the sandbox received from it, and what it cost."""

    messages: int
    seconds: float
    cpu: float
    max_rss_mb: float
    sandbox_cpu: float | None

    @property
    def rate(self) -> float:
        return self.messages / self.seconds if self.seconds > 0 else math.inf

    def cpu_per_message(self, startup: float) -> float:
        return (self.cpu - startup) / self.messages


@dataclass(frozen=True)
class Tally:
    """How a broadcast to consecutive chats landed: per chat at the sandbox, per row in the
    outbox."""

    duplicates: int  # messages to a chat beyond its first
    missing: int  # subscribers the sandbox saw no message for
    unsent: int  # outbox rows left in a state other than 'sent'


class Bench:
    """The settings of one benchmark run and the databases and processes it makes."""

    def __init__(self, args: argparse.Namespace, directory: Path) -> None:
        self.args = args
        self.directory = directory
        self.log = directory / "processes.log"
        self.parts = 0

    # -- databases --------------------------------------------------------------------------

    async def fresh_database(self) -> str:
        """An empty migrated database: a new SQLite file, or the given one emptied."""
        self.parts += 1
        url = self.args.database_url or (
            f"sqlite+aiosqlite:///{self.directory}/part{self.parts}.sqlite3"
        )
        await upgrade_async(url)
        if self.args.database_url:
            tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
            db = Database(url)
            async with db.session() as session:
                await session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            await db.dispose()
        return url

    @staticmethod
    async def seed(url: str, count: int) -> float:
        """`count` English readers (bulk inserts), and the sample's digest queued for them."""
        started = time.perf_counter()
        db = Database(url)
        try:
            await add_readers(db, range(FIRST_CHAT, FIRST_CHAT + count))
            async with db.session() as session:
                repo = Repository(session)
                stored, _ = await repo.add_article(parse(SAMPLE.read_bytes()))
                queued = (await publish(repo, [stored.story_id])).queued
        finally:
            await db.dispose()
        if queued != count:
            raise RuntimeError(f"{queued} messages queued for {count} subscribers")
        return time.perf_counter() - started

    @staticmethod
    async def query(url: str, statement: Executable) -> list[Row[Any]]:
        db = Database(url)
        try:
            async with db.session() as session:
                return list((await session.execute(statement)).all())
        finally:
            await db.dispose()

    # -- processes --------------------------------------------------------------------------

    def worker(self, sandbox: SandboxProcess, url: str, rate: str, until_empty: bool) -> Child:
        inherited = {
            name: value
            for name, value in os.environ.items()
            if name.lower() not in Settings.model_fields
        }
        env = {
            **inherited,
            **sandbox.bot_environment(),
            "DATABASE_URL": url,
            "BROADCAST_RATE": rate,
            "SEND_CONCURRENCY": str(self.args.concurrency),
        }
        script = Path(sys.executable).with_name("digestbot")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
        command += ["deliver", *(["--until-empty"] if until_empty else [])]
        return Child(command, env, self.directory, self.log)

    def bare_loop(self, sandbox: SandboxProcess, message: Path, count: int) -> Child:
        command = [
            sys.executable,
            str(ROOT / "benchmarks" / "bare_loop.py"),
            f"--base-url={sandbox.api_url}",
            f"--message={message}",
            f"--first-chat={FIRST_CHAT}",
            f"--count={count}",
            f"--concurrency={self.args.concurrency}",
        ]
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": sandbox.token}
        return Child(command, env, self.directory, self.log)

    def measure(self, sandbox: SandboxProcess, start: Callable[[], Child], expected: int) -> Run:
        """Run a child to its end, timing its messages at the sandbox from first to last."""
        return self.measure_together(sandbox, [start], expected)

    def measure_together(
        self, sandbox: SandboxProcess, starts: Sequence[Callable[[], Child]], expected: int
    ) -> Run:
        """Start children at once and run them to their ends, timing their messages at the
        sandbox from first to last. CPU is the sum of theirs, peak RSS the largest."""
        sandbox_pid = sandbox.process.pid
        sandbox_before = cpu_seconds(sandbox_pid)
        before = sandbox.stats()["sent"]
        first = last = None
        with ExitStack() as stack:
            children = [stack.enter_context(start()) for start in starts]
            while any(child.running() for child in children):
                now, sent = time.perf_counter(), sandbox.stats()["sent"] - before
                if sent and first is None:
                    first = now
                if sent >= expected and last is None:
                    last = now
                time.sleep(POLL)
            finished = [child.wait() for child in children]
        for child, done in zip(children, finished, strict=True):
            if done.returncode != 0:
                output = self.log.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{child.process.args} exited {done.returncode}:\n{output}")
        sent = sandbox.stats()["sent"] - before
        seconds = (last or time.perf_counter()) - (first or time.perf_counter())
        sandbox_after = cpu_seconds(sandbox_pid)
        sandbox_cpu = (
            None
            if sandbox_before is None or sandbox_after is None
            else sandbox_after - sandbox_before
        )
        cpu = sum(done.cpu for done in finished)
        return Run(sent, seconds, cpu, max(done.max_rss_mb for done in finished), sandbox_cpu)

    @staticmethod
    def wait_for_first(sandbox: SandboxProcess, child: Child, timeout: float = 60.0) -> float:
        deadline = time.perf_counter() + timeout
        while sandbox.stats()["sent"] == 0:
            if not child.running() or time.perf_counter() > deadline:
                raise RuntimeError("the worker sent nothing")
            time.sleep(0.01)
        return time.perf_counter()


def verdict(good: bool) -> str:
    return "meets" if good else "MISSES"


def goal(name: str, value: str, target: str, good: bool) -> str:
    return f"  {name:<44}{value:>10}   goal {target:<10}{verdict(good)}"


TABLE = (
    f"  {'':<20}{'messages':>9}{'seconds':>9}{'msg/s':>8}{'CPU s':>8}"
    f"{'ms CPU/msg':>12}{'sandbox CPU s':>15}"
)


def row(name: str, run: Run, startup: float) -> str:
    sandbox = f"{run.sandbox_cpu:15.1f}" if run.sandbox_cpu is not None else f"{'?':>15}"
    return (
        f"  {name:<20}{run.messages:>9,}{run.seconds:>9.1f}{run.rate:>8.0f}{run.cpu:>8.1f}"
        f"{run.cpu_per_message(startup) * 1000:>12.2f}{sandbox}"
    )


async def uncapped(bench: Bench) -> None:
    """(a) Messages per second with no cap, and CPU per message against the bare loop."""
    n, concurrency = bench.args.subscribers, bench.args.concurrency
    print(f"(a) {n:,} subscribers, no cap (BROADCAST_RATE={NO_CAP}), concurrency {concurrency}")
    url = await bench.fresh_database()
    with sandbox_process() as sandbox:
        idle = bench.measure(sandbox, partial(bench.worker, sandbox, url, NO_CAP, True), 0)
        print(f"  seeded and published in {await bench.seed(url, n):.1f} s")
        sandbox.add_readers(FIRST_CHAT, n)
        worker = bench.measure(sandbox, partial(bench.worker, sandbox, url, NO_CAP, True), n)
        (rendering,) = await bench.query(url, select(Rendering.text, Rendering.reply_markup))
        message = bench.directory / "message.json"
        message.write_text(json.dumps({"text": rendering[0], "reply_markup": rendering[1]}))
        bare_idle = bench.measure(sandbox, partial(bench.bare_loop, sandbox, message, 0), 0)
        bare = bench.measure(sandbox, partial(bench.bare_loop, sandbox, message, n), n)
    print(f"  start-up CPU left out: worker {idle.cpu:.2f} s, bare loop {bare_idle.cpu:.2f} s")
    print(TABLE)
    print(row("digestbot deliver", worker, idle.cpu))
    print(row("bare PTB send loop", bare, bare_idle.cpu))
    ratio = worker.cpu_per_message(idle.cpu) / bare.cpu_per_message(bare_idle.cpu)
    rate = worker.rate
    print(goal("worker throughput (msg/s)", f"{rate:,.0f}", "≥ 1,000", rate >= 1000))
    print(goal("CPU per message, worker ÷ bare loop", f"{ratio:.2f}", "≤ 1.15", ratio <= 1.15))
    print(f"  {'throughput (msg/s), worker ÷ bare loop':<44}{rate / bare.rate:>10.2f}")


async def capped(bench: Bench) -> None:
    """(b) The 30/s pace held for a minute against a sandbox that answers floods with 429."""
    seconds = bench.args.capped_seconds
    n = math.ceil(30 * seconds * 1.5)  # more than a minute's worth: still busy at the end
    print(f"(b) 30/s cap for {seconds:g} s, sandbox --enforce-limits, {n:,} subscribers")
    url = await bench.fresh_database()
    await bench.seed(url, n)
    with sandbox_process(enforce_limits=True) as sandbox:
        sandbox.add_readers(FIRST_CHAT, n)
        with bench.worker(sandbox, url, "30", until_empty=False) as worker:
            started = bench.wait_for_first(sandbox, worker)
            time.sleep(max(0.0, started + seconds - time.perf_counter()))
            sent = sandbox.stats()["sent"] - 1  # messages after the first one
            elapsed = time.perf_counter() - started
            busy = worker.running()
            worker.stop()
        too_many = int(sandbox.stats()["responses"].get("429", 0))
    rate = sent / elapsed
    print(f"  {sent + 1:,} messages in the first {elapsed:.1f} s, worker still busy: {busy}")
    print(goal("achieved rate ÷ 30", f"{rate / 30:.3f}", "≥ 0.97", rate / 30 >= 0.97))
    print(goal("429 answers served", f"{too_many}", "0", too_many == 0))


async def memory(bench: Bench) -> None:
    """(c) Peak RSS of a worker with a small and a very large outbox, same messages sent."""
    small, large, limit = bench.args.small, bench.args.large, bench.args.large_seconds
    print(f"(c) peak RSS of the worker at {small:,} and at {large:,} subscribers")
    url = await bench.fresh_database()
    await bench.seed(url, small)
    with sandbox_process() as sandbox:
        sandbox.add_readers(FIRST_CHAT, small)
        few = bench.measure(sandbox, partial(bench.worker, sandbox, url, NO_CAP, True), small)
    print(f"  {small:>9,} subscribers: sent all {few.messages:,}; peak RSS {few.max_rss_mb:.1f} MB")
    url = await bench.fresh_database()
    print(f"  {large:>9,} subscribers seeded and published in {await bench.seed(url, large):.1f} s")
    # The worker claims in id order: only the chats it will reach need to exist in the sandbox.
    reach = few.messages + 5_000
    first = await bench.query(
        url, select(OutboxMessage.chat_id).order_by(OutboxMessage.id).limit(reach)
    )
    with sandbox_process() as sandbox:
        sandbox.add_users([chat for (chat,) in first])
        with bench.worker(sandbox, url, NO_CAP, until_empty=False) as worker:
            started = bench.wait_for_first(sandbox, worker)
            while sandbox.stats()["sent"] < few.messages and time.perf_counter() - started < limit:
                time.sleep(POLL)
            finished = worker.stop()
        sent = sandbox.stats()["sent"]
    grown = finished.max_rss_mb - few.max_rss_mb
    print(
        f"  {large:>9,} subscribers: {sent:,} sent, then stopped (SIGTERM) once it had sent as\n"
        f"  {'':>9} many as the small run or after {limit:g} s; "
        f"peak RSS {finished.max_rss_mb:.1f} MB"
    )
    print(goal("peak RSS difference (MB)", f"{grown:+.1f}", "≤ 30", grown <= 30))


MULTI_TABLE = (
    f"  {'workers':>7}{'messages':>9}{'seconds':>9}{'msg/s':>8}{'speed-up':>10}{'CPU s':>8}"
    f"{'ms CPU/msg':>12}{'sandbox CPU s':>15}{'duplicates':>12}{'missing':>9}{'unsent':>8}"
)


def multi_row(workers: int, run: Run, tally: Tally, startup: float, base: Run | None) -> str:
    """One line of (d); `startup` is one worker's, `base` the run with one worker, if any."""
    sandbox = f"{run.sandbox_cpu:15.1f}" if run.sandbox_cpu is not None else f"{'?':>15}"
    speed_up = f"{run.rate / base.rate:10.2f}" if base is not None else f"{'?':>10}"
    return (
        f"  {workers:>7}{run.messages:>9,}{run.seconds:>9.1f}{run.rate:>8.0f}{speed_up}"
        f"{run.cpu:>8.1f}{run.cpu_per_message(workers * startup) * 1000:>12.2f}{sandbox}"
        f"{tally.duplicates:>12,}{tally.missing:>9,}{tally.unsent:>8,}"
    )


async def count_deliveries(bench: Bench, sandbox: SandboxProcess, url: str, n: int) -> Tally:
    """Messages per chat as the sandbox recorded them, and outbox rows by state."""
    per_chat = Counter(record["chat_id"] for record in sandbox.sent())
    reached = sum(1 for chat in per_chat if FIRST_CHAT <= chat < FIRST_CHAT + n)
    states = await bench.query(
        url, select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)
    )
    return Tally(
        duplicates=sum(count - 1 for count in per_chat.values()),
        missing=n - reached,
        unsent=sum(count for state, count in states if state != "sent"),
    )


async def idle_worker_cpu(bench: Bench) -> float:
    """CPU of one worker started with nothing to send (imports, migrations, getMe)."""
    url = await bench.fresh_database()
    with sandbox_process() as sandbox:
        return bench.measure(sandbox, partial(bench.worker, sandbox, url, NO_CAP, True), 0).cpu


async def shared_broadcast(bench: Bench, workers: int, n: int) -> tuple[Run, Tally]:
    """`workers` workers started at once on a fresh outbox of `n` messages, one sandbox."""
    url = await bench.fresh_database()
    seeded = await bench.seed(url, n)
    with sandbox_process() as sandbox:
        sandbox.add_readers(FIRST_CHAT, n)
        start = partial(bench.worker, sandbox, url, NO_CAP, True)
        run = bench.measure_together(sandbox, [start] * workers, n)
        tally = await count_deliveries(bench, sandbox, url, n)
    print(
        f"  {workers} worker(s): seeded and published in {seeded:.1f} s, "
        f"sent {run.messages:,} in {run.seconds:.1f} s",
        flush=True,
    )
    return run, tally


async def multi_worker(bench: Bench) -> None:
    """(d) Workers sharing one outbox on PostgreSQL: speed-up, CPU, one message per chat."""
    n, counts = bench.args.multi_subscribers, bench.args.workers
    print(
        f"(d) {n:,} subscribers, no cap, {', '.join(map(str, counts))} worker processes at once "
        f"against one sandbox,\n  concurrency {bench.args.concurrency} each, "
        "a fresh database for each number of workers"
    )
    startup = await idle_worker_cpu(bench)
    print(f"  start-up CPU left out: {startup:.2f} s per worker", flush=True)
    runs = [(workers, *await shared_broadcast(bench, workers, n)) for workers in counts]
    base = next((run for workers, run, _ in runs if workers == 1), None)
    print(MULTI_TABLE)
    for workers, run, tally in runs:
        print(multi_row(workers, run, tally, startup, base))
    duplicates = sum(tally.duplicates for _, _, tally in runs)
    missing = sum(tally.missing for _, _, tally in runs)
    print(goal("duplicate messages, all runs", f"{duplicates:,}", "0", duplicates == 0))
    print(goal("subscribers without a message, all runs", f"{missing:,}", "0", missing == 0))


def skipped(part: str, args: argparse.Namespace) -> str | None:
    """Why a part cannot run with these arguments, if it cannot."""
    url = args.database_url
    if part == "d" and (url is None or make_url(url).get_backend_name() != "postgresql"):
        return (
            "(d) skipped: it needs --database-url with a postgresql URL (workers share the "
            "outbox by claiming\n  rows with FOR UPDATE SKIP LOCKED; SQLite has one writer "
            "at a time)\n"
        )
    return None


def worker_counts(value: str) -> tuple[int, ...]:
    """`--workers 1,2,4`: numbers of worker processes, each at least one."""
    try:
        counts = tuple(int(count) for count in value.split(","))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a list of numbers like 1,2,4: {value}") from error
    if min(counts) < 1:
        raise argparse.ArgumentTypeError(f"a run needs at least one worker: {value}")
    return counts


async def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--subscribers", type=int, default=100_000, help="(a) broadcast size")
    options.add_argument("--capped-seconds", type=float, default=60.0, help="(b) duration")
    options.add_argument("--small", type=int, default=10_000, help="(c) small outbox")
    options.add_argument("--large", type=int, default=1_000_000, help="(c) large outbox")
    options.add_argument("--large-seconds", type=float, default=120.0, help="(c) time limit")
    options.add_argument("--concurrency", type=int, default=8)
    options.add_argument("--multi-subscribers", type=int, default=40_000, help="(d) broadcast size")
    options.add_argument(
        "--workers", type=worker_counts, default=(1, 2, 4), help="(d) worker processes, e.g. 1,2,4"
    )
    options.add_argument("--parts", default="abcd", help="which parts to run, e.g. 'ac'")
    options.add_argument(
        "--database-url", help="an empty database to use (default: SQLite in a temporary directory)"
    )
    args = options.parse_args()
    backend = (
        f"{make_url(args.database_url).get_backend_name()} (given)"
        if args.database_url
        else "SQLite file in a temporary directory"
    )
    print(HEADER.format(backend=backend, cpus=os.cpu_count()))
    with tempfile.TemporaryDirectory() as directory:
        bench = Bench(args, Path(directory))
        for part, run in (("a", uncapped), ("b", capped), ("c", memory), ("d", multi_worker)):
            if part in args.parts and (reason := skipped(part, args)):
                print(reason, flush=True)
            elif part in args.parts:
                started = time.perf_counter()
                await run(bench)
                print(f"  ({time.perf_counter() - started:.0f} s)\n", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
