"""Telegram handlers: small coroutines, one per command or button, wired in `bot.application`."""
