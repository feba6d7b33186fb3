"""The one error type the engine raises for input it cannot turn into an article."""


class ArticleError(ValueError):
    """Input that is not an article: empty, binary, undecodable, or nothing but boilerplate.

    The message is one plain sentence meant for the person who supplied the input.
    """
