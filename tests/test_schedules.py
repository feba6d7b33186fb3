"""Schedules: wall-clock cron across DST, one run per fire time, catch-up once, no repeats."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.schedules import (
    ScheduleError,
    fire_times,
    missed_fire,
    next_fire,
    run_schedule,
    trigger,
)
from bot.storage.database import Database
from bot.storage.models import ArticleRow, DigestItem, OutboxMessage, Schedule, Subscriber
from bot.storage.repository import Repository
from digests import parse
from tests.harness import BEN, EDITOR, Harness, run_bot, visible

BERLIN = "Europe/Berlin"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def local_times(cron: str, start: datetime, end: datetime) -> list[str]:
    return [f.strftime("%m-%d %H:%M %z") for f in fire_times(cron, BERLIN, start, end)]


def test_daily_digest_fires_once_when_clocks_spring_forward() -> None:
    # 29 March 2026: 02:00 → 03:00 in Berlin; 02:30 does not exist that night.
    times = local_times("30 2 * * *", utc(2026, 3, 27, 12), utc(2026, 3, 30, 12))
    assert times == ["03-28 02:30 +0100", "03-29 02:30 +0100", "03-30 02:30 +0200"]
    instants = fire_times("30 2 * * *", BERLIN, utc(2026, 3, 28, 12), utc(2026, 3, 29, 12))
    assert [t.astimezone(UTC).hour for t in instants] == [1]  # 03:30 by the clock, once


def test_daily_digest_fires_once_when_clocks_fall_back() -> None:
    # 25 October 2026: 03:00 → 02:00 in Berlin; 02:30 happens twice that night.
    times = local_times("30 2 * * *", utc(2026, 10, 24, 12), utc(2026, 10, 26, 12))
    assert times == ["10-25 02:30 +0200", "10-26 02:30 +0100"]


def test_hourly_schedule_across_both_changes() -> None:
    spring = local_times("0 * * * *", utc(2026, 3, 28, 23), utc(2026, 3, 29, 2, 30))
    assert spring == ["03-29 01:00 +0100", "03-29 02:00 +0100", "03-29 04:00 +0200"]
    fall = local_times("0 * * * *", utc(2026, 10, 24, 22, 30), utc(2026, 10, 25, 2, 30))
    assert fall == ["10-25 01:00 +0200", "10-25 02:00 +0200", "10-25 03:00 +0100"]


@pytest.mark.parametrize(
    "cron,zone,problem",
    [
        ("61 8 * * *", "UTC", "cron"),
        ("0 8 * *", "UTC", "cron"),
        ("every day", "UTC", "cron"),
        ("0 8 * * *", "Mars/Olympus", "zone"),
        ("0 8 * * *", "", "zone"),
    ],
)
def test_bad_cron_and_zone(cron: str, zone: str, problem: str) -> None:
    with pytest.raises(ScheduleError) as error:
        trigger(cron, zone)
    assert error.value.problem == problem


def test_catch_up_only_within_the_grace_period() -> None:
    yesterday = utc(2026, 6, 1, 6)  # 08:00 Berlin (summer time)
    grace = timedelta(hours=1)
    missed = missed_fire("0 8 * * *", BERLIN, yesterday, utc(2026, 6, 2, 6, 30), grace)
    assert missed == utc(2026, 6, 2, 6)  # today's 08:00, half an hour late: run it once
    assert missed_fire("0 8 * * *", BERLIN, yesterday, utc(2026, 6, 2, 8), grace) is None
    ran_today = utc(2026, 6, 2, 6)
    assert missed_fire("0 8 * * *", BERLIN, ran_today, utc(2026, 6, 2, 6, 30), grace) is None


async def _article(db: Database, title: str, created: datetime) -> int:
    async with db.session() as session:
        stored, _ = await Repository(session).add_article(
            parse(
                f"{title}\n\nThe lead of {title} is short but complete.\n\nWhy it matters\n\n"
                f"Therefore {title} goes to a vote on Friday."
            )
        )
        await session.execute(
            update(ArticleRow).where(ArticleRow.id == stored.id).values(created_at=created)
        )
        return stored.story_id


def test_a_run_publishes_what_is_new_once(database_url: str) -> None:
    async def main() -> None:
        db = Database(database_url)
        async with db.session() as session:
            session.add(
                Subscriber(
                    chat_id=5,
                    chat_type="private",
                    language="en",
                    subscribed=True,
                    active=True,
                    language_chosen=False,
                )
            )
            schedule = Schedule(
                cron="0 8 * * *",
                timezone=BERLIN,
                last_run_at=utc(2026, 6, 1, 6),
                created_at=utc(2026, 5, 1),
            )
            session.add(schedule)
            await session.flush()
            schedule_id = schedule.id
        old = await _article(db, "Old story", utc(2026, 6, 1, 5))
        first = await _article(db, "First story", utc(2026, 6, 1, 9))
        second = await _article(db, "Second story", utc(2026, 6, 2, 5))
        late = await _article(db, "Late story", utc(2026, 6, 2, 7))
        fire = fire_times("0 8 * * *", BERLIN, utc(2026, 6, 1, 7), utc(2026, 6, 2, 7))[0]
        outcome = await run_schedule(db, schedule_id, fire)
        assert outcome.claimed and outcome.published is not None
        again = await run_schedule(db, schedule_id, fire)  # a restart, a second process
        assert not again.claimed
        async with db.session() as session:
            items = list(
                await session.scalars(select(DigestItem.story_id).order_by(DigestItem.position))
            )
            queued = list(await session.scalars(select(OutboxMessage.chat_id)))
        assert items == [first, second]  # not the old one, not the one after the fire time
        assert old not in items and late not in items
        assert queued == [5]
        following = await run_schedule(db, schedule_id, fire + timedelta(hours=1))
        assert following.published is not None  # the late story, and only it
        async with db.session() as session:
            items = list(
                await session.scalars(
                    select(DigestItem.story_id).where(
                        DigestItem.digest_id == following.published.digest_id
                    )
                )
            )
        assert items == [late]
        quiet = await run_schedule(db, schedule_id, fire + timedelta(hours=2))
        assert quiet.claimed and quiet.published is None  # nothing new: skipped quietly
        await db.dispose()

    asyncio.run(main())


def test_schedule_commands(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        (reply,) = await bot.send(EDITOR, "/schedule 61 8 * * * Europe/Berlin")
        assert "not a cron expression" in visible(reply)
        (reply,) = await bot.send(EDITOR, "/schedule 0 8 * * mon-fri Mars/Olympus")
        assert "not a time zone" in visible(reply)
        (reply,) = await bot.send(EDITOR, "/schedule 0 8")
        assert "five cron fields" in visible(reply)
        assert await bot.rows("SELECT COUNT(*) FROM schedules") == [(0,)]
        (reply,) = await bot.send(EDITOR, "/schedule 0 8 * * mon-fri Europe/Berlin Morning")
        assert "Schedule #1: 0 8 * * mon-fri (Europe/Berlin)" in visible(reply)
        assert bot.app.job_queue.get_jobs_by_name("schedule-1")
        (listing,) = await bot.send(EDITOR, "/schedules")
        assert "#1 Morning: 0 8 * * mon-fri (Europe/Berlin)" in visible(listing)
        (reply,) = await bot.send(BEN, "/schedule 0 8 * * *")
        assert "only for the newsroom's editors" in visible(reply)
        (reply,) = await bot.send(EDITOR, "/unschedule 1")
        assert "removed" in visible(reply)
        await asyncio.sleep(0.1)
        assert not bot.app.job_queue.get_jobs_by_name("schedule-1")
        (reply,) = await bot.send(EDITOR, "/unschedule 1")
        assert "no schedule #1" in visible(reply)

    run_bot(database_url, scenario)


def test_numbered_digest_and_more_2(database_url: str) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.send(BEN, "/start")
        first = await _article(bot.db, "Alpha story", datetime.now(UTC) - timedelta(minutes=5))
        second = await _article(bot.db, "Beta story", datetime.now(UTC) - timedelta(minutes=4))
        async with bot.db.session() as session:
            schedule = Schedule(
                cron="* * * * *",
                timezone="UTC",
                last_run_at=datetime.now(UTC) - timedelta(minutes=10),
            )
            session.add(schedule)
            await session.flush()
            schedule_id = schedule.id
        after = bot.sandbox.last_seq
        outcome = await run_schedule(bot.db, schedule_id, datetime.now(UTC))
        assert outcome.published is not None and [first, second]
        (digest,) = await bot.sandbox.wait_for_messages(BEN, after=after, timeout=10)
        assert "1. Alpha story" in visible(digest) and "2. Beta story" in visible(digest)
        assert "2 articles" in visible(digest)
        await asyncio.sleep(0.2)
        (page,) = await bot.send(BEN, "/more 2")
        assert "Beta story" in visible(page)

    run_bot(database_url, scenario)


def test_missed_run_fires_once_at_start_and_not_after_a_restart(database_url: str) -> None:
    delivered: list[int] = []

    async def seed() -> None:
        db = Database(database_url)
        async with db.session() as session:
            session.add(
                Subscriber(
                    chat_id=BEN,
                    chat_type="private",
                    language="en",
                    subscribed=True,
                    active=True,
                    language_chosen=False,
                )
            )
            session.add(
                Schedule(
                    cron="* * * * *",
                    timezone="UTC",
                    last_run_at=datetime.now(UTC) - timedelta(minutes=10),
                )
            )
        await _article(db, "Missed story", datetime.now(UTC) - timedelta(minutes=5))
        await db.dispose()

    async def scenario(bot: Harness) -> None:
        await asyncio.sleep(1.5)  # start-up catch-up, then the worker delivers
        delivered.append(sum("Missed story" in visible(m) for m in bot.sandbox.sent(BEN)))

    asyncio.run(seed())
    run_bot(database_url, scenario)
    run_bot(database_url, scenario)  # a restart: the run is not repeated
    assert delivered == [1, 0]


def test_next_fire_is_one_step_however_frequent() -> None:
    after = utc(2026, 6, 1, 12, 0, 30)
    assert next_fire("* * * * *", BERLIN, after) == utc(2026, 6, 1, 12, 1)
    assert next_fire("30 2 * * *", BERLIN, utc(2026, 10, 25, 0, 30)) == utc(2026, 10, 26, 1, 30)
