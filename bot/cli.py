"""The `digestbot` command line."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from enum import StrEnum
from typing import Annotated

import typer
from pydantic import ValidationError

from bot import cli_publishing
from bot.feeds_cli import feeds_app
from bot.roles import Role
from bot.settings import Settings
from bot.sources import SourceError, read_source
from digests import Article, ArticleError, build, parse, render_digest
from digests.i18n import LANGUAGES, CatalogMissingError
from digests.language import is_language_code
from digests.telegram_html import parse as telegram_text

app = typer.Typer(
    help="digestbot: a Telegram bot for newsrooms.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(cli_publishing.schedule_app, name="schedule")
app.command("publish")(cli_publishing.publish_command)
app.command("stats")(cli_publishing.stats_command)
app.command("deliver")(cli_publishing.deliver_command)
app.add_typer(feeds_app, name="feeds")


class OutputFormat(StrEnum):
    text = "text"
    html = "html"
    json = "json"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    typer.echo(f"digestbot: error: {message}", err=True)
    return typer.Exit(code)


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors()
        )
        raise fail(f"bad settings: {problems}") from None


def check_language(lang: str, article_language: str | None = None) -> None:
    if lang not in LANGUAGES:
        raise fail(f"unknown language {lang!r}; choose one of: {', '.join(sorted(LANGUAGES))}.")
    if article_language is not None and not is_language_code(article_language):
        raise fail(
            f"unknown article language {article_language!r}; give an ISO 639 code such as "
            "de, en, fr or pt."
        )


def load_article(source: str, article_language: str | None) -> Article:
    try:
        loaded = read_source(source)
        return parse(
            loaded.data,
            language=article_language,
            source_url=loaded.url,
            html=loaded.is_html,
            encoding=loaded.encoding,
        )
    except SourceError as error:
        raise fail(str(error)) from None
    except ArticleError as error:
        raise fail(f"{source}: {error}") from None


async def _stored_article(settings: Settings, article_id: int) -> Article | None:
    from bot.storage.database import Database
    from bot.storage.migrate import upgrade_async
    from bot.storage.repository import Repository

    await upgrade_async(settings.database_url)
    db = Database(settings.database_url)
    try:
        async with db.session() as session:
            stored = await Repository(session).article(article_id)
    finally:
        await db.dispose()
    return stored.article if stored else None


@app.callback()
def main_callback() -> None:
    """digestbot: messy articles in, short localized Telegram digests out."""


@app.command()
def preview(
    source: Annotated[
        str | None, typer.Argument(help="A .txt or .html file, '-' for stdin, or a URL.")
    ] = None,
    article_id: Annotated[int | None, typer.Option("--article", help="A stored article.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="The reader's language for labels.")] = "en",
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.text
    ),
    article_language: Annotated[
        str | None,
        typer.Option("--article-language", help="The article's language, if not detected."),
    ] = None,
) -> None:
    """Parse an article (or load a stored one) and show its digest as a reader would get it."""
    check_language(lang, article_language)
    if (source is None) == (article_id is None):
        raise fail("give either SOURCE or --article ID.")
    if article_id is not None:
        article = asyncio.run(_stored_article(load_settings(), article_id))
        if article is None:
            raise fail(f"there is no article {article_id}.")
    else:
        article = load_article(source or "", article_language)
    digest = build(article)
    try:
        messages = [render_digest(digest, article.language, lang)]
    except CatalogMissingError as error:
        raise fail(str(error), code=1) from None
    if output is OutputFormat.json:
        payload = {
            "article": article.to_dict(),
            "digest": digest.to_dict(lang),
            "messages": messages,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif output is OutputFormat.html:
        typer.echo("\n\n---\n\n".join(messages))
    else:
        typer.echo("\n\n---\n\n".join(telegram_text(m) for m in messages))


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help=".txt/.html files or http(s) URLs.")],
    article_language: Annotated[
        str | None, typer.Option("--lang", help="The articles' language, if not detected.")
    ] = None,
    story: Annotated[
        int | None, typer.Option("--story", help="Add as another language version of this story.")
    ] = None,
) -> None:
    """Parse and store articles; print one id per source (re-ingesting finds the same id)."""
    check_language("en", article_language)
    settings = load_settings()
    articles = [load_article(source, article_language) for source in sources]

    async def store() -> list[tuple[int, bool]]:
        from bot.storage.database import Database
        from bot.storage.migrate import upgrade_async
        from bot.storage.repository import Repository

        await upgrade_async(settings.database_url)
        db = Database(settings.database_url)
        try:
            async with db.session() as session:
                repo = Repository(session)
                results = []
                for article in articles:
                    stored, created = await repo.add_article(article, story)
                    results.append((stored.id, created))
                return results
        finally:
            await db.dispose()

    for source, (article_id, created) in zip(sources, asyncio.run(store()), strict=True):
        typer.echo(f"{article_id}\t{'new' if created else 'existing'}\t{source}")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every database migration (Alembic, to head)."""
    from bot.storage.migrate import upgrade

    settings = load_settings()
    upgrade(settings.database_url)
    typer.echo("database is up to date")


@app.command()
def run(
    role: Annotated[
        Role,
        typer.Option(
            "--role",
            help="What this process does: all (default; the only choice with SQLite), bot "
            "(receives updates), worker (delivers), scheduler (schedules and feeds). "
            "Several processes need PostgreSQL.",
            case_sensitive=False,
        ),
    ] = Role.ALL,
) -> None:
    """Run the bot: updates (polling or webhook), schedules, feeds and delivery."""
    from bot.leadership import SQLiteInUseError
    from bot.runner import RunRefusedError
    from bot.runner import run as run_service

    settings = load_settings()
    if settings.telegram_bot_token is None:
        raise fail("TELEGRAM_BOT_TOKEN is not set (see .env.example).")
    try:
        run_service(settings, role)
    except (RunRefusedError, SQLiteInUseError) as error:
        raise fail(str(error)) from None
    except OSError as error:  # a port in use, a database that does not answer
        raise fail(f"cannot start: {error}") from None


@app.command()
def demo(
    interactive: Annotated[
        bool,
        typer.Option("--interactive", help="Type as a reader after the scripted conversation."),
    ] = False,
) -> None:
    """No token, no network: a local Bot API sandbox, the sample article and three readers."""
    from bot.demo import run_demo

    raise typer.Exit(run_demo(interactive=interactive))


def main() -> None:
    """Entry point of the `digestbot` script."""
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
