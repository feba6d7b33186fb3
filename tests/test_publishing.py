"""Publishing and delivery: every subscriber gets exactly one copy, within Telegram's limits."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import insert, select, update
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.delivery import DeliveryConfig, DeliveryWorker
from bot.publishing import publish
from bot.sandbox import Faults, Limits, Sandbox
from bot.storage.database import Database
from bot.storage.models import OutboxMessage, Rendering, Subscriber
from bot.storage.outbox import OutboxRepository
from bot.storage.repository import Repository
from digests import parse
from tests.conftest import SAMPLE
from tests.harness import ANNA, BEN, EDITOR, GROUP, OLENA, Harness, run_bot, visible


def test_publish_sends_each_reader_the_digest_in_their_language(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        article = await bot.ingest_sample()
        for reader in (ANNA, BEN, OLENA):
            await bot.send(reader, "/start")
        await bot.send(ANNA, "/subscribe", chat_id=GROUP)
        after = bot.sandbox.last_seq
        (note,) = await bot.send(EDITOR, f"/publish {article}")
        assert "4 messages" in visible(note)
        for chat, label in (
            (ANNA, "Die Kernfrage"),
            (BEN, "Key question"),
            (OLENA, "Ключове питання"),
            (GROUP, "Die Kernfrage"),
        ):
            (digest,) = await bot.sandbox.wait_for_messages(chat, after=after, timeout=10)
            assert label in visible(digest)
            assert digest["reply_markup"]["inline_keyboard"]
        assert await bot.rows("SELECT COUNT(*) FROM renderings") == [(3,)]  # de, en, uk
        (pushed,) = [m for m in bot.sandbox.sent(BEN) if m["seq"] > after]
        await asyncio.sleep(0.2)  # the outcome is recorded right after the send
        (page,) = await bot.send(BEN, "/more", reply_to=pushed["message_id"])
        assert "Part 1 of 4" in visible(page)
        assert await bot.rows("SELECT state, COUNT(*) FROM outbox GROUP BY state") == [("sent", 4)]

    run_bot(database_url, scenario)


def test_publish_of_a_missing_article_and_stats(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        (reply,) = await bot.send(EDITOR, "/publish 42")
        assert "no article #42" in visible(reply)
        (reply,) = await bot.send(EDITOR, "/publish")
        assert "/publish 12" in visible(reply)
        await bot.send(BEN, "/start")
        (stats,) = await bot.send(EDITOR, "/stats")
        assert "en · subscribed: 1" in visible(stats) and "Digests: 0" in visible(stats)

    run_bot(database_url, scenario)


async def _subscribers(db: Database, chats: list[int], chat_type: str = "private") -> None:
    async with db.session() as session:
        await session.execute(
            insert(Subscriber),
            [
                {
                    "chat_id": chat,
                    "chat_type": chat_type,
                    "language": "en",
                    "subscribed": True,
                    "active": True,
                    "language_chosen": False,
                }
                for chat in chats
            ],
        )


async def _publish_sample(db: Database) -> int:
    async with db.session() as session:
        repo = Repository(session)
        stored, _ = await repo.add_article(parse(SAMPLE.read_bytes()))
        return (await publish(repo, [stored.story_id])).queued


async def _deliver_everything(worker: DeliveryWorker, db: Database, limit: float) -> None:
    """Run the worker until no row waits, retries included."""
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    deadline = asyncio.get_running_loop().time() + limit
    try:
        while asyncio.get_running_loop().time() < deadline:
            async with db.session() as session:
                waiting = await session.scalar(
                    select(OutboxMessage.id)
                    .where(OutboxMessage.state.in_(("pending", "sending")))
                    .limit(1)
                )
            if waiting is None:
                return
            await asyncio.sleep(0.1)
        raise AssertionError("delivery did not finish in time")
    finally:
        stop.set()
        await task


def _bot(sandbox: Sandbox, read_timeout: float = 5.0) -> Bot:
    request = HTTPXRequest(
        connection_pool_size=32,
        read_timeout=read_timeout,
        connect_timeout=2.0,
        write_timeout=2.0,
        pool_timeout=5.0,
    )
    return Bot(
        sandbox.token, base_url=sandbox.api_url, base_file_url=sandbox.file_url, request=request
    )


def test_faults_lose_nothing_and_duplicate_nothing(database_url: str) -> None:
    """5 % 500s, 2 % 429s, 1 % answers slower than the client waits, 10 % blocked readers."""
    chats = list(range(50_000, 51_000))
    blocked = set(chats[::10])

    async def main() -> None:
        db = Database(database_url)
        await _subscribers(db, chats)
        queued = await _publish_sample(db)
        assert queued == len(chats)
        async with Sandbox() as sandbox:
            for chat in chats:
                sandbox.add_user(chat, f"Reader {chat}", "en")
            for chat in blocked:
                sandbox.block_bot(chat)
            sandbox.faults = Faults(
                server_error_rate=0.05,
                retry_after_rate=0.02,
                retry_after=1,
                slow_rate=0.01,
                slow_seconds=1.5,
                seed=7,
            )
            bot = _bot(sandbox, read_timeout=0.5)
            config = DeliveryConfig(
                per_second=None, concurrency=16, max_attempts=6, backoff=0.05, backoff_cap=0.5
            )
            async with bot:
                await _deliver_everything(DeliveryWorker(db, bot, config), db, limit=90)
            copies = Counter(m["chat_id"] for m in sandbox.sent())
            assert {chat for chat in chats if copies[chat] != 1} == blocked
            assert all(copies[chat] == 0 for chat in blocked)
        async with db.session() as session:
            inactive = set(
                await session.scalars(
                    select(Subscriber.chat_id).where(Subscriber.active.is_(False))
                )
            )
            states = Counter(await session.scalars(select(OutboxMessage.state)))
            most = await session.scalar(
                select(OutboxMessage.attempts).order_by(OutboxMessage.attempts.desc()).limit(1)
            )
        assert inactive == blocked
        assert states == {"sent": len(chats) - len(blocked), "skipped": len(blocked)}
        assert most <= config.max_attempts
        await db.dispose()

    asyncio.run(main())


def test_limits_are_kept_so_telegram_never_answers_429(database_url: str) -> None:
    """The sandbox enforces 30/s bot-wide, 1/s per chat and per-group limits, answering 429."""
    chats = list(range(60_000, 60_120))
    groups = [-1_000_001, -1_000_002]

    async def main() -> None:
        db = Database(database_url)
        await _subscribers(db, chats)
        await _subscribers(db, groups, "supergroup")
        async with db.session() as session:
            repo = Repository(session)
            for n in range(3):  # three digests: three messages to each group, one second apart
                stored, _ = await repo.add_article(
                    parse(
                        f"Story {n}\n\nThe lead of story {n} is short.\n\nWhy\n\nTherefore it matters "
                        f"for reason {n}."
                    )
                )
                await publish(repo, [stored.story_id])
        async with Sandbox(enforce_limits=True, limits=Limits(group_per_minute=20)) as sandbox:
            for chat in chats:
                sandbox.add_user(chat, f"Reader {chat}", "en")
            for group in groups:
                sandbox.add_group(group, "Group", kind="supergroup", admins={chats[0]})
            config = DeliveryConfig(per_second=30, concurrency=8)
            async with _bot(sandbox) as bot:
                started = asyncio.get_running_loop().time()
                await _deliver_everything(DeliveryWorker(db, bot, config), db, limit=60)
                elapsed = asyncio.get_running_loop().time() - started
            assert sandbox.stats.responses.get(429, 0) == 0
            assert len(sandbox.sent()) == 3 * (len(chats) + len(groups))
            assert elapsed >= (3 * (len(chats) + len(groups)) - 1) / 30 * 0.9
        await db.dispose()

    asyncio.run(main())


def test_renderings_are_made_once_per_language(database_url: str) -> None:
    async def main() -> None:
        db = Database(database_url)
        async with db.session() as session:
            await session.execute(
                insert(Subscriber),
                [
                    {
                        "chat_id": 70_000 + n,
                        "chat_type": "private",
                        "language": ("de", "uk")[n % 2],
                        "subscribed": True,
                        "active": n != 3,
                        "language_chosen": False,
                    }
                    for n in range(10)
                ],
            )
        queued = await _publish_sample(db)
        assert queued == 9  # one is inactive
        async with db.session() as session:
            languages = sorted(await session.scalars(select(Rendering.language)))
        assert languages == ["de", "uk"]
        await db.dispose()

    asyncio.run(main())


def test_migrated_group_unknown_chat_and_unparsable_html(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A group that became a supergroup is followed; a chat Telegram does not know is dropped;
    a message Telegram cannot parse goes out as plain text (and the log says so)."""
    old_group, new_group, unknown, reader = -500, -1_000_500, 987_654, 80_001

    async def main() -> None:
        db = Database(database_url)
        await _subscribers(db, [old_group], "group")
        await _subscribers(db, [unknown, reader])
        await _publish_sample(db)
        async with db.session() as session:  # spoil the reader's rendering
            await session.execute(update(Rendering).values(text="<p>Broken & raw</p>"))
        async with Sandbox() as sandbox:
            sandbox.add_user(reader, "Reader", "en")
            sandbox.add_group(old_group, "Old group", kind="group", admins={reader})
            sandbox.migrate_group(old_group, new_group)
            async with _bot(sandbox) as bot:
                await _deliver_everything(DeliveryWorker(db, bot, DeliveryConfig()), db, 30)
            (to_group,) = sandbox.sent(new_group)
            (to_reader,) = sandbox.sent(reader)
            assert to_reader["parse_mode"] is None and to_reader["text"] == "Broken & raw"
            assert to_group["text"] == "Broken & raw"
            assert sandbox.sent(old_group) == []
        async with db.session() as session:
            chats = {row.chat_id: row.active for row in await session.scalars(select(Subscriber))}
        assert chats == {new_group: True, unknown: False, reader: True}
        await db.dispose()

    with caplog.at_level(logging.ERROR, logger="bot.delivery"):
        asyncio.run(main())
    plain = [r for r in caplog.records if "sent as plain text" in r.getMessage()]
    assert reader in {r.chat_id for r in plain}  # a field of its own in JSON logs


