"""What runs besides the handlers: the delivery worker and the schedule jobs."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from sqlalchemy import select
from telegram.ext import Application, ContextTypes

from bot.delivery import DeliveryConfig, DeliveryWorker
from bot.schedules import ScheduleError, missed_fire, run_schedule, trigger
from bot.services import Services
from bot.settings import Settings
from bot.storage.models import Schedule, utcnow

log = logging.getLogger(__name__)
WORKER = "delivery_worker"


def delivery_config(settings: Settings) -> DeliveryConfig:
    rate = 1000.0 if settings.paid_broadcast else settings.broadcast_rate
    return DeliveryConfig(
        per_second=rate,
        group_per_minute=settings.group_rate_per_minute,
        concurrency=settings.send_concurrency,
        max_attempts=settings.send_max_attempts,
        lease=timedelta(seconds=settings.send_lease_seconds),
        paid_broadcast=settings.paid_broadcast,
    )


async def fire_schedule(context: ContextTypes.DEFAULT_TYPE) -> None:
    """A schedule's job: publish its digest for the fire time that just passed."""
    services: Services = context.application.bot_data["services"]
    schedule_id, cron, zone_name = context.job.data
    fire = missed_fire(cron, zone_name, None, utcnow(), timedelta(minutes=10))
    if fire is not None:
        await run_schedule(services.db, schedule_id, fire)


def add_schedule_job(application: Application, schedule: Schedule) -> None:
    """(Re)place the schedule's job: explicit id, so a reload never makes a second one."""
    application.job_queue.run_custom(
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


def remove_schedule_job(application: Application, schedule_id: int) -> None:
    for job in application.job_queue.get_jobs_by_name(f"schedule-{schedule_id}"):
        job.schedule_removal()


async def load_schedules(application: Application) -> None:
    """Jobs for every stored schedule, after running once what was missed while down."""
    services: Services = application.bot_data["services"]
    grace = timedelta(seconds=services.settings.schedule_grace_seconds)
    async with services.db.session() as session:
        schedules = list(await session.scalars(select(Schedule).order_by(Schedule.id)))
    for schedule in schedules:
        try:
            fire = missed_fire(
                schedule.cron, schedule.timezone, schedule.last_run_at, utcnow(), grace
            )
            add_schedule_job(application, schedule)
        except ScheduleError as error:
            log.error("schedule %s cannot run: %s", schedule.id, error)
            continue
        if fire is not None:
            log.info("schedule %s missed its run at %s: running it now", schedule.id, fire)
            await run_schedule(services.db, schedule.id, fire)


async def start_background(application: Application) -> None:
    services: Services = application.bot_data["services"]
    await load_schedules(application)
    stop = asyncio.Event()
    worker = DeliveryWorker(services.db, application.bot, delivery_config(services.settings))
    # A task of its own, not the Application's: Application.stop() would wait for it forever.
    application.bot_data[WORKER] = (stop, asyncio.create_task(worker.run(stop)), worker)


async def stop_background(application: Application) -> None:
    running = application.bot_data.pop(WORKER, None)
    if running is not None:
        stop, task, _worker = running
        stop.set()
        await task
