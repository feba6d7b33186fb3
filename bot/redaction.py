"""Keep the bot token out of logs: the HTTP client logs request URLs, which contain it."""

from __future__ import annotations

import logging
import re

_TOKEN_IN_URL = re.compile(r"/bot\d+:[\w-]+")
_TOKEN = re.compile(r"\b\d{5,}:[\w-]{30,}\b")


def redact(text: str, token: str | None = None) -> str:
    if token:
        text = text.replace(token, "<token>")
    return _TOKEN.sub("<token>", _TOKEN_IN_URL.sub("/bot<token>", text))


class TokenFilter(logging.Filter):
    """Rewrites every record so that neither the message nor its arguments hold the token."""

    def __init__(self, token: str | None = None) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message, self.token)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


def configure_logging(level: int = logging.INFO, token: str | None = None) -> None:
    """Root logging with the token filter on every handler; httpx only logs problems."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    token_filter = TokenFilter(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(token_filter)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
