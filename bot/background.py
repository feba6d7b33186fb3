"""What runs besides the handlers: the delivery worker, and the scheduler (schedule jobs and
feed polling in the Application's JobQueue) while this process leads."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from sqlalchemy import select
from telegram import Bot
from telegram.ext import Application, ContextTypes

from bot.delivery import DeliveryConfig, DeliveryWorker
from bot.feeds import poll_feeds_job
from bot.pace import SharedPace
from bot.schedules import ScheduleError, missed_fire, run_schedule, trigger
from bot.services import Services
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.models import Schedule, utcnow

log = logging.getLogger(__name__)
FEEDS_JOB = "feeds"


def delivery_config(settings: Settings) -> DeliveryConfig:
    rate = 1000.0 if settings.paid_broadcast else settings.broadcast_rate
    return DeliveryConfig(
        per_second=rate or None,
        group_per_minute=settings.group_rate_per_minute,
        concurrency=settings.send_concurrency,
        batch=settings.send_batch,
        max_attempts=settings.send_max_attempts,
        lease=timedelta(seconds=settings.send_lease_seconds),
        paid_broadcast=settings.paid_broadcast,
    )


def delivery_worker(settings: Settings, db: Database, bot: Bot) -> DeliveryWorker:
    """A worker; on PostgreSQL its bot-wide pace is shared with every other worker."""
    config = delivery_config(settings)
    pace = None
    if db.engine.dialect.name == "postgresql" and config.per_second is not None:
        pace = SharedPace(db, config.per_second)
    return DeliveryWorker(db, bot, config, pace)


class Delivery:
    """The delivery worker as a task of its own, not the Application's (Application.stop()
    would wait for it forever)."""

    def __init__(self, worker: DeliveryWorker) -> None:
        self.worker = worker
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self.worker.run(self._stop))

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task
            self._task = None

    @property
    def alive(self) -> bool:
        return self._task is not None and not self._task.done()


async def fire_schedule(context: ContextTypes.DEFAULT_TYPE) -> None:
    """A schedule's job: publish its digest for the fire time that just passed."""
    services: Services = context.application.bot_data["services"]
    schedule_id, cron, zone_name = context.job.data
    fire = missed_fire(cron, zone_name, None, utcnow(), timedelta(minutes=10))
    if fire is not None:
        await run_schedule(services.db, schedule_id, fire)


class Scheduler:
    """Schedule jobs and feed polling, kept in step with the schedules table.

    Other processes (or the CLI) add and remove schedules, so the table is read again every
    SCHEDULE_RELOAD_SECONDS; this process's own /schedule and /unschedule apply at once.
    Every fire time is claimed in the database before it runs, so a job that fires while a
    catch-up runs the same time publishes nothing twice.
    """

    def __init__(self, application: Application) -> None:
        self.application = application
        self.services: Services = application.bot_data["services"]
        self.running = False
        self._jobs: dict[int, tuple[str, str]] = {}
        self._reload: asyncio.Task[None] | None = None
        self._sync_lock = asyncio.Lock()

    async def start(self) -> None:
        """Take over: jobs for every schedule, runs missed while nobody led, feed polling."""
        self.running = True
        await self.sync()
        interval = self.services.settings.feed_poll_interval
        self.application.job_queue.run_repeating(
            poll_feeds_job, interval=interval, first=interval, name=FEEDS_JOB
        )
        self._reload = asyncio.create_task(self._reload_regularly())

    async def stop(self) -> None:
        self.running = False
        if self._reload is not None:
            self._reload.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reload
            self._reload = None
        for schedule_id in list(self._jobs):
            self._remove_job(schedule_id)
        for job in self.application.job_queue.get_jobs_by_name(FEEDS_JOB):
            job.schedule_removal()

    async def changed(self) -> None:
        """A schedule was added or removed here: apply it now if this process schedules."""
        if self.running:
            await self.sync()

    async def _reload_regularly(self) -> None:
        while True:
            await asyncio.sleep(self.services.settings.schedule_reload_seconds)
            try:
                await self.sync()
            except Exception:  # the database hiccupped: the next reload tries again
                log.exception("reloading schedules failed")

    async def sync(self) -> None:
        """Jobs for exactly the stored schedules; a run missed within the grace period first."""
        async with self._sync_lock:
            grace = timedelta(seconds=self.services.settings.schedule_grace_seconds)
            async with self.services.db.session() as session:
                schedules = list(await session.scalars(select(Schedule).order_by(Schedule.id)))
            for gone in set(self._jobs) - {schedule.id for schedule in schedules}:
                self._remove_job(gone)
            for schedule in schedules:
                await self._keep(schedule, grace)

    async def _keep(self, schedule: Schedule, grace: timedelta) -> None:
        try:
            fire = missed_fire(
                schedule.cron, schedule.timezone, schedule.last_run_at, utcnow(), grace
            )
            if self._jobs.get(schedule.id) != (schedule.cron, schedule.timezone):
                self._add_job(schedule)
        except ScheduleError as error:
            log.error("schedule %s cannot run: %s", schedule.id, error)
            return
        if fire is not None:
            log.info("schedule %s missed its run at %s: running it now", schedule.id, fire)
            await run_schedule(self.services.db, schedule.id, fire)

    def _add_job(self, schedule: Schedule) -> None:
        """(Re)place the schedule's job: explicit id, so a reload never makes a second one."""
        self.application.job_queue.run_custom(
            fire_schedule,
            job_kwargs={
                "trigger": trigger(schedule.cron, schedule.timezone),
                "id": f"schedule-{schedule.id}",
                "replace_existing": True,
                "misfire_grace_time": 60,
                "coalesce": True,
            },
            data=(schedule.id, schedule.cron, schedule.timezone),
            name=f"schedule-{schedule.id}",
        )
        self._jobs[schedule.id] = (schedule.cron, schedule.timezone)

    def _remove_job(self, schedule_id: int) -> None:
        for job in self.application.job_queue.get_jobs_by_name(f"schedule-{schedule_id}"):
            job.schedule_removal()
        self._jobs.pop(schedule_id, None)
