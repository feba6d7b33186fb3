"""What the sandbox knows: users, chats, messages, files, and everything the bot did.

One `World` is shared by the Bot API methods (the bot's side) and the control operations (the
users' side and the test's eye), all on one event loop, so no locking is needed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from bot.sandbox import errors
from bot.sandbox.errors import bad_request
from bot.sandbox.models import (
    BOT,
    CHANNEL,
    CHAT_KINDS,
    PRIVATE,
    SUPERGROUP,
    Chat,
    StoredFile,
    StoredMessage,
    User,
)
from bot.sandbox.updates import Notifier, UpdateQueue


@dataclass
class CallbackQuery:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    answer: dict[str, Any] | None = None


class World:
    def __init__(self, *, privacy_mode: bool = True) -> None:
        self.privacy_mode = privacy_mode
        self.notifier = Notifier()
        self.updates = UpdateQueue(self.notifier)
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.blocked: set[int] = set()
        self.messages: dict[tuple[int, int], StoredMessage] = {}
        self.sent: list[StoredMessage] = []
        self.files: dict[str, StoredFile] = {}
        self.queries: dict[str, CallbackQuery] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self._file_counter = 0
        self._query_counter = 0

    # -- setting up the world ------------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str,
        language_code: str | None = None,
        username: str | None = None,
    ) -> User:
        if user_id <= 0 or user_id == BOT.id:
            raise ValueError(f"user id must be positive and not the bot's: {user_id}")
        user = User(user_id, first_name, username=username, language_code=language_code)
        self.users[user_id] = user
        chat = self.chats.get(user_id)
        self.chats[user_id] = Chat(
            user_id, PRIVATE, user=user, last_message_id=chat.last_message_id if chat else 0
        )
        return user

    def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        kind: str = "group",
        admins: set[int] | frozenset[int] = frozenset(),
        members: set[int] | frozenset[int] = frozenset(),
        owner: int | None = None,
        username: str | None = None,
        bot_admin: bool = False,
    ) -> Chat:
        if kind not in CHAT_KINDS:
            raise ValueError(f"kind must be one of {sorted(CHAT_KINDS)}, not {kind!r}")
        if chat_id >= 0:
            raise ValueError(f"group and channel ids are negative: {chat_id}")
        unknown = (set(admins) | set(members) | ({owner} if owner else set())) - set(self.users)
        if unknown:
            raise ValueError(f"unknown users (add_user them first): {sorted(unknown)}")
        chat = Chat(
            chat_id,
            kind,
            title=title,
            username=username,
            owner=owner,
            admins=set(admins),
            members=set(members),
            bot_admin=bot_admin or kind == CHANNEL,
        )
        self.chats[chat_id] = chat
        return chat

    def user(self, user_id: int) -> User:
        user = self.users.get(user_id)
        if user is None:
            raise ValueError(f"unknown user {user_id}: add_user it first")
        return user

    # -- the bot's view ------------------------------------------------------------------------

    def chat_for_bot(self, chat_id: str | None) -> Chat:
        """The chat a Bot API call names, or the error Telegram gives for it."""
        if chat_id is None or not chat_id.strip():
            raise bad_request(errors.CHAT_ID_EMPTY)
        chat_id = chat_id.strip()
        if chat_id.startswith("@"):
            name = chat_id[1:].lower()
            for chat in self.chats.values():
                if chat.kind in (SUPERGROUP, CHANNEL) and (chat.username or "").lower() == name:
                    return chat
            raise bad_request(errors.CHAT_NOT_FOUND)
        try:
            chat = self.chats.get(int(chat_id))
        except ValueError:
            chat = None
        if chat is None:
            raise bad_request(errors.CHAT_NOT_FOUND)
        if chat.migrated_to is not None:
            raise errors.migrated(chat.migrated_to)
        return chat

    def check_can_send(self, chat: Chat) -> None:
        if chat.kind == PRIVATE and chat.id in self.blocked:
            raise errors.forbidden(errors.BLOCKED)

    def message(self, chat_id: int, message_id: int | None) -> StoredMessage | None:
        if message_id is None:
            return None
        message = self.messages.get((chat_id, message_id))
        return None if message is None or message.deleted else message

    def message_json(self, message: StoredMessage) -> dict[str, Any]:
        chat = self.chats[message.chat_id]
        reply = self.message(message.chat_id, message.reply_to)
        return message.to_api(chat, reply)

    # -- recording ----------------------------------------------------------------------------

    def store(self, chat: Chat, sender: User | None, **fields: Any) -> StoredMessage:
        """A new message in `chat`; a bot's one gets the next sending sequence number."""
        message = StoredMessage(
            chat_id=chat.id,
            message_id=chat.next_message_id(),
            date=int(time.time()),
            sender=sender if chat.kind != CHANNEL else None,
            **fields,
        )
        self.messages[(chat.id, message.message_id)] = message
        if sender is BOT:
            message.seq = len(self.sent) + 1
            self.sent.append(message)
        self.notifier.notify()
        return message

    def store_file(self, file_name: str, content: bytes, mime_type: str) -> StoredFile:
        self._file_counter += 1
        number = self._file_counter
        suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else "bin"
        stored = StoredFile(
            file_id=f"BQACAgIAAxkBAAI{number:06d}SandboxDocument",
            file_unique_id=f"AgAD{number:06d}",
            file_name=file_name,
            mime_type=mime_type,
            content=content,
            file_path=f"documents/file_{number}.{suffix}",
        )
        self.files[stored.file_id] = stored
        return stored

    def file_by_path(self, file_path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == file_path), None)

    def new_query(self, user_id: int, message: StoredMessage, data: str) -> CallbackQuery:
        self._query_counter += 1
        query = CallbackQuery(
            id=str(4_300_000_000_000_000_000 + self._query_counter),
            user_id=user_id,
            chat_id=message.chat_id,
            message_id=message.message_id,
            data=data,
        )
        self.queries[query.id] = query
        return query

    def records(self, chat_id: int | None = None, after: int = 0) -> list[dict[str, Any]]:
        return [
            message.record()
            for message in self.sent[max(0, after) :]
            if chat_id is None or message.chat_id == chat_id
        ]
