"""Logging on stderr: text for people or one JSON object per line for log collectors; the bot
token is taken out of every record either way."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Literal

from bot.redaction import TokenFilter

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Attributes every LogRecord has: anything else was passed with `extra=` and is kept.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message", ...extra, "exception"}` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in record.__dict__.items():
            if name not in _STANDARD and not name.startswith("_"):
                entry[name] = value if isinstance(value, int | float | bool | None) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(
    level: int | str = logging.INFO,
    token: str | None = None,
    style: Literal["text", "json"] = "text",
) -> None:
    """Root logging with the token filter on every handler; httpx only logs problems."""
    logging.basicConfig(level=level, format=TEXT_FORMAT)
    root = logging.getLogger()
    root.setLevel(level)
    token_filter = TokenFilter(token)
    for handler in root.handlers:
        handler.addFilter(token_filter)
        if style == "json":
            handler.setFormatter(JsonFormatter())
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
