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
