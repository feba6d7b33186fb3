"""Digest schedules: cron in an IANA time zone, run once per fire time whatever happens.

Schedules live in our own table and become APScheduler jobs (the Application's JobQueue) with
explicit ids at start. A run first *claims* its fire time in the database (last_run_at moves
forward only if it was before that time), so a run is never repeated: not by a restart, not by
a second process, not by a catch-up. A run missed while the bot was down fires once at start if
it is less than the grace period old.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import or_, select, update

from bot.publishing import Published, publish
from bot.storage.database import Database
from bot.storage.models import ArticleRow, Schedule, as_utc
from bot.storage.repository import Repository

log = logging.getLogger(__name__)
MAX_CATCH_UP_STEPS = 100_000


class ScheduleError(ValueError):
    """A cron expression or time zone that cannot be used; `problem` names which."""

    def __init__(self, problem: str, detail: str) -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem = problem
        self.detail = detail


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ScheduleError("zone", name) from error


class WallClockCron(BaseTrigger):
    """A cron trigger on wall-clock time: each wall-clock time that matches fires once.

    APScheduler's own cron trigger fires a daily 02:30 job twice when clocks fall back; here
    the cron runs over local wall-clock times and each is placed on the real time line once:
    a repeated 02:30 fires at its first occurrence, a skipped 02:30 (clocks spring forward)
    fires once, an hour later by the clock.
    """

    def __init__(self, cron: str, timezone: tzinfo) -> None:
        try:
            self.wall = CronTrigger.from_crontab(cron, timezone=UTC)
        except ValueError as error:
            raise ScheduleError("cron", str(error)) from error
        self.timezone = timezone

    def _to_wall(self, moment: datetime) -> datetime:
        return moment.astimezone(self.timezone).replace(tzinfo=UTC, fold=0)

    def _to_real(self, wall: datetime) -> datetime:
        return wall.replace(tzinfo=self.timezone, fold=0)

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        wall_now = self._to_wall(now)
        wall_previous = self._to_wall(previous_fire_time) if previous_fire_time else None
        for _ in range(4):  # a wall time already past on the real time line: take the next
            wall = self.wall.get_next_fire_time(wall_previous, wall_now)
            if wall is None:
                return None
            real = self._to_real(wall)
            # Compare as instants: datetimes sharing a tzinfo compare by wall clock in Python.
            instant = real.astimezone(UTC)
            if instant >= now.astimezone(UTC) and (
                previous_fire_time is None or instant > previous_fire_time.astimezone(UTC)
            ):
                return real
            wall_previous, wall_now = wall, wall + timedelta(microseconds=1)
        return None


def trigger(cron: str, timezone_name: str) -> WallClockCron:
    """A validated trigger; ScheduleError for a bad expression or an unknown zone."""
    if len(cron.split()) != 5:
        raise ScheduleError("cron", "five fields expected: minute hour day month weekday")
    return WallClockCron(cron, zone(timezone_name))


def fire_times(cron: str, timezone_name: str, after: datetime, until: datetime) -> list[datetime]:
    """Every fire time in (after, until]."""
    schedule = trigger(cron, timezone_name)
    times: list[datetime] = []
    previous = None
    now = after + timedelta(microseconds=1)
    for _ in range(MAX_CATCH_UP_STEPS):
        fire = schedule.get_next_fire_time(previous, now)
        if fire is None or fire > until:
            break
        times.append(fire)
        previous, now = fire, fire + timedelta(microseconds=1)
    return times


def next_fire(cron: str, timezone_name: str, after: datetime) -> datetime | None:
    """The first fire time after `after` (one step, however frequent the schedule)."""
    return trigger(cron, timezone_name).get_next_fire_time(None, after + timedelta(microseconds=1))


def missed_fire(
    cron: str, timezone_name: str, last_run: datetime | None, now: datetime, grace: timedelta
) -> datetime | None:
    """The fire time to catch up at start: the latest one within the grace period that has
    not run yet, or None."""
    since = now - grace
    if last_run is not None and as_utc(last_run) > since:
        since = as_utc(last_run)
    missed = fire_times(cron, timezone_name, since, now)
    return missed[-1] if missed else None


@dataclass(frozen=True, slots=True)
class RunOutcome:
    claimed: bool
    published: Published | None


async def run_schedule(db: Database, schedule_id: int, fire: datetime) -> RunOutcome:
    """Publish what was ingested since the schedule's previous run, once for this fire time.

    The claim and the publishing share one transaction: both happen, or neither.
    """
    fire = fire.astimezone(UTC)
    async with db.session() as session:
        row = await session.get(Schedule, schedule_id)
        if row is None:
            return RunOutcome(False, None)
        since = row.last_run_at or row.created_at
        claimed = await session.execute(
            update(Schedule)
            .where(
                Schedule.id == schedule_id,
                or_(Schedule.last_run_at.is_(None), Schedule.last_run_at < fire),
            )
            .values(last_run_at=fire)
            .execution_options(synchronize_session=False)
        )
        if not claimed.rowcount:
            return RunOutcome(False, None)
        stories = await session.scalars(
            select(ArticleRow.story_id)
            .where(ArticleRow.created_at > since, ArticleRow.created_at <= fire)
            .order_by(ArticleRow.id)
        )
        story_ids = list(dict.fromkeys(stories))
        if not story_ids:
            log.info("schedule %s at %s: nothing new to publish", schedule_id, fire)
            return RunOutcome(True, None)
        published = await publish(Repository(session), story_ids, schedule_id)
    log.info(
        "schedule %s at %s: digest %s with %d items, %d messages queued",
        schedule_id,
        fire,
        published.digest_id,
        len(story_ids),
        published.queued,
        extra={
            "schedule_id": schedule_id,
            "digest_id": published.digest_id,
            "queued": published.queued,
        },
    )
    return RunOutcome(True, published)
