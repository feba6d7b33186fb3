"""Reading Bot API parameters the way Telegram's server does.

Telegram accepts parameters as a query string, a form, multipart form data or a JSON body, and
treats them all alike: every top-level value is a string, and objects (`reply_markup`,
`reply_parameters`, `scope`, ...) arrive JSON-encoded inside that string. python-telegram-bot
relies on this: it posts a form whose values are `json.dumps` of anything that is not already a
string (so `42`, `true`, `{"inline_keyboard": ...}`), and switches to multipart only when it
uploads a file. JSON bodies are therefore flattened to strings first, and typed reads happen per
parameter, leniently where Telegram is lenient (numbers are read by their leading digits).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.sandbox.errors import ApiError, bad_request

_LEADING_INT = re.compile(r"-?\d+")
_TRUE = frozenset({"true", "1", "yes"})


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    content: bytes


@dataclass
class Params:
    """The parameters of one call: strings by name, plus uploaded file parts."""

    values: dict[str, str] = field(default_factory=dict)
    uploads: dict[str, Upload] = field(default_factory=dict)

    @classmethod
    async def from_request(cls, request: web.Request) -> Params:
        params = cls()
        for name, value in request.query.items():
            params.values[name] = value
        if request.method != "POST" or not request.can_read_body:
            return params
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError as exc:
                raise bad_request("can't parse JSON object") from exc
            if not isinstance(body, dict):
                raise bad_request("can't parse JSON object")
            for name, value in body.items():
                if value is not None:
                    params.values[name] = value if isinstance(value, str) else json.dumps(value)
            return params
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, str):
                params.values[name] = value
            elif isinstance(value, web.FileField):
                params.uploads[name] = Upload(
                    filename=value.filename,
                    content_type=value.content_type,
                    content=value.file.read(),
                )
        return params

    @classmethod
    def of(cls, **values: Any) -> Params:
        """Parameters given directly, encoded as a client would send them."""
        return cls(
            {
                name: value if isinstance(value, str) else json.dumps(value)
                for name, value in values.items()
                if value is not None
            }
        )

    def text(self, name: str) -> str | None:
        """A string parameter; an empty one counts as absent, as on Telegram."""
        value = self.values.get(name)
        return value if value else None

    def integer(self, name: str, default: int | None = None) -> int | None:
        """An integer read by its leading digits (`12abc` is 12, garbage is `default`)."""
        value = self.values.get(name)
        if value is None:
            return default
        match = _LEADING_INT.match(value.strip())
        return int(match.group()) if match else default

    def number(self, name: str, default: float) -> float:
        value = self.values.get(name)
        if value is None:
            return default
        try:
            return float(value)
        except ValueError:
            return default

    def flag(self, name: str) -> bool:
        return (self.values.get(name) or "").strip().lower() in _TRUE

    def json_value(self, name: str, error: str) -> Any:
        """A JSON-serialized parameter, or None when absent; `error` when it does not parse."""
        value = self.values.get(name)
        if not value:
            return None
        try:
            return json.loads(value)
        except ValueError as exc:
            raise bad_request(error) from exc

    def json_object(self, name: str, error: str) -> dict[str, Any] | None:
        value = self.json_value(name, error)
        if value is not None and not isinstance(value, dict):
            raise bad_request(error)
        return value

    def required_user_id(self) -> int:
        user_id = self.integer("user_id")
        if not user_id:
            raise ApiError(400, "invalid user_id specified")
        return user_id
