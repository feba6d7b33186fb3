"""Bot API methods that read: the bot itself, updates, chats, members, files and commands."""

from __future__ import annotations

from typing import Any

from bot.sandbox import errors, validation, webhook
from bot.sandbox.api_messages import Method
from bot.sandbox.errors import ApiError, bad_request
from bot.sandbox.models import BOT, PRIVATE, chat_member
from bot.sandbox.params import Params
from bot.sandbox.runtime import Runtime

MAX_LONG_POLL = 50
MAX_DOWNLOAD = 20 * 1024 * 1024


async def get_me(rt: Runtime, params: Params) -> dict[str, Any]:
    return {
        **BOT.to_api(),
        "can_join_groups": True,
        "can_read_all_group_messages": not rt.world.privacy_mode,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def get_updates(rt: Runtime, params: Params) -> list[dict[str, Any]]:
    """Long polling: answer once updates are pending or `timeout` runs out.

    A newer getUpdates ends a waiting one with 409 Conflict, as Telegram does when two
    instances poll one token; the abandoned poll of a stopped updater ends the same way.
    """
    world = rt.world
    if rt.webhook is not None:
        raise ApiError(409, errors.WEBHOOK_ACTIVE)
    rt.polls += 1
    generation = rt.polls
    world.notifier.notify()
    limit = params.integer("limit", 100) or 100
    timeout = min(max(params.number("timeout", 0.0), 0.0), MAX_LONG_POLL)
    allowed = params.json_value("allowed_updates", "can't parse allowed_updates JSON object")
    if allowed is not None and not (
        isinstance(allowed, list) and all(isinstance(kind, str) for kind in allowed)
    ):
        raise bad_request('field "allowed_updates" must be an Array of Strings')
    world.updates.set_allowed(allowed)
    world.updates.acknowledge(params.integer("offset", 0) or 0)

    def outcome() -> str | None:
        if rt.polls != generation:
            return "conflict"
        if rt.closing:
            return "closing"
        return "ready" if len(world.updates) else None

    if await world.notifier.wait_for(outcome, timeout) == "conflict":
        raise ApiError(409, errors.CONFLICT)
    return world.updates.take(min(max(limit, 1), 100))


async def get_chat(rt: Runtime, params: Params) -> dict[str, Any]:
    return rt.world.chat_for_bot(params.text("chat_id")).full_info()


async def get_chat_member(rt: Runtime, params: Params) -> dict[str, Any]:
    chat = rt.world.chat_for_bot(params.text("chat_id"))
    user_id = params.required_user_id()
    user = BOT if user_id == BOT.id else rt.world.users.get(user_id)
    if user is None:
        raise bad_request(errors.USER_NOT_FOUND)
    return chat_member(chat, user)


async def get_chat_administrators(rt: Runtime, params: Params) -> list[dict[str, Any]]:
    chat = rt.world.chat_for_bot(params.text("chat_id"))
    if chat.kind == PRIVATE:
        raise bad_request(errors.NO_ADMINS_IN_PRIVATE)
    ids = ([chat.owner] if chat.owner is not None else []) + sorted(chat.admins - {chat.owner})
    admins = [chat_member(chat, rt.world.users[user_id]) for user_id in ids]
    if chat.bot_admin:
        admins.append(chat_member(chat, BOT))
    return admins


async def get_chat_member_count(rt: Runtime, params: Params) -> int:
    chat = rt.world.chat_for_bot(params.text("chat_id"))
    return 2 if chat.kind == PRIVATE else len(chat.participants()) + 1


async def get_file(rt: Runtime, params: Params) -> dict[str, Any]:
    stored = rt.world.files.get(params.text("file_id") or "")
    if stored is None:
        raise bad_request(errors.FILE_ID_INVALID)
    if len(stored.content) > MAX_DOWNLOAD:
        raise bad_request(errors.FILE_TOO_BIG)
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.content),
        "file_path": stored.file_path,
    }


def _commands_key(rt: Runtime, params: Params) -> tuple[str, str]:
    """Where a command list is stored: the scope (its chat resolved) and the language."""
    scope = validation.command_scope(params)
    if "chat_id" in scope:
        chat = rt.world.chat_for_bot(str(scope["chat_id"]))
        if chat.kind == PRIVATE and scope["type"] != "chat":
            raise bad_request("can't use specified scope in private chats")
        scope["chat_id"] = chat.id
    if "user_id" in scope and scope["user_id"] not in rt.world.users:
        raise bad_request(errors.USER_NOT_FOUND)
    return validation.scope_key(scope), validation.language_code(params)


async def set_my_commands(rt: Runtime, params: Params) -> bool:
    commands = validation.bot_commands(params)
    key = _commands_key(rt, params)
    if commands:
        rt.world.commands[key] = commands
    else:
        rt.world.commands.pop(key, None)
    return True


async def get_my_commands(rt: Runtime, params: Params) -> list[dict[str, str]]:
    return rt.world.commands.get(_commands_key(rt, params), [])


async def delete_my_commands(rt: Runtime, params: Params) -> bool:
    rt.world.commands.pop(_commands_key(rt, params), None)
    return True


METHODS: dict[str, Method] = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": webhook.set_webhook,
    "deleteWebhook": webhook.delete_webhook,
    "getWebhookInfo": webhook.get_webhook_info,
    "getChat": get_chat,
    "getChatMember": get_chat_member,
    "getChatAdministrators": get_chat_administrators,
    "getChatMemberCount": get_chat_member_count,
    "getFile": get_file,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
}
