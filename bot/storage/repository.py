"""Every query the bot makes, in one place. Takes a session; never commits (the caller does)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, bindparam, case, delete, func, literal, select
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

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


@dataclass(frozen=True, slots=True)
class ReadingView:
    """What a chat reads with /more and /quote: see `Repository.reading_view`."""

    language: str | None
    subscribed: bool
    digest_id: int | None
    items: int
    versions: list[StoredArticle]

    def version(self, language: str) -> StoredArticle | None:
        """The reader's language if the story has it, else its first version."""
        return next(
            (v for v in self.versions if v.article.language == language),
            self.versions[0] if self.versions else None,
        )


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
        preferred = case((ArticleRow.language == language, 0), else_=1)
        row = await self.session.scalar(
            select(ArticleRow)
            .where(ArticleRow.story_id == story_id)
            .order_by(preferred, ArticleRow.id)
            .limit(1)
        )
        return StoredArticle.of(row) if row else None

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

    async def reading_view(
        self,
        chat_id: int,
        item: int,
        *,
        digest_id: int | None = None,
        replied_message_id: int | None = None,
    ) -> ReadingView:
        """Everything /more and /quote need before moving the position, in one round trip.

        The digest is `digest_id` if given (a button says which), else the one the replied-to
        message carried, else the chat's last, else the newest. Returns the chat's stored
        language, the digest, its number of items and every language version of item `item`.
        """
        rows = (
            await self.session.execute(
                _reading_view_statement(),
                {
                    "chat_id": chat_id,
                    "item": item,
                    "digest_id": digest_id,
                    "replied": replied_message_id,
                },
            )
        ).all()
        first = rows[0]
        versions = [
            StoredArticle(r[4], r[5], Article.from_dict(r[7])) for r in rows if r[4] is not None
        ]
        return ReadingView(first[0], bool(first[1]), first[2], int(first[3] or 0), versions)

    async def advance_more(self, chat_id: int, story_id: int, total: int) -> int:
        """Move the chat's /more position on; the page to show now (after the last: the last,
        and the next /more starts over)."""
        statement = _advance_statement(self.session.bind.dialect.name, "more_part")
        stored = await self.session.scalar(
            statement,
            {
                "chat_id": chat_id,
                "story_id": story_id,
                "limit": total,
                "first": 1 if total > 1 else 0,
                "now": utcnow(),
            },
        )
        return total if stored == 0 else int(stored or 0)

    async def advance_quote(self, chat_id: int, story_id: int, quotes: int) -> int:
        """Move the chat's /quote position on; the index to show now (`quotes` means "that was
        the last"; the next /quote starts over)."""
        statement = _advance_statement(self.session.bind.dialect.name, "quote_index")
        stored = await self.session.scalar(
            statement,
            {
                "chat_id": chat_id,
                "story_id": story_id,
                "limit": quotes + 1,
                "first": 1 if quotes > 0 else 0,
                "now": utcnow(),
            },
        )
        return int(stored) - 1 if stored else quotes


# Statements of the hot path (/more, /quote), built once: building a select costs more than
# running it.


@cache
def _reading_view_statement() -> Select[Any]:
    replied = (
        select(Delivery.digest_id)
        .where(
            Delivery.chat_id == bindparam("chat_id"), Delivery.message_id == bindparam("replied")
        )
        .limit(1)
        .scalar_subquery()
    )
    last = (
        select(Delivery.digest_id)
        .where(Delivery.chat_id == bindparam("chat_id"))
        .order_by(Delivery.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    newest = select(DigestRow.id).order_by(DigestRow.id.desc()).limit(1).scalar_subquery()
    chosen = func.coalesce(bindparam("digest_id", type_=Integer), replied, last, newest)
    one = select(literal(1).label("one")).subquery()
    target = (
        select(Subscriber.language, Subscriber.subscribed, chosen.label("digest_id"))
        .select_from(one)
        .outerjoin(Subscriber, Subscriber.chat_id == bindparam("chat_id"))
        .subquery("target")
    )
    counted = aliased(DigestItem)  # the outer query joins digest_items too
    items = (
        select(func.count())
        .select_from(counted)
        .where(counted.digest_id == target.c.digest_id)
        .correlate(target)
        .scalar_subquery()
    )
    return (
        select(
            target.c.language,
            target.c.subscribed,
            target.c.digest_id,
            items,
            ArticleRow.id,
            ArticleRow.story_id,
            ArticleRow.language,
            ArticleRow.data,
        )
        .select_from(target)
        .outerjoin(
            DigestItem,
            (DigestItem.digest_id == target.c.digest_id)
            & (DigestItem.position == bindparam("item")),
        )
        .outerjoin(ArticleRow, ArticleRow.story_id == DigestItem.story_id)
        .order_by(ArticleRow.id)
    )


@cache
def _advance_statement(dialect: str, column: str) -> Any:
    """Upsert a reading position: start at `first`, else count on, back to 0 at `limit`."""
    insert = sqlite_insert if dialect == "sqlite" else postgres_insert
    current = getattr(ReadingPosition, column)
    following = current + 1
    values = {
        "chat_id": bindparam("chat_id"),
        "story_id": bindparam("story_id"),
        "more_part": 0,
        "quote_index": 0,
        "updated_at": bindparam("now"),
    }
    values[column] = bindparam("first")
    return (
        insert(ReadingPosition)
        .values(**values)
        .on_conflict_do_update(
            index_elements=["chat_id", "story_id"],
            set_={
                column: case((following >= bindparam("limit"), 0), else_=following),
                "updated_at": bindparam("now"),
            },
        )
        .returning(current)
    )
