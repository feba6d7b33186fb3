"""`digestbot demo`: the whole bot on a local Bot API sandbox, with a scripted conversation.

No token and no network: the sandbox listens on 127.0.0.1, the database is a temporary file,
the sample article is ingested, and three readers (German, English, Ukrainian) talk to the bot.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.local import running_bot
from bot.sandbox.server import Sandbox
from bot.storage.database import Database
from bot.storage.migrate import upgrade_async
from bot.storage.repository import Repository
from digests import parse
from digests.telegram_html import parse as telegram_text

SAMPLE = Path(__file__).resolve().parent.parent / "sample" / "article-de.txt"
EDITOR = 900


@dataclass(frozen=True)
class Person:
    user_id: int
    name: str
    language_code: str


READERS = (Person(901, "Anna", "de"), Person(902, "Ben", "en"), Person(903, "Olena", "uk"))
YOU = Person(999, "You", "en")

# (reader, what they do): text is sent as a message; "[Label]" presses that button on the
# bot's latest message with buttons.
SCRIPT: tuple[tuple[Person, str], ...] = (
    (READERS[0], "/start"),
    (READERS[0], "/digest"),
    (READERS[0], "[Mehr]"),
    (READERS[0], "/quote"),
    (READERS[1], "/start"),
    (READERS[1], "/digest"),
    (READERS[1], "/more"),
    (READERS[1], "/more"),
    (READERS[1], "/language uk"),
    (READERS[1], "/digest"),
    (READERS[2], "/start"),
    (READERS[2], "/digest"),
    (READERS[2], "[Цитата]"),
    (READERS[2], "/language"),
    (READERS[2], "[English]"),
    (READERS[2], "/settings"),
    (READERS[2], "/unsubscribe"),
    (READERS[2], "/subscribe"),
)


class Conversation:
    """Drives the sandbox as Telegram clients would and prints what each side says."""

    def __init__(self, sandbox: Sandbox, out: Any = sys.stdout) -> None:
        self.sandbox = sandbox
        self.out = out

    def print(self, line: str = "") -> None:
        print(line, file=self.out, flush=True)

    async def act(self, person: Person, action: str) -> None:
        after = self.sandbox.last_seq
        if action.startswith("[") and action.endswith("]"):
            label = action[1:-1]
            self.print(f"{person.name} ▸ presses [{label}]")
            message = self._last_with_button(person.user_id, label)
            if message is None:
                self.print("   (no such button)")
                return
            data = next(
                b["callback_data"]
                for row in message["reply_markup"]["inline_keyboard"]
                for b in row
                if label in b["text"]
            )
            query = self.sandbox.press_button(person.user_id, message["message_id"], data)
            answer = await self.sandbox.wait_for_answer(query, timeout=10)
            if answer.get("text"):
                self.print(f"   bot ◂ (notice) {answer['text']}")
            await asyncio.sleep(0.2)
            now = next(
                m
                for m in self.sandbox.sent(person.user_id)
                if m["message_id"] == message["message_id"]
            )
            if now["text"] != message["text"]:
                self._show(now, edited=True)
        else:
            self.print(f"{person.name} ▸ {action}")
            self.sandbox.send_text(person.user_id, action)
        await self._show_replies(person.user_id, after)

    async def _show_replies(self, chat_id: int, after: int) -> None:
        try:
            await self.sandbox.wait_for_messages(chat_id, 1, after=after, timeout=10)
        except TimeoutError:
            return
        await asyncio.sleep(0.3)  # a reply may come in several messages, or edit one
        for message in self.sandbox.world.records(chat_id, after):
            self._show(message)

    def _show(self, message: dict[str, Any], *, edited: bool = False) -> None:
        body = message["text"]
        if message.get("parse_mode") == "HTML":
            body = telegram_text(body)
        marker = "bot ◂ (edited) " if edited else "bot ◂ "
        lines = body.splitlines() or [""]
        self.print(f"   {marker}{lines[0]}")
        for line in lines[1:]:
            self.print(f"         {line}")
        markup = message.get("reply_markup") or {}
        buttons = [b["text"] for row in markup.get("inline_keyboard", []) for b in row]
        if buttons:
            self.print("         " + "  ".join(f"[{b}]" for b in buttons))

    def _last_with_button(self, chat_id: int, label: str) -> dict[str, Any] | None:
        for message in reversed(self.sandbox.sent(chat_id)):
            markup = message.get("reply_markup") or {}
            if any(label in b["text"] for row in markup.get("inline_keyboard", []) for b in row):
                return message
        return None


async def _interactive(conversation: Conversation) -> None:
    conversation.print()
    conversation.print(
        "Your turn: type as a reader (commands such as /digest, /more, /quote, "
        "/language de; [Label] presses a button; /quit ends)."
    )
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line or line.strip() in ("/quit", "/exit"):
            return
        if line.strip():
            await conversation.act(YOU, line.strip())


async def demo(interactive: bool = False, out: Any = sys.stdout) -> None:
    with tempfile.TemporaryDirectory(prefix="digestbot-demo-") as directory:
        url = f"sqlite+aiosqlite:///{directory}/demo.sqlite3"
        await upgrade_async(url)
        db = Database(url)
        async with db.session() as session:
            stored, _ = await Repository(session).add_article(parse(SAMPLE.read_bytes()))
        async with Sandbox() as sandbox:
            for person in (*READERS, YOU):
                sandbox.add_user(person.user_id, person.name, person.language_code)
            sandbox.add_user(EDITOR, "Editor", "en")
            async with running_bot(sandbox, db, admin_ids=frozenset({EDITOR})):
                await _play(sandbox, out, stored.id, stored.article.headline, interactive)
        await db.dispose()


async def _play(
    sandbox: Sandbox, out: Any, article_id: int, headline: str, interactive: bool
) -> None:
    conversation = Conversation(sandbox, out)
    conversation.print(
        f"digestbot demo — Bot API sandbox at {sandbox.api_url[:-4]}, "
        f"sample article #{article_id}: {headline}"
    )
    current = None
    for person, action in SCRIPT:
        if person is not current:
            conversation.print()
            conversation.print(f"── {person.name} (Telegram in {person.language_code}) ──")
            current = person
        await conversation.act(person, action)
    if interactive:
        await _interactive(conversation)


def run_demo(interactive: bool = False) -> int:
    """Run the demo; 0 when the conversation went through."""
    asyncio.run(demo(interactive))
    return 0
