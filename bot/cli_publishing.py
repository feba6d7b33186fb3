"""`digestbot publish`, `schedule`, `stats` and `deliver`: publishing from the shell."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from sqlalchemy import delete, select

from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.migrate import upgrade_async

schedule_app = typer.Typer(help="Digest schedules.", no_args_is_help=True)
T = TypeVar("T")


def fail(message: str) -> typer.Exit:
    typer.echo(f"digestbot: error: {message}", err=True)
    return typer.Exit(2)


def settings() -> Settings:
    from bot.cli import load_settings

    return load_settings()


def with_db(work: Callable[[Database], Awaitable[T]]) -> T:
    """Migrate, open the database, run `work`, close."""
    url = settings().database_url

    async def main() -> T:
        await upgrade_async(url)
        db = Database(url)
        try:
            return await work(db)
        finally:
            await db.dispose()

    return asyncio.run(main())


def publish_command(
    article: Annotated[int, typer.Option("--article", help="The article to publish.")],
) -> None:
    """Queue an article's digest for every active subscriber (the worker sends it)."""
    from bot.publishing import publish
    from bot.storage.repository import Repository

    async def work(db: Database) -> tuple[int, int] | None:
        async with db.session() as session:
            repo = Repository(session)
            stored = await repo.article(article)
            if stored is None:
                return None
            published = await publish(repo, [stored.story_id])
            return published.digest_id, published.queued

    result = with_db(work)
    if result is None:
        raise fail(f"there is no article {article}.")
    typer.echo(f"digest {result[0]}: {result[1]} messages queued")


@schedule_app.command("add")
def schedule_add(
    cron: Annotated[str, typer.Argument(help='Five fields, e.g. "0 8 * * mon-fri".')],
    tz: Annotated[str | None, typer.Option("--tz", help="IANA time zone.")] = None,
    name: Annotated[str | None, typer.Option("--name")] = None,
) -> None:
    """Add a schedule (the running bot picks it up at its next start)."""
    from bot.schedules import ScheduleError, trigger
    from bot.storage.models import Schedule, utcnow

    zone = tz or settings().default_timezone
    try:
        trigger(cron, zone)
    except ScheduleError as error:
        raise fail(
            f"bad {'time zone' if error.problem == 'zone' else 'cron expression'}: {error.detail}"
        ) from None

    async def work(db: Database) -> int:
        async with db.session() as session:
            schedule = Schedule(cron=cron, timezone=zone, name=name, last_run_at=utcnow())
            session.add(schedule)
            await session.flush()
            return schedule.id

    typer.echo(f"schedule {with_db(work)}: {cron} ({zone})")


@schedule_app.command("list")
def schedule_list() -> None:
    """List schedules with their next run."""
    from bot.schedules import next_fire
    from bot.storage.models import Schedule, utcnow

    async def work(db: Database) -> list[Schedule]:
        async with db.session() as session:
            return list(await session.scalars(select(Schedule).order_by(Schedule.id)))

    for schedule in with_db(work):
        upcoming = next_fire(schedule.cron, schedule.timezone, utcnow())
        following = upcoming.isoformat() if upcoming else "-"
        typer.echo(
            f"{schedule.id}\t{schedule.cron}\t{schedule.timezone}\tnext {following}\t"
            f"{schedule.name or ''}"
        )


@schedule_app.command("remove")
def schedule_remove(schedule_id: Annotated[int, typer.Argument()]) -> None:
    """Remove a schedule."""
    from bot.storage.models import Schedule

    async def work(db: Database) -> int:
        async with db.session() as session:
            result = await session.execute(delete(Schedule).where(Schedule.id == schedule_id))
            return result.rowcount or 0

    if not with_db(work):
        raise fail(f"there is no schedule {schedule_id}.")
    typer.echo(f"schedule {schedule_id} removed")


def stats_command() -> None:
    """Subscribers, digests, delivery and failure reasons."""
    from bot.storage.stats import Stats, gather_stats

    async def work(db: Database) -> Stats:
        async with db.session() as session:
            return await gather_stats(session)

    stats = with_db(work)
    for (language, state), count in sorted(stats.subscribers.items()):
        typer.echo(f"subscribers\t{language}\t{state}\t{count}")
    typer.echo(f"digests\t{stats.digests}")
    for state, count in sorted(stats.outbox.items()):
        typer.echo(f"messages\t{state}\t{count}")
    typer.echo(f"rate\t{stats.rate_per_second:.2f}/s")
    for reason, count in stats.failures:
        typer.echo(f"failure\t{count}\t{reason}")


def deliver_command(
    until_empty: Annotated[
        bool,
        typer.Option(
            "--until-empty", help="Exit once nothing is waiting (else run until stopped)."
        ),
    ] = False,
) -> None:
    """Run the delivery worker alone: send queued messages within Telegram's limits."""
    from telegram import Bot
    from telegram.request import HTTPXRequest

    from bot.background import delivery_config, delivery_worker
    from bot.logs import configure_logging

    config = settings()
    if config.telegram_bot_token is None:
        raise fail("TELEGRAM_BOT_TOKEN is not set (see .env.example).")
    token = config.telegram_bot_token.get_secret_value()
    configure_logging(config.log_level, token, config.log_format)

    async def work(db: Database) -> None:
        delivery = delivery_config(config)
        request = HTTPXRequest(connection_pool_size=delivery.concurrency + 4)
        bot = Bot(
            token,
            base_url=config.telegram_api_base_url,
            base_file_url=config.telegram_api_base_file_url,
            request=request,
        )
        worker = delivery_worker(config, db, bot)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        async with bot:
            if until_empty:
                while not stop.is_set() and await worker.has_work():
                    await worker.drain()
                    await asyncio.sleep(delivery.idle_poll)
            else:
                await worker.run(stop)

    with_db(work)
