"""Bot API methods that send, change or answer something."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.sandbox import errors, validation
from bot.sandbox.errors import ApiError, bad_request
from bot.sandbox.models import BOT, PRIVATE, Chat, StoredFile, StoredMessage
from bot.sandbox.params import Params
from bot.sandbox.runtime import Runtime, reply_target

Method = Callable[[Runtime, Params], Awaitable[Any]]

MAX_ANSWER_TEXT = 200
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


async def send_message(rt: Runtime, params: Params) -> dict[str, Any]:
    """Send text; `entities`, `message_thread_id` and notification flags are accepted, unused.

    Injected faults come first, standing for a Telegram that fails whatever was asked; the
    flood limits come after validation, since Telegram does not count a refused message.
    """
    await rt.inject_faults()
    world = rt.world
    chat = world.chat_for_bot(params.text("chat_id"))
    world.check_can_send(chat)
    mode = validation.parse_mode(params)
    source = params.values.get("text")
    text = validation.message_text(source, mode)
    markup = validation.reply_markup(params)
    params.json_object("link_preview_options", "can't parse link preview options JSON object")
    reply = reply_target(world, chat, params)
    rt.admit(chat)
    message = world.store(
        chat,
        BOT,
        text=text,
        source=source,
        parse_mode=mode,
        reply_markup=markup,
        reply_to=reply,
        method="sendMessage",
        extra=_protected(params),
    )
    return world.message_json(message)


async def send_document(rt: Runtime, params: Params) -> dict[str, Any]:
    world = rt.world
    chat = world.chat_for_bot(params.text("chat_id"))
    world.check_can_send(chat)
    document = _document(rt, params)
    mode = validation.parse_mode(params)
    source = params.values.get("caption")
    caption = validation.caption(source, mode)
    markup = validation.reply_markup(params)
    reply = reply_target(world, chat, params)
    rt.admit(chat)
    message = world.store(
        chat,
        BOT,
        document=document,
        caption=caption,
        source=source,
        parse_mode=mode,
        reply_markup=markup,
        reply_to=reply,
        method="sendDocument",
        extra=_protected(params),
    )
    return world.message_json(message)


def _protected(params: Params) -> dict[str, Any]:
    """Telegram marks a message sent with `protect_content` and otherwise says nothing."""
    return {"has_protected_content": True} if params.flag("protect_content") else {}


def _document(rt: Runtime, params: Params) -> StoredFile:
    """The uploaded part, an `attach://` reference to one, or a known file_id."""
    upload = params.uploads.get("document")
    value = params.text("document")
    if upload is None and value is not None and value.startswith("attach://"):
        upload = params.uploads.get(value.removeprefix("attach://"))
    if upload is not None:
        return rt.world.store_file(
            upload.filename or "document", upload.content, upload.content_type
        )
    if value is None:
        raise bad_request("there is no document in the request")
    if value.startswith(("http://", "https://")):
        raise bad_request("failed to get HTTP URL content")
    stored = rt.world.files.get(value)
    if stored is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    return stored


def _bots_message(rt: Runtime, params: Params, missing: str) -> tuple[Chat, StoredMessage]:
    if params.text("inline_message_id") is not None:
        raise bad_request("MESSAGE_ID_INVALID")
    chat = rt.world.chat_for_bot(params.text("chat_id"))
    message_id = params.integer("message_id")
    if not message_id:
        raise bad_request(errors.MESSAGE_ID_MISSING)
    message = rt.world.message(chat.id, message_id)
    if message is None:
        raise bad_request(missing)
    if not message.by_bot:
        raise bad_request(errors.CANT_EDIT)
    return chat, message


def _looks(text: str | None, source: str | None, mode: str | None) -> tuple[Any, ...]:
    """What Telegram compares to decide an edit changes nothing: text and its formatting."""
    formatted = mode is not None and source is not None and ("<" in source or mode != "HTML")
    return (text, source if formatted else None, mode if formatted else None)


async def edit_message_text(rt: Runtime, params: Params) -> dict[str, Any]:
    """Replace a message's text; leaving out `reply_markup` removes its keyboard, as on Telegram."""
    _chat, message = _bots_message(rt, params, errors.EDIT_NOT_FOUND)
    if message.text is None:
        raise bad_request(errors.NO_TEXT_TO_EDIT)
    mode = validation.parse_mode(params)
    source = params.values.get("text")
    text = validation.message_text(source, mode)
    markup = validation.reply_markup(params, inline_only=True)
    keyboard = (markup or {}).get("inline_keyboard") or []
    if (
        _looks(text, source, mode) == _looks(message.text, message.source, message.parse_mode)
        and keyboard == message.inline_keyboard()
    ):
        raise bad_request(errors.NOT_MODIFIED)
    message.text, message.source, message.parse_mode = text, source, mode
    message.reply_markup = markup
    return _edited(rt, message)


async def edit_message_reply_markup(rt: Runtime, params: Params) -> dict[str, Any]:
    _chat, message = _bots_message(rt, params, errors.EDIT_NOT_FOUND)
    markup = validation.reply_markup(params, inline_only=True)
    if ((markup or {}).get("inline_keyboard") or []) == message.inline_keyboard():
        raise bad_request(errors.NOT_MODIFIED)
    message.reply_markup = markup
    return _edited(rt, message)


def _edited(rt: Runtime, message: StoredMessage) -> dict[str, Any]:
    message.edit_date = int(time.time())
    message.edit_count += 1
    rt.world.notifier.notify()
    return rt.world.message_json(message)


async def delete_message(rt: Runtime, params: Params) -> bool:
    chat = rt.world.chat_for_bot(params.text("chat_id"))
    message_id = params.integer("message_id")
    if not message_id:
        raise bad_request(errors.MESSAGE_ID_MISSING)
    message = rt.world.message(chat.id, message_id)
    if message is None:
        raise bad_request(errors.DELETE_NOT_FOUND)
    if not message.by_bot and chat.kind != PRIVATE and not chat.bot_admin:
        raise bad_request(errors.CANT_DELETE)
    message.deleted = True
    rt.world.notifier.notify()
    return True


async def send_chat_action(rt: Runtime, params: Params) -> bool:
    chat = rt.world.chat_for_bot(params.text("chat_id"))
    rt.world.check_can_send(chat)
    if params.text("action") not in _CHAT_ACTIONS:
        raise bad_request(errors.WRONG_ACTION)
    return True


async def answer_callback_query(rt: Runtime, params: Params) -> bool:
    query_id = params.text("callback_query_id") or ""
    query = rt.world.queries.get(query_id)
    if query is None or query.answer is not None:
        raise bad_request(errors.QUERY_TOO_OLD)
    text = params.values.get("text")
    if text is not None and len(text) > MAX_ANSWER_TEXT:
        raise ApiError(400, "MESSAGE_TOO_LONG")
    answer: dict[str, Any] = {
        "callback_query_id": query_id,
        "show_alert": params.flag("show_alert"),
    }
    if text:
        answer["text"] = text
    if params.text("url"):
        answer["url"] = params.text("url")
    if params.integer("cache_time"):
        answer["cache_time"] = params.integer("cache_time")
    query.answer = answer
    rt.world.notifier.notify()
    return True


METHODS: dict[str, Method] = {
    "sendMessage": send_message,
    "sendDocument": send_document,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "sendChatAction": send_chat_action,
    "answerCallbackQuery": answer_callback_query,
}
