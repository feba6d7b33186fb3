"""Handling time of /more and /quote with a realistic amount of stored data.

Prints p50/p99 of the time from a reader's command reaching the Bot API (the local sandbox on
127.0.0.1) to the bot's answer arriving there, with 100,000 subscribers and 10,000 articles
stored, and the same for /help (which reads one row and renders no article) as a baseline in
the same process. Asserts nothing.

    python benchmarks/commands.py [--subscribers 100000] [--articles 10000] [--requests 400]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.local import running_bot  # noqa: E402
from bot.sandbox.server import Sandbox  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.storage.migrate import upgrade_async  # noqa: E402
from bot.storage.models import (  # noqa: E402
    ArticleRow,
    Delivery,
    DigestItem,
    DigestRow,
    Story,
    Subscriber,
)
from digests import parse  # noqa: E402

CHUNK = 5000
READERS = 200


async def seed(db: Database, subscribers: int, articles: int) -> None:
    sample = parse((ROOT / "sample" / "article-de.txt").read_bytes()).to_dict()
    languages = ("de", "en", "uk", "ru")
    async with db.session() as session:
        for start in range(0, articles, CHUNK):
            ids = range(start + 1, min(articles, start + CHUNK) + 1)
            await session.execute(insert(Story), [{"id": i} for i in ids])
            await session.execute(
                insert(ArticleRow),
                [
                    {
                        "id": i,
                        "story_id": i,
                        "language": "de",
                        "content_hash": f"{i:064x}",
                        "source_url": f"https://example.org/{i}",
                        "headline": f"{sample['headline']} {i}",
                        "data": {**sample, "headline": f"{sample['headline']} {i}"},
                    }
                    for i in ids
                ],
            )
            await session.execute(insert(DigestRow), [{"id": i} for i in ids])
            await session.execute(
                insert(DigestItem), [{"digest_id": i, "position": 1, "story_id": i} for i in ids]
            )
        for start in range(0, subscribers, CHUNK):
            await session.execute(
                insert(Subscriber),
                [
                    {
                        "chat_id": 10_000_000 + i,
                        "chat_type": "private",
                        "language": languages[i % 4],
                        "subscribed": True,
                        "active": True,
                        "language_chosen": False,
                    }
                    for i in range(start, min(subscribers, start + CHUNK))
                ],
            )
        # Every measured reader got some digest earlier; /more and /quote refer to it.
        await session.execute(
            insert(Delivery),
            [
                {
                    "chat_id": 10_000_000 + r,
                    "message_id": 1,
                    "digest_id": random.randint(1, articles),
                }
                for r in range(READERS)
            ],
        )


async def measure(command: str, bot_sandbox: Sandbox, requests: int) -> list[float]:
    timings = []
    for n in range(requests):
        chat = 10_000_000 + n % READERS
        after = bot_sandbox.last_seq
        started = time.perf_counter()
        bot_sandbox.send_text(chat, command)
        await bot_sandbox.wait_for_messages(chat, 1, after=after, timeout=10)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def line(name: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"{name:<10} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   max {ordered[-1]:6.2f} ms"


async def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--subscribers", type=int, default=100_000)
    options.add_argument("--articles", type=int, default=10_000)
    options.add_argument("--requests", type=int, default=400)
    options.add_argument(
        "--database-url",
        help="an empty database to fill (default: SQLite in a temporary directory)",
    )
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        url = args.database_url or f"sqlite+aiosqlite:///{directory}/bench.sqlite3"
        await upgrade_async(url)
        db = Database(url)
        started = time.perf_counter()
        await seed(db, args.subscribers, args.articles)
        print(
            f"stored {args.subscribers:,} subscribers and {args.articles:,} articles "
            f"in {time.perf_counter() - started:.1f} s ({make_url(url).get_backend_name()})"
        )
        async with Sandbox() as sandbox:
            for reader in range(READERS):
                sandbox.add_user(10_000_000 + reader, f"Reader {reader}", "en")
            async with running_bot(sandbox, db, commands_per_minute=10**6):
                gc.collect()
                gc.freeze()  # as `digestbot run` does: start-up objects never need collecting
                await measure("/help", sandbox, 50)  # warm-up: connections, caches, imports
                print(
                    f"{args.requests} requests each, {READERS} readers, one at a time, "
                    "update injected → answer received by the Bot API sandbox:"
                )
                results = {}
                for command in ("/help", "/more", "/quote"):
                    results[command] = await measure(command, sandbox, args.requests)
                    print(line(command, results[command]))
                p99 = sorted(results["/more"] + results["/quote"])[
                    int(len(results["/more"] + results["/quote"]) * 0.99)
                ]
                verdict = "meets" if p99 <= 15 else "misses"
                print(f"goal p99 ≤ 15 ms for /more and /quote: {verdict} ({p99:.2f} ms)")
        await db.dispose()


if __name__ == "__main__":
    asyncio.run(main())
