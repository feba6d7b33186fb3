"""The queries of feed polling. Takes a session; never commits (the caller does).

Links handed in here are already normalised (`bot.feeds.normalise_link`): the same article
linked with other tracking parameters must compare equal, whichever feed it came from.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import and_, delete, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Feed, FeedEntry, utcnow


class ListedFeed(NamedTuple):
    """A feed and the number of articles it has brought in."""

    feed: Feed
    articles: int


class FeedRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # ---- feeds ----

    async def add_feed(self, url: str) -> tuple[Feed, bool]:
        """Store a feed; adding the same URL again finds the stored one (created is False)."""
        existing = await self.session.scalar(select(Feed).where(Feed.url == url))
        if existing is not None:
            return existing, False
        feed = Feed(url=url)
        self.session.add(feed)
        await self.session.flush()
        return feed, True

    async def feed(self, feed_id: int) -> Feed | None:
        return await self.session.get(Feed, feed_id)

    async def feed_ids(self) -> list[int]:
        return list(await self.session.scalars(select(Feed.id).order_by(Feed.id)))

    async def list_feeds(self) -> list[ListedFeed]:
        """Every feed in the order they were added, each with how many articles it brought."""
        brought = func.count(FeedEntry.article_id)
        rows = await self.session.execute(
            select(Feed, brought)
            .outerjoin(FeedEntry, FeedEntry.feed_id == Feed.id)
            .group_by(Feed.id)
            .order_by(Feed.id)
        )
        return [ListedFeed(feed, int(count)) for feed, count in rows.all()]

    async def remove_feed(self, feed_id: int) -> bool:
        """Delete a feed and what it has seen (its articles stay). True if it existed."""
        await self.session.execute(delete(FeedEntry).where(FeedEntry.feed_id == feed_id))
        result = await self.session.execute(delete(Feed).where(Feed.id == feed_id))
        return bool(result.rowcount)

    async def record_poll(
        self,
        feed_id: int,
        *,
        etag: str | None,
        last_modified: str | None,
        error: str | None,
        polled_at: datetime | None = None,
    ) -> None:
        """Store how a poll went: the validators for the next conditional GET, and any error."""
        feed = await self.session.get(Feed, feed_id)
        if feed is None:  # removed while it was being polled
            return
        feed.etag = etag
        feed.last_modified = last_modified
        feed.last_error = error
        feed.last_polled_at = polled_at or utcnow()
        await self.session.flush()

    # ---- entries ----

    async def known_entry(self, feed_id: int, guid: str, link: str | None) -> bool:
        """Seen before: the same guid in this feed, or the same link in any feed."""
        same_guid = and_(FeedEntry.feed_id == feed_id, FeedEntry.guid == guid)
        condition = or_(same_guid, FeedEntry.link == link) if link else same_guid
        return bool(await self.session.scalar(select(exists().where(condition))))

    async def entry_recorded(self, feed_id: int, guid: str) -> bool:
        """This very entry is stored already (a concurrent poll of the same feed got there)."""
        condition = and_(FeedEntry.feed_id == feed_id, FeedEntry.guid == guid)
        return bool(await self.session.scalar(select(exists().where(condition))))

    async def record_entry(
        self,
        feed_id: int,
        guid: str,
        link: str | None,
        content_hash: str | None = None,
        article_id: int | None = None,
    ) -> FeedEntry:
        """Remember an entry as seen; without an article when it could not be read."""
        entry = FeedEntry(
            feed_id=feed_id,
            guid=guid,
            link=link,
            content_hash=content_hash,
            article_id=article_id,
        )
        self.session.add(entry)
        await self.session.flush()
        return entry