def test_start_brings_back_a_reader_who_had_blocked_the_bot(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.send(BEN, "/start")
        async with bot.db.session() as session:
            await session.execute(update(Subscriber).values(active=False))
        await bot.send(BEN, "/start")
        assert await bot.rows("SELECT active, subscribed FROM subscribers") == [(True, True)]

    run_bot(database_url, scenario)


def test_a_chat_being_sent_to_is_not_claimed_by_another_worker(database_url: str) -> None:
    """Part 2 of a chat's digest waits while part 1 is in flight, whoever holds part 1: two
    workers never send to one chat at once, and parts never overtake each other."""
    first, second = 910_001, 910_002

    async def main() -> None:
        db = Database(database_url)
        try:
            await _subscribers(db, [first, second])
            assert await _publish_sample(db) == 2
            async with db.session() as session:
                row = await session.scalar(
                    select(OutboxMessage).where(OutboxMessage.chat_id == first)
                )
                assert row is not None
                session.add(
                    OutboxMessage(
                        digest_id=row.digest_id,
                        chat_id=first,
                        part=2,
                        rendering_id=row.rendering_id,
                    )
                )
            lease = timedelta(seconds=60)
            async with db.session() as session:
                (held,) = await OutboxRepository(session).claim(1, lease)
            assert (held.chat_id, held.part) == (first, 1)
            async with db.session() as session:
                others = await OutboxRepository(session).claim(10, lease)
            assert [(r.chat_id, r.part) for r in others] == [(second, 1)]
            async with db.session() as session:
                await session.execute(
                    update(OutboxMessage)
                    .where(OutboxMessage.id == held.id)
                    .values(state="sent", lease_until=None)
                )
            async with db.session() as session:
                (after,) = await OutboxRepository(session).claim(10, lease)
            assert (after.chat_id, after.part) == (first, 2)
        finally:
            await db.dispose()

    asyncio.run(main())
