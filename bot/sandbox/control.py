"""The sandbox's control API: the Python methods of `Sandbox`, over HTTP, in JSON.

Load tests drive the sandbox from another process and a demo drives it from a terminal, so
everything a test can do in-process it can do here. Answers use the Bot API envelope
(`{"ok": true, "result": ...}`, or `ok: false` with a description) so one client reads both.
The API has no authentication; the server only listens on a loopback address.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.sandbox.errors import ApiError
from bot.sandbox.limits import Faults, Limits
from bot.sandbox.routes import dumps

if TYPE_CHECKING:
    from bot.sandbox.server import Sandbox

MAX_WAIT = 60.0


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result}, dumps=dumps)


async def _json(request: web.Request) -> Any:
    try:
        return await request.json()
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "the body must be a JSON object") from exc


async def _body(request: web.Request) -> dict[str, Any]:
    body = await _json(request)
    if not isinstance(body, dict):
        raise ApiError(400, "the body must be a JSON object")
    return body


def _id(value: Any) -> int | None:
    """An optional id from a JSON body, where a client may have written it as a string."""
    return None if value is None or value == "" else int(value)


def _optional_int(request: web.Request, name: str) -> int | None:
    value = request.query.get(name)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise ApiError(400, f"{name} must be an integer") from exc


class Control:
    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox

    def install(self, app: web.Application) -> None:
        posts = {
            "users": self.add_user,
            "groups": self.add_group,
            "block": self.block,
            "migrate": self.migrate,
            "messages": self.send_text,
            "documents": self.send_document,
            "buttons": self.press_button,
            "faults": self.set_faults,
            "limits": self.set_limits,
        }
        gets = {
            "sent": self.sent,
            "answers": self.answers,
            "commands": self.commands,
            "stats": self.stats,
        }
        for name, handler in posts.items():
            app.router.add_post(f"/_sandbox/{name}", self._guarded(handler))
        for name, handler in gets.items():
            app.router.add_get(f"/_sandbox/{name}", self._guarded(handler))

    @staticmethod
    def _guarded(handler: Any) -> Any:
        """A mistake in a control request (unknown user, missing field) is a 400, not a 500."""

        async def guarded(request: web.Request) -> web.StreamResponse:
            try:
                return await handler(request)
            except (ValueError, TypeError, KeyError) as exc:
                raise ApiError(400, str(exc).strip("'\"")) from exc

        return guarded

    async def add_user(self, request: web.Request) -> web.Response:
        """One user (an object), several (a list of such objects), or a range of readers
        (`{"first_id": N, "count": M, "language_code": "en"}`); bulk forms answer the count."""
        body = await _json(request)
        if isinstance(body, list):
            if not all(isinstance(item, dict) for item in body):
                raise ApiError(400, "a list of users must hold JSON objects")
            for item in body:
                self._add_one(item)
            return _ok({"added": len(body)})
        if not isinstance(body, dict):
            raise ApiError(400, "the body must be a JSON object or a list of them")
        if "count" in body:
            added = self._sandbox.add_users(
                int(body["first_id"]), int(body["count"]), body.get("language_code")
            )
            return _ok({"added": len(added)})
        return _ok(self._add_one(body))

    def _add_one(self, body: dict[str, Any]) -> dict[str, Any]:
        user = self._sandbox.add_user(
            int(body["user_id"]),
            str(body["first_name"]),
            body.get("language_code"),
            body.get("username"),
        )
        return user.to_api()

    async def add_group(self, request: web.Request) -> web.Response:
        body = await _body(request)
        chat = self._sandbox.add_group(
            int(body["chat_id"]),
            str(body["title"]),
            kind=body.get("kind", "group"),
            admins={int(user_id) for user_id in body.get("admins", [])},
            members={int(user_id) for user_id in body.get("members", [])},
            owner=_id(body.get("owner")),
            username=body.get("username"),
            bot_admin=bool(body.get("bot_admin", False)),
        )
        return _ok(chat.to_api())

    async def block(self, request: web.Request) -> web.Response:
        body = await _body(request)
        if body.get("blocked", True):
            self._sandbox.block_bot(int(body["user_id"]))
        else:
            self._sandbox.unblock_bot(int(body["user_id"]))
        return _ok(True)

    async def migrate(self, request: web.Request) -> web.Response:
        body = await _body(request)
        self._sandbox.migrate_group(int(body["old_id"]), int(body["new_id"]))
        return _ok(True)

    async def send_text(self, request: web.Request) -> web.Response:
        body = await _body(request)
        message = self._sandbox.send_text(
            int(body["user_id"]),
            str(body["text"]),
            chat_id=_id(body.get("chat_id")),
            reply_to_message_id=_id(body.get("reply_to_message_id")),
        )
        return _ok(message)

    async def send_document(self, request: web.Request) -> web.Response:
        body = await _body(request)
        try:
            content = base64.b64decode(str(body["content"]), validate=True)
        except binascii.Error as exc:
            raise ValueError("content must be base64") from exc
        message = self._sandbox.send_document(
            int(body["user_id"]),
            str(body["file_name"]),
            content,
            str(body.get("mime_type", "application/octet-stream")),
            chat_id=_id(body.get("chat_id")),
            caption=body.get("caption"),
        )
        return _ok(message)

    async def press_button(self, request: web.Request) -> web.Response:
        body = await _body(request)
        query_id = self._sandbox.press_button(
            int(body["user_id"]),
            int(body["message_id"]),
            str(body["callback_data"]),
            chat_id=_id(body.get("chat_id")),
        )
        return _ok({"callback_query_id": query_id})

    async def set_faults(self, request: web.Request) -> web.Response:
        """Set the faults; an empty object turns them off."""
        body = await _body(request)
        self._sandbox.faults = Faults.from_dict(body) if body else None
        return _ok(self._sandbox.faults.to_dict() if self._sandbox.faults else None)

    async def set_limits(self, request: web.Request) -> web.Response:
        body = await _body(request)
        enforce = body.pop("enforce", None)
        if body:
            self._sandbox.limits = Limits(**body)
        if enforce is not None:
            self._sandbox.enforce_limits = bool(enforce)
        limits = asdict(self._sandbox.limits)
        return _ok({"enforce": self._sandbox.enforce_limits, **limits})

    async def sent(self, request: web.Request) -> web.Response:
        """The bot's messages after sequence number `after`; `wait` seconds for one to come."""
        chat_id = _optional_int(request, "chat_id")
        after = _optional_int(request, "after") or 0
        wait = min(float(request.query.get("wait") or 0), MAX_WAIT)
        world = self._sandbox.world
        if wait > 0:
            await world.notifier.wait_for(lambda: world.records(chat_id, after), wait)
        return _ok(world.records(chat_id, after))

    async def answers(self, request: web.Request) -> web.Response:
        return _ok(self._sandbox.callback_answers)

    async def commands(self, request: web.Request) -> web.Response:
        return _ok(
            [
                {"scope": json.loads(scope), "language_code": language, "commands": commands}
                for (scope, language), commands in self._sandbox.commands.items()
            ]
        )

    async def stats(self, request: web.Request) -> web.Response:
        world = self._sandbox.world
        return _ok(
            {
                **self._sandbox.stats.to_dict(),
                "pending_updates": len(world.updates),
                "sent": len(world.sent),
            }
        )
