"""What one `digestbot run` process does.

all        everything below, in one process (the only choice with SQLite)
bot        receives updates: webhook (every such process) or polling (one leader)
worker     delivers the outbox (any number; they share Telegram's bot-wide pace)
scheduler  fires schedules and polls feeds (one leader, the others stand by)
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ALL = "all"
    BOT = "bot"
    WORKER = "worker"
    SCHEDULER = "scheduler"
