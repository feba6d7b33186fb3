"""The `digestbot` command line."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from bot.sources import SourceError, read_source
from digests import ArticleError, build, parse, render_digest
from digests.i18n import LANGUAGES, CatalogMissingError
from digests.language import SUPPORTED_ARTICLE_LANGUAGES
from digests.telegram_html import parse as telegram_text

app = typer.Typer(
    help="digestbot: a Telegram bot for newsrooms.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class OutputFormat(StrEnum):
    text = "text"
    html = "html"
    json = "json"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    typer.echo(f"digestbot: error: {message}", err=True)
    return typer.Exit(code)


@app.callback()
def main_callback() -> None:
    """digestbot: messy articles in, short localized Telegram digests out."""


@app.command()
def preview(
    source: Annotated[str, typer.Argument(help="A .txt or .html file, '-' for stdin, or a URL.")],
    lang: Annotated[str, typer.Option("--lang", help="The reader's language for labels.")] = "en",
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.text
    ),
    article_language: Annotated[
        str | None,
        typer.Option("--article-language", help="The article's language, if not detected."),
    ] = None,
) -> None:
    """Parse an article and show its digest as a reader would get it."""
    if lang not in LANGUAGES:
        raise fail(f"unknown language {lang!r}; choose one of: {', '.join(sorted(LANGUAGES))}.")
    if article_language is not None and article_language not in SUPPORTED_ARTICLE_LANGUAGES:
        known = ", ".join(sorted(SUPPORTED_ARTICLE_LANGUAGES))
        raise fail(f"unknown article language {article_language!r}; choose one of: {known}.")
    try:
        loaded = read_source(source)
        article = parse(
            loaded.data, language=article_language, source_url=loaded.url, html=loaded.is_html
        )
        digest = build(article)
        messages = [render_digest(digest, article.language, lang)]
    except SourceError as error:
        raise fail(str(error)) from None
    except ArticleError as error:
        raise fail(f"{source}: {error}") from None
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


def main() -> None:
    """Entry point of the `digestbot` script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
