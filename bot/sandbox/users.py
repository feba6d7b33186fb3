"""The users' side: what people do in Telegram, turned into the updates the bot receives.

These refuse what a Telegram client would not let a person do (write in a group they are not
in, press a button that is not on the message, write to a bot they blocked) with a ValueError,
since that is a mistake in the test rather than something the bot should handle. A group bot
runs in privacy mode, as getMe reports, so it only hears commands, replies to its own messages
and service messages there — unless it is an administrator or privacy mode is off.
"""

from __future__ import annotations

import re
import time
from typing import Any

from bot.sandbox.models import BOT, BOT_USERNAME, CHANNEL, PRIVATE, Chat, StoredMessage, User
from bot.sandbox.state import World
from digests.telegram_html import text_length

_COMMAND = re.compile(r"(?<![\w/@])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{1,32})?(?![\w/@])")


def commands_in(text: str) -> list[tuple[dict[str, Any], str]]:
    """The bot_command entities Telegram marks in `text` (UTF-16 offsets), with their text."""
    return [
        (
            {
                "offset": text_length(text[: match.start()]),
                "length": text_length(match.group()),
                "type": "bot_command",
            },
            match.group(),
        )
        for match in _COMMAND.finditer(text)
    ]


def _acting_in(
    world: World, user_id: int, chat_id: int | None, *, posting: bool
) -> tuple[User, Chat]:
    user = world.user(user_id)
    if chat_id is None or chat_id == user_id:
        if user_id in world.blocked:
            raise ValueError(f"user {user_id} blocked the bot: unblock_bot first")
        return user, world.chats[user_id]
    chat = world.chats.get(chat_id)
    if chat is None:
        raise ValueError(f"unknown chat {chat_id}: add_group it first")
    if chat.migrated_to is not None:
        raise ValueError(f"group {chat_id} was migrated to {chat.migrated_to}")
    if chat.kind == PRIVATE:
        raise ValueError(f"user {user_id} can only write in their own private chat")
    if chat.kind == CHANNEL and posting:
        allowed = chat.admins | ({chat.owner} if chat.owner is not None else set())
    else:
        allowed = chat.participants()
    if user_id not in allowed:
        raise ValueError(f"user {user_id} may not do that in chat {chat_id}")
    return user, chat


def _bot_hears(world: World, chat: Chat, message: StoredMessage) -> bool:
    if chat.kind in (PRIVATE, CHANNEL) or not world.privacy_mode or chat.bot_admin:
        return True
    replied = world.message(chat.id, message.reply_to)
    if replied is not None and replied.by_bot:
        return True
    for _entity, command in commands_in(message.text or message.caption or ""):
        mention = command.partition("@")[2]
        if not mention or mention.lower() == BOT_USERNAME.lower():
            return True
    return False


def _deliver(world: World, chat: Chat, message: StoredMessage) -> dict[str, Any]:
    payload = world.message_json(message)
    if _bot_hears(world, chat, message):
        world.updates.push("channel_post" if chat.kind == CHANNEL else "message", payload)
    return payload


def send_text(
    world: World,
    user_id: int,
    text: str,
    *,
    chat_id: int | None = None,
    reply_to_message_id: int | None = None,
) -> dict[str, Any]:
    if not text.strip():
        raise ValueError("a Telegram client does not send empty messages")
    if text_length(text) > 4096:
        raise ValueError("a Telegram client splits messages over 4096 characters")
    user, chat = _acting_in(world, user_id, chat_id, posting=True)
    if reply_to_message_id is not None and world.message(chat.id, reply_to_message_id) is None:
        raise ValueError(f"no message {reply_to_message_id} in chat {chat.id} to reply to")
    message = world.store(
        chat,
        user,
        text=text,
        entities=[entity for entity, _command in commands_in(text)],
        reply_to=reply_to_message_id,
    )
    return _deliver(world, chat, message)


def send_document(
    world: World,
    user_id: int,
    file_name: str,
    content: bytes,
    mime_type: str,
    *,
    chat_id: int | None = None,
    caption: str | None = None,
) -> dict[str, Any]:
    user, chat = _acting_in(world, user_id, chat_id, posting=True)
    stored = world.store_file(file_name, content, mime_type)
    message = world.store(
        chat,
        user,
        document=stored,
        caption=caption or None,
        entities=[entity for entity, _command in commands_in(caption or "")],
    )
    return _deliver(world, chat, message)


def press_button(
    world: World, user_id: int, message_id: int, callback_data: str, *, chat_id: int | None = None
) -> str:
    user, chat = _acting_in(world, user_id, chat_id, posting=False)
    message = world.message(chat.id, message_id)
    if message is None or not message.by_bot:
        raise ValueError(f"message {message_id} in chat {chat.id} is not one the bot sent")
    buttons = [button for row in message.inline_keyboard() for button in row]
    if not any(button.get("callback_data") == callback_data for button in buttons):
        raise ValueError(f"message {message_id} has no button with data {callback_data!r}")
    query = world.new_query(user.id, message, callback_data)
    world.updates.push(
        "callback_query",
        {
            "id": query.id,
            "from": user.to_api(),
            "message": world.message_json(message),
            "chat_instance": str(abs(chat.id) * 7919 + 104729),
            "data": callback_data,
        },
    )
    return query.id


def set_blocked(world: World, user_id: int, blocked: bool) -> None:
    """Block or unblock the bot; the bot hears of it through a my_chat_member update."""
    user = world.user(user_id)
    if (user_id in world.blocked) == blocked:
        return
    if blocked:
        world.blocked.add(user_id)
    else:
        world.blocked.discard(user_id)
    old, new = ("member", "kicked") if blocked else ("kicked", "member")
    kicked = {"until_date": 0}
    world.updates.push(
        "my_chat_member",
        {
            "chat": world.chats[user_id].to_api(),
            "from": user.to_api(),
            "date": int(time.time()),
            "old_chat_member": {
                "user": BOT.to_api(),
                "status": old,
                **(kicked if not blocked else {}),
            },
            "new_chat_member": {"user": BOT.to_api(), "status": new, **(kicked if blocked else {})},
        },
    )


def migrate_group(world: World, old_id: int, new_id: int) -> None:
    """Upgrade a basic group to a supergroup, with the two service messages Telegram sends."""
    old = world.chats.get(old_id)
    if old is None or old.kind != "group" or old.migrated_to is not None:
        raise ValueError(f"chat {old_id} is not a basic group that can be upgraded")
    if new_id in world.chats:
        raise ValueError(f"chat {new_id} already exists")
    new = world.add_group(
        new_id,
        old.title or "",
        kind="supergroup",
        admins=old.admins,
        members=old.members,
        owner=old.owner,
        bot_admin=old.bot_admin,
    )
    old.migrated_to = new_id
    actor_id = old.owner if old.owner is not None else min(old.admins, default=None)
    actor = world.users.get(actor_id) if actor_id is not None else None
    for chat, service in (
        (old, {"migrate_to_chat_id": new_id}),
        (new, {"migrate_from_chat_id": old_id}),
    ):
        message = world.store(chat, actor, extra=service)
        world.updates.push("message", world.message_json(message))
