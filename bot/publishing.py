"""Publishing: a digest rendered once per language in use, one outbox row per chat and part.

Everything is written in one transaction: either every subscriber has their rows or none has.
The rows are made by the database from the subscribers table (INSERT … SELECT), so a million
subscribers never pass through this process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import DateTime, insert, literal, select

from bot.keyboards import digest_keyboard
from bot.reading import digest_view
from bot.storage.models import OutboxMessage, Rendering, Subscriber, utcnow
from bot.storage.repository import Repository
from digests.i18n import translations


@dataclass(frozen=True, slots=True)
class Published:
    digest_id: int
    languages: tuple[str, ...]
    queued: int  # outbox rows written


async def languages_in_use(repo: Repository) -> list[str]:
    rows = await repo.session.scalars(
        select(Subscriber.language)
        .where(Subscriber.subscribed.is_(True), Subscriber.active.is_(True))
        .distinct()
    )
    return sorted(rows)


async def publish(
    repo: Repository, story_ids: Sequence[int], schedule_id: int | None = None
) -> Published:
    """Make a digest of `story_ids` and queue it for every active subscriber."""
    digest = await repo.create_digest(story_ids, schedule_id)
    languages = await languages_in_use(repo)
    for language in languages:
        view = await digest_view(repo, digest.id, language)
        markup = digest_keyboard(digest.id, view.items, translations(language).gettext)
        for part, text in enumerate(view.messages, start=1):
            last = part == len(view.messages)
            repo.session.add(
                Rendering(
                    digest_id=digest.id,
                    language=language,
                    part=part,
                    text=text,
                    reply_markup=markup.to_dict() if last else None,
                )
            )
    await repo.session.flush()
    now = literal(utcnow(), DateTime(timezone=True))
    subscribers = (
        select(
            literal(digest.id),
            Subscriber.chat_id,
            Rendering.part,
            Rendering.id,
            literal("pending"),
            literal(0),
            now,
            now,
        )
        .join(
            Rendering,
            (Rendering.digest_id == digest.id) & (Rendering.language == Subscriber.language),
        )
        .where(Subscriber.subscribed.is_(True), Subscriber.active.is_(True))
    )
    result = await repo.session.execute(
        insert(OutboxMessage).from_select(
            [
                "digest_id",
                "chat_id",
                "part",
                "rendering_id",
                "state",
                "attempts",
                "not_before",
                "created_at",
            ],
            subscribers,
        )
    )
    return Published(digest.id, tuple(languages), result.rowcount or 0)
