"""Editors publish digests now or on schedules, and watch delivery."""

from __future__ import annotations

from babel.dates import format_datetime
from sqlalchemy import delete, select
from telegram import Update
from telegram.ext import ContextTypes

from bot.background import Scheduler
from bot.handlers.common import argument, editors_only, say
from bot.publishing import publish
from bot.reader import Reader
from bot.schedules import ScheduleError, next_fire, trigger
from bot.services import services
from bot.storage.models import Schedule, as_utc, utcnow
from bot.storage.repository import Repository
from bot.storage.stats import gather_stats


@editors_only
async def publish_command(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader
) -> None:
    """`/publish <article>`: queue that article's digest for every active subscriber now."""
    _ = reader.gettext
    raw = (argument(context) or "").lstrip("#")
    if not raw.isdigit():
        await say(update, _("Use /publish followed by an article number, for example /publish 12."))
        return
    async with services(context).db.session() as session:
        repo = Repository(session)
        stored = await repo.article(int(raw))
        published = await publish(repo, [stored.story_id]) if stored else None
    if published is None:
        await say(update, _("There is no article #%(id)s.") % {"id": raw[:12]})
        return
    await say(
        update,
        reader.ngettext(
            "Digest #%(digest)d queued: %(num)d message.",
            "Digest #%(digest)d queued: %(num)d messages.",
            published.queued,
        )
        % {"digest": published.digest_id, "num": published.queued},
    )


def _split_schedule_args(args: list[str], default_zone: str) -> tuple[str, str, str | None]:
    """`0 8 * * mon-fri Europe/Berlin Morning` → cron, zone, name."""
    cron, rest = " ".join(args[:5]), args[5:]
    zone = default_zone
    if rest and ("/" in rest[0] or rest[0].upper() == "UTC"):
        zone, rest = rest[0], rest[1:]
    return cron, zone, " ".join(rest)[:120] or None


@editors_only
async def schedule_command(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader
) -> None:
    """`/schedule <cron> [zone] [name]`: a digest of what is new, at every cron time."""
    _ = reader.gettext
    settings = services(context).settings
    args = context.args or []
    if len(args) < 5:
        await say(
            update,
            _(
                "Use /schedule with five cron fields, then a time zone and a name "
                "if you like, for example: /schedule 0 8 * * mon-fri Europe/Berlin "
                "Morning digest"
            ),
        )
        return
    cron, zone, name = _split_schedule_args(args, settings.default_timezone)
    try:
        trigger(cron, zone)
    except ScheduleError as error:
        text = (
            _("“%(zone)s” is not a time zone I know (use names like Europe/Berlin).")
            if error.problem == "zone"
            else _("“%(cron)s” is not a cron expression I can use.")
        )
        await say(update, text % {"zone": zone[:64], "cron": cron[:64]})
        return
    async with services(context).db.session() as session:
        schedule = Schedule(cron=cron, timezone=zone, name=name, last_run_at=utcnow())
        session.add(schedule)
        await session.flush()
    await _scheduler(context).changed()
    await say(
        update,
        _("Schedule #%(id)d: %(cron)s (%(zone)s). Next digest: %(next)s.")
        % {
            "id": schedule.id,
            "cron": cron,
            "zone": zone,
            "next": _next_fire(schedule, reader.language),
        },
    )


def _next_fire(schedule: Schedule, language: str) -> str:
    upcoming = next_fire(schedule.cron, schedule.timezone, utcnow())
    if upcoming is None:
        return "—"
    return format_datetime(upcoming, format="medium", tzinfo=upcoming.tzinfo, locale=language)


@editors_only
async def schedules_command(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader
) -> None:
    """`/schedules`: every schedule with its next run."""
    _ = reader.gettext
    async with services(context).db.session() as session:
        schedules = list(await session.scalars(select(Schedule).order_by(Schedule.id)))
    if not schedules:
        await say(update, _("No schedules yet. /schedule adds one."))
        return
    lines = []
    for schedule in schedules:
        last = (
            format_datetime(as_utc(schedule.last_run_at), format="short", locale=reader.language)
            if schedule.last_run_at
            else "—"
        )
        lines.append(
            _("#%(id)d %(name)s: %(cron)s (%(zone)s), next %(next)s, last %(last)s")
            % {
                "id": schedule.id,
                "name": schedule.name or "",
                "cron": schedule.cron,
                "zone": schedule.timezone,
                "next": _next_fire(schedule, reader.language),
                "last": last,
            }
        )
    await say(update, "\n".join(lines))


@editors_only
async def unschedule_command(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader
) -> None:
    """`/unschedule <id>`: stop a schedule."""
    _ = reader.gettext
    raw = (argument(context) or "").lstrip("#")
    removed = 0
    if raw.isdigit():
        async with services(context).db.session() as session:
            result = await session.execute(delete(Schedule).where(Schedule.id == int(raw)))
            removed = result.rowcount or 0
    if not removed:
        await say(update, _("There is no schedule #%(id)s.") % {"id": raw[:12] or "?"})
        return
    await _scheduler(context).changed()
    await say(update, _("Schedule #%(id)s removed.") % {"id": raw})


@editors_only
async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE, reader: Reader) -> None:
    """`/stats`: subscribers, digests, delivery and its failures."""
    _ = reader.gettext
    async with services(context).db.session() as session:
        stats = await gather_stats(session)
    states = {
        "subscribed": _("subscribed"),
        "unsubscribed": _("not subscribed"),
        "inactive": _("unreachable"),
    }
    lines = [_("Subscribers:")]
    for (language, state), count in sorted(stats.subscribers.items()):
        lines.append(f"  {language} · {states[state]}: {count}")
    lines.append(_("Digests: %(num)d") % {"num": stats.digests})
    lines.append(
        _("Messages: %(pending)d waiting, %(sent)d sent, %(failed)d failed, %(skipped)d skipped")
        % {
            "pending": stats.outbox.get("pending", 0) + stats.outbox.get("sending", 0),
            "sent": stats.outbox.get("sent", 0),
            "failed": stats.outbox.get("failed", 0),
            "skipped": stats.outbox.get("skipped", 0),
        }
    )
    lines.append(_("Sending now: %(rate).1f messages per second") % {"rate": stats.rate_per_second})
    if stats.failures:
        lines.append(_("Recent failure reasons:"))
        lines += [f"  {count} × {reason[:120]}" for reason, count in stats.failures]
    await say(update, "\n".join(lines))


def _scheduler(context: ContextTypes.DEFAULT_TYPE) -> Scheduler:
    return context.application.bot_data["scheduler"]
