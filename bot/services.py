"""What every handler needs, kept once in `application.bot_data`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import ContextTypes

from bot.flood import FloodGuard
from bot.settings import Settings
from bot.storage.database import Database


@dataclass
class Services:
    settings: Settings
    db: Database
    flood: FloodGuard


def services(context: ContextTypes.DEFAULT_TYPE | Any) -> Services:
    return context.application.bot_data["services"]
