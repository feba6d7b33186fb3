"""`digestbot feeds add|list|remove`: the feed list from the shell, on the bot's database."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings

if TYPE_CHECKING:  # storage and feed modules load on use: `digestbot preview` stays quick
    from bot.storage.feeds import FeedRepository, ListedFeed

T = TypeVar("T")

feeds_app = typer.Typer(help="RSS and Atom feeds polled for new articles.", no_args_is_help=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    typer.echo(f"digestbot: error: {message}", err=True)
    return typer.Exit(code)


def _database_url() -> str:
    try:
        return Settings().database_url
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors()
        )
        raise fail(f"bad settings: {problems}") from None


def _with_feeds(work: Callable[[FeedRepository], Awaitable[T]]) -> T:
    """Migrate the database, then run `work` in one committed session."""
    from bot.storage.database import Database
    from bot.storage.feeds import FeedRepository
    from bot.storage.migrate import upgrade

    url = _database_url()

    async def run() -> T:
        db = Database(url)
        try:
            async with db.session() as session:
                return await work(FeedRepository(session))
        finally:
            await db.dispose()

    try:
        upgrade(url)
        return asyncio.run(run())
    except (SQLAlchemyError, OSError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise fail(f"database {_redacted(url)}: {message}") from None


def _redacted(url: str) -> str:
    """The database URL without its password, fit for an error line."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return "(unparsable DATABASE_URL)"


def feed_line(listed: ListedFeed) -> str:
    """id, URL, last poll (UTC, ISO), articles brought, last error: tab-separated."""
    feed = listed.feed
    polled = "-"
    if feed.last_polled_at is not None:  # SQLite gives it back without a zone: it is UTC
        value = feed.last_polled_at
        polled = (value.astimezone(UTC) if value.tzinfo else value).strftime("%Y-%m-%dT%H:%M:%SZ")
    error = " ".join((feed.last_error or "-").split())
    return f"{feed.id}\t{feed.url}\t{polled}\t{listed.articles}\t{error}"


@feeds_app.command("add")
def add(url: Annotated[str, typer.Argument(help="The feed's http(s) address.")]) -> None:
    """Add a feed (adding it again finds the stored one); the bot polls it from then on."""
    from bot.feeds import is_web_address

    url = url.strip()
    if not is_web_address(url):
        raise fail(f"{url!r} is not an http:// or https:// address.")

    async def work(feeds: FeedRepository) -> tuple[int, bool]:
        feed, created = await feeds.add_feed(url)
        return feed.id, created

    feed_id, created = _with_feeds(work)
    typer.echo(f"{feed_id}\t{'new' if created else 'existing'}\t{url}")


@feeds_app.command("list")
def list_feeds() -> None:
    """Every feed, one a line: id, URL, last poll (UTC), articles brought, last error."""
    for listed in _with_feeds(lambda feeds: feeds.list_feeds()):
        typer.echo(feed_line(listed))


@feeds_app.command("remove")
def remove(feed_id: Annotated[int, typer.Argument(help="The feed's number.")]) -> None:
    """Stop polling a feed; the articles it brought stay stored."""
    if not 0 < feed_id < 2**31:
        raise fail(f"there is no feed {feed_id}.")
    if not _with_feeds(lambda feeds: feeds.remove_feed(feed_id)):
        raise fail(f"there is no feed {feed_id}.")
    typer.echo(f"removed feed {feed_id}")
