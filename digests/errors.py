"""The one error type the engine raises for input it cannot turn into an article."""

from __future__ import annotations

from typing import Literal

Problem = Literal[
    "empty", "binary", "feed", "too_large", "unknown_language", "no_text", "no_body"
]


class ArticleError(ValueError):
    """Input that is not an article: empty, binary, undecodable, or nothing but boilerplate.

    The message is one plain English sentence for operators; `problem` names the case so that
    the bot can say it in the reader's language.
    """

    def __init__(self, message: str, problem: Problem) -> None:
        super().__init__(message)
        self.problem: Problem = problem
