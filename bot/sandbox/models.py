"""The sandbox's users, chats, files and messages, and their Bot API JSON shapes.

The shapes follow what Telegram actually returns (which fields are present, which are left out
when empty), because python-telegram-bot and the bot's own code read them, and a test that
passes against a looser shape could fail against Telegram.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

BOT_ID = 100000
BOT_FIRST_NAME = "Digest Sandbox"
BOT_USERNAME = "digest_sandbox_bot"

PRIVATE, GROUP, SUPERGROUP, CHANNEL = "private", "group", "supergroup", "channel"
CHAT_KINDS = frozenset({GROUP, SUPERGROUP, CHANNEL})


@dataclass
class User:
    id: int
    first_name: str
    username: str | None = None
    language_code: str | None = None
    last_name: str | None = None
    is_bot: bool = False

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for name in ("last_name", "username", "language_code"):
            value = getattr(self, name)
            if value:
                data[name] = value
        return data


BOT = User(BOT_ID, BOT_FIRST_NAME, username=BOT_USERNAME, is_bot=True)


@dataclass
class Chat:
    """A private chat (with `user`) or a group, supergroup or channel."""

    id: int
    kind: str
    title: str | None = None
    username: str | None = None
    user: User | None = None
    owner: int | None = None
    admins: set[int] = field(default_factory=set)
    members: set[int] = field(default_factory=set)
    bot_admin: bool = False
    migrated_to: int | None = None
    last_message_id: int = 0

    def next_message_id(self) -> int:
        self.last_message_id += 1
        return self.last_message_id

    def to_api(self) -> dict[str, Any]:
        if self.user is not None:
            data = self.user.to_api()
            data.pop("is_bot")
            data.pop("language_code", None)
            return {**data, "type": PRIVATE}
        data = {"id": self.id, "title": self.title, "type": self.kind}
        if self.username:
            data["username"] = self.username
        return data

    def full_info(self) -> dict[str, Any]:
        """The ChatFullInfo of getChat: the chat plus fields Telegram always includes."""
        data = self.to_api()
        data["accent_color_id"] = 0
        data["max_reaction_count"] = 11
        data["accepted_gift_types"] = {
            "unlimited_gifts": self.kind == PRIVATE,
            "limited_gifts": self.kind == PRIVATE,
            "unique_gifts": self.kind == PRIVATE,
            "premium_subscription": self.kind == PRIVATE,
            "gifts_from_channels": self.kind == PRIVATE,
        }
        if self.kind in (GROUP, SUPERGROUP):
            data["permissions"] = {
                "can_send_messages": True,
                "can_send_other_messages": True,
                "can_add_web_page_previews": True,
                "can_invite_users": True,
            }
        return data

    def status_of(self, user_id: int) -> str:
        if self.kind == PRIVATE:
            return "member" if user_id in (self.id, BOT_ID) else "left"
        if user_id == BOT_ID:
            return "administrator" if self.bot_admin or self.kind == CHANNEL else "member"
        if user_id == self.owner:
            return "creator"
        if user_id in self.admins:
            return "administrator"
        return "member" if user_id in self.members else "left"

    def participants(self) -> set[int]:
        return self.members | self.admins | ({self.owner} if self.owner is not None else set())


def chat_member(chat: Chat, user: User) -> dict[str, Any]:
    """A ChatMember object with the fields its status requires."""
    status = chat.status_of(user.id)
    data: dict[str, Any] = {"user": user.to_api(), "status": status}
    if status == "creator":
        data["is_anonymous"] = False
    elif status == "administrator":
        data.update(
            can_be_edited=False,
            is_anonymous=False,
            can_manage_chat=True,
            can_delete_messages=True,
            can_manage_video_chats=True,
            can_restrict_members=True,
            can_promote_members=False,
            can_change_info=True,
            can_invite_users=True,
            can_post_stories=chat.kind == CHANNEL,
            can_edit_stories=chat.kind == CHANNEL,
            can_delete_stories=chat.kind == CHANNEL,
        )
        if chat.kind == CHANNEL:
            data.update(can_post_messages=True, can_edit_messages=True)
        else:
            data["can_pin_messages"] = True
    return data


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    content: bytes
    file_path: str

    def document(self) -> dict[str, Any]:
        return {
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
        }


@dataclass
class StoredMessage:
    """A message in a chat; `seq` is set on the ones the bot sent, in sending order."""

    chat_id: int
    message_id: int
    date: int
    sender: User | None
    text: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    source: str | None = None
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    reply_to: int | None = None
    document: StoredFile | None = None
    caption: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # service fields, has_protected_content
    edit_date: int | None = None
    edit_count: int = 0
    deleted: bool = False
    seq: int | None = None
    method: str | None = None
    created: float = field(default_factory=time.time)  # to the microsecond: rates are measured

    @property
    def by_bot(self) -> bool:
        return self.seq is not None

    def inline_keyboard(self) -> list[list[dict[str, Any]]]:
        markup = self.reply_markup or {}
        return markup.get("inline_keyboard") or []

    def to_api(self, chat: Chat, reply: StoredMessage | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"message_id": self.message_id}
        if self.sender is not None:
            data["from"] = self.sender.to_api()
        elif chat.kind == CHANNEL:
            data["sender_chat"] = chat.to_api()
        data["chat"] = chat.to_api()
        data["date"] = self.date
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if reply is not None:
            data["reply_to_message"] = reply.to_api(chat)
        if self.text is not None:
            data["text"] = self.text
        if self.entities:
            data["entities" if self.text is not None else "caption_entities"] = self.entities
        if self.document is not None:
            data["document"] = self.document.document()
        if self.caption is not None:
            data["caption"] = self.caption
        data.update(self.extra)
        if self.inline_keyboard():
            data["reply_markup"] = {"inline_keyboard": self.inline_keyboard()}
        return data

    def record(self) -> dict[str, Any]:
        """What a test reads about a message the bot sent: as sent, with later edits applied."""
        return {
            "seq": self.seq,
            "method": self.method,
            "chat_id": self.chat_id,
            "message_id": self.message_id,
            "date": self.date,
            "created": self.created,
            "text": self.source,
            "plain_text": self.caption if self.document is not None else self.text,
            "parse_mode": self.parse_mode,
            "reply_markup": self.reply_markup,
            "reply_to_message_id": self.reply_to,
            "document": self.document.document() if self.document is not None else None,
            "edited": self.edit_count > 0,
            "edit_count": self.edit_count,
            "deleted": self.deleted,
        }
