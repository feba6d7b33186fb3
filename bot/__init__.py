"""The Telegram bot around the article engine: storage, handlers, publishing, delivery, CLI."""

import os

# Opt in to python-telegram-bot's coming behaviour: time spans (RetryAfter.retry_after) as
# timedelta. The delivery worker reads both forms.
os.environ.setdefault("PTB_TIMEDELTA", "1")
