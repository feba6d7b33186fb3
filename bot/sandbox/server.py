"""A local Telegram Bot API for tests, demos and load tests.

The bot under test talks to it with its real HTTP client (python-telegram-bot pointed at
`api_url` and `file_url`), so what is tested is the bot as deployed, wire format included.
The test plays the users through the methods below (or the HTTP control API under
`/_sandbox/`, for other processes) and reads back what the bot sent.
"""

from __future__ import annotations

import ipaddress
import logging
from types import TracebackType
from typing import Any

from aiohttp import web

from bot.sandbox import users
from bot.sandbox.control import Control
from bot.sandbox.limits import Faults, Limits
from bot.sandbox.models import Chat, User
from bot.sandbox.params import Params
from bot.sandbox.routes import BotApi, Stats
from bot.sandbox.runtime import Runtime
from bot.sandbox.state import World
from bot.sandbox.validation import scope_key
from bot.sandbox.webhook import delete_webhook

_log = logging.getLogger("bot.sandbox")
MAX_UPLOAD = 50 * 1024 * 1024
TOKEN = "123456:SANDBOX-TOKEN"  # the bot token a sandbox accepts unless given another


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Sandbox:
    """One emulated Bot API server with its world of users and chats.

    `enforce_limits` answers floods with 429 as Telegram does (`limits` sets the rates); it is
    off by default so functional tests are not slowed by it. `privacy_mode` matches the
    sandbox bot's getMe (`can_read_all_group_messages` false): in groups where it is not an
    administrator the bot only hears commands and replies, as a real bot with default
    settings. Users and chats exist only once added; a private chat is the user's id.
    """

    def __init__(
        self,
        token: str = TOKEN,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        enforce_limits: bool = False,
        limits: Limits | None = None,
        privacy_mode: bool = True,
    ) -> None:
        if not _loopback(host):
            raise ValueError("the sandbox listens on a loopback address only")
        self.token = token
        self.host = host
        self._requested_port = port
        self._port: int | None = None
        self.world = World(privacy_mode=privacy_mode)
        self.runtime = Runtime(self.world, limits or Limits(), enforce_limits)
        self.stats = Stats()
        self._runner: web.AppRunner | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        if self._runner is not None:
            raise RuntimeError("the sandbox is already running")
        app = web.Application(client_max_size=MAX_UPLOAD)
        BotApi(self.token, self.runtime, self.stats).install(app)
        Control(self).install(app)
        # A client that gives up (timeout) cancels its request, as a dropped connection would:
        # nothing is stored for a request nobody waits for.
        runner = web.AppRunner(
            app,
            access_log=None,
            handle_signals=False,
            shutdown_timeout=1.0,
            handler_cancellation=True,
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self._requested_port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self._port = runner.addresses[0][1]
        self.runtime.closing = False
        _log.debug("sandbox listening on port %s", self._port)

    async def stop(self) -> None:
        """Stop serving; waiting long polls are answered first so nothing hangs."""
        if self._runner is None:
            return
        self.runtime.closing = True
        self.world.notifier.notify()
        await delete_webhook(self.runtime, Params({}))
        runner, self._runner = self._runner, None
        await runner.cleanup()
        self._port = None

    async def __aenter__(self) -> Sandbox:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- addresses ------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the sandbox is not running")
        return self._port

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        """The `base_url` for python-telegram-bot, which appends the token itself."""
        return f"{self.base_url}/bot"

    @property
    def file_url(self) -> str:
        return f"{self.base_url}/file/bot"

    @property
    def control_url(self) -> str:
        return f"{self.base_url}/_sandbox"

    # -- knobs ----------------------------------------------------------------------------------

    @property
    def enforce_limits(self) -> bool:
        return self.runtime.enforce_limits

    @enforce_limits.setter
    def enforce_limits(self, value: bool) -> None:
        self.runtime.enforce_limits = value

    @property
    def limits(self) -> Limits:
        return self.runtime.limits

    @limits.setter
    def limits(self, value: Limits) -> None:
        self.runtime.set_limits(value)

    @property
    def faults(self) -> Faults | None:
        return self.runtime.faults

    @faults.setter
    def faults(self, value: Faults | None) -> None:
        self.runtime.faults = value

    # -- the world ------------------------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str,
        language_code: str | None = None,
        username: str | None = None,
    ) -> User:
        return self.world.add_user(user_id, first_name, language_code, username)

    def add_users(self, first_id: int, count: int, language_code: str | None = None) -> range:
        """`count` readers with consecutive ids from `first_id`, named "Reader <id>".

        A load test seats a hundred thousand readers; one control request each would take
        longer than the broadcast it sets up.
        """
        if count < 0:
            raise ValueError(f"count must not be negative: {count}")
        ids = range(first_id, first_id + count)
        for user_id in ids:
            self.world.add_user(user_id, f"Reader {user_id}", language_code)
        return ids

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
        return self.world.add_group(
            chat_id,
            title,
            kind=kind,
            admins=admins,
            members=members,
            owner=owner,
            username=username,
            bot_admin=bot_admin,
        )

    def block_bot(self, user_id: int) -> None:
        users.set_blocked(self.world, user_id, True)

    def unblock_bot(self, user_id: int) -> None:
        users.set_blocked(self.world, user_id, False)

    def migrate_group(self, old_id: int, new_id: int) -> None:
        users.migrate_group(self.world, old_id, new_id)

    # -- what users do --------------------------------------------------------------------------

    def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> dict[str, Any]:
        return users.send_text(
            self.world, user_id, text, chat_id=chat_id, reply_to_message_id=reply_to_message_id
        )

    def send_document(
        self,
        user_id: int,
        file_name: str,
        content: bytes,
        mime_type: str,
        *,
        chat_id: int | None = None,
        caption: str | None = None,
    ) -> dict[str, Any]:
        return users.send_document(
            self.world, user_id, file_name, content, mime_type, chat_id=chat_id, caption=caption
        )

    def press_button(
        self, user_id: int, message_id: int, callback_data: str, *, chat_id: int | None = None
    ) -> str:
        return users.press_button(self.world, user_id, message_id, callback_data, chat_id=chat_id)

    # -- what the bot did -----------------------------------------------------------------------

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Every message the bot sent (to `chat_id`, if given), in order, edits applied."""
        return self.world.records(chat_id)

    @property
    def last_seq(self) -> int:
        """The sequence number of the bot's latest message, for `wait_for_messages(after=)`."""
        return len(self.world.sent)

    @property
    def pending_updates(self) -> int:
        """Updates the bot has not confirmed yet (with a getUpdates offset)."""
        return len(self.world.updates)

    @property
    def callback_answers(self) -> dict[str, dict[str, Any]]:
        return {
            query.id: dict(query.answer)
            for query in self.world.queries.values()
            if query.answer is not None
        }

    @property
    def commands(self) -> dict[tuple[str, str], list[dict[str, str]]]:
        """setMyCommands lists by (scope as canonical JSON, language code or "")."""
        return {key: list(value) for key, value in self.world.commands.items()}

    def commands_for(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        key = (scope_key(scope or {"type": "default"}), language_code)
        return list(self.world.commands.get(key, []))

    async def wait_for_messages(
        self, chat_id: int, count: int = 1, *, timeout: float = 5.0, after: int | None = None
    ) -> list[dict[str, Any]]:
        """The next `count` messages the bot sends to `chat_id` after this call (or `after`)."""
        start = self.last_seq if after is None else after

        def arrived() -> list[dict[str, Any]] | None:
            found = self.world.records(chat_id, start)
            return found[:count] if len(found) >= count else None

        found = await self.world.notifier.wait_for(arrived, timeout)
        if found is None:
            got = len(self.world.records(chat_id, start))
            raise TimeoutError(f"the bot sent {got} of {count} messages to {chat_id} in {timeout}s")
        return found

    async def wait_for_answer(self, query_id: str, timeout: float = 5.0) -> dict[str, Any]:
        if query_id not in self.world.queries:
            raise ValueError(f"no callback query {query_id!r}")
        query = self.world.queries[query_id]
        answer = await self.world.notifier.wait_for(lambda: query.answer, timeout)
        if answer is None:
            raise TimeoutError(f"callback query {query_id} was not answered in {timeout}s")
        return dict(answer)
