"""Digests, /more pages and quotes for one chat: which story, which page, which message."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.repository import Repository, StoredArticle
from digests import build, render_digest, render_digest_issue, render_more, render_quote
from digests.render import more_part_count


class NothingToReadError(LookupError):
    """No digest or article exists yet."""


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


@dataclass(frozen=True, slots=True)
class Turn:
    """The outcome of /more or /quote: the chat's stored language, and the page or the problem."""

    language: str | None
    subscribed: bool
    page: Page | None = None
    problem: str | None = None  # "nothing": no digest yet; "range": no such item
    items: int = 0


async def turn_page(
    repo: Repository,
    chat_id: int,
    kind: str,
    item: int,
    fallback_language: str,
    *,
    digest_id: int | None = None,
    replied_message_id: int | None = None,
) -> Turn:
    """The next /more page ("more") or quote ("quote") of a digest item for a chat.

    After the closing page (or the last quote) the next request starts over.
    """
    view = await repo.reading_view(
        chat_id, item, digest_id=digest_id, replied_message_id=replied_message_id
    )
    language = view.language or fallback_language
    if view.digest_id is None:
        try:
            created = await latest_digest(repo)
        except NothingToReadError:
            return Turn(view.language, view.subscribed, problem="nothing")
        view = await repo.reading_view(chat_id, item, digest_id=created)
    stored = view.version(language)
    if stored is None:
        problem = "range" if view.items else "nothing"
        return Turn(view.language, view.subscribed, problem=problem, items=view.items)
    if kind == "more":
        total = more_part_count(stored.article)
        part = await repo.advance_more(chat_id, stored.story_id, total)
        page = Page(
            render_more(stored.article, part, language), part < total, view.digest_id or 0, item
        )
    else:
        quotes = len(stored.article.quotes)
        index = await repo.advance_quote(chat_id, stored.story_id, quotes)
        page = Page(
            [render_quote(stored.article, index, language)],
            index + 1 < quotes,
            view.digest_id or 0,
            item,
        )
    return Turn(view.language, view.subscribed, page=page, items=view.items)
