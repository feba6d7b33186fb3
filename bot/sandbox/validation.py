"""Checks Telegram makes on message text, keyboards and command lists.

Each check fails with the description Telegram uses, so a bot that mishandles a case here finds
out in its tests rather than in production. HTML is checked by the project's own
`digests.telegram_html` (the same module the renderer relies on); Markdown modes are accepted
as sent, since nothing here parses them.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.sandbox import errors
from bot.sandbox.errors import bad_request
from bot.sandbox.params import Params
from digests.telegram_html import TelegramHTMLError, parse, text_length

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_COMMANDS = 100
_PARSE_MODES = {"html": "HTML", "markdown": "Markdown", "markdownv2": "MarkdownV2"}
_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_COMMAND = re.compile(r"[a-z0-9_]+")
_LANGUAGE = re.compile(r"[a-z]{2}")
_SCOPES_WITH_CHAT = frozenset({"chat", "chat_administrators", "chat_member"})
_SCOPES = frozenset({"default", "all_private_chats", "all_group_chats", "all_chat_administrators"})


def parse_mode(params: Params) -> str | None:
    """The parse mode in Telegram's spelling; it accepts any letter case."""
    value = params.text("parse_mode")
    if value is None:
        return None
    mode = _PARSE_MODES.get(value.lower())
    if mode is None:
        raise bad_request(errors.UNSUPPORTED_PARSE_MODE)
    return mode


def shown_text(source: str, mode: str | None) -> str:
    """The text a reader sees: markup parsed, surrounding whitespace trimmed, as Telegram does."""
    if mode == "HTML":
        try:
            source = parse(source)
        except TelegramHTMLError as exc:
            raise errors.parse_error(str(exc)) from exc
    return source.strip()


def message_text(source: str | None, mode: str | None) -> str:
    """The shown text of a message, refusing what Telegram refuses."""
    if not source:
        raise bad_request(errors.TEXT_EMPTY)
    text = shown_text(source, mode)
    if not text:
        raise bad_request(errors.TEXT_EMPTY)
    if text_length(text) > MAX_TEXT:
        raise bad_request(errors.TEXT_TOO_LONG)
    return text


def caption(source: str | None, mode: str | None) -> str | None:
    if not source:
        return None
    text = shown_text(source, mode)
    if text_length(text) > MAX_CAPTION:
        raise bad_request(errors.CAPTION_TOO_LONG)
    return text or None


def reply_markup(params: Params, *, inline_only: bool = False) -> dict[str, Any] | None:
    """The `reply_markup` parameter, checked; inline keyboards come back normalized."""
    markup = params.json_value("reply_markup", errors.MARKUP_NOT_JSON)
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("object expected as reply markup")
    if "inline_keyboard" in markup:
        return {"inline_keyboard": _inline_keyboard(markup["inline_keyboard"])}
    if inline_only:
        raise bad_request(errors.INLINE_KEYBOARD_EXPECTED)
    if "keyboard" in markup:
        _reply_keyboard(markup["keyboard"])
        return markup
    if "remove_keyboard" in markup or "force_reply" in markup:
        return markup
    raise bad_request(errors.MARKUP_NOT_JSON)


def _inline_keyboard(rows: Any) -> list[list[dict[str, Any]]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
        )
    return [[_inline_button(button) for button in row] for row in rows]


def _inline_button(button: Any) -> dict[str, Any]:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    if not isinstance(button.get("text"), str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    actions = [name for name in _BUTTON_ACTIONS if name in button]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if "callback_data" in button and (
        not isinstance(data, str) or not 0 < len(data.encode()) <= MAX_CALLBACK_DATA
    ):
        raise bad_request(errors.BUTTON_DATA_INVALID)
    return {"text": button["text"], actions[0]: button[actions[0]]}


def _reply_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays')
    for row in rows:
        for button in row:
            if not isinstance(button, str | dict) or (
                isinstance(button, dict) and not isinstance(button.get("text"), str)
            ):
                raise bad_request("can't parse keyboard button: KeyboardButton must be a String")


def bot_commands(params: Params) -> list[dict[str, str]]:
    """The `commands` of setMyCommands, checked the way Telegram checks them."""
    commands = params.json_value("commands", "can't parse commands JSON object")
    if not isinstance(commands, list):
        raise bad_request('field "commands" must be of type Array')
    if len(commands) > MAX_COMMANDS:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    checked = []
    for command in commands:
        if not isinstance(command, dict):
            raise bad_request("can't parse BotCommand: BotCommand must be an Object")
        name = str(command.get("command") or "").strip().removeprefix("/")
        description = str(command.get("description") or "").strip()
        if not name:
            raise bad_request("command must be non-empty")
        if len(name) > 32:
            raise bad_request("command length must not exceed 32")
        if not _COMMAND.fullmatch(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not description:
            raise bad_request("command description must be non-empty")
        if len(description) > 256:
            raise bad_request("command description length must not exceed 256")
        checked.append({"command": name, "description": description})
    return checked


def language_code(params: Params) -> str:
    code = params.text("language_code") or ""
    if code and not _LANGUAGE.fullmatch(code):
        raise bad_request("invalid language code specified")
    return code


def command_scope(params: Params) -> dict[str, Any]:
    """The `scope` object, defaulting to `{"type": "default"}` as Telegram does."""
    scope = params.json_object("scope", "can't parse BotCommandScope JSON object")
    if scope is None:
        return {"type": "default"}
    kind = scope.get("type")
    if kind in _SCOPES:
        return {"type": kind}
    if kind not in _SCOPES_WITH_CHAT:
        raise bad_request("unsupported scope type specified")
    normalized = {"type": kind, "chat_id": scope.get("chat_id")}
    if kind == "chat_member":
        normalized["user_id"] = scope.get("user_id")
    return normalized


def scope_key(scope: dict[str, Any]) -> str:
    return json.dumps(scope, sort_keys=True, separators=(",", ":"))
