"""The floor the delivery worker is measured against: python-telegram-bot sending, nothing else.

`Bot.send_message` with the same text, parse mode and keyboard the worker sends, to `--count`
consecutive chats from `--first-chat`, at most `--concurrency` at once (a semaphore and
`gather`). No database, no limits, no bookkeeping: whatever the worker spends beyond this is
the cost of its guarantees. Run by `benchmarks/broadcast.py` as a process of its own, so its CPU
is measured exactly as the worker's is.

    TELEGRAM_BOT_TOKEN=… python benchmarks/bare_loop.py --base-url URL --message FILE \
        --first-chat N --count M [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from pathlib import Path

from telegram import Bot, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.request import HTTPXRequest


async def send_all(
    bot: Bot, text: str, markup: InlineKeyboardMarkup | None, chats: range, concurrency: int
) -> None:
    slots = asyncio.Semaphore(concurrency)

    async def send(chat: int) -> None:
        async with slots:
            await bot.send_message(chat, text, parse_mode=ParseMode.HTML, reply_markup=markup)

    await asyncio.gather(*(send(chat) for chat in chats))


async def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--base-url", required=True, help="the Bot API base_url")
    options.add_argument("--message", type=Path, required=True, help='{"text", "reply_markup"}')
    options.add_argument("--first-chat", type=int, required=True)
    options.add_argument("--count", type=int, required=True)
    options.add_argument("--concurrency", type=int, default=8)
    args = options.parse_args()
    message = json.loads(args.message.read_text(encoding="utf-8"))
    # The pool the worker's `digestbot deliver` gives itself for the same concurrency.
    request = HTTPXRequest(connection_pool_size=args.concurrency + 4)
    bot = Bot(os.environ["TELEGRAM_BOT_TOKEN"], base_url=args.base_url, request=request)
    async with bot:
        markup = message.get("reply_markup")
        keyboard = InlineKeyboardMarkup.de_json(markup, bot) if markup else None
        chats = range(args.first_chat, args.first_chat + args.count)
        await send_all(bot, message["text"], keyboard, chats, args.concurrency)


if __name__ == "__main__":
    asyncio.run(main())
