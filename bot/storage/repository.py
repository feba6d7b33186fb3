"""Every query the bot makes, in one place. Takes a session; never commits (the caller does)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import (
    ArticleRow,
    Delivery,
    DigestItem,
    DigestRow,
    ReadingPosition,
    Story,
    Subscriber,
    utcnow,
)
from digests import Article


def content_hash(article: Article) -> str:
    """Same text, same hash: re-ingesting an article finds the stored one."""
    body = {k: v for k, v in article.to_dict().items() if k not in ("source_url", "published")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the handlers see it: its ids and the engine's value."""

    id: int
    story_id: int
    article: Article

    @classmethod
    def of(cls, row: ArticleRow) -> StoredArticle:
        return cls(row.id, row.story_id, Article.from_dict(row.data))


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # ---- chats ----

    async def chat(self, chat_id: int) -> Subscriber | None:
        return await self.session.get(Subscriber, chat_id)

    async def ensure_chat(self, chat_id: int, chat_type: str, language: str) -> Subscriber:
        """The chat's row, created with `language` on first contact."""
        chat = await self.session.get(Subscriber, chat_id)
        if chat is None:
            chat = Subscriber(
                chat_id=chat_id,
                chat_type=chat_type,
                language=language,
                subscribed=False,
                active=True,
                language_chosen=False,
            )
            self.session.add(chat)
            await self.session.flush()
        elif chat.chat_type != chat_type:
            chat.chat_type = chat_type
        return chat

    async def forget_chat(self, chat_id: int) -> bool:
        """Delete everything stored about a chat. True if there was anything."""
        await self.session.execute(
            delete(ReadingPosition).where(ReadingPosition.chat_id == chat_id)
        )
        await self.session.execute(delete(Delivery).where(Delivery.chat_id == chat_id))
        result = await self.session.execute(delete(Subscriber).where(Subscriber.chat_id == chat_id))
        return bool(result.rowcount)

    async def count_subscribers(self) -> int:
        query = (
            select(func.count())
            .select_from(Subscriber)
            .where(Subscriber.subscribed.is_(True), Subscriber.active.is_(True))
        )
        return int(await self.session.scalar(query) or 0)

    # ---- articles and stories ----

    async def add_article(
        self, article: Article, story_id: int | None = None
    ) -> tuple[StoredArticle, bool]:
        """Store an article (idempotent by content); a new story unless `story_id` is given."""
        digest = content_hash(article)
        existing = await self.session.scalar(
            select(ArticleRow).where(ArticleRow.content_hash == digest)
        )
        if existing is not None:
            return StoredArticle.of(existing), False
        if story_id is None or await self.session.get(Story, story_id) is None:
            story = Story()
            self.session.add(story)
            await self.session.flush()
            story_id = story.id
        row = ArticleRow(
            story_id=story_id,
            language=article.language,
            content_hash=digest,
            source_url=article.source_url,
            headline=article.headline,
            data=article.to_dict(),
        )
        self.session.add(row)
        await self.session.flush()
        return StoredArticle.of(row), True

    async def article(self, article_id: int) -> StoredArticle | None:
        row = await self.session.get(ArticleRow, article_id)
        return StoredArticle.of(row) if row else None

    async def recent_articles(self, offset: int, limit: int) -> tuple[list[ArticleRow], int]:
        total = int(await self.session.scalar(select(func.count()).select_from(ArticleRow)) or 0)
        rows = await self.session.scalars(
            select(ArticleRow).order_by(ArticleRow.id.desc()).offset(offset).limit(limit)
        )
        return list(rows), total

    async def story_version(self, story_id: int, language: str) -> StoredArticle | None:
        """The story in `language` if it has that version, else its first version."""
        rows = await self.session.scalars(
            select(ArticleRow).where(ArticleRow.story_id == story_id).order_by(ArticleRow.id)
        )
        versions = list(rows)
        if not versions:
            return None
        chosen = next((r for r in versions if r.language == language), versions[0])
        return StoredArticle.of(chosen)

    async def latest_story_id(self) -> int | None:
        return await self.session.scalar(
            select(ArticleRow.story_id).order_by(ArticleRow.id.desc()).limit(1)
        )

    # ---- digests and deliveries ----

    async def create_digest(
        self, story_ids: Sequence[int], schedule_id: int | None = None
    ) -> DigestRow:
        digest = DigestRow(schedule_id=schedule_id)
        self.session.add(digest)
        await self.session.flush()
        self.session.add_all(
            DigestItem(digest_id=digest.id, position=n, story_id=story)
            for n, story in enumerate(story_ids, start=1)
        )
        await self.session.flush()
        return digest

    async def latest_digest_id(self) -> int | None:
        return await self.session.scalar(
            select(DigestRow.id).order_by(DigestRow.id.desc()).limit(1)
        )

    async def digest_stories(self, digest_id: int) -> list[int]:
        rows = await self.session.scalars(
            select(DigestItem.story_id)
            .where(DigestItem.digest_id == digest_id)
            .order_by(DigestItem.position)
        )
        return list(rows)

    async def record_delivery(self, chat_id: int, message_id: int, digest_id: int) -> None:
        self.session.add(Delivery(chat_id=chat_id, message_id=message_id, digest_id=digest_id))
        await self.session.flush()

    async def digest_of_message(self, chat_id: int, message_id: int) -> int | None:
        return await self.session.scalar(
            select(Delivery.digest_id).where(
                Delivery.chat_id == chat_id, Delivery.message_id == message_id
            )
        )

    async def last_digest_of_chat(self, chat_id: int) -> int | None:
        return await self.session.scalar(
            select(Delivery.digest_id)
            .where(Delivery.chat_id == chat_id)
            .order_by(Delivery.id.desc())
            .limit(1)
        )

    # ---- reading positions ----

    async def position(self, chat_id: int, story_id: int) -> ReadingPosition:
        position = await self.session.get(ReadingPosition, (chat_id, story_id))
        if position is None:
            position = ReadingPosition(
                chat_id=chat_id, story_id=story_id, more_part=0, quote_index=0
            )
            self.session.add(position)
        position.updated_at = utcnow()
        return position
