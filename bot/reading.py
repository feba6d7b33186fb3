"""Digests, /more pages and quotes for one chat: which story, which page, which message."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.repository import Repository, StoredArticle
from digests import build, render_digest, render_digest_issue, render_more, render_quote
from digests.render import more_part_count


class NothingToReadError(LookupError):
    """No digest or article exists yet, or the item number is out of range."""


@dataclass(frozen=True, slots=True)
class DigestView:
    digest_id: int
    messages: list[str]
    items: int


@dataclass(frozen=True, slots=True)
class Page:
    """One /more page or quote: its messages and whether another one follows."""

    messages: list[str]
    has_next: bool
    digest_id: int
    item: int


async def latest_digest(repo: Repository) -> int:
    """The newest digest; before any was published, one made of the newest story."""
    digest_id = await repo.latest_digest_id()
    if digest_id is not None:
        return digest_id
    story_id = await repo.latest_story_id()
    if story_id is None:
        raise NothingToReadError("no articles yet")
    return (await repo.create_digest([story_id])).id


async def digest_view(repo: Repository, digest_id: int, language: str) -> DigestView:
    """A digest rendered for a reader: each story in the reader's language where it exists."""
    versions = await _versions(repo, digest_id, language)
    items = [(build(v.article), v.article.language) for v in versions]
    if len(items) == 1:
        digest, article_language = items[0]
        messages = [render_digest(digest, article_language, language)]
    else:
        messages = render_digest_issue(items, language)
    return DigestView(digest_id, messages, len(items))


async def _versions(repo: Repository, digest_id: int, language: str) -> list[StoredArticle]:
    versions = []
    for story_id in await repo.digest_stories(digest_id):
        version = await repo.story_version(story_id, language)
        if version is not None:
            versions.append(version)
    if not versions:
        raise NothingToReadError("digest without articles")
    return versions


async def _item(repo: Repository, digest_id: int, item: int, language: str) -> StoredArticle:
    stories = await repo.digest_stories(digest_id)
    if not 1 <= item <= len(stories):
        raise NothingToReadError(f"item {item} of {len(stories)}")
    version = await repo.story_version(stories[item - 1], language)
    if version is None:
        raise NothingToReadError("story without articles")
    return version


async def next_more_page(
    repo: Repository, chat_id: int, digest_id: int, item: int, language: str
) -> Page:
    """The next layer of detail of a digest item; after the closing page it starts over."""
    stored = await _item(repo, digest_id, item, language)
    position = await repo.position(chat_id, stored.story_id)
    total = more_part_count(stored.article)
    part = min(position.more_part + 1, total)
    position.more_part = part if part < total else 0
    return Page(render_more(stored.article, part, language), part < total, digest_id, item)


async def next_quote(
    repo: Repository, chat_id: int, digest_id: int, item: int, language: str
) -> Page:
    """The next quote of a digest item; after the last, a closing line, then from the top."""
    stored = await _item(repo, digest_id, item, language)
    position = await repo.position(chat_id, stored.story_id)
    quotes = len(stored.article.quotes)
    index = min(position.quote_index, quotes)
    position.quote_index = index + 1 if index < quotes else 0
    message = render_quote(stored.article, index, language)
    return Page([message], index + 1 < quotes, digest_id, item)
