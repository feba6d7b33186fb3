"""Bot API errors as Telegram words them.

A bot's error handling is keyed on Telegram's exact descriptions (python-telegram-bot turns them
into `BadRequest`, `Forbidden`, `ChatMigrated`, `RetryAfter`), so the sandbox answers with the
same texts and HTTP codes rather than its own.
"""

from __future__ import annotations

from typing import Any

CHAT_NOT_FOUND = "chat not found"
CHAT_ID_EMPTY = "chat_id is empty"
TEXT_EMPTY = "message text is empty"
TEXT_TOO_LONG = "message is too long"
CAPTION_TOO_LONG = "message caption is too long"
UNSUPPORTED_PARSE_MODE = "unsupported parse_mode"
BUTTON_DATA_INVALID = "BUTTON_DATA_INVALID"
MARKUP_NOT_JSON = "can't parse reply keyboard markup JSON object"
INLINE_KEYBOARD_EXPECTED = "inline keyboard expected"
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
MESSAGE_ID_MISSING = "message identifier is not specified"
EDIT_NOT_FOUND = "message to edit not found"
DELETE_NOT_FOUND = "message to delete not found"
CANT_EDIT = "message can't be edited"
CANT_DELETE = "message can't be deleted"
NO_TEXT_TO_EDIT = "there is no text in the message to edit"
REPLY_NOT_FOUND = "message to be replied not found"
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
USER_ID_INVALID = "invalid user_id specified"
USER_NOT_FOUND = "user not found"
FILE_ID_INVALID = "invalid file_id"
FILE_TOO_BIG = "file is too big"
WRONG_ACTION = "wrong parameter action in request"
NO_ADMINS_IN_PRIVATE = "there are no administrators in the private chat"
GROUP_MIGRATED = "group chat was upgraded to a supergroup chat"
BLOCKED = "bot was blocked by the user"
WEBHOOK_ACTIVE = (
    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook"
    " first"
)
CONFLICT = "terminated by other getUpdates request; make sure that only one bot instance is running"

_PREFIXES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Request Entity Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
}


class ApiError(Exception):
    """A Bot API call Telegram would refuse; becomes `{"ok": false, ...}` on the wire."""

    def __init__(
        self, code: int, message: str = "", parameters: dict[str, Any] | None = None
    ) -> None:
        prefix = _PREFIXES.get(code, "Error")
        self.code = code
        self.description = f"{prefix}: {message}" if message else prefix
        self.parameters = parameters
        super().__init__(self.description)

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(message: str) -> ApiError:
    return ApiError(400, message)


def forbidden(message: str) -> ApiError:
    return ApiError(403, message)


def migrated(new_chat_id: int) -> ApiError:
    return ApiError(400, GROUP_MIGRATED, {"migrate_to_chat_id": new_chat_id})


def retry_after(seconds: int) -> ApiError:
    return ApiError(429, f"retry after {seconds}", {"retry_after": seconds})


def parse_error(reason: str) -> ApiError:
    return ApiError(400, f"can't parse entities: {reason}")
