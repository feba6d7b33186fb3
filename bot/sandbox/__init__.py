"""A local Telegram Bot API emulator for the bot's integration, demo and load tests."""

from bot.sandbox.errors import ApiError
from bot.sandbox.limits import Faults, Limits
from bot.sandbox.server import Sandbox

__all__ = ["ApiError", "Faults", "Limits", "Sandbox"]
