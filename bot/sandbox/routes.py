"""The Bot API over HTTP: token check, method dispatch, file downloads, error bodies, counters.

Nothing here logs a URL or a parameter: Bot API URLs carry the token, and a token in a log is
a leaked token even when it belongs to a sandbox, because the same code runs with real ones.
"""

from __future__ import annotations

import hmac
import json
import logging
import traceback
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.sandbox import api_info, api_messages
from bot.sandbox.errors import ApiError
from bot.sandbox.params import Params
from bot.sandbox.runtime import Runtime

_log = logging.getLogger("bot.sandbox")

METHODS: dict[str, api_messages.Method] = {**api_info.METHODS, **api_messages.METHODS}
# Telegram matches method names without regard to case.
_BY_LOWER = {name.lower(): name for name in METHODS}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Stats:
    """Counters for load tests: requests per Bot API method, responses per HTTP status."""

    requests: Counter[str] = field(default_factory=Counter)
    responses: Counter[int] = field(default_factory=Counter)
    internal_errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "requests": dict(self.requests),
            "responses": {str(code): count for code, count in sorted(self.responses.items())},
            "internal_errors": len(self.internal_errors),
        }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def error_response(error: ApiError) -> web.Response:
    return web.json_response(error.payload(), status=error.code, dumps=dumps)


class BotApi:
    """The request handlers of one sandbox, bound to its token, runtime and counters."""

    def __init__(self, token: str, runtime: Runtime, stats: Stats) -> None:
        self._token = token.encode()
        self._runtime = runtime
        self._stats = stats

    def install(self, app: web.Application) -> None:
        app.middlewares.append(self._middleware)
        app.router.add_route("*", "/bot{token}/{method}", self.call)
        app.router.add_get("/file/bot{token}/{path:.+}", self.download)

    def _check_token(self, request: web.Request) -> None:
        if not hmac.compare_digest(request.match_info["token"].encode(), self._token):
            raise ApiError(401)

    async def call(self, request: web.Request) -> web.Response:
        self._check_token(request)
        name = _BY_LOWER.get(request.match_info["method"].lower())
        self._stats.requests[name or "<unknown>"] += 1
        if name is None:
            raise ApiError(404)
        params = await Params.from_request(request)
        try:
            result = await METHODS[name](self._runtime, params)
        except ApiError as error:
            _log.debug("%s answered %s", name, error.code)
            raise
        return web.json_response({"ok": True, "result": result}, dumps=dumps)

    async def download(self, request: web.Request) -> web.Response:
        self._check_token(request)
        self._stats.requests["<file>"] += 1
        stored = self._runtime.world.file_by_path(request.match_info["path"])
        if stored is None:
            raise ApiError(404)
        return web.Response(body=stored.content, content_type="application/octet-stream")

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every answer in Telegram's error shape; the bot's calls counted, not the test's."""
        try:
            response = await handler(request)
        except ApiError as error:
            response = error_response(error)
        except web.HTTPException as exc:
            response = error_response(ApiError(exc.status))
        except Exception:
            self._stats.internal_errors.append(traceback.format_exc())
            _log.debug("internal error in the sandbox", exc_info=True)
            response = error_response(ApiError(500))
        if not request.path.startswith("/_sandbox/"):
            self._stats.responses[response.status] += 1
        return response
